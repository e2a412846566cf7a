package org.rendezvous.core.agenda;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.rendezvous.core.outcome.Outcome;
import org.rendezvous.core.outcome.Reason;

/**
 * A practitioner's agenda at one moment — settings, openings, unavailabilities and the time taken by
 * seat-holding bookings — and the pure computation of its free start times (AG-1 … AG-9). It reads
 * no store and no clock, so every adapter gets the same answer from the same data.
 */
public final class AgendaSnapshot {

    /** The longest date range one availability question may cover. */
    public static final int MAX_RANGE_DAYS = 366;

    private final AgendaSettings settings;
    private final List<Opening> openings;
    private final Occupancy unavailable;
    private final Occupancy occupancy;

    public AgendaSnapshot(AgendaSettings settings, List<Opening> openings, List<Unavailability> unavailabilities,
                          Occupancy occupancy) {
        this(settings, sortedByStart(openings),
                Occupancy.of(unavailabilities.stream().map(u -> new TimeRange(u.from(), u.to())).toList()), occupancy);
    }

    private AgendaSnapshot(AgendaSettings settings, List<Opening> sortedOpenings, Occupancy unavailable,
                           Occupancy occupancy) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.openings = sortedOpenings;
        this.unavailable = unavailable;
        this.occupancy = Objects.requireNonNull(occupancy, "occupancy");
    }

    private static List<Opening> sortedByStart(List<Opening> openings) {
        List<Opening> sorted = new ArrayList<>(openings);
        sorted.sort(Comparator.comparing(Opening::start));
        return List.copyOf(sorted);
    }

    public AgendaSettings settings() {
        return settings;
    }

    public List<Opening> openings() {
        return openings;
    }

    /** The same agenda with every seat free: tells a full start time from one that is no start time at all. */
    public AgendaSnapshot withEverySeatFree() {
        return new AgendaSnapshot(settings, openings, unavailable, Occupancy.empty());
    }

    /**
     * The bookable start times of an activity on the local dates {@code from} to {@code to} inclusive,
     * in order, each with the seats left (AG-9). An inactive activity has none.
     */
    public List<Slot> slots(Activity activity, LocalDate from, LocalDate to, Optional<ConsultationMode> mode, Instant now) {
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("to: must not be before from");
        }
        if (ChronoUnit.DAYS.between(from, to) >= MAX_RANGE_DAYS) {
            throw new IllegalArgumentException("to: at most " + MAX_RANGE_DAYS + " days from 'from'");
        }
        List<Slot> found = new ArrayList<>();
        if (!activity.active()) {
            return found;
        }
        long earliest = ceilSeconds(now.plus(settings.minimumNotice()));
        long latest = now.plus(settings.horizon()).getEpochSecond();
        // A local date can hold instants up to 18 h away from its UTC date: widen by a day each side.
        LocalDate firstUseful = LocalDate.ofEpochDay(Math.floorDiv(earliest, 86_400L) - 1);
        LocalDate lastUseful = LocalDate.ofEpochDay(Math.floorDiv(latest, 86_400L) + 1);
        LocalDate first = from.isAfter(firstUseful) ? from : firstUseful;
        LocalDate last = to.isBefore(lastUseful) ? to : lastUseful;
        for (LocalDate date = first; !date.isAfter(last); date = date.plusDays(1)) {
            collectDay(activity, date, mode, earliest, latest, found);
        }
        return found;
    }

    /**
     * The slot of an activity starting exactly at {@code start}, if that is a bookable start time now:
     * on an opening's grid, inside the booking window, not unavailable, with a seat left.
     */
    public Optional<Slot> slotAt(Activity activity, Instant start, ConsultationMode mode, Instant now) {
        LocalDate date = LocalDate.ofInstant(start, settings.zone());
        return slots(activity, date, date, Optional.of(mode), now).stream()
                .filter(slot -> slot.start().equals(start))
                .findFirst();
    }

    /**
     * Whether a client may book {@code activity} at {@code start} now (AG-4 … AG-8): accepted with the start, or
     * refused with the most useful reason first: outside the booking window, unavailable, no seat left (capacity
     * and spacing), not a start time of an opening for this activity and mode.
     */
    public Outcome<Instant> admit(Activity activity, Instant start, ConsultationMode mode, Instant now) {
        Instant end = start.plus(activity.duration());
        if (!insideBookingWindow(start, now)) {
            return Outcome.rejected(Reason.OUTSIDE_BOOKING_WINDOW, "start: must be between "
                    + settings.minimumNotice().toMinutes() + " minutes and "
                    + settings.horizon().toDays() + " days from now");
        }
        if (unavailableDuring(start, end)) {
            return Outcome.rejected(Reason.UNAVAILABLE, "start: the practitioner is unavailable then");
        }
        if (slotAt(activity, start, mode, now).isPresent()) {
            return Outcome.accepted(start);
        }
        if (withEverySeatFree().slotAt(activity, start, mode, now).isPresent()) {
            return Outcome.rejected(Reason.SLOT_FULL, "start: no seat is left at this time");
        }
        return Outcome.rejected(Reason.NOT_A_BOOKABLE_START,
                "start: not a start time of an opening for this activity and mode");
    }

    /**
     * Whether the practitioner may place a consultation [start, end) (AG-5, AG-7): any free time from now on,
     * inside an opening or not, but never in the past, in an unavailability nor beyond the capacity.
     */
    public Outcome<Instant> admitByPractitioner(Instant start, Instant end, Instant now) {
        if (start.isBefore(now)) {
            return Outcome.rejected(Reason.START_IN_THE_PAST, "start: must not be in the past");
        }
        if (unavailableDuring(start, end)) {
            return Outcome.rejected(Reason.UNAVAILABLE, "start: the practitioner is unavailable then");
        }
        if (seatsLeft(start, end, capacityAt(start, end)) <= 0) {
            return Outcome.rejected(Reason.SLOT_FULL, "start: no seat is left at this time");
        }
        return Outcome.accepted(start);
    }

    /** Whether {@code start} lies inside the booking window (AG-8): notice ≤ start − now ≤ horizon. */
    public boolean insideBookingWindow(Instant start, Instant now) {
        return !start.isBefore(now.plus(settings.minimumNotice())) && !start.isAfter(now.plus(settings.horizon()));
    }

    /** Whether the interval [start, end) overlaps an unavailability (AG-5). */
    public boolean unavailableDuring(Instant start, Instant end) {
        return unavailable.anyOverlap(start.getEpochSecond(), ceilSeconds(end));
    }

    /**
     * The seats left for a consultation [start, end) with the agenda's spacing kept around it (AG-6,
     * AG-7), given a capacity; zero or less means full.
     */
    public int seatsLeft(Instant start, Instant end, int capacity) {
        long spacing = settings.spacing().getSeconds();
        long from = start.getEpochSecond() - spacing;
        long to = ceilSeconds(end) + spacing;
        if (capacity == 1) {
            return occupancy.anyOverlap(from, to) ? 0 : 1;
        }
        return capacity - occupancy.maxOverlap(from, to);
    }

    /** The capacity of the opening that contains [start, end), or the default capacity outside openings. */
    public int capacityAt(Instant start, Instant end) {
        return openingContaining(start, end).flatMap(o -> o.capacity().isPresent()
                        ? Optional.of(o.capacity().getAsInt()) : Optional.empty())
                .orElse(settings.defaultCapacity());
    }

    /** The opening whose occurrence contains [start, end), if any (AG-4). */
    public Optional<Opening> openingContaining(Instant start, Instant end) {
        LocalDate date = LocalDate.ofInstant(start, settings.zone());
        LocalDay day = new LocalDay(date, settings.zone());
        long s = start.getEpochSecond();
        long e = ceilSeconds(end);
        for (Opening opening : openings) {
            if (opening.occursOn(date) && day.endOf(opening.startMinute()) <= s && e <= day.endOf(opening.endMinute())) {
                return Optional.of(opening);
            }
        }
        return Optional.empty();
    }

    private void collectDay(Activity activity, LocalDate date, Optional<ConsultationMode> mode,
                            long earliest, long latest, List<Slot> found) {
        LocalDay day = null;
        long duration = activity.duration().getSeconds();
        long spacing = settings.spacing().getSeconds();
        for (Opening opening : openings) {
            if (!opening.occursOn(date) || !opening.allows(activity.id())) {
                continue;
            }
            Set<ConsultationMode> modes = EnumSet.noneOf(ConsultationMode.class);
            for (ConsultationMode offered : activity.modes()) {
                if (opening.place().accepts(offered)) {
                    modes.add(offered);
                }
            }
            if (modes.isEmpty() || (mode.isPresent() && !modes.contains(mode.get()))) {
                continue;
            }
            if (day == null) {
                day = new LocalDay(date, settings.zone());
            }
            int step = (int) opening.step().orElse(activity.duration().plus(settings.spacing())).toMinutes();
            int capacity = opening.capacity().isPresent() ? opening.capacity().getAsInt() : settings.defaultCapacity();
            long openingEnd = day.endOf(opening.endMinute());
            Set<ConsultationMode> slotModes = Set.copyOf(modes);
            for (int minute = opening.startMinute(); minute < opening.endMinute(); minute += step) {
                long start = day.startOf(minute);
                if (start == LocalDay.NO_SUCH_TIME) {
                    continue;
                }
                long end = start + duration;
                if (end > openingEnd || start < earliest || start > latest) {
                    continue;
                }
                if (unavailable.anyOverlap(start, end)) {
                    continue;
                }
                int seats = capacity == 1
                        ? (occupancy.anyOverlap(start - spacing, end + spacing) ? 0 : 1)
                        : capacity - occupancy.maxOverlap(start - spacing, end + spacing);
                if (seats > 0) {
                    found.add(new Slot(Instant.ofEpochSecond(start), Instant.ofEpochSecond(end), seats, capacity,
                            opening.id(), slotModes));
                }
            }
        }
    }

    private static long ceilSeconds(Instant instant) {
        return instant.getEpochSecond() + (instant.getNano() > 0 ? 1 : 0);
    }

}
