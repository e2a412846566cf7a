package org.rendezvous.persistence;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.rendezvous.core.account.PasswordHash;
import org.rendezvous.core.account.TokenDigest;
import org.rendezvous.core.contact.EmailAddress;
import org.rendezvous.core.operator.Operator;
import org.rendezvous.core.operator.OperatorId;
import org.rendezvous.core.port.Operators;

/**
 * Operators' accounts in {@code operators}. The e-mail's uniqueness is the unique key
 * {@code operators_one_per_email}, answered by {@code INSERT … ON CONFLICT DO NOTHING} so that the
 * caller's transaction stays usable.
 */
final class JdbiOperators implements Operators {

    public record OperatorRow(UUID id, String email, String passwordHash, int failedLogins, Instant lockedUntil,
                              long sessionVersion, String linkDigest, Instant linkExpiresAt, Instant createdAt) {
    }

    interface Dao {
        String COLUMNS = "id, email, password_hash, failed_logins, locked_until, session_version, link_digest, "
                + "link_expires_at, created_at";

        @SqlUpdate("INSERT INTO operators (" + COLUMNS + ") VALUES (:id, :email, :passwordHash, :failedLogins, "
                + ":lockedUntil, :sessionVersion, :linkDigest, :linkExpiresAt, :createdAt) ON CONFLICT DO NOTHING")
        int insert(@BindMethods OperatorRow row);

        @SqlUpdate("""
                UPDATE operators
                SET email = :email, password_hash = :passwordHash, failed_logins = :failedLogins,
                    locked_until = :lockedUntil, session_version = :sessionVersion, link_digest = :linkDigest,
                    link_expires_at = :linkExpiresAt
                WHERE id = :id
                """)
        int update(@BindMethods OperatorRow row);

        @SqlQuery("SELECT " + COLUMNS + " FROM operators WHERE id = :id")
        @RegisterConstructorMapper(OperatorRow.class)
        Optional<OperatorRow> find(@Bind("id") UUID id);

        @SqlQuery("SELECT " + COLUMNS + " FROM operators WHERE email = :email")
        @RegisterConstructorMapper(OperatorRow.class)
        Optional<OperatorRow> findByEmail(@Bind("email") String email);

        @SqlQuery("SELECT " + COLUMNS + " FROM operators WHERE link_digest = :digest")
        @RegisterConstructorMapper(OperatorRow.class)
        Optional<OperatorRow> findByLink(@Bind("digest") String digest);

        @SqlQuery("SELECT " + COLUMNS + " FROM operators ORDER BY email")
        @RegisterConstructorMapper(OperatorRow.class)
        List<OperatorRow> all();
    }

    private final JdbiTransactions transactions;

    JdbiOperators(JdbiTransactions transactions) {
        this.transactions = transactions;
    }

    @Override
    public boolean add(Operator operator) {
        OperatorRow row = row(operator);
        return transactions.withHandle(h -> {
            Dao dao = transactions.attach(h, Dao.class);
            if (dao.insert(row) == 1) {
                return true;
            }
            if (dao.find(row.id()).isPresent()) {
                throw new IllegalStateException("operator " + operator.id() + " exists already");
            }
            return false;
        });
    }

    @Override
    public void update(Operator operator) {
        OperatorRow row = row(operator);
        int updated = transactions.withHandle(h -> {
            Dao dao = transactions.attach(h, Dao.class);
            dao.findByEmail(row.email()).filter(owner -> !owner.id().equals(row.id())).ifPresent(owner -> {
                throw new IllegalStateException("email: another operator has this e-mail");
            });
            return dao.update(row);
        });
        if (updated == 0) {
            throw new IllegalStateException("operator " + operator.id() + " does not exist");
        }
    }

    @Override
    public Optional<Operator> find(OperatorId id) {
        Objects.requireNonNull(id, "id");
        return transactions.withHandle(h -> transactions.attach(h, Dao.class).find(id.value())).map(JdbiOperators::operator);
    }

    @Override
    public Optional<Operator> findByEmail(EmailAddress email) {
        Objects.requireNonNull(email, "email");
        return transactions.withHandle(h -> transactions.attach(h, Dao.class).findByEmail(email.value()))
                .map(JdbiOperators::operator);
    }

    @Override
    public Optional<Operator> findByLink(TokenDigest digest) {
        Objects.requireNonNull(digest, "digest");
        return transactions.withHandle(h -> transactions.attach(h, Dao.class).findByLink(digest.hex()))
                .map(JdbiOperators::operator);
    }

    @Override
    public List<Operator> all() {
        return transactions.withHandle(h -> transactions.attach(h, Dao.class).all()).stream()
                .map(JdbiOperators::operator).toList();
    }

    private static OperatorRow row(Operator o) {
        return new OperatorRow(o.id().value(), o.email().value(), o.passwordHash().map(PasswordHash::value).orElse(null),
                o.failedLogins(), o.lockedUntil().orElse(null), o.sessionVersion(),
                o.linkDigest().map(TokenDigest::hex).orElse(null), o.linkExpiresAt().orElse(null), o.createdAt());
    }

    private static Operator operator(OperatorRow row) {
        return new Operator(new OperatorId(row.id()), EmailAddress.of(row.email()),
                Optional.ofNullable(row.passwordHash()).map(PasswordHash::new), row.failedLogins(),
                Optional.ofNullable(row.lockedUntil()), row.sessionVersion(),
                Optional.ofNullable(row.linkDigest()).map(TokenDigest::new), Optional.ofNullable(row.linkExpiresAt()),
                row.createdAt());
    }
}
