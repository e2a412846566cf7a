package org.rendezvous.app.wiring;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import java.time.Duration;
import java.util.Objects;

/**
 * Limits on the account e-mails anyone can trigger (registration, verification resend, password reset), so
 * that nobody floods an inbox or probes addresses at will (ACC-1, ACC-3; README, "Configuration").
 *
 * @param perAddress          at most this many account e-mails to one address per {@code perAddressWindow}
 *                            (RENDEZVOUS_RATE_LIMIT_PER_ADDRESS); past it the mail is silently not sent
 * @param perAddressWindow    RENDEZVOUS_RATE_LIMIT_PER_ADDRESS_WINDOW
 * @param perClient           at most this many such requests from one client address per {@code perClientWindow}
 *                            (RENDEZVOUS_RATE_LIMIT_PER_CLIENT); past it the answer is 429 with Retry-After
 * @param perClientWindow     RENDEZVOUS_RATE_LIMIT_PER_CLIENT_WINDOW
 * @param clientAddressHeader the header a trusted reverse proxy sets to the client's address, e.g.
 *                            {@code X-Forwarded-For} (RENDEZVOUS_CLIENT_ADDRESS_HEADER); unset, the TCP peer's
 *                            address is used, since a header a client sets itself would let it pick its own limit
 */
@ConfigurationProperties("rendezvous.rate-limits")
public record RateLimitSettings(int perAddress, Duration perAddressWindow, int perClient, Duration perClientWindow,
                         @Nullable String clientAddressHeader) {
    public RateLimitSettings {
        positive(perAddress, "per-address");
        positive(perClient, "per-client");
        window(perAddressWindow, "per-address-window");
        window(perClientWindow, "per-client-window");
    }

    private static void positive(int value, String name) {
        if (value < 1) {
            throw new IllegalArgumentException("rendezvous.rate-limits." + name + ": at least 1");
        }
    }

    private static void window(Duration value, String name) {
        Objects.requireNonNull(value, "rendezvous.rate-limits." + name);
        if (value.compareTo(Duration.ofSeconds(1)) < 0 || value.compareTo(Duration.ofDays(7)) > 0) {
            throw new IllegalArgumentException("rendezvous.rate-limits." + name + ": between 1 s and 7 days");
        }
    }
}
