package org.rendezvous.core.notification;

import java.util.Objects;

/**
 * A message a dispatcher claimed for delivery.
 *
 * @param attempts how many attempts were made before this one
 */
public record ClaimedMessage(OutboxMessage message, int attempts, Lease lease) {
    public ClaimedMessage {
        Objects.requireNonNull(message, "message");
        if (attempts < 0) {
            throw new IllegalArgumentException("attempts: must be zero or more");
        }
        Objects.requireNonNull(lease, "lease");
    }
}
