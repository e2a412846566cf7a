package org.rendezvous.core.account;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.rendezvous.core.contact.EmailAddress;
import org.rendezvous.core.practitioner.PractitionerId;

/**
 * How a practitioner signs in (ACC-1, ACC-3): their e-mail (unique across accounts), a slow salted
 * password hash, whether the e-mail was verified, the failed logins in a row and the lock they caused,
 * and the session version: sessions issued under an older version are no longer accepted.
 */
public record Credentials(PractitionerId practitionerId, EmailAddress email, PasswordHash passwordHash,
                          boolean emailVerified, int failedLogins, Optional<Instant> lockedUntil, long sessionVersion) {
    public Credentials {
        Objects.requireNonNull(practitionerId, "practitionerId");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(passwordHash, "passwordHash");
        Objects.requireNonNull(lockedUntil, "lockedUntil");
        if (failedLogins < 0) {
            throw new IllegalArgumentException("failedLogins: must not be negative");
        }
        if (sessionVersion < 0) {
            throw new IllegalArgumentException("sessionVersion: must not be negative");
        }
    }

    public static Credentials create(PractitionerId practitionerId, EmailAddress email, PasswordHash hash) {
        return new Credentials(practitionerId, email, hash, false, 0, Optional.empty(), 0);
    }

    public boolean lockedAt(Instant now) {
        return lockedUntil.filter(now::isBefore).isPresent();
    }

    public Credentials failedLoginAt(Instant now) {
        int failures = failedLogins + 1;
        return new Credentials(practitionerId, email, passwordHash, emailVerified, failures,
                LoginThrottle.lockedUntil(failures, now), sessionVersion);
    }

    public Credentials loggedIn() {
        return new Credentials(practitionerId, email, passwordHash, emailVerified, 0, Optional.empty(), sessionVersion);
    }

    public Credentials verified() {
        return new Credentials(practitionerId, email, passwordHash, true, failedLogins, lockedUntil, sessionVersion);
    }

    /** A new password ends every session and lifts the lock; the link that allowed it proved the e-mail too. */
    public Credentials withPassword(PasswordHash hash) {
        return new Credentials(practitionerId, email, hash, true, 0, Optional.empty(), sessionVersion + 1);
    }

    public Credentials loggedOut() {
        return new Credentials(practitionerId, email, passwordHash, emailVerified, failedLogins, lockedUntil,
                sessionVersion + 1);
    }

    @Override
    public String toString() {
        return "Credentials[" + practitionerId + ", " + email + ", verified=" + emailVerified + ", failedLogins="
                + failedLogins + "]";
    }
}
