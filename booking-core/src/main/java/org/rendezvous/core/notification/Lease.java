package org.rendezvous.core.notification;

import java.time.Instant;
import java.util.Objects;

/**
 * A dispatcher's claim on outbox messages until an instant. While it runs no other dispatcher is given
 * the message; once it lapses (the dispatcher crashed or stalled) the message can be claimed again.
 *
 * @param owner who holds the claim, for instance {@code "app-2/outbox"}; 1 to 100 characters
 * @param until when the claim lapses; stores keep it to the microsecond
 */
public record Lease(String owner, Instant until) {
    public Lease {
        Objects.requireNonNull(owner, "owner");
        if (owner.isBlank() || owner.length() > 100) {
            throw new IllegalArgumentException("owner: must be 1 to 100 characters");
        }
        Objects.requireNonNull(until, "until");
    }
}
