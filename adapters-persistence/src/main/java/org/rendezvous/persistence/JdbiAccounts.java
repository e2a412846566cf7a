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
import org.rendezvous.core.account.Credentials;
import org.rendezvous.core.account.OneTimeToken;
import org.rendezvous.core.account.PasswordHash;
import org.rendezvous.core.account.TokenDigest;
import org.rendezvous.core.account.TokenPurpose;
import org.rendezvous.core.contact.EmailAddress;
import org.rendezvous.core.port.Accounts;
import org.rendezvous.core.practitioner.PractitionerId;

/**
 * Practitioners' credentials and one-time links (ACC-1, ACC-3), in {@code accounts} and
 * {@code account_tokens}. The e-mail's uniqueness is the unique key {@code accounts_one_per_email},
 * answered by {@code INSERT … ON CONFLICT DO NOTHING} so that the caller's transaction stays usable
 * (registration rolls back on a taken e-mail). A token's single use is {@code UPDATE … WHERE used_at IS
 * NULL}: of two requests racing with one link, the second waits for the first's transaction and then
 * matches no row (or, in a store call's own REPEATABLE READ transaction, fails to serialize and, re-run,
 * matches none).
 */
final class JdbiAccounts implements Accounts {

    public record AccountRow(UUID practitionerId, String email, String passwordHash, boolean emailVerified,
                             int failedLogins, Instant lockedUntil, long sessionVersion) {
    }

    public record TokenRow(String digest, UUID practitionerId, String purpose, Instant issuedAt, Instant expiresAt,
                           Instant usedAt) {
    }

    interface Dao {
        @SqlUpdate("""
                INSERT INTO accounts (practitioner_id, email, password_hash, email_verified, failed_logins,
                    locked_until, session_version)
                VALUES (:practitionerId, :email, :passwordHash, :emailVerified, :failedLogins, :lockedUntil,
                    :sessionVersion)
                ON CONFLICT DO NOTHING
                """)
        int insert(@BindMethods AccountRow row);

        @SqlUpdate("""
                UPDATE accounts
                SET email = :email, password_hash = :passwordHash, email_verified = :emailVerified,
                    failed_logins = :failedLogins, locked_until = :lockedUntil, session_version = :sessionVersion
                WHERE practitioner_id = :practitionerId
                """)
        int update(@BindMethods AccountRow row);

        @SqlQuery("""
                SELECT practitioner_id, email, password_hash, email_verified, failed_logins, locked_until,
                    session_version
                FROM accounts WHERE practitioner_id = :practitionerId
                """)
        @RegisterConstructorMapper(AccountRow.class)
        Optional<AccountRow> find(@Bind("practitionerId") UUID practitionerId);

        @SqlQuery("""
                SELECT practitioner_id, email, password_hash, email_verified, failed_logins, locked_until,
                    session_version
                FROM accounts WHERE email = :email
                """)
        @RegisterConstructorMapper(AccountRow.class)
        Optional<AccountRow> findByEmail(@Bind("email") String email);

        @SqlUpdate("""
                INSERT INTO account_tokens (digest, practitioner_id, purpose, issued_at, expires_at, used_at)
                VALUES (:digest, :practitionerId, :purpose, :issuedAt, :expiresAt, :usedAt)
                ON CONFLICT (digest) DO NOTHING
                """)
        int insertToken(@BindMethods TokenRow row);

        @SqlQuery("""
                SELECT digest, practitioner_id, purpose, issued_at, expires_at, used_at
                FROM account_tokens WHERE digest = :digest
                """)
        @RegisterConstructorMapper(TokenRow.class)
        Optional<TokenRow> findToken(@Bind("digest") String digest);

        @SqlUpdate("UPDATE account_tokens SET used_at = :at WHERE digest = :digest AND used_at IS NULL")
        int useToken(@Bind("digest") String digest, @Bind("at") Instant at);

        @SqlUpdate("""
                UPDATE account_tokens SET used_at = :at
                WHERE practitioner_id = :practitionerId AND purpose = :purpose AND used_at IS NULL
                """)
        int useAllTokens(@Bind("practitionerId") UUID practitionerId, @Bind("purpose") String purpose,
                         @Bind("at") Instant at);
    }

    private final JdbiTransactions transactions;

    JdbiAccounts(JdbiTransactions transactions) {
        this.transactions = transactions;
    }

    @Override
    public boolean add(Credentials credentials) {
        AccountRow row = row(credentials);
        return transactions.withHandle(h -> {
            Dao dao = transactions.attach(h, Dao.class);
            if (dao.insert(row) == 1) {
                return true;
            }
            // Either key refused it: this practitioner's account (a bug, as in memory) or the e-mail (an answer).
            if (dao.find(row.practitionerId()).isPresent()) {
                throw new IllegalStateException("account " + credentials.practitionerId() + " exists already");
            }
            return false;
        });
    }

    @Override
    public void update(Credentials credentials) {
        AccountRow row = row(credentials);
        int updated = transactions.withHandle(h -> {
            Dao dao = transactions.attach(h, Dao.class);
            // Checked first so that the refusal is the port's, and the caller's transaction stays usable; an
            // update racing for the same new e-mail is still refused by the unique key.
            dao.findByEmail(row.email()).filter(owner -> !owner.practitionerId().equals(row.practitionerId()))
                    .ifPresent(owner -> {
                        throw new IllegalStateException("email: another account has this e-mail");
                    });
            return dao.update(row);
        });
        if (updated == 0) {
            throw new IllegalStateException("account " + credentials.practitionerId() + " does not exist");
        }
    }

    @Override
    public Optional<Credentials> find(PractitionerId practitioner) {
        Objects.requireNonNull(practitioner, "practitioner");
        return transactions.withHandle(h -> transactions.attach(h, Dao.class).find(practitioner.value())).map(JdbiAccounts::credentials);
    }

    @Override
    public Optional<Credentials> findByEmail(EmailAddress email) {
        Objects.requireNonNull(email, "email");
        return transactions.withHandle(h -> transactions.attach(h, Dao.class).findByEmail(email.value())).map(JdbiAccounts::credentials);
    }

    @Override
    public void saveToken(OneTimeToken token) {
        TokenRow row = new TokenRow(token.digest().hex(), token.practitionerId().value(), token.purpose().name(),
                token.issuedAt(), token.expiresAt(), token.usedAt().orElse(null));
        if (transactions.withHandle(h -> transactions.attach(h, Dao.class).insertToken(row)) == 0) {
            throw new IllegalStateException("token " + token.digest() + " exists already");
        }
    }

    @Override
    public Optional<OneTimeToken> findToken(TokenDigest digest) {
        Objects.requireNonNull(digest, "digest");
        return transactions.withHandle(h -> transactions.attach(h, Dao.class).findToken(digest.hex())).map(JdbiAccounts::token);
    }

    @Override
    public boolean useToken(TokenDigest digest, Instant at) {
        Objects.requireNonNull(digest, "digest");
        Objects.requireNonNull(at, "at");
        return transactions.withHandle(h -> transactions.attach(h, Dao.class).useToken(digest.hex(), at)) == 1;
    }

    @Override
    public int useAllTokens(PractitionerId practitioner, TokenPurpose purpose, Instant at) {
        Objects.requireNonNull(practitioner, "practitioner");
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(at, "at");
        return transactions.withHandle(h -> transactions.attach(h, Dao.class).useAllTokens(practitioner.value(), purpose.name(), at));
    }

    private static AccountRow row(Credentials c) {
        return new AccountRow(c.practitionerId().value(), c.email().value(), c.passwordHash().value(), c.emailVerified(),
                c.failedLogins(), c.lockedUntil().orElse(null), c.sessionVersion());
    }

    private static Credentials credentials(AccountRow row) {
        return new Credentials(new PractitionerId(row.practitionerId()), EmailAddress.of(row.email()),
                new PasswordHash(row.passwordHash()), row.emailVerified(), row.failedLogins(),
                Optional.ofNullable(row.lockedUntil()), row.sessionVersion());
    }

    private static OneTimeToken token(TokenRow row) {
        return new OneTimeToken(new TokenDigest(row.digest()), new PractitionerId(row.practitionerId()),
                TokenPurpose.valueOf(row.purpose()), row.issuedAt(), row.expiresAt(), Optional.ofNullable(row.usedAt()));
    }
}
