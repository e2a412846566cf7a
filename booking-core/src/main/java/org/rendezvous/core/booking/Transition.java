package org.rendezvous.core.booking;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** One recorded change of state (BK-2); {@code from} is empty for the booking's creation. */
public record Transition(Optional<BookingState> from, BookingState to, Instant at, Cause cause, Actor actor) {
    public Transition {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(cause, "cause");
        Objects.requireNonNull(actor, "actor");
    }
}
