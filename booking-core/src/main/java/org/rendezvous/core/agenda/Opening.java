package org.rendezvous.core.agenda;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.rendezvous.core.practitioner.PractitionerId;

/**
 * A window of bookable time (AG-3), in the practitioner's local time. Start times lie on a grid of
 * {@code step} counted from {@code start}; without a step the grid is the activity's duration plus
 * the spacing. Capacity is the number of seats; without one the agenda's default applies.
 */
public record Opening(OpeningId id, PractitionerId practitionerId, Schedule schedule,
                      LocalTime start, LocalTime end, Optional<Duration> step, OptionalInt capacity,
                      Set<ActivityId> activities, Place place) {

    public static final int MAX_CAPACITY = 1_000;

    public Opening {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(practitionerId, "practitionerId");
        Objects.requireNonNull(schedule, "schedule");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (start.getSecond() != 0 || start.getNano() != 0 || end.getSecond() != 0 || end.getNano() != 0) {
            throw new IllegalArgumentException("start: opening times are whole minutes");
        }
        if (!start.isBefore(end) && !end.equals(LocalTime.MIDNIGHT)) {
            throw new IllegalArgumentException("end: must be after start (" + start + " – " + end + ")");
        }
        Objects.requireNonNull(step, "step");
        step.ifPresent(s -> {
            if (s.compareTo(Duration.ofMinutes(5)) < 0 || s.compareTo(Duration.ofMinutes(480)) > 0 || s.toSecondsPart() != 0) {
                throw new IllegalArgumentException("step: must be whole minutes from 5 to 480");
            }
        });
        Objects.requireNonNull(capacity, "capacity");
        if (capacity.isPresent() && (capacity.getAsInt() < 1 || capacity.getAsInt() > MAX_CAPACITY)) {
            throw new IllegalArgumentException("capacity: must be from 1 to " + MAX_CAPACITY + ", was " + capacity.getAsInt());
        }
        Objects.requireNonNull(activities, "activities");
        activities = Collections.unmodifiableSet(new LinkedHashSet<>(activities));
        Objects.requireNonNull(place, "place");
    }

    public boolean occursOn(LocalDate date) {
        return schedule.occursOn(date);
    }

    public boolean allows(ActivityId activity) {
        return activities.isEmpty() || activities.contains(activity);
    }

    /** Whether the two openings' local time ranges intersect (touching ends do not). */
    public boolean timesIntersect(Opening other) {
        return startMinute() < other.endMinute() && other.startMinute() < endMinute();
    }

    public Opening withSchedule(Schedule newSchedule) {
        return new Opening(id, practitionerId, newSchedule, start, end, step, capacity, activities, place);
    }

    int startMinute() {
        return start.toSecondOfDay() / 60;
    }

    /** The end as minutes of the day; an end at 00:00 is the end of the day (minute 1440). */
    int endMinute() {
        return end.equals(LocalTime.MIDNIGHT) ? 24 * 60 : end.toSecondOfDay() / 60;
    }
}
