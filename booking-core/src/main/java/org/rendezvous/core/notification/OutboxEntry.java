package org.rendezvous.core.notification;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A message of the outbox with where its delivery stands: what an operator looks at.
 *
 * @param attempts          attempts made so far
 * @param nextAttemptAt     when a PENDING message is due next
 * @param lastError         why the last attempt failed, or why the message was skipped
 * @param finishedAt        when it was DELIVERED, SKIPPED or parked as FAILED
 * @param providerReference the provider's id of a DELIVERED message
 */
public record OutboxEntry(OutboxMessage message, DeliveryState state, int attempts, Instant nextAttemptAt,
                          Optional<String> lastError, Optional<Instant> finishedAt, Optional<String> providerReference) {
    public OutboxEntry {
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(state, "state");
        if (attempts < 0) {
            throw new IllegalArgumentException("attempts: must be zero or more");
        }
        Objects.requireNonNull(nextAttemptAt, "nextAttemptAt");
        Objects.requireNonNull(lastError, "lastError");
        Objects.requireNonNull(finishedAt, "finishedAt");
        Objects.requireNonNull(providerReference, "providerReference");
    }
}
