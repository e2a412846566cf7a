package org.rendezvous.core.properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.zone.ZoneOffsetTransition;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.rendezvous.core.agenda.Activity;
import org.rendezvous.core.agenda.ActivityId;
import org.rendezvous.core.agenda.AgendaSettings;
import org.rendezvous.core.agenda.AgendaSnapshot;
import org.rendezvous.core.agenda.ConsultationMode;
import org.rendezvous.core.agenda.Occupancy;
import org.rendezvous.core.agenda.Opening;
import org.rendezvous.core.agenda.OpeningId;
import org.rendezvous.core.agenda.OpeningSpec;
import org.rendezvous.core.agenda.Slot;
import org.rendezvous.core.money.Money;
import org.rendezvous.core.practitioner.PractitionerId;

/**
 * AG-1 across daylight-saving changes, on the pure availability computation: weekly openings laid
 * over the transition hours of the transition dates of many years, in Europe/Paris (1 h at 02:00/03:00),
 * America/New_York (1 h at 02:00/01:00) and Australia/Lord_Howe (a 30-minute shift).
 */
class DaylightSavingSlotsTest {

    private static final List<ZoneId> ZONES = List.of(ZoneId.of("Europe/Paris"), ZoneId.of("America/New_York"),
            ZoneId.of("Australia/Lord_Howe"));
    private static final PractitionerId PRACTITIONER = new PractitionerId(new UUID(1, 1));
    private static final Money PRICE = Money.of("60.00", "EUR");
    private static final List<Integer> STEPS = List.of(0, 5, 10, 15, 20, 25, 30, 45, 60, 90);

    /** One daylight-saving change of a zone: a spring gap or an autumn overlap. */
    record Change(ZoneId zone, ZoneOffsetTransition transition) {
        LocalDate date() {
            return transition.getDateTimeBefore().toLocalDate();
        }

        /** The earliest local minute of the day the change touches. */
        int firstMinute() {
            LocalDateTime earlier = transition.isGap() ? transition.getDateTimeBefore() : transition.getDateTimeAfter();
            return earlier.getHour() * 60 + earlier.getMinute();
        }

        @Override
        public String toString() {
            return zone + " " + (transition.isGap() ? "gap " : "overlap ") + transition.getDateTimeBefore() + " → "
                    + transition.getDateTimeAfter().toLocalTime();
        }
    }

    /** A weekly opening on the change's day of week, valid from two weeks before; step 0 = default. */
    record Plan(Change change, int startMinute, int endMinute, int step, int durationMinutes) {
    }

    private static Change change(ZoneId zone, int year, boolean second) {
        ZoneOffsetTransition first = zone.getRules().nextTransition(LocalDate.of(year, 1, 1).atStartOfDay(ZoneOffset.UTC).toInstant());
        return new Change(zone, second ? zone.getRules().nextTransition(first.getInstant()) : first);
    }

    private static Gen<Change> changes() {
        return in -> change(Draw.oneOf(in, ZONES), Draw.between(in, 2015, 2037), Draw.bool(in));
    }

    private static Gen<Plan> plans() {
        return in -> {
            Change change = changes().generate(in);
            int start = Math.max(0, change.firstMinute() - Draw.between(in, 0, 36) * 5);
            int end = Math.min(24 * 60, start + Draw.between(in, 12, 72) * 5);
            return new Plan(change, start, end, Draw.oneOf(in, STEPS), Draw.between(in, 1, 18) * 5);
        };
    }

    @Test
    @DisplayName("AG-1 across DST changes slots stay on the local grid, skip spring gaps, take the earlier offset in overlaps and stay inside the opening")
    void slotsAcrossDaylightSavingChanges() {
        AtomicInteger gapsSkipped = new AtomicInteger();
        AtomicInteger overlapsResolved = new AtomicInteger();
        qt().withExamples(400)
                .forAll(plans())
                .checkAssert(plan -> check(plan, gapsSkipped, overlapsResolved));
        assertThat(gapsSkipped.get()).as("grid times that fell in a spring gap").isGreaterThan(50);
        assertThat(overlapsResolved.get()).as("grid times that fell in an autumn overlap").isGreaterThan(50);
    }

    private static void check(Plan plan, AtomicInteger gapsSkipped, AtomicInteger overlapsResolved) {
        ZoneId zone = plan.change().zone();
        LocalDate date = plan.change().date();
        Activity activity = new Activity(new ActivityId(new UUID(2, 2)), PRACTITIONER, "Massage",
                Duration.ofMinutes(plan.durationMinutes()), PRICE, Set.of(ConsultationMode.IN_PERSON), true);
        OpeningSpec spec = OpeningSpec.weekly(date.getDayOfWeek(), date.minusDays(14), time(plan.startMinute()),
                time(plan.endMinute()));
        if (plan.step() > 0) {
            spec = spec.withStep(Duration.ofMinutes(plan.step()));
        }
        Opening opening = spec.toOpening(new OpeningId(new UUID(3, 3)), PRACTITIONER);
        AgendaSettings settings = AgendaSettings.defaults(zone).withBookingWindow(Duration.ZERO, Duration.ofDays(730));
        Instant now = date.minusDays(100).atStartOfDay(ZoneOffset.UTC).toInstant();
        AgendaSnapshot snapshot = new AgendaSnapshot(settings, List.of(opening), List.of(), Occupancy.empty());

        List<Slot> slots = snapshot.slots(activity, date.minusDays(7), date.plusDays(7), Optional.empty(), now);

        int step = plan.step() > 0 ? plan.step() : plan.durationMinutes();
        Duration duration = Duration.ofMinutes(plan.durationMinutes());
        String context = plan + " gave " + slots;
        List<Instant> expected = new ArrayList<>();
        for (LocalDate day : List.of(date.minusDays(7), date, date.plusDays(7))) {
            Instant occurrenceStart = day.atStartOfDay().plusMinutes(plan.startMinute()).atZone(zone).toInstant();
            Instant occurrenceEnd = day.atStartOfDay().plusMinutes(plan.endMinute()).atZone(zone).toInstant();
            List<Slot> ofDay = slots.stream().filter(s -> LocalDate.ofInstant(s.start(), zone).equals(day)).toList();
            for (Slot slot : ofDay) {
                LocalDateTime local = LocalDateTime.ofInstant(slot.start(), zone);
                int minute = local.getHour() * 60 + local.getMinute();
                // (a) on the opening's local grid, counted from its local start
                assertThat(local.getSecond()).as(context).isZero();
                assertThat(minute).as("(a) inside the opening's local hours: " + context)
                        .isBetween(plan.startMinute(), plan.endMinute() - 1);
                assertThat((minute - plan.startMinute()) % step).as("(a) on the grid: " + slot + " in " + context).isZero();
                // (d) inside the occurrence in absolute time, lasting the activity's duration
                assertThat(slot.start()).as("(d) " + context).isAfterOrEqualTo(occurrenceStart);
                assertThat(slot.end()).as("(d) " + context).isBeforeOrEqualTo(occurrenceEnd);
                assertThat(Duration.between(slot.start(), slot.end())).isEqualTo(duration);
                assertThat(slot.openingId()).isEqualTo(opening.id());
            }
            assertThat(ofDay.stream().map(Slot::start).distinct().count()).as("no start twice: " + context)
                    .isEqualTo(ofDay.size());
            for (int minute = plan.startMinute(); minute < plan.endMinute(); minute += step) {
                LocalDateTime local = day.atStartOfDay().plusMinutes(minute);
                List<ZoneOffset> offsets = zone.getRules().getValidOffsets(local);
                int m = minute;
                List<Slot> atThisTime = ofDay.stream()
                        .filter(s -> LocalDateTime.ofInstant(s.start(), zone).equals(local)).toList();
                if (offsets.isEmpty()) {
                    // (b) a local time that does not exist gives no slot, neither at it nor shifted past the gap
                    gapsSkipped.incrementAndGet();
                    Instant shifted = local.atZone(zone).toInstant();
                    LocalDateTime shiftedLocal = LocalDateTime.ofInstant(shifted, zone);
                    int shiftedMinute = shiftedLocal.getHour() * 60 + shiftedLocal.getMinute();
                    boolean shiftedIsOnGrid = shiftedLocal.toLocalDate().equals(day)
                            && (shiftedMinute - plan.startMinute()) % step == 0 && shiftedMinute < plan.endMinute();
                    if (!shiftedIsOnGrid) {
                        assertThat(ofDay).as("(b) no slot for the missing " + local + ": " + context)
                                .noneMatch(s -> s.start().equals(shifted));
                    }
                    continue;
                }
                Instant start = offsets.stream().map(local::toInstant).min(Instant::compareTo).orElseThrow();
                boolean fits = !start.plus(duration).isAfter(occurrenceEnd);
                if (fits) {
                    expected.add(start);
                }
                if (offsets.size() > 1) {
                    // (c) an ambiguous local time gives one slot, at the earlier offset (the larger one)
                    // (ZoneOffset.compareTo orders +02:00 before +01:00, so compare the seconds themselves.)
                    ZoneOffset earlier = offsets.stream().max(Comparator.comparingInt(ZoneOffset::getTotalSeconds))
                            .orElseThrow();
                    if (fits) {
                        overlapsResolved.incrementAndGet();
                        assertThat(atThisTime).as("(c) exactly one slot at the ambiguous " + local + ": " + context).hasSize(1);
                        assertThat(zone.getRules().getOffset(atThisTime.get(0).start()))
                                .as("(c) the earlier offset at " + local + ": " + context).isEqualTo(earlier);
                    } else {
                        assertThat(atThisTime).as("(c) " + local + " does not fit: " + context).isEmpty();
                    }
                } else {
                    assertThat(atThisTime).as("slot at " + local + " (minute " + m + ", fits " + fits + "): " + context)
                            .hasSize(fits ? 1 : 0);
                }
            }
        }
        // The whole answer, in order: exactly the grid times that exist and fit, on the three dates.
        assertThat(slots.stream().map(Slot::start).toList()).as(context).containsExactlyElementsOf(expected);
    }

    @Test
    @DisplayName("AG-1 a 09:00 weekly opening gives a 09:00 local slot the week before, of and after every DST change")
    void nineOClockStaysNineOClock() {
        qt().withExamples(200)
                .forAll(changes())
                .checkAssert(change -> {
                    ZoneId zone = change.zone();
                    LocalDate date = change.date();
                    Activity activity = new Activity(new ActivityId(new UUID(2, 2)), PRACTITIONER, "Massage",
                            Duration.ofMinutes(60), PRICE, Set.of(ConsultationMode.IN_PERSON), true);
                    Opening opening = OpeningSpec.weekly(date.getDayOfWeek(), date.minusDays(30), LocalTime.of(9, 0),
                            LocalTime.of(10, 0)).toOpening(new OpeningId(new UUID(3, 3)), PRACTITIONER);
                    AgendaSnapshot snapshot = new AgendaSnapshot(AgendaSettings.defaults(zone)
                            .withBookingWindow(Duration.ZERO, Duration.ofDays(730)), List.of(opening), List.of(),
                            Occupancy.empty());
                    List<Slot> slots = snapshot.slots(activity, date.minusDays(7), date.plusDays(7), Optional.empty(),
                            date.minusDays(60).atStartOfDay(ZoneOffset.UTC).toInstant());
                    List<ZonedDateTime> local = slots.stream().map(s -> s.start().atZone(zone)).toList();
                    assertThat(local).as(change.toString()).hasSize(3);
                    assertThat(local).as(change.toString()).allMatch(t -> t.toLocalTime().equals(LocalTime.of(9, 0)));
                    assertThat(local.stream().map(ZonedDateTime::toLocalDate).toList()).as(change.toString())
                            .containsExactly(date.minusDays(7), date, date.plusDays(7));
                    // Wall-clock time is kept, not elapsed time: two weeks apart minus the shift of the clocks.
                    assertThat(Duration.between(slots.get(0).start(), slots.get(2).start())).as(change.toString())
                            .isEqualTo(Duration.ofDays(14).minus(change.transition().getDuration()));
                });
    }

    private static LocalTime time(int minute) {
        return minute >= 24 * 60 ? LocalTime.MIDNIGHT : LocalTime.of(minute / 60, minute % 60);
    }
}
