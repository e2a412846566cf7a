package org.rendezvous.core.agenda;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.rendezvous.core.practitioner.PractitionerId;

/** What an opening is made of (AG-3), as a practitioner describes it when adding or changing one. */
public record OpeningSpec(Schedule schedule, LocalTime start, LocalTime end, Optional<Duration> step,
                          OptionalInt capacity, Set<ActivityId> activities, Place place) {
    public OpeningSpec {
        Objects.requireNonNull(schedule, "schedule");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        Objects.requireNonNull(step, "step");
        Objects.requireNonNull(capacity, "capacity");
        activities = Set.copyOf(Objects.requireNonNull(activities, "activities"));
        Objects.requireNonNull(place, "place");
    }

    /** Every week on {@code day} from {@code from}, every activity, any mode, default step and capacity. */
    public static OpeningSpec weekly(DayOfWeek day, LocalDate from, LocalTime start, LocalTime end) {
        return new OpeningSpec(Schedule.Weekly.every(day, from), start, end, Optional.empty(), OptionalInt.empty(),
                Set.of(), Place.anyMode());
    }

    public static OpeningSpec onDate(LocalDate date, LocalTime start, LocalTime end) {
        return new OpeningSpec(new Schedule.OnDate(date), start, end, Optional.empty(), OptionalInt.empty(), Set.of(),
                Place.anyMode());
    }

    public OpeningSpec withStep(Duration newStep) {
        return new OpeningSpec(schedule, start, end, Optional.of(newStep), capacity, activities, place);
    }

    public OpeningSpec withCapacity(int seats) {
        return new OpeningSpec(schedule, start, end, step, OptionalInt.of(seats), activities, place);
    }

    public OpeningSpec withActivities(Set<ActivityId> allowed) {
        return new OpeningSpec(schedule, start, end, step, capacity, allowed, place);
    }

    public OpeningSpec withPlace(Place newPlace) {
        return new OpeningSpec(schedule, start, end, step, capacity, activities, newPlace);
    }

    /** The opening this describes, validated (AG-3); an invalid description throws naming the field. */
    public Opening toOpening(OpeningId id, PractitionerId practitionerId) {
        return new Opening(id, practitionerId, schedule, start, end, step, capacity, activities, place);
    }
}
