package org.rendezvous.core.operator;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.rendezvous.core.account.LoginThrottle;
import org.rendezvous.core.account.PasswordHash;
import org.rendezvous.core.account.TokenDigest;
import org.rendezvous.core.contact.EmailAddress;

/**
 * An operator's account: the e-mail the host configured, a password once they chose one through their
 * single-use link, the failed logins in a row and the lock they caused (ACC-3, as for practitioners), and
 * the session version (sessions issued under an older one are refused). The pending link is kept by its
 * digest only, with its expiry; choosing a password uses it up.
 */
public record Operator(OperatorId id, EmailAddress email, Optional<PasswordHash> passwordHash, int failedLogins,
                       Optional<Instant> lockedUntil, long sessionVersion, Optional<TokenDigest> linkDigest,
                       Optional<Instant> linkExpiresAt, Instant createdAt) {

    /** How long a set-password link stays valid. */
    public static final java.time.Duration LINK_VALIDITY = java.time.Duration.ofHours(24);

    public Operator {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(passwordHash, "passwordHash");
        Objects.requireNonNull(lockedUntil, "lockedUntil");
        Objects.requireNonNull(linkDigest, "linkDigest");
        Objects.requireNonNull(linkExpiresAt, "linkExpiresAt");
        Objects.requireNonNull(createdAt, "createdAt");
        if (failedLogins < 0) {
            throw new IllegalArgumentException("failedLogins: must not be negative");
        }
        if (sessionVersion < 0) {
            throw new IllegalArgumentException("sessionVersion: must not be negative");
        }
        if (linkDigest.isPresent() != linkExpiresAt.isPresent()) {
            throw new IllegalArgumentException("linkExpiresAt: given with the link digest, and only then");
        }
    }

    public static Operator create(OperatorId id, EmailAddress email, Instant now) {
        return new Operator(id, email, Optional.empty(), 0, Optional.empty(), 0, Optional.empty(), Optional.empty(), now);
    }

    public boolean hasPassword() {
        return passwordHash.isPresent();
    }

    /** Whether a set-password link is still waiting to be used at {@code now}. */
    public boolean linkPendingAt(Instant now) {
        return linkExpiresAt.filter(now::isBefore).isPresent();
    }

    public boolean lockedAt(Instant now) {
        return lockedUntil.filter(now::isBefore).isPresent();
    }

    /** A new link replaces any earlier one. */
    public Operator withLink(TokenDigest digest, Instant now) {
        return new Operator(id, email, passwordHash, failedLogins, lockedUntil, sessionVersion, Optional.of(digest),
                Optional.of(now.plus(LINK_VALIDITY)), createdAt);
    }

    /** A password chosen through the link: the link is used up, every session ends, the lock is lifted. */
    public Operator withPassword(PasswordHash hash) {
        return new Operator(id, email, Optional.of(hash), 0, Optional.empty(), sessionVersion + 1, Optional.empty(),
                Optional.empty(), createdAt);
    }

    public Operator failedLoginAt(Instant now) {
        int failures = failedLogins + 1;
        return new Operator(id, email, passwordHash, failures, LoginThrottle.lockedUntil(failures, now), sessionVersion,
                linkDigest, linkExpiresAt, createdAt);
    }

    public Operator loggedIn() {
        return new Operator(id, email, passwordHash, 0, Optional.empty(), sessionVersion, linkDigest, linkExpiresAt,
                createdAt);
    }

    public Operator loggedOut() {
        return new Operator(id, email, passwordHash, failedLogins, lockedUntil, sessionVersion + 1, linkDigest,
                linkExpiresAt, createdAt);
    }

    @Override
    public String toString() {
        return "Operator[" + id + ", " + email + ", password=" + hasPassword() + ", failedLogins=" + failedLogins + "]";
    }
}
