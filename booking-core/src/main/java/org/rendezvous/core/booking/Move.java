package org.rendezvous.core.booking;

import java.time.Instant;
import java.util.Objects;

/** A recorded reschedule (BK-7): from which start to which, when, by whom. */
public record Move(Instant previousStart, Instant newStart, Instant at, Actor actor) {
    public Move {
        Objects.requireNonNull(previousStart, "previousStart");
        Objects.requireNonNull(newStart, "newStart");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(actor, "actor");
    }
}
