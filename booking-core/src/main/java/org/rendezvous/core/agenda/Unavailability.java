package org.rendezvous.core.agenda;

import java.time.Instant;
import java.util.Objects;
import org.rendezvous.core.practitioner.PractitionerId;

/** A period during which nothing can be booked, whatever the openings say (AG-5): [from, to). */
public record Unavailability(UnavailabilityId id, PractitionerId practitionerId, Instant from, Instant to, String label) {
    public Unavailability {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(practitionerId, "practitionerId");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("to: must be after from");
        }
        label = Texts.requireLabel(label, "label", 200);
    }

    public boolean overlaps(Instant start, Instant end) {
        return from.isBefore(end) && start.isBefore(to);
    }
}
