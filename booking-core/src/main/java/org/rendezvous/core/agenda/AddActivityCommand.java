package org.rendezvous.core.agenda;

import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import org.rendezvous.core.money.Money;
import org.rendezvous.core.practitioner.PractitionerId;

/** A practitioner adds an activity (AG-2); it is active from the start. */
public record AddActivityCommand(PractitionerId practitionerId, String name, Duration duration, Money price,
                                 Set<ConsultationMode> modes) {
    public AddActivityCommand {
        Objects.requireNonNull(practitionerId, "practitionerId");
        modes = Set.copyOf(Objects.requireNonNull(modes, "modes"));
    }
}
