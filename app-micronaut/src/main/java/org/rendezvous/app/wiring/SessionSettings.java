package org.rendezvous.app.wiring;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import java.time.Duration;
import java.util.Objects;

/**
 * Practitioners' sessions (README, "Configuration"; docs/api.md).
 *
 * @param jwtSecret the HS256 key that signs session tokens, at least 32 characters (RENDEZVOUS_JWT_SECRET);
 *                  when absent a random one is made at start, and sessions do not survive a restart
 * @param lifetime  how long a session token and its cookie last (RENDEZVOUS_SESSION_LIFETIME)
 */
@ConfigurationProperties("rendezvous.session")
public record SessionSettings(@Nullable String jwtSecret, Duration lifetime) {

    static final int MINIMUM_SECRET_LENGTH = 32;

    public SessionSettings {
        Objects.requireNonNull(lifetime, "rendezvous.session.lifetime");
        if (lifetime.isNegative() || lifetime.isZero() || lifetime.compareTo(Duration.ofDays(30)) > 0) {
            throw new IllegalArgumentException("rendezvous.session.lifetime: between 1 s and 30 days");
        }
        if (jwtSecret != null && !jwtSecret.isBlank() && jwtSecret.length() < MINIMUM_SECRET_LENGTH) {
            throw new IllegalArgumentException("rendezvous.session.jwt-secret (RENDEZVOUS_JWT_SECRET): at least "
                    + MINIMUM_SECRET_LENGTH + " characters");
        }
    }

    boolean hasSecret() {
        return jwtSecret != null && !jwtSecret.isBlank();
    }
}
