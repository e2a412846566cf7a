package org.rendezvous.core.notification;

import java.util.Objects;

/**
 * What a provider answered to one message. A sender keeps the difference between a failure worth
 * retrying (network, 5xx, rate limit, SMTP server down) and one that will never succeed (invalid or
 * opted-out number, address refused): the first is retried with back-off, the second is parked at once.
 */
public sealed interface SendResult {

    /** The provider accepted the message; {@code providerReference} is its id there (SMTP Message-ID, SMS sid). */
    record Sent(String providerReference) implements SendResult {
        public Sent {
            Objects.requireNonNull(providerReference, "providerReference");
        }
    }

    record TemporaryFailure(String reason) implements SendResult {
        public TemporaryFailure {
            Objects.requireNonNull(reason, "reason");
        }
    }

    record PermanentFailure(String reason) implements SendResult {
        public PermanentFailure {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
