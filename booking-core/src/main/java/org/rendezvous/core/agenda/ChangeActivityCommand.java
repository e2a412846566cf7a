package org.rendezvous.core.agenda;

import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import org.rendezvous.core.money.Money;
import org.rendezvous.core.practitioner.PractitionerId;

/** A practitioner changes or (de)activates an activity; bookings already made keep their frozen terms (BK-9). */
public record ChangeActivityCommand(PractitionerId practitionerId, ActivityId activityId, String name,
                                    Duration duration, Money price, Set<ConsultationMode> modes, boolean active) {
    public ChangeActivityCommand {
        Objects.requireNonNull(practitionerId, "practitionerId");
        Objects.requireNonNull(activityId, "activityId");
        modes = Set.copyOf(Objects.requireNonNull(modes, "modes"));
    }
}
