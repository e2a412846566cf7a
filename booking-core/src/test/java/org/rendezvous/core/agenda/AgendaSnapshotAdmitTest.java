package org.rendezvous.core.agenda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.SourceDSL;
import org.rendezvous.core.money.Money;
import org.rendezvous.core.outcome.Outcome;
import org.rendezvous.core.outcome.Reason;
import org.rendezvous.core.practitioner.PractitionerId;

/** The availability refusals as the agenda snapshot decides them (AG-4 … AG-8), without any store. */
class AgendaSnapshotAdmitTest {

    private static final PractitionerId PRACTITIONER = new PractitionerId(new UUID(1, 1));
    /** A Monday, 09:00 UTC; the opening runs 09:00–12:00 every Monday, 45-minute activities on a 45-minute step. */
    private static final LocalDate MONDAY = LocalDate.of(2030, 3, 4);
    private static final Instant NINE = MONDAY.atTime(9, 0).toInstant(ZoneOffset.UTC);
    private static final Instant NOW = NINE.minus(Duration.ofDays(2));
    private static final Activity ACTIVITY = new Activity(new ActivityId(new UUID(2, 2)), PRACTITIONER, "Consultation",
            Duration.ofMinutes(45), Money.of("60.00", "EUR"), Set.of(ConsultationMode.IN_PERSON), true);

    private static AgendaSettings settings(Duration spacing) {
        return AgendaSettings.defaults(ZoneOffset.UTC).withSpacing(spacing).withDefaultCapacity(1)
                .withBookingWindow(Duration.ofHours(2), Duration.ofDays(60));
    }

    private static Opening opening(int capacity) {
        return OpeningSpec.weekly(DayOfWeek.MONDAY, MONDAY.minusDays(7), LocalTime.of(9, 0), LocalTime.of(12, 0))
                .withStep(Duration.ofMinutes(45)).withCapacity(capacity).toOpening(new OpeningId(new UUID(3, 3)), PRACTITIONER);
    }

    private static AgendaSnapshot snapshot(Duration spacing, int capacity, List<Unavailability> off, List<TimeRange> taken) {
        return new AgendaSnapshot(settings(spacing), List.of(opening(capacity)), off, Occupancy.of(taken));
    }

    private static AgendaSnapshot free() {
        return snapshot(Duration.ZERO, 1, List.of(), List.of());
    }

    private static TimeRange taken(Instant start) {
        return new TimeRange(start, start.plus(ACTIVITY.duration()));
    }

    private static Unavailability off(Instant from, Instant to) {
        return new Unavailability(new UnavailabilityId(new UUID(4, 4)), PRACTITIONER, from, to, "Dentist");
    }

    private static Optional<Reason> rejection(Outcome<?> outcome) {
        return outcome.fold(value -> Optional.empty(), rejected -> Optional.of(rejected.reason()));
    }

    @Test
    @DisplayName("AG-4 a start on an opening's grid with a seat left is admitted")
    void admitsAGridStart() {
        assertThat(free().admit(ACTIVITY, NINE.plus(Duration.ofMinutes(45)), ConsultationMode.IN_PERSON, NOW))
                .isEqualTo(Outcome.accepted(NINE.plus(Duration.ofMinutes(45))));
    }

    @Test
    @DisplayName("AG-4 a start off the grid or outside any opening is NOT_A_BOOKABLE_START")
    void offTheGrid() {
        assertThat(rejection(free().admit(ACTIVITY, NINE.plus(Duration.ofMinutes(10)), ConsultationMode.IN_PERSON, NOW)))
                .contains(Reason.NOT_A_BOOKABLE_START);
        assertThat(rejection(free().admit(ACTIVITY, NINE.plus(Duration.ofHours(5)), ConsultationMode.IN_PERSON, NOW)))
                .contains(Reason.NOT_A_BOOKABLE_START);
        assertThat(rejection(free().admit(ACTIVITY, NINE, ConsultationMode.VIDEO, NOW)))
                .as("a mode the activity does not offer").contains(Reason.NOT_A_BOOKABLE_START);
    }

    @Test
    @DisplayName("AG-8 a start closer than the minimum notice or beyond the horizon is OUTSIDE_BOOKING_WINDOW, first")
    void bookingWindow() {
        assertThat(rejection(free().admit(ACTIVITY, NINE, ConsultationMode.IN_PERSON, NINE.minus(Duration.ofHours(1)))))
                .contains(Reason.OUTSIDE_BOOKING_WINDOW);
        assertThat(rejection(free().admit(ACTIVITY, NINE, ConsultationMode.IN_PERSON, NINE.minus(Duration.ofDays(61)))))
                .contains(Reason.OUTSIDE_BOOKING_WINDOW);
        AgendaSnapshot full = snapshot(Duration.ZERO, 1, List.of(), List.of(taken(NINE)));
        assertThat(rejection(full.admit(ACTIVITY, NINE, ConsultationMode.IN_PERSON, NINE.minus(Duration.ofHours(1)))))
                .as("the window is told before the seat").contains(Reason.OUTSIDE_BOOKING_WINDOW);
    }

    @Test
    @DisplayName("AG-5 a start whose consultation overlaps an unavailability is UNAVAILABLE")
    void unavailability() {
        AgendaSnapshot snapshot = snapshot(Duration.ZERO, 1,
                List.of(off(NINE.plus(Duration.ofMinutes(30)), NINE.plus(Duration.ofMinutes(40)))), List.of());
        assertThat(rejection(snapshot.admit(ACTIVITY, NINE, ConsultationMode.IN_PERSON, NOW))).contains(Reason.UNAVAILABLE);
        assertThat(snapshot.admit(ACTIVITY, NINE.plus(Duration.ofMinutes(45)), ConsultationMode.IN_PERSON, NOW)
                .isAccepted()).isTrue();
    }

    @Test
    @DisplayName("AG-7 a start whose seats are all taken is SLOT_FULL")
    void capacity() {
        AgendaSnapshot full = snapshot(Duration.ZERO, 2, List.of(), List.of(taken(NINE), taken(NINE)));
        assertThat(rejection(full.admit(ACTIVITY, NINE, ConsultationMode.IN_PERSON, NOW))).contains(Reason.SLOT_FULL);
        AgendaSnapshot oneLeft = snapshot(Duration.ZERO, 2, List.of(), List.of(taken(NINE)));
        assertThat(oneLeft.admit(ACTIVITY, NINE, ConsultationMode.IN_PERSON, NOW).isAccepted()).isTrue();
    }

    @Test
    @DisplayName("AG-6 the spacing around a booking takes the neighbouring start: SLOT_FULL")
    void spacing() {
        AgendaSnapshot spaced = snapshot(Duration.ofMinutes(15), 1, List.of(), List.of(taken(NINE)));
        assertThat(rejection(spaced.admit(ACTIVITY, NINE.plus(Duration.ofMinutes(45)), ConsultationMode.IN_PERSON, NOW)))
                .contains(Reason.SLOT_FULL);
        AgendaSnapshot unspaced = snapshot(Duration.ZERO, 1, List.of(), List.of(taken(NINE)));
        assertThat(unspaced.admit(ACTIVITY, NINE.plus(Duration.ofMinutes(45)), ConsultationMode.IN_PERSON, NOW)
                .isAccepted()).isTrue();
    }

    @Test
    @DisplayName("AG-5 AG-7 the practitioner places a consultation at any free time, inside an opening or not")
    void practitionerAnyFreeTime() {
        Instant evening = NINE.plus(Duration.ofHours(10));
        assertThat(free().admitByPractitioner(evening, evening.plus(Duration.ofMinutes(50)), NOW).isAccepted()).isTrue();
        assertThat(free().admitByPractitioner(NOW, NOW.plus(Duration.ofMinutes(45)), NOW).isAccepted())
                .as("now, with no notice").isTrue();
    }

    @Test
    @DisplayName("AG-5 AG-7 the practitioner is refused the past, an unavailability and a full time")
    void practitionerRefusals() {
        assertThat(rejection(free().admitByPractitioner(NOW.minusSeconds(1), NOW.plus(Duration.ofMinutes(44)), NOW)))
                .contains(Reason.START_IN_THE_PAST);
        AgendaSnapshot off = snapshot(Duration.ZERO, 1, List.of(off(NINE, NINE.plus(Duration.ofHours(1)))), List.of());
        assertThat(rejection(off.admitByPractitioner(NINE, NINE.plus(Duration.ofMinutes(45)), NOW)))
                .contains(Reason.UNAVAILABLE);
        AgendaSnapshot full = snapshot(Duration.ZERO, 1, List.of(), List.of(taken(NINE)));
        assertThat(rejection(full.admitByPractitioner(NINE, NINE.plus(Duration.ofMinutes(45)), NOW)))
                .contains(Reason.SLOT_FULL);
    }

    /** A capacity, the grid starts already taken (repeats allowed), a spacing, and the grid start asked for. */
    record Case(int capacity, List<Integer> takenSlots, int spacingMinutes, int askedSlot) {
    }

    private static Gen<Case> cases() {
        Gen<Integer> capacity = SourceDSL.integers().between(1, 4);
        Gen<List<Integer>> taken = SourceDSL.lists().of(SourceDSL.integers().between(0, 3)).ofSizeBetween(0, 8);
        Gen<Integer> spacing = SourceDSL.integers().between(0, 2).map(i -> i * 15);
        Gen<Integer> asked = SourceDSL.integers().between(0, 3);
        return capacity.zip(taken, spacing, asked, Case::new);
    }

    private static Instant slot(int index) {
        return NINE.plus(ACTIVITY.duration().multipliedBy(index));
    }

    @Test
    @DisplayName("AG-6 AG-7 admit never admits beyond capacity, and admits whenever a seat is left with the spacing kept")
    void neverBeyondCapacity() {
        AtomicInteger admitted = new AtomicInteger();
        AtomicInteger full = new AtomicInteger();
        qt().withExamples(400).forAll(cases()).checkAssert(c -> {
            List<TimeRange> taken = new ArrayList<>();
            c.takenSlots().forEach(i -> taken.add(taken(slot(i))));
            Duration spacing = Duration.ofMinutes(c.spacingMinutes());
            AgendaSnapshot snapshot = snapshot(spacing, c.capacity(), List.of(), taken);
            Instant start = slot(c.askedSlot());
            Instant end = start.plus(ACTIVITY.duration());
            // Seats in use at the asked time: bookings overlapping it once the spacing is kept on both sides.
            long overlapping = taken.stream().filter(range -> range.start().isBefore(end.plus(spacing))
                    && start.minus(spacing).isBefore(range.end())).count();
            // The worst instant: bookings on one grid start all overlap one another.
            long busiest = taken.stream().filter(range -> range.start().isBefore(end.plus(spacing))
                            && start.minus(spacing).isBefore(range.end()))
                    .collect(java.util.stream.Collectors.groupingBy(TimeRange::start, java.util.stream.Collectors.counting()))
                    .values().stream().mapToLong(Long::longValue).max().orElse(0);
            Outcome<Instant> outcome = snapshot.admit(ACTIVITY, start, ConsultationMode.IN_PERSON, NOW);
            if (outcome.isAccepted()) {
                admitted.incrementAndGet();
                assertThat(busiest).as("seats taken where %s was admitted", start).isLessThan(c.capacity());
            } else {
                full.incrementAndGet();
                assertThat(rejection(outcome)).contains(Reason.SLOT_FULL);
                assertThat(busiest).as("seats taken where %s was refused", start).isGreaterThanOrEqualTo(c.capacity());
            }
            if (overlapping == 0) {
                assertThat(outcome.isAccepted()).as("a free start is admitted").isTrue();
            }
        });
        assertThat(admitted.get()).as("starts admitted").isGreaterThan(50);
        assertThat(full.get()).as("starts refused as full").isGreaterThan(50);
    }
}
