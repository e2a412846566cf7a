package org.rendezvous.core.properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.core.RandomnessSource;
import org.rendezvous.core.agenda.Activity;
import org.rendezvous.core.agenda.ActivityId;
import org.rendezvous.core.agenda.AgendaSettings;
import org.rendezvous.core.agenda.AgendaSnapshot;
import org.rendezvous.core.agenda.ConsultationMode;
import org.rendezvous.core.agenda.Occupancy;
import org.rendezvous.core.agenda.Opening;
import org.rendezvous.core.agenda.OpeningId;
import org.rendezvous.core.agenda.OpeningSpec;
import org.rendezvous.core.agenda.Place;
import org.rendezvous.core.agenda.Schedule;
import org.rendezvous.core.agenda.Slot;
import org.rendezvous.core.agenda.TimeRange;
import org.rendezvous.core.agenda.Unavailability;
import org.rendezvous.core.agenda.UnavailabilityId;
import org.rendezvous.core.money.Money;
import org.rendezvous.core.practitioner.PractitionerId;

/**
 * AG-9: the availability {@link AgendaSnapshot#slots} computes equals, slot for slot, what a naive
 * oracle written straight from AG-1 … AG-8 finds on random agendas — random settings, up to four
 * openings (weekly or dated, with or without step, capacity, allowed activities, modes), random
 * unavailabilities and random seat-holding bookings — in zones with ordinary, half-hour, 45-minute,
 * midnight, negative and two-hour daylight-saving changes, often right around a change.
 */
class AvailabilityOracleTest {

    private static final List<ZoneId> ZONES = List.of("Europe/Paris", "Europe/Paris", "America/New_York",
            "Australia/Lord_Howe", "Asia/Kolkata", "America/St_Johns", "Pacific/Chatham", "America/Santiago",
            "America/Havana", "Antarctica/Troll", "Pacific/Kiritimati", "Pacific/Pago_Pago", "UTC", "Europe/Dublin",
            "Africa/Casablanca").stream().map(ZoneId::of).toList();
    private static final PractitionerId PRACTITIONER = new PractitionerId(new UUID(7, 7));
    private static final ActivityId ACTIVITY = new ActivityId(new UUID(8, 1));
    private static final ActivityId OTHER_ACTIVITY = new ActivityId(new UUID(8, 2));
    private static final Money PRICE = Money.of("45.00", "EUR");

    record Agenda(AgendaSettings settings, Activity activity, List<Opening> openings, List<Unavailability> unavailabilities,
                  List<TimeRange> bookings, Instant now, LocalDate from, LocalDate to, Optional<ConsultationMode> mode) {
    }

    // Generators

    private static Gen<Agenda> agendas() {
        return in -> {
            ZoneId zone = Draw.oneOf(in, ZONES);
            Instant now = aroundAChange(in, zone);
            Duration notice = Duration.ofMinutes(Draw.oneOf(in, List.of(0, 120, Draw.between(in, 0, 2_000))));
            AgendaSettings settings = AgendaSettings.defaults(zone)
                    .withSpacing(Duration.ofMinutes(Draw.oneOf(in, List.of(0, 0, 5, 10, 15, 30, Draw.between(in, 1, 90)))))
                    .withDefaultCapacity(Draw.between(in, 1, 4))
                    .withBookingWindow(notice, notice.plusMinutes(Draw.between(in, 24 * 60, 12 * 24 * 60)));
            Set<ConsultationMode> modes = modes(in);
            Activity activity = new Activity(ACTIVITY, PRACTITIONER, "Consultation",
                    Duration.ofMinutes(Draw.oneOf(in, List.of(30, 45, 60, Draw.between(in, 5, 240)))), PRICE, modes,
                    Draw.chance(in, 97));
            LocalDate today = LocalDate.ofInstant(now, zone);
            LocalDate from = today.plusDays(Draw.between(in, -2, 3));
            LocalDate to = from.plusDays(Draw.between(in, 0, 9));
            List<Opening> openings = openings(in, today, from, to);
            List<Unavailability> unavailabilities = new ArrayList<>();
            int unavailable = Draw.between(in, 0, 3);
            for (int i = 0; i < unavailable; i++) {
                Instant start = instantAround(in, zone, from, to);
                Instant end = start.plusSeconds(Draw.oneOf(in, List.of(Draw.between(in, 1, 180) * 60,
                        Draw.between(in, 1, 2 * 86_400)))).plusNanos(Draw.chance(in, 20) ? Draw.between(in, 1, 999_999_999) : 0);
                unavailabilities.add(new Unavailability(new UnavailabilityId(new UUID(9, i)), PRACTITIONER, start, end,
                        "Away " + i));
            }
            List<TimeRange> bookings = new ArrayList<>();
            int booked = Draw.between(in, 0, 10);
            for (int i = 0; i < booked; i++) {
                if (!bookings.isEmpty() && Draw.chance(in, 30)) {
                    bookings.add(Draw.oneOf(in, bookings)); // several seats of one group session
                    continue;
                }
                // Often right on a start time of the grid (or a few minutes off), where seats are counted.
                Instant start = Draw.chance(in, 50)
                        ? gridStart(in, settings, activity, openings, from, to)
                                .map(t -> t.plusSeconds(Draw.oneOf(in, List.of(0, 0, -5, 5, -20, 20)) * 60L))
                                .orElseGet(() -> instantAround(in, zone, from, to))
                        : instantAround(in, zone, from, to);
                bookings.add(new TimeRange(start, start.plusSeconds(Draw.between(in, 5, 180) * 60L)));
            }
            Optional<ConsultationMode> mode = Draw.chance(in, 60) ? Optional.empty()
                    : Optional.of(Draw.oneOf(in, List.of(ConsultationMode.values())));
            if (Draw.chance(in, 50)) {
                now = onTheEdgeOfTheWindow(in, settings, activity, openings, from, to).orElse(now);
            }
            return new Agenda(settings, activity, openings, unavailabilities, bookings, now, from, to, mode);
        };
    }

    /**
     * A "now" that puts one grid start right at an edge of the booking window (AG-8): start − now equal
     * to the notice or the horizon, or off by a nanosecond, half a second or a second either way.
     */
    private static Optional<Instant> onTheEdgeOfTheWindow(RandomnessSource in, AgendaSettings settings, Activity activity,
                                                          List<Opening> openings, LocalDate from, LocalDate to) {
        Optional<Instant> gridStart = gridStart(in, settings, activity, openings, from, to);
        Duration edge = Draw.bool(in) ? settings.minimumNotice() : settings.horizon();
        long nanos = Draw.oneOf(in, List.of(0L, 0L, 1L, -1L, 500_000_000L, -500_000_000L, 1_000_000_000L, -1_000_000_000L));
        return gridStart.map(start -> start.minus(edge).plusNanos(nanos));
    }

    /** One of the first two grid start times of an opening on a date of [from, to] it occurs on, if any. */
    private static Optional<Instant> gridStart(RandomnessSource in, AgendaSettings settings, Activity activity,
                                               List<Opening> openings, LocalDate from, LocalDate to) {
        Opening opening = Draw.oneOf(in, openings);
        List<LocalDate> dates = new ArrayList<>();
        for (LocalDate date = from; !date.isAfter(to); date = date.plusDays(1)) {
            if (occurs(opening.schedule(), date)) {
                dates.add(date);
            }
        }
        if (dates.isEmpty()) {
            return Optional.empty();
        }
        LocalDate date = Draw.oneOf(in, dates);
        int step = (int) opening.step().orElse(activity.duration().plus(settings.spacing())).toMinutes();
        int startMinute = opening.start().getHour() * 60 + opening.start().getMinute();
        return Optional.of(date.atStartOfDay().plusMinutes(startMinute + step * Draw.between(in, 0, 1))
                .atZone(settings.zone()).toInstant());
    }

    /** Mostly close to a daylight-saving change of the zone (if it has any), with any nanosecond. */
    private static Instant aroundAChange(RandomnessSource in, ZoneId zone) {
        Instant somewhere = Instant.ofEpochSecond(Draw.longBetween(in, 1_577_836_800L, 1_893_456_000L)); // 2020–2030
        ZoneOffsetTransition next = zone.getRules().nextTransition(somewhere);
        Instant anchor = next != null && Draw.chance(in, 70) ? next.getInstant() : somewhere;
        return anchor.minusSeconds(Draw.longBetween(in, -86_400, 4 * 86_400)).plusNanos(Draw.between(in, 0, 999_999_999));
    }

    private static Instant instantAround(RandomnessSource in, ZoneId zone, LocalDate from, LocalDate to) {
        LocalDate date = from.plusDays(Draw.between(in, -1, (int) (to.toEpochDay() - from.toEpochDay()) + 1));
        return date.atStartOfDay(zone).toInstant().plusSeconds(Draw.between(in, 0, 24 * 60) * 60L
                + (Draw.chance(in, 10) ? Draw.between(in, 1, 59) : 0));
    }

    private static Set<ConsultationMode> modes(RandomnessSource in) {
        Set<ConsultationMode> modes = EnumSet.noneOf(ConsultationMode.class);
        for (ConsultationMode mode : ConsultationMode.values()) {
            if (Draw.chance(in, 50)) {
                modes.add(mode);
            }
        }
        if (modes.isEmpty()) {
            modes.add(Draw.oneOf(in, List.of(ConsultationMode.values())));
        }
        return modes;
    }

    /** 1–4 openings, each in its own quarter of the day, so that none overlaps another on any date (AG-3). */
    private static List<Opening> openings(RandomnessSource in, LocalDate today, LocalDate from, LocalDate to) {
        List<Integer> bands = new ArrayList<>(List.of(0, 1, 2, 3));
        int count = Draw.between(in, 1, 4);
        List<Opening> openings = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int band = bands.remove(Draw.between(in, 0, bands.size() - 1));
            int bandStart = band * 360;
            int start = bandStart + Draw.oneOf(in, List.of(0, 60, 120, Draw.between(in, 0, 300)));
            int end = Draw.chance(in, 15) ? bandStart + 360 : Draw.between(in, start + 5, bandStart + 360);
            Schedule schedule;
            if (Draw.chance(in, 65)) {
                LocalDate validFrom = today.plusDays(Draw.between(in, -20, 6));
                Optional<LocalDate> until = Draw.chance(in, 30)
                        ? Optional.of(validFrom.plusDays(Draw.between(in, 0, 14))) : Optional.empty();
                Set<LocalDate> skipped = new HashSet<>();
                if (Draw.chance(in, 25)) {
                    skipped.add(from.plusDays(Draw.between(in, 0, 9)));
                }
                schedule = new Schedule.Weekly(DayOfWeek.of(Draw.between(in, 1, 7)), validFrom, until, skipped);
            } else {
                schedule = new Schedule.OnDate(from.plusDays(Draw.between(in, -1, (int) (to.toEpochDay() - from.toEpochDay()) + 1)));
            }
            Place place = Draw.oneOf(in, List.of(Place.anyMode(), Place.anyMode(), Place.at("12 rue des Lilas, Lyon"),
                    Place.remote(ConsultationMode.PHONE), Place.remote(ConsultationMode.VIDEO, ConsultationMode.PHONE)));
            Set<ActivityId> allowed = Draw.oneOf(in, List.of(Set.of(), Set.of(), Set.of(ACTIVITY), Set.of(OTHER_ACTIVITY),
                    Set.of(ACTIVITY, OTHER_ACTIVITY)));
            Optional<Duration> step = Draw.chance(in, 50) ? Optional.empty()
                    : Optional.of(Duration.ofMinutes(Draw.oneOf(in, List.of(15, 30, 60, Draw.between(in, 5, 150)))));
            OptionalInt capacity = Draw.chance(in, 50) ? OptionalInt.empty() : OptionalInt.of(Draw.between(in, 1, 4));
            openings.add(new OpeningSpec(schedule, time(start), time(end), step, capacity, allowed, place)
                    .toOpening(new OpeningId(new UUID(6, i)), PRACTITIONER));
        }
        return openings;
    }

    private static LocalTime time(int minute) {
        return minute >= 24 * 60 ? LocalTime.MIDNIGHT : LocalTime.of(minute / 60, minute % 60);
    }

    // The property

    @Test
    @DisplayName("AG-9 availability equals a brute-force oracle on random agendas, settings, unavailabilities and bookings")
    void availabilityEqualsTheOracle() {
        AtomicInteger nonEmpty = new AtomicInteger();
        AtomicInteger partlyTaken = new AtomicInteger();
        qt().withExamples(1_500)
                .forAll(agendas())
                .checkAssert(agenda -> {
                    AgendaSnapshot snapshot = new AgendaSnapshot(agenda.settings(), agenda.openings(),
                            agenda.unavailabilities(), Occupancy.of(agenda.bookings()));
                    List<Slot> actual = snapshot.slots(agenda.activity(), agenda.from(), agenda.to(), agenda.mode(),
                            agenda.now());
                    List<Slot> expected = oracle(agenda);
                    assertThat(actual).as("AG-9 for " + agenda).containsExactlyElementsOf(expected);
                    // A booking asks slotAt for its own start: it must agree with the list (BK-1, AG-9).
                    for (Slot slot : expected) {
                        ConsultationMode mode = slot.modes().iterator().next();
                        assertThat(snapshot.slotAt(agenda.activity(), slot.start(), mode, agenda.now()))
                                .as("slotAt " + slot.start() + " for " + agenda)
                                .contains(slot);
                    }
                    if (!expected.isEmpty()) {
                        nonEmpty.incrementAndGet();
                    }
                    if (expected.stream().anyMatch(s -> s.seatsLeft() < s.capacity())) {
                        partlyTaken.incrementAndGet();
                    }
                });
        assertThat(nonEmpty.get()).as("examples with some availability").isGreaterThan(250);
        assertThat(partlyTaken.get()).as("examples with partly taken group slots").isGreaterThan(40);
    }

    // The oracle: AG-1 … AG-8 read literally, one local minute and one booking at a time.

    private static List<Slot> oracle(Agenda agenda) {
        List<Slot> slots = new ArrayList<>();
        Activity activity = agenda.activity();
        if (!activity.active()) {
            return slots;
        }
        AgendaSettings settings = agenda.settings();
        ZoneId zone = settings.zone();
        Duration duration = activity.duration();
        Duration spacing = settings.spacing();
        List<Opening> byLocalStart = new ArrayList<>(agenda.openings());
        byLocalStart.sort(Comparator.comparing(Opening::start));
        for (LocalDate date = agenda.from(); !date.isAfter(agenda.to()); date = date.plusDays(1)) {
            for (Opening opening : byLocalStart) {
                if (!occurs(opening.schedule(), date)) {
                    continue;
                }
                if (!opening.activities().isEmpty() && !opening.activities().contains(activity.id())) {
                    continue;
                }
                Set<ConsultationMode> modes = EnumSet.noneOf(ConsultationMode.class);
                for (ConsultationMode mode : activity.modes()) {
                    if (opening.place().modes().isEmpty() || opening.place().modes().contains(mode)) {
                        modes.add(mode);
                    }
                }
                if (modes.isEmpty() || agenda.mode().filter(m -> !modes.contains(m)).isPresent()) {
                    continue;
                }
                int startMinute = opening.start().getHour() * 60 + opening.start().getMinute();
                int endMinute = opening.end().equals(LocalTime.MIDNIGHT) ? 24 * 60
                        : opening.end().getHour() * 60 + opening.end().getMinute();
                int step = (int) opening.step().orElse(duration.plus(spacing)).toMinutes();
                int capacity = opening.capacity().isPresent() ? opening.capacity().getAsInt() : settings.defaultCapacity();
                Instant openingEnd = date.atStartOfDay().plusMinutes(endMinute).atZone(zone).toInstant();
                for (int minute = startMinute; minute < endMinute; minute += step) {
                    LocalDateTime local = date.atStartOfDay().plusMinutes(minute);
                    List<ZoneOffset> offsets = zone.getRules().getValidOffsets(local);
                    if (offsets.isEmpty()) {
                        continue; // AG-1: a local time that does not exist
                    }
                    Instant start = offsets.stream().map(local::toInstant).min(Comparator.naturalOrder()).orElseThrow();
                    Instant end = start.plus(duration);
                    if (end.isAfter(openingEnd)) {
                        continue; // AG-3: starts and ends inside the opening
                    }
                    Duration ahead = Duration.between(agenda.now(), start);
                    if (ahead.compareTo(settings.minimumNotice()) < 0 || ahead.compareTo(settings.horizon()) > 0) {
                        continue; // AG-8
                    }
                    if (agenda.unavailabilities().stream().anyMatch(u -> u.from().isBefore(end) && start.isBefore(u.to()))) {
                        continue; // AG-5
                    }
                    int seats = capacity - busiest(agenda.bookings(), start.minus(spacing), end.plus(spacing));
                    if (seats > 0) {
                        slots.add(new Slot(start, end, seats, capacity, opening.id(), modes));
                    }
                }
            }
        }
        return slots;
    }

    private static boolean occurs(Schedule schedule, LocalDate date) {
        if (schedule instanceof Schedule.OnDate onDate) {
            return onDate.date().equals(date);
        }
        Schedule.Weekly weekly = (Schedule.Weekly) schedule;
        return date.getDayOfWeek() == weekly.day() && !date.isBefore(weekly.validFrom())
                && weekly.validUntil().map(until -> !date.isAfter(until)).orElse(true)
                && !weekly.skippedDates().contains(date);
    }

    /** AG-7: the most bookings that overlap at one instant of [from, to), trying every booking boundary in it. */
    private static int busiest(List<TimeRange> bookings, Instant from, Instant to) {
        List<Instant> points = new ArrayList<>();
        points.add(from);
        for (TimeRange booking : bookings) {
            for (Instant point : List.of(booking.start(), booking.end())) {
                if (!point.isBefore(from) && point.isBefore(to)) {
                    points.add(point);
                }
            }
        }
        int most = 0;
        for (Instant point : points) {
            int overlapping = 0;
            for (TimeRange booking : bookings) {
                if (!booking.start().isAfter(point) && booking.end().isAfter(point)) {
                    overlapping++;
                }
            }
            most = Math.max(most, overlapping);
        }
        return most;
    }
}
