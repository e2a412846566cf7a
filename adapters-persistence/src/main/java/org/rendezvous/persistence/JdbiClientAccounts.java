package org.rendezvous.persistence;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.rendezvous.core.account.TokenDigest;
import org.rendezvous.core.client.ClientAccount;
import org.rendezvous.core.client.ClientAccountId;
import org.rendezvous.core.contact.EmailAddress;
import org.rendezvous.core.port.ClientAccounts;

/**
 * Clients' accounts in {@code client_accounts}. The e-mail's uniqueness is the unique key
 * {@code client_accounts_one_per_email}, answered by {@code INSERT … ON CONFLICT DO NOTHING} so that the
 * caller's transaction stays usable; a link is used by a conditional update, so one use wins a race.
 */
final class JdbiClientAccounts implements ClientAccounts {

    public record ClientAccountRow(UUID id, String email, long sessionVersion, String linkDigest, Instant linkExpiresAt,
                                   Instant createdAt) {
    }

    interface Dao {
        String COLUMNS = "id, email, session_version, link_digest, link_expires_at, created_at";

        @SqlUpdate("INSERT INTO client_accounts (" + COLUMNS + ") VALUES (:id, :email, :sessionVersion, :linkDigest, "
                + ":linkExpiresAt, :createdAt) ON CONFLICT DO NOTHING")
        int insert(@BindMethods ClientAccountRow row);

        @SqlUpdate("""
                UPDATE client_accounts
                SET email = :email, session_version = :sessionVersion, link_digest = :linkDigest,
                    link_expires_at = :linkExpiresAt
                WHERE id = :id
                """)
        int update(@BindMethods ClientAccountRow row);

        @SqlUpdate("""
                UPDATE client_accounts SET link_digest = NULL, link_expires_at = NULL
                WHERE id = :id AND link_digest = :digest
                """)
        int useLink(@Bind("id") UUID id, @Bind("digest") String digest);

        @SqlUpdate("DELETE FROM client_accounts WHERE id = :id")
        int remove(@Bind("id") UUID id);

        @SqlQuery("SELECT " + COLUMNS + " FROM client_accounts WHERE id = :id")
        @RegisterConstructorMapper(ClientAccountRow.class)
        Optional<ClientAccountRow> find(@Bind("id") UUID id);

        @SqlQuery("SELECT " + COLUMNS + " FROM client_accounts WHERE email = :email")
        @RegisterConstructorMapper(ClientAccountRow.class)
        Optional<ClientAccountRow> findByEmail(@Bind("email") String email);

        @SqlQuery("SELECT " + COLUMNS + " FROM client_accounts WHERE link_digest = :digest")
        @RegisterConstructorMapper(ClientAccountRow.class)
        Optional<ClientAccountRow> findByLink(@Bind("digest") String digest);
    }

    private final JdbiTransactions transactions;

    JdbiClientAccounts(JdbiTransactions transactions) {
        this.transactions = transactions;
    }

    @Override
    public boolean add(ClientAccount account) {
        ClientAccountRow row = row(account);
        return transactions.withHandle(h -> {
            Dao dao = transactions.attach(h, Dao.class);
            if (dao.insert(row) == 1) {
                return true;
            }
            if (dao.find(row.id()).isPresent()) {
                throw new IllegalStateException("client account " + account.id() + " exists already");
            }
            return false;
        });
    }

    @Override
    public void update(ClientAccount account) {
        ClientAccountRow row = row(account);
        int updated = transactions.withHandle(h -> {
            Dao dao = transactions.attach(h, Dao.class);
            dao.findByEmail(row.email()).filter(owner -> !owner.id().equals(row.id())).ifPresent(owner -> {
                throw new IllegalStateException("email: another client account has this e-mail");
            });
            return dao.update(row);
        });
        if (updated == 0) {
            throw new IllegalStateException("client account " + account.id() + " does not exist");
        }
    }

    @Override
    public Optional<ClientAccount> find(ClientAccountId id) {
        Objects.requireNonNull(id, "id");
        return transactions.withHandle(h -> transactions.attach(h, Dao.class).find(id.value()))
                .map(JdbiClientAccounts::account);
    }

    @Override
    public Optional<ClientAccount> findByEmail(EmailAddress email) {
        Objects.requireNonNull(email, "email");
        return transactions.withHandle(h -> transactions.attach(h, Dao.class).findByEmail(email.value()))
                .map(JdbiClientAccounts::account);
    }

    @Override
    public Optional<ClientAccount> findByLink(TokenDigest digest) {
        Objects.requireNonNull(digest, "digest");
        return transactions.withHandle(h -> transactions.attach(h, Dao.class).findByLink(digest.hex()))
                .map(JdbiClientAccounts::account);
    }

    @Override
    public boolean useLink(ClientAccountId id, TokenDigest digest) {
        return transactions.withHandle(h -> transactions.attach(h, Dao.class).useLink(id.value(), digest.hex())) == 1;
    }

    @Override
    public void remove(ClientAccountId id) {
        transactions.withHandle(h -> transactions.attach(h, Dao.class).remove(id.value()));
    }

    private static ClientAccountRow row(ClientAccount a) {
        return new ClientAccountRow(a.id().value(), a.email().value(), a.sessionVersion(),
                a.linkDigest().map(TokenDigest::hex).orElse(null), a.linkExpiresAt().orElse(null), a.createdAt());
    }

    private static ClientAccount account(ClientAccountRow row) {
        return new ClientAccount(new ClientAccountId(row.id()), EmailAddress.of(row.email()), row.sessionVersion(),
                Optional.ofNullable(row.linkDigest()).map(TokenDigest::new), Optional.ofNullable(row.linkExpiresAt()),
                row.createdAt());
    }
}
