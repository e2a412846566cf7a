package org.rendezvous.core.client;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.rendezvous.core.account.TokenDigest;
import org.rendezvous.core.contact.EmailAddress;

/**
 * A client's passwordless account (CLI-2): an e-mail address proved by a single-use sign-in link, and
 * the version of its sessions (signing out raises it). It holds no details of its own: the client's
 * details and bookings stay in each practitioner's client file, found by this e-mail. At most one link
 * is pending; a new one replaces it, and using it clears it.
 */
public record ClientAccount(ClientAccountId id, EmailAddress email, long sessionVersion, Optional<TokenDigest> linkDigest,
                            Optional<Instant> linkExpiresAt, Instant createdAt) {

    /** How long a sign-in link stays valid. */
    public static final Duration LINK_VALIDITY = Duration.ofMinutes(15);

    public ClientAccount {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(linkDigest, "linkDigest");
        Objects.requireNonNull(linkExpiresAt, "linkExpiresAt");
        Objects.requireNonNull(createdAt, "createdAt");
        if (sessionVersion < 0) {
            throw new IllegalArgumentException("sessionVersion: must be zero or more");
        }
        if (linkDigest.isPresent() != linkExpiresAt.isPresent()) {
            throw new IllegalArgumentException("linkExpiresAt: a pending link has an expiry, and only then");
        }
    }

    public static ClientAccount create(ClientAccountId id, EmailAddress email, Instant now) {
        return new ClientAccount(id, email, 0, Optional.empty(), Optional.empty(), now);
    }

    /** A new pending link, valid {@link #LINK_VALIDITY} from {@code now}; an earlier one no longer works. */
    public ClientAccount withLink(TokenDigest digest, Instant now) {
        return new ClientAccount(id, email, sessionVersion, Optional.of(digest), Optional.of(now.plus(LINK_VALIDITY)),
                createdAt);
    }

    public ClientAccount withoutLink() {
        return new ClientAccount(id, email, sessionVersion, Optional.empty(), Optional.empty(), createdAt);
    }

    /** Every session issued so far ends. */
    public ClientAccount signedOut() {
        return new ClientAccount(id, email, sessionVersion + 1, linkDigest, linkExpiresAt, createdAt);
    }

    /** Expired at its expiry instant exactly, like every one-time link. */
    public boolean linkExpiredAt(Instant now) {
        return linkExpiresAt.map(expiry -> !now.isBefore(expiry)).orElse(true);
    }
}
