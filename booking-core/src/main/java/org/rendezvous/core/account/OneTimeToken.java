package org.rendezvous.core.account;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.rendezvous.core.practitioner.PractitionerId;

/** A single-use link sent by e-mail, stored by its digest only (ACC-1). */
public record OneTimeToken(TokenDigest digest, PractitionerId practitionerId, TokenPurpose purpose, Instant issuedAt,
                           Instant expiresAt, Optional<Instant> usedAt) {
    public OneTimeToken {
        Objects.requireNonNull(digest, "digest");
        Objects.requireNonNull(practitionerId, "practitionerId");
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(issuedAt, "issuedAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(usedAt, "usedAt");
        if (!expiresAt.isAfter(issuedAt)) {
            throw new IllegalArgumentException("expiresAt: must be after issuedAt");
        }
    }

    public static OneTimeToken issue(TokenDigest digest, PractitionerId practitionerId, TokenPurpose purpose, Instant now) {
        return new OneTimeToken(digest, practitionerId, purpose, now, now.plus(purpose.validity()), Optional.empty());
    }

    /** Expired at its expiry instant exactly: a link valid one hour is refused at 1 h 00 min 00 s. */
    public boolean expiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }

    public boolean used() {
        return usedAt.isPresent();
    }
}
