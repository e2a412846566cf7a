package org.rendezvous.core.agenda;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/** A bookable start time for one activity, with the seats still free at it (AG-9). */
public record Slot(Instant start, Instant end, int seatsLeft, int capacity, OpeningId openingId,
                   Set<ConsultationMode> modes) {
    public Slot {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        Objects.requireNonNull(openingId, "openingId");
        modes = Set.copyOf(modes);
        if (seatsLeft < 1 || seatsLeft > capacity) {
            throw new IllegalArgumentException("seatsLeft: must be from 1 to the capacity");
        }
    }
}
