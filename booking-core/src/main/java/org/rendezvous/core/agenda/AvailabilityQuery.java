package org.rendezvous.core.agenda;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;
import org.rendezvous.core.practitioner.PractitionerId;

/** Which free start times a client may choose from (AG-9): local dates {@code from} to {@code to} inclusive. */
public record AvailabilityQuery(PractitionerId practitionerId, ActivityId activityId, LocalDate from, LocalDate to,
                                Optional<ConsultationMode> mode) {
    public AvailabilityQuery {
        Objects.requireNonNull(practitionerId, "practitionerId");
        Objects.requireNonNull(activityId, "activityId");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(mode, "mode");
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("to: must not be before from");
        }
        if (ChronoUnit.DAYS.between(from, to) >= AgendaSnapshot.MAX_RANGE_DAYS) {
            throw new IllegalArgumentException("to: at most " + AgendaSnapshot.MAX_RANGE_DAYS + " days after from");
        }
    }

    public static AvailabilityQuery of(PractitionerId practitionerId, ActivityId activityId, LocalDate from, LocalDate to) {
        return new AvailabilityQuery(practitionerId, activityId, from, to, Optional.empty());
    }
}
