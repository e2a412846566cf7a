package org.rendezvous.persistence;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.rendezvous.core.client.Client;
import org.rendezvous.core.client.ClientDetails;
import org.rendezvous.core.client.ClientId;
import org.rendezvous.core.contact.EmailAddress;
import org.rendezvous.core.contact.Language;
import org.rendezvous.core.contact.PersonName;
import org.rendezvous.core.contact.PhoneNumber;
import org.rendezvous.core.port.Clients;
import org.rendezvous.core.practitioner.PractitionerId;

final class JdbiClients implements Clients {

    public record ClientRow(UUID id, UUID practitionerId, String name, String email, String phone, String language,
                     Instant createdAt) {
    }

    interface Dao {
        /** Nothing is inserted when the id or the practitioner's e-mail is taken, and the transaction stays usable. */
        @SqlUpdate("""
                INSERT INTO clients (id, practitioner_id, name, email, phone, language, created_at)
                VALUES (:id, :practitionerId, :name, :email, :phone, :language, :createdAt)
                ON CONFLICT DO NOTHING
                """)
        int insert(@BindMethods ClientRow row);

        @SqlUpdate("""
                UPDATE clients SET name = :name, email = :email, phone = :phone, language = :language
                WHERE id = :id AND practitioner_id = :practitionerId
                  AND NOT EXISTS (SELECT 1 FROM clients other
                                  WHERE other.practitioner_id = :practitionerId AND other.email = :email
                                    AND other.id != :id)
                """)
        int update(@BindMethods ClientRow row);

        @SqlQuery("SELECT count(*) FROM clients WHERE id = :id")
        int count(@Bind("id") UUID id);

        @SqlQuery("""
                SELECT id, practitioner_id, name, email, phone, language, created_at
                FROM clients WHERE practitioner_id = :practitionerId AND id = :id
                """)
        @RegisterConstructorMapper(ClientRow.class)
        Optional<ClientRow> find(@Bind("practitionerId") UUID practitionerId, @Bind("id") UUID id);

        @SqlQuery("""
                SELECT id, practitioner_id, name, email, phone, language, created_at
                FROM clients WHERE practitioner_id = :practitionerId AND email = :email
                """)
        @RegisterConstructorMapper(ClientRow.class)
        Optional<ClientRow> findByEmail(@Bind("practitionerId") UUID practitionerId, @Bind("email") String email);

        @SqlQuery("""
                SELECT id, practitioner_id, name, email, phone, language, created_at
                FROM clients WHERE practitioner_id = :practitionerId
                ORDER BY name COLLATE "C", id
                """)
        @RegisterConstructorMapper(ClientRow.class)
        List<ClientRow> of(@Bind("practitionerId") UUID practitionerId);

        @SqlQuery("""
                SELECT id, practitioner_id, name, email, phone, language, created_at
                FROM clients WHERE email = :email
                ORDER BY created_at, id
                """)
        @RegisterConstructorMapper(ClientRow.class)
        List<ClientRow> withEmail(@Bind("email") String email);
    }

    private final JdbiTransactions transactions;

    JdbiClients(JdbiTransactions transactions) {
        this.transactions = transactions;
    }

    @Override
    public void add(Client client) {
        if (transactions.withHandle(h -> transactions.attach(h, Dao.class).insert(row(client))) == 0) {
            throw new IllegalStateException("a client with this id or e-mail exists already for practitioner "
                    + client.practitionerId());
        }
    }

    @Override
    public void update(Client client) {
        transactions.withHandle(h -> {
            Dao dao = transactions.attach(h, Dao.class);
            if (dao.update(row(client)) == 0) {
                throw dao.count(client.id().value()) == 0
                        ? new IllegalStateException("client " + client.id() + " does not exist")
                        : new IllegalStateException("a client with this e-mail exists already for practitioner "
                                + client.practitionerId());
            }
            return null;
        });
    }

    @Override
    public Optional<Client> find(PractitionerId practitioner, ClientId id) {
        return transactions.withHandle(h -> transactions.attach(h, Dao.class).find(practitioner.value(), id.value()))
                .map(JdbiClients::client);
    }

    @Override
    public Optional<Client> findByEmail(PractitionerId practitioner, EmailAddress email) {
        return transactions.withHandle(h -> transactions.attach(h, Dao.class).findByEmail(practitioner.value(), email.value()))
                .map(JdbiClients::client);
    }

    @Override
    public List<Client> of(PractitionerId practitioner) {
        return transactions.withHandle(h -> transactions.attach(h, Dao.class).of(practitioner.value())).stream()
                .map(JdbiClients::client).toList();
    }

    /** One statement: inserted, or the one on file with the candidate's details (issue 15). */
    @Override
    public Client keep(Client candidate) {
        ClientRow row = row(candidate);
        return transactions.withHandle(h -> JdbiTransactions.translated(() -> h.createQuery("""
                        INSERT INTO clients (id, practitioner_id, name, email, phone, language, created_at)
                        VALUES (:id, :practitionerId, :name, :email, :phone, :language, :createdAt)
                        ON CONFLICT (practitioner_id, email) DO UPDATE SET
                            name = excluded.name, phone = excluded.phone, language = excluded.language
                        RETURNING id, practitioner_id, name, email, phone, language, created_at
                        """).bindMethods(row)
                .map((rows, context) -> client(new ClientRow(rows.getObject("id", UUID.class),
                        rows.getObject("practitioner_id", UUID.class), rows.getString("name"), rows.getString("email"),
                        rows.getString("phone"), rows.getString("language"),
                        rows.getObject("created_at", java.time.OffsetDateTime.class).toInstant())))
                .one()));
    }

    @Override
    public List<Client> withEmail(EmailAddress email) {
        return transactions.withHandle(h -> transactions.attach(h, Dao.class).withEmail(email.value())).stream()
                .map(JdbiClients::client).toList();
    }

    private static ClientRow row(Client c) {
        ClientDetails d = c.details();
        return new ClientRow(c.id().value(), c.practitionerId().value(), d.name().value(), d.email().value(),
                d.phone().value(), d.language().name(), c.createdAt());
    }

    private static Client client(ClientRow row) {
        return new Client(new ClientId(row.id()), new PractitionerId(row.practitionerId()),
                new ClientDetails(PersonName.of(row.name()), EmailAddress.of(row.email()), new PhoneNumber(row.phone()),
                        Language.valueOf(row.language())),
                row.createdAt());
    }
}
