package org.rendezvous.core.agenda;

import java.util.Objects;

/** An unavailability was added (AG-5); {@code bookingsInside} seat-holding bookings fall in it and are left as they are. */
public record UnavailabilityAdded(Unavailability unavailability, int bookingsInside) {
    public UnavailabilityAdded {
        Objects.requireNonNull(unavailability, "unavailability");
    }
}
