package org.rendezvous.persistence;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.rendezvous.core.contact.EmailAddress;
import org.rendezvous.core.contact.Language;
import org.rendezvous.core.contact.PersonName;
import org.rendezvous.core.contact.PhoneNumber;
import org.rendezvous.core.port.Practitioners;
import org.rendezvous.core.practitioner.Practitioner;
import org.rendezvous.core.practitioner.PractitionerId;

final class JdbiPractitioners implements Practitioners {

    public record PractitionerRow(UUID id, String name, String email, String phone, String language, Instant registeredAt) {
    }

    interface Dao {
        @SqlUpdate("""
                INSERT INTO practitioners (id, name, email, phone, language, registered_at)
                VALUES (:id, :name, :email, :phone, :language, :registeredAt)
                ON CONFLICT DO NOTHING
                """)
        int insert(@BindMethods PractitionerRow row);

        @SqlUpdate("""
                UPDATE practitioners
                SET name = :name, email = :email, phone = :phone, language = :language, registered_at = :registeredAt
                WHERE id = :id
                """)
        int update(@BindMethods PractitionerRow row);

        @SqlQuery("""
                SELECT id, name, email, phone, language, registered_at
                FROM practitioners WHERE id = :id
                """)
        @RegisterConstructorMapper(PractitionerRow.class)
        Optional<PractitionerRow> find(@Bind("id") UUID id);

        @SqlQuery("SELECT id, name, email, phone, language, registered_at FROM practitioners ORDER BY email, id LIMIT :limit")
        @RegisterConstructorMapper(PractitionerRow.class)
        java.util.List<PractitionerRow> all(@Bind("limit") int limit);
    }

    private final JdbiTransactions transactions;

    JdbiPractitioners(JdbiTransactions transactions) {
        this.transactions = transactions;
    }

    @Override
    public void add(Practitioner practitioner) {
        int added = transactions.withHandle(h -> transactions.attach(h, Dao.class).insert(row(practitioner)));
        if (added == 0) {
            throw new IllegalStateException("practitioner " + practitioner.id() + " exists already");
        }
    }

    @Override
    public void update(Practitioner practitioner) {
        int updated = transactions.withHandle(h -> transactions.attach(h, Dao.class).update(row(practitioner)));
        if (updated == 0) {
            throw new IllegalStateException("practitioner " + practitioner.id() + " does not exist");
        }
    }

    @Override
    public Optional<Practitioner> find(PractitionerId id) {
        return transactions.withHandle(h -> transactions.attach(h, Dao.class).find(id.value())).map(JdbiPractitioners::practitioner);
    }

    @Override
    public java.util.List<Practitioner> all(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit: at least 1");
        }
        return transactions.withHandle(h -> transactions.attach(h, Dao.class).all(limit)).stream()
                .map(JdbiPractitioners::practitioner).toList();
    }

    private static PractitionerRow row(Practitioner p) {
        return new PractitionerRow(p.id().value(), p.name().value(), p.email().value(),
                p.phone().map(PhoneNumber::value).orElse(null), p.language().name(), p.registeredAt());
    }

    private static Practitioner practitioner(PractitionerRow row) {
        return new Practitioner(new PractitionerId(row.id()), PersonName.of(row.name()), EmailAddress.of(row.email()),
                Optional.ofNullable(row.phone()).map(PhoneNumber::new), Language.valueOf(row.language()),
                row.registeredAt());
    }
}
