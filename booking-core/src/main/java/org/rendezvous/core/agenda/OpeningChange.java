package org.rendezvous.core.agenda;

import java.util.Objects;
import java.util.Optional;

/**
 * The result of a change to the openings (AG-4): the opening as it now is (none after a deletion)
 * and how many future bookings the change left outside any opening. Those bookings stay as they are;
 * the practitioner is told so that they can move or cancel them.
 */
public record OpeningChange(Optional<Opening> opening, int bookingsLeftOutside) {
    public OpeningChange {
        Objects.requireNonNull(opening, "opening");
        if (bookingsLeftOutside < 0) {
            throw new IllegalArgumentException("bookingsLeftOutside: must not be negative");
        }
    }
}
