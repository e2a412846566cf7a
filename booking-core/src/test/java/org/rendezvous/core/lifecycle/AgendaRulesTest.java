package org.rendezvous.core.lifecycle;

import static java.time.DayOfWeek.FRIDAY;
import static java.time.DayOfWeek.MONDAY;
import static java.time.DayOfWeek.SATURDAY;
import static java.time.DayOfWeek.SUNDAY;
import static java.time.DayOfWeek.THURSDAY;
import static java.time.DayOfWeek.TUESDAY;
import static java.time.DayOfWeek.WEDNESDAY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.rendezvous.core.lifecycle.Scenario.PARIS;
import static org.rendezvous.core.lifecycle.Scenario.PRICE;
import static org.rendezvous.core.lifecycle.Scenario.accepted;
import static org.rendezvous.core.lifecycle.Scenario.eur;
import static org.rendezvous.core.lifecycle.Scenario.rejected;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.rendezvous.core.agenda.Activity;
import org.rendezvous.core.agenda.AddActivityCommand;
import org.rendezvous.core.agenda.AgendaSettings;
import org.rendezvous.core.agenda.AvailabilityQuery;
import org.rendezvous.core.agenda.ChangeActivityCommand;
import org.rendezvous.core.agenda.ConsultationMode;
import org.rendezvous.core.agenda.Opening;
import org.rendezvous.core.agenda.OpeningChange;
import org.rendezvous.core.agenda.OpeningSpec;
import org.rendezvous.core.agenda.Place;
import org.rendezvous.core.agenda.Schedule;
import org.rendezvous.core.agenda.Slot;
import org.rendezvous.core.agenda.UnavailabilityAdded;
import org.rendezvous.core.booking.Booking;
import org.rendezvous.core.booking.BookingState;
import org.rendezvous.core.booking.EnterBookingCommand;
import org.rendezvous.core.contact.EmailAddress;
import org.rendezvous.core.contact.PersonName;
import org.rendezvous.core.contact.PhoneNumber;
import org.rendezvous.core.notification.MessageKind;
import org.rendezvous.core.outcome.Reason;

/** The agenda rules AG-1 … AG-9, through the façade. */
class AgendaRulesTest {

    private static List<LocalTime> times(List<Slot> slots, ZoneId zone) {
        return slots.stream().map(slot -> LocalTime.ofInstant(slot.start(), zone)).toList();
    }

    private static List<Instant> starts(List<Slot> slots) {
        return slots.stream().map(Slot::start).toList();
    }

    // AG-1 time zones

    @Test
    @DisplayName("AG-1 a new practitioner's agenda is in their zone and local opening times map to UTC instants")
    void localTimesAreInThePractitionersZone() {
        Scenario s = Scenario.create();

        assertThat(s.settings().zone()).isEqualTo(PARIS);
        assertThat(AgendaSettings.defaults().zone()).isEqualTo(ZoneId.of("Europe/Paris"));
        // Tuesday 3 June 2025, 09:00 in Paris (UTC+2) is 07:00 UTC.
        assertThat(starts(s.slots(s.date(TUESDAY)))).containsExactly(
                Instant.parse("2025-06-03T07:00:00Z"), Instant.parse("2025-06-03T08:00:00Z"),
                Instant.parse("2025-06-03T09:00:00Z"));
        Booking booking = s.book(Instant.parse("2025-06-03T07:00:00Z"));
        assertThat(booking.start()).isEqualTo(Instant.parse("2025-06-03T07:00:00Z"));
    }

    @Test
    @DisplayName("AG-1 a weekly 09:00 opening stays at 09:00 local time on both sides of the spring change")
    void weeklyOpeningKeepsItsWallClockAcrossSpringChange() {
        Scenario s = Scenario.builder().startingOn(LocalDate.of(2025, 3, 24)).build();

        // Before 30 March 2025 Paris is UTC+1, after it UTC+2.
        assertThat(starts(s.slots(s.date(TUESDAY))).get(0)).isEqualTo(Instant.parse("2025-03-25T08:00:00Z"));
        assertThat(starts(s.slots(s.date(TUESDAY, 1))).get(0)).isEqualTo(Instant.parse("2025-04-01T07:00:00Z"));
        assertThat(s.startTimes(s.date(TUESDAY))).containsExactly(LocalTime.of(9, 0), LocalTime.of(10, 0), LocalTime.of(11, 0));
        assertThat(s.startTimes(s.date(TUESDAY, 1))).containsExactly(LocalTime.of(9, 0), LocalTime.of(10, 0), LocalTime.of(11, 0));
    }

    @Test
    @DisplayName("AG-1 a local time in the spring gap produces no slot")
    void springGapHasNoSlot() {
        Scenario s = Scenario.builder().startingOn(LocalDate.of(2025, 3, 24)).build();
        LocalDate changeDay = LocalDate.of(2025, 3, 30);
        accepted(s.engine.agenda().addOpening(s.anna, OpeningSpec.onDate(changeDay, LocalTime.of(1, 0), LocalTime.of(5, 0))));

        // 02:00 does not exist that night: clocks jump from 02:00 (UTC+1) to 03:00 (UTC+2).
        assertThat(starts(s.slots(changeDay))).containsExactly(
                Instant.parse("2025-03-30T00:00:00Z"),   // 01:00 UTC+1
                Instant.parse("2025-03-30T01:00:00Z"),   // 03:00 UTC+2
                Instant.parse("2025-03-30T02:00:00Z"));  // 04:00 UTC+2
        assertThat(s.startTimes(changeDay)).doesNotContain(LocalTime.of(2, 0));
    }

    @Test
    @DisplayName("AG-1 an ambiguous local time in the autumn overlap produces one slot, at the earlier offset")
    void autumnOverlapHasOneSlotAtTheEarlierOffset() {
        Scenario s = Scenario.builder().startingOn(LocalDate.of(2025, 10, 20)).build();
        LocalDate changeDay = LocalDate.of(2025, 10, 26);
        accepted(s.engine.agenda().addOpening(s.anna, OpeningSpec.onDate(changeDay, LocalTime.of(1, 0), LocalTime.of(4, 0))));

        // 02:00 happens twice that night (UTC+2 then UTC+1): one slot, at 02:00 UTC+2.
        assertThat(starts(s.slots(changeDay))).containsExactly(
                Instant.parse("2025-10-25T23:00:00Z"),   // 01:00 UTC+2
                Instant.parse("2025-10-26T00:00:00Z"),   // 02:00 UTC+2, the earlier offset
                Instant.parse("2025-10-26T02:00:00Z"));  // 03:00 UTC+1
        // And the weekly 09:00 opening is at 09:00 local on both sides of the change.
        assertThat(starts(s.slots(s.date(TUESDAY))).get(0)).isEqualTo(Instant.parse("2025-10-21T07:00:00Z"));
        assertThat(starts(s.slots(s.date(TUESDAY, 1))).get(0)).isEqualTo(Instant.parse("2025-10-28T08:00:00Z"));
    }

    @Test
    @DisplayName("AG-1 changing the practitioner's zone keeps the openings' wall-clock times and moves no booking")
    void zoneChangeKeepsWallClockAndBookings() {
        Scenario s = Scenario.create();
        Booking booking = s.book(s.at(TUESDAY, 9));
        List<Opening> openingsBefore = s.engine.agenda().openings(s.anna);
        ZoneId newYork = ZoneId.of("America/New_York");

        s.changeSettings(settings -> settings.withZone(newYork));

        assertThat(s.settings().zone()).isEqualTo(newYork);
        assertThat(s.engine.agenda().openings(s.anna)).containsExactlyInAnyOrderElementsOf(openingsBefore);
        assertThat(s.engine.agenda().openings(s.anna)).allSatisfy(opening -> {
            assertThat(opening.start()).isEqualTo(LocalTime.of(9, 0));
            assertThat(opening.end()).isEqualTo(LocalTime.of(12, 0));
        });
        // Wednesday 4 June 2025, 09:00 in New York (UTC−4) is 13:00 UTC.
        List<Slot> wednesday = s.slots(s.date(WEDNESDAY));
        assertThat(times(wednesday, newYork)).containsExactly(LocalTime.of(9, 0), LocalTime.of(10, 0), LocalTime.of(11, 0));
        assertThat(wednesday.get(0).start()).isEqualTo(Instant.parse("2025-06-04T13:00:00Z"));
        // The booking made before stays at its instant, with its state and deadline.
        Booking after = s.reload(booking);
        assertThat(after.start()).isEqualTo(Instant.parse("2025-06-03T07:00:00Z"));
        assertThat(after.end()).isEqualTo(booking.end());
        assertThat(after.state()).isEqualTo(BookingState.PENDING);
        assertThat(after.expiresAt()).isEqualTo(booking.expiresAt());
        assertThat(after.moves()).isEmpty();
    }

    // AG-2 activities

    @Test
    @DisplayName("AG-2 an activity lasts 5 to 480 minutes; outside that an IllegalArgumentException names the duration")
    void activityDurationBounds() {
        Scenario s = Scenario.create();
        Set<ConsultationMode> inPerson = Set.of(ConsultationMode.IN_PERSON);

        assertThatThrownBy(() -> s.engine.agenda().addActivity(
                new AddActivityCommand(s.anna, "Too short", Duration.ofMinutes(4), PRICE, inPerson)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("duration");
        assertThatThrownBy(() -> s.engine.agenda().addActivity(
                new AddActivityCommand(s.anna, "Too long", Duration.ofMinutes(481), PRICE, inPerson)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("duration");
        assertThat(s.engine.agenda().activities(s.anna)).extracting(Activity::name).containsExactly("Shiatsu");

        Activity shortest = accepted(s.engine.agenda().addActivity(
                new AddActivityCommand(s.anna, "Quick check", Duration.ofMinutes(5), PRICE, inPerson)));
        Activity longest = accepted(s.engine.agenda().addActivity(
                new AddActivityCommand(s.anna, "Retreat day", Duration.ofMinutes(480), PRICE, inPerson)));
        assertThat(shortest.duration()).isEqualTo(Duration.ofMinutes(5));
        assertThat(longest.duration()).isEqualTo(Duration.ofMinutes(480));
    }

    @Test
    @DisplayName("AG-2 an activity's price is zero or more; a negative one throws an IllegalArgumentException naming the price")
    void activityPriceNotNegative() {
        Scenario s = Scenario.create();

        assertThatThrownBy(() -> s.engine.agenda().addActivity(new AddActivityCommand(s.anna, "Discount",
                Duration.ofMinutes(30), eur("-0.01"), Set.of(ConsultationMode.IN_PERSON))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("price");
        Activity free = accepted(s.engine.agenda().addActivity(new AddActivityCommand(s.anna, "Free first call",
                Duration.ofMinutes(15), eur("0.00"), Set.of(ConsultationMode.PHONE))));

        assertThat(free.price()).isEqualTo(eur("0.00"));
        assertThat(s.engine.agenda().activities(s.anna)).extracting(Activity::name).containsExactly("Shiatsu", "Free first call");
    }

    @Test
    @DisplayName("AG-2 a practitioner has any number of activities, each in its modes, and an inactive one cannot be booked")
    void activitiesModesAndActivity() {
        Scenario s = Scenario.create();
        Activity call = accepted(s.engine.agenda().addActivity(new AddActivityCommand(s.anna, "Phone follow-up",
                Duration.ofMinutes(30), eur("25.00"), Set.of(ConsultationMode.PHONE))));

        assertThat(s.engine.agenda().activities(s.anna)).hasSize(2);
        assertThat(call.active()).isTrue();
        assertThat(call.modes()).containsExactly(ConsultationMode.PHONE);
        assertThat(s.slots(call.id(), s.date(WEDNESDAY), s.date(WEDNESDAY))).hasSize(6)
                .allSatisfy(slot -> assertThat(slot.modes()).containsExactly(ConsultationMode.PHONE));
        assertThat(rejected(s.tryBook(s.at(WEDNESDAY, 9), ConsultationMode.PHONE)).reason())
                .isEqualTo(Reason.MODE_NOT_OFFERED);

        accepted(s.engine.agenda().changeActivity(new ChangeActivityCommand(s.anna, s.shiatsu.id(), "Shiatsu",
                Duration.ofMinutes(60), PRICE, s.shiatsu.modes(), false)));

        assertThat(s.slots(s.date(WEDNESDAY))).isEmpty();
        assertThat(rejected(s.tryBook(s.at(WEDNESDAY, 9))).reason()).isEqualTo(Reason.ACTIVITY_INACTIVE);
    }

    // AG-3 openings

    @Test
    @DisplayName("AG-3 start times lie on the step grid from the opening's start, default step = duration + spacing, inside the opening")
    void stepGrid() {
        Scenario s = Scenario.create();
        LocalDate saturday = s.date(SATURDAY);
        LocalDate sunday = s.date(SUNDAY);
        accepted(s.engine.agenda().addOpening(s.anna,
                OpeningSpec.onDate(saturday, LocalTime.of(9, 0), LocalTime.of(12, 0)).withStep(Duration.ofMinutes(30))));
        accepted(s.engine.agenda().addOpening(s.anna, OpeningSpec.onDate(sunday, LocalTime.of(14, 0), LocalTime.of(15, 30))));

        assertThat(s.startTimes(s.date(WEDNESDAY)))
                .containsExactly(LocalTime.of(9, 0), LocalTime.of(10, 0), LocalTime.of(11, 0));
        assertThat(s.startTimes(saturday)).containsExactly(LocalTime.of(9, 0), LocalTime.of(9, 30), LocalTime.of(10, 0),
                LocalTime.of(10, 30), LocalTime.of(11, 0));
        // 15:00 would end at 16:00, after the opening's end: a consultation starts and ends inside one opening.
        assertThat(s.startTimes(sunday)).containsExactly(LocalTime.of(14, 0));
        assertThat(rejected(s.tryBook(s.at(WEDNESDAY, 9, 30))).reason()).isEqualTo(Reason.NOT_A_BOOKABLE_START);
        assertThat(rejected(s.tryBook(s.at(sunday, 15, 0))).reason()).isEqualTo(Reason.NOT_A_BOOKABLE_START);
        assertThat(accepted(s.tryBook(s.at(saturday, 10, 30))).start()).isEqualTo(s.at(saturday, 10, 30));
    }

    @Test
    @DisplayName("AG-3 capacity is the opening's, else the practitioner's default, else 1")
    void capacityDefaults() {
        Scenario s = Scenario.create();
        LocalDate saturday = s.date(SATURDAY);

        assertThat(s.settings().defaultCapacity()).isEqualTo(1);
        assertThat(s.slots(s.date(WEDNESDAY))).allSatisfy(slot -> assertThat(slot.capacity()).isEqualTo(1));

        s.changeSettings(settings -> settings.withDefaultCapacity(4));
        accepted(s.engine.agenda().addOpening(s.anna,
                OpeningSpec.onDate(saturday, LocalTime.of(9, 0), LocalTime.of(12, 0)).withCapacity(2)));

        assertThat(s.slots(s.date(WEDNESDAY))).allSatisfy(slot -> {
            assertThat(slot.capacity()).isEqualTo(4);
            assertThat(slot.seatsLeft()).isEqualTo(4);
        });
        assertThat(s.slots(saturday)).allSatisfy(slot -> assertThat(slot.capacity()).isEqualTo(2));
    }

    @Test
    @DisplayName("AG-3 an opening allows all activities by default, or only those it names")
    void allowedActivities() {
        Scenario s = Scenario.create();
        Activity reiki = accepted(s.engine.agenda().addActivity(new AddActivityCommand(s.anna, "Reiki",
                Duration.ofMinutes(60), eur("50.00"), Set.of(ConsultationMode.IN_PERSON))));
        LocalDate saturday = s.date(SATURDAY);
        accepted(s.engine.agenda().addOpening(s.anna, OpeningSpec.onDate(saturday, LocalTime.of(9, 0), LocalTime.of(12, 0))
                .withActivities(Set.of(reiki.id()))));

        assertThat(s.slots(reiki.id(), s.date(WEDNESDAY), s.date(WEDNESDAY))).hasSize(3);
        assertThat(s.slots(reiki.id(), saturday, saturday)).hasSize(3);
        assertThat(s.slots(saturday)).isEmpty();
        assertThat(rejected(s.tryBook(s.at(saturday, 9, 0))).reason()).isEqualTo(Reason.NOT_A_BOOKABLE_START);
    }

    @Test
    @DisplayName("AG-3 an opening overlapping another on the same date is refused with OPENING_OVERLAP; touching ones are fine")
    void overlappingOpeningsRefused() {
        Scenario s = Scenario.create();
        List<Opening> before = s.engine.agenda().openings(s.anna);
        LocalDate tuesday = s.date(TUESDAY);

        var dated = rejected(s.engine.agenda().addOpening(s.anna,
                OpeningSpec.onDate(tuesday, LocalTime.of(11, 0), LocalTime.of(13, 0))));
        var weekly = rejected(s.engine.agenda().addOpening(s.anna,
                OpeningSpec.weekly(TUESDAY, s.monday.plusWeeks(3), LocalTime.of(8, 0), LocalTime.of(9, 30))));

        assertThat(dated.reason()).isEqualTo(Reason.OPENING_OVERLAP);
        assertThat(dated.detail()).isNotBlank().contains(s.weeklyOpening(TUESDAY).toString());
        assertThat(weekly.reason()).isEqualTo(Reason.OPENING_OVERLAP);
        assertThat(s.engine.agenda().openings(s.anna)).containsExactlyInAnyOrderElementsOf(before);

        OpeningChange touchingAfter = accepted(s.engine.agenda().addOpening(s.anna,
                OpeningSpec.onDate(tuesday, LocalTime.of(12, 0), LocalTime.of(14, 0))));
        OpeningChange touchingBefore = accepted(s.engine.agenda().addOpening(s.anna,
                OpeningSpec.weekly(TUESDAY, s.monday, LocalTime.of(7, 0), LocalTime.of(9, 0))));
        assertThat(touchingAfter.opening()).isPresent();
        assertThat(touchingBefore.opening()).isPresent();
        assertThat(s.startTimes(tuesday)).containsExactly(LocalTime.of(7, 0), LocalTime.of(8, 0), LocalTime.of(9, 0),
                LocalTime.of(10, 0), LocalTime.of(11, 0), LocalTime.of(12, 0), LocalTime.of(13, 0));
    }

    @Test
    @DisplayName("AG-3 an opening has a mode or an address: only the consultations it accepts can be booked in it")
    void modesAndAddress() {
        Scenario s = Scenario.create();
        LocalDate saturday = s.date(SATURDAY);
        LocalDate sunday = s.date(SUNDAY);
        Opening cabinet = accepted(s.engine.agenda().addOpening(s.anna,
                OpeningSpec.onDate(saturday, LocalTime.of(9, 0), LocalTime.of(11, 0)).withPlace(Place.at("3 rue des Lilas, Lyon"))))
                .opening().orElseThrow();
        accepted(s.engine.agenda().addOpening(s.anna,
                OpeningSpec.onDate(sunday, LocalTime.of(9, 0), LocalTime.of(11, 0)).withPlace(Place.remote(ConsultationMode.VIDEO))));

        assertThat(cabinet.place().address()).contains("3 rue des Lilas, Lyon");
        assertThat(s.slots(saturday)).hasSize(2)
                .allSatisfy(slot -> assertThat(slot.modes()).containsExactly(ConsultationMode.IN_PERSON));
        assertThat(s.slots(sunday)).hasSize(2)
                .allSatisfy(slot -> assertThat(slot.modes()).containsExactly(ConsultationMode.VIDEO));
        assertThat(s.slots(s.date(WEDNESDAY))).allSatisfy(slot ->
                assertThat(slot.modes()).containsExactlyInAnyOrder(ConsultationMode.IN_PERSON, ConsultationMode.VIDEO));
        assertThat(accepted(s.engine.agenda().availability(new AvailabilityQuery(s.anna, s.shiatsu.id(), saturday, sunday,
                Optional.of(ConsultationMode.VIDEO))))).extracting(Slot::start)
                .containsExactly(s.at(sunday, 9, 0), s.at(sunday, 10, 0));

        assertThat(rejected(s.tryBook(s.at(saturday, 9, 0), ConsultationMode.VIDEO)).reason())
                .isEqualTo(Reason.NOT_A_BOOKABLE_START);
        assertThat(rejected(s.tryBook(s.at(sunday, 9, 0), ConsultationMode.IN_PERSON)).reason())
                .isEqualTo(Reason.NOT_A_BOOKABLE_START);
        assertThat(s.book(s.at(saturday, 9, 0), ConsultationMode.IN_PERSON).mode()).isEqualTo(ConsultationMode.IN_PERSON);
        assertThatThrownBy(() -> new Place(Set.of(ConsultationMode.VIDEO), Optional.of("3 rue des Lilas")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("address");
    }

    // AG-4 changing openings never cancels bookings

    @Test
    @DisplayName("AG-4 deleting an opening keeps the bookings inside it and reports how many are left outside any opening")
    void deleteOpeningKeepsBookings() {
        Scenario s = Scenario.create();
        Booking pending = s.book(s.at(TUESDAY, 9));
        Booking confirmed = s.bookConfirmed(s.at(TUESDAY, 10, 0).plus(Duration.ofDays(7)));

        OpeningChange change = accepted(s.engine.agenda().deleteOpening(s.anna, s.weeklyOpening(TUESDAY)));

        assertThat(change.opening()).isEmpty();
        assertThat(change.bookingsLeftOutside()).isEqualTo(2);
        assertThat(s.reload(pending).state()).isEqualTo(BookingState.PENDING);
        assertThat(s.reload(confirmed).state()).isEqualTo(BookingState.CONFIRMED);
        assertThat(s.reload(pending).start()).isEqualTo(pending.start());
        assertThat(s.kinds(pending)).containsExactly(MessageKind.BOOKING_REQUESTED);
        assertThat(s.slots(s.date(TUESDAY))).isEmpty();
        assertThat(s.slots(s.date(TUESDAY, 1))).isEmpty();
        assertThat(s.engine.agenda().openings(s.anna)).extracting(Opening::id).doesNotContain(s.weeklyOpening(TUESDAY));
        assertThat(rejected(s.engine.agenda().deleteOpening(s.anna, s.weeklyOpening(TUESDAY))).reason())
                .isEqualTo(Reason.NOT_FOUND);
    }

    @Test
    @DisplayName("AG-4 deleting one occurrence of a weekly opening frees only that date and keeps its bookings")
    void deleteOneOccurrence() {
        Scenario s = Scenario.create();
        LocalDate wednesday = s.date(WEDNESDAY);
        Booking booking = s.book(s.at(WEDNESDAY, 10));

        OpeningChange change = accepted(s.engine.agenda().deleteOccurrence(s.anna, s.weeklyOpening(WEDNESDAY), wednesday));

        assertThat(change.bookingsLeftOutside()).isEqualTo(1);
        assertThat(change.opening()).isPresent();
        assertThat(((Schedule.Weekly) change.opening().get().schedule()).skippedDates()).containsExactly(wednesday);
        assertThat(s.slots(wednesday)).isEmpty();
        assertThat(s.startTimes(s.date(WEDNESDAY, 1))).containsExactly(LocalTime.of(9, 0), LocalTime.of(10, 0), LocalTime.of(11, 0));
        assertThat(s.reload(booking).state()).isEqualTo(BookingState.PENDING);
        assertThat(s.reload(booking).start()).isEqualTo(booking.start());
        assertThat(rejected(s.engine.agenda().deleteOccurrence(s.anna, s.weeklyOpening(WEDNESDAY), s.date(THURSDAY))).reason())
                .isEqualTo(Reason.NOT_FOUND);
    }

    @Test
    @DisplayName("AG-4 clearing a date removes its dated openings and skips its weekly ones, keeping the bookings")
    void clearDate() {
        Scenario s = Scenario.create();
        LocalDate thursday = s.date(THURSDAY);
        Opening afternoon = accepted(s.engine.agenda().addOpening(s.anna,
                OpeningSpec.onDate(thursday, LocalTime.of(14, 0), LocalTime.of(16, 0)))).opening().orElseThrow();
        Booking morning = s.book(s.at(THURSDAY, 9));
        Booking later = s.bookConfirmed(s.at(THURSDAY, 14));
        Booking nextWeek = s.book(s.at(s.date(THURSDAY, 1), 9, 0));

        OpeningChange change = accepted(s.engine.agenda().clearDate(s.anna, thursday));

        assertThat(change.bookingsLeftOutside()).isEqualTo(2);
        assertThat(s.slots(thursday)).isEmpty();
        assertThat(s.engine.agenda().openings(s.anna)).extracting(Opening::id)
                .doesNotContain(afternoon.id()).contains(s.weeklyOpening(THURSDAY));
        assertThat(s.startTimes(s.date(THURSDAY, 1))).containsExactly(LocalTime.of(10, 0), LocalTime.of(11, 0));
        assertThat(s.reload(morning).state()).isEqualTo(BookingState.PENDING);
        assertThat(s.reload(later).state()).isEqualTo(BookingState.CONFIRMED);
        assertThat(s.reload(nextWeek).state()).isEqualTo(BookingState.PENDING);
    }

    @Test
    @DisplayName("AG-4 before clearing a date, the practitioner is told how many bookings it would leave outside; nothing changes")
    void previewClearDate() {
        Scenario s = Scenario.create();
        LocalDate thursday = s.date(THURSDAY);
        s.book(s.at(THURSDAY, 9));
        s.bookConfirmed(s.at(THURSDAY, 11));
        s.book(s.at(s.date(THURSDAY, 1), 9, 0));
        List<Opening> before = s.engine.agenda().openings(s.anna);

        OpeningChange preview = accepted(s.engine.agenda().previewClearDate(s.anna, thursday));

        assertThat(preview.bookingsLeftOutside()).isEqualTo(2);
        assertThat(preview.opening()).isEmpty();
        assertThat(s.engine.agenda().openings(s.anna)).isEqualTo(before);
        assertThat(accepted(s.engine.agenda().clearDate(s.anna, thursday)).bookingsLeftOutside())
                .isEqualTo(preview.bookingsLeftOutside());
        assertThat(accepted(s.engine.agenda().previewClearDate(s.anna, thursday)).bookingsLeftOutside()).isZero();
    }

    @Test
    @DisplayName("AG-4 shrinking an opening keeps the bookings it no longer covers and reports them")
    void shrinkOpening() {
        Scenario s = Scenario.create();
        Booking early = s.book(s.at(FRIDAY, 9));
        Booking inside = s.book(s.at(FRIDAY, 10));

        OpeningChange change = accepted(s.engine.agenda().changeOpening(s.anna, s.weeklyOpening(FRIDAY),
                OpeningSpec.weekly(FRIDAY, s.monday, LocalTime.of(10, 0), LocalTime.of(12, 0))));

        assertThat(change.bookingsLeftOutside()).isEqualTo(1);
        assertThat(change.opening().orElseThrow().start()).isEqualTo(LocalTime.of(10, 0));
        assertThat(s.reload(early).state()).isEqualTo(BookingState.PENDING);
        assertThat(s.reload(inside).state()).isEqualTo(BookingState.PENDING);
        assertThat(s.startTimes(s.date(FRIDAY))).containsExactly(LocalTime.of(11, 0));
    }

    // AG-5 unavailability

    @Test
    @DisplayName("AG-5 nothing can be booked during an unavailability, whatever the openings say")
    void unavailabilityBlocksSlotsAndBookings() {
        Scenario s = Scenario.create();
        Booking already = s.book(s.at(THURSDAY, 10));

        UnavailabilityAdded added = accepted(s.engine.agenda().addUnavailability(s.anna, s.at(WEDNESDAY, 9),
                s.at(WEDNESDAY, 11), "Dentist"));
        UnavailabilityAdded holiday = accepted(s.engine.agenda().addUnavailability(s.anna, s.at(THURSDAY, 0),
                s.at(FRIDAY, 0), "Holiday"));

        assertThat(added.bookingsInside()).isZero();
        assertThat(holiday.bookingsInside()).isEqualTo(1);
        assertThat(s.reload(already).state()).isEqualTo(BookingState.PENDING);
        assertThat(s.startTimes(s.date(WEDNESDAY))).containsExactly(LocalTime.of(11, 0));
        assertThat(s.slots(s.date(THURSDAY))).isEmpty();
        assertThat(rejected(s.tryBook(s.at(WEDNESDAY, 9))).reason()).isEqualTo(Reason.UNAVAILABLE);
        assertThat(rejected(s.tryBook(s.at(THURSDAY, 11))).reason()).isEqualTo(Reason.UNAVAILABLE);
        // Not even the practitioner can place a booking there.
        assertThat(rejected(s.engine.bookings().enter(new EnterBookingCommand(s.anna, s.shiatsu.id(), s.at(WEDNESDAY, 10),
                ConsultationMode.IN_PERSON, EmailAddress.of("walk-in@example.org"), Optional.of(PersonName.of("Walk In")),
                Optional.of(PhoneNumber.of("+33612345678")), Optional.empty(), new java.util.TreeMap<>(), s.key())))
                .reason()).isEqualTo(Reason.UNAVAILABLE);

        accepted(s.engine.agenda().deleteUnavailability(s.anna, added.unavailability().id()));
        assertThat(s.startTimes(s.date(WEDNESDAY))).containsExactly(LocalTime.of(9, 0), LocalTime.of(10, 0), LocalTime.of(11, 0));
    }

    // AG-6 spacing

    @Test
    @DisplayName("AG-6 spacing is kept free after each consultation and before the next, and widens the default step")
    void spacingKeptAroundBookings() {
        Scenario without = Scenario.create();
        Scenario with = Scenario.with(settings -> settings.withSpacing(Duration.ofMinutes(15)));
        for (Scenario s : List.of(without, with)) {
            accepted(s.engine.agenda().addOpening(s.anna, OpeningSpec.onDate(s.date(SATURDAY), LocalTime.of(9, 0),
                    LocalTime.of(13, 0)).withStep(Duration.ofMinutes(30))));
            s.book(s.at(SATURDAY, 10));
        }

        // Booking 10:00–11:00. Without spacing the neighbours touching it stay free.
        assertThat(without.startTimes(without.date(SATURDAY)))
                .containsExactly(LocalTime.of(9, 0), LocalTime.of(11, 0), LocalTime.of(11, 30), LocalTime.of(12, 0));
        // With 15 min: 09:00 would end at 10:00, less than 15 min before; 11:00 would start right after.
        assertThat(with.startTimes(with.date(SATURDAY))).containsExactly(LocalTime.of(11, 30), LocalTime.of(12, 0));
        assertThat(rejected(with.tryBook(with.at(SATURDAY, 11))).reason()).isEqualTo(Reason.SLOT_FULL);
        assertThat(rejected(with.tryBook(with.at(SATURDAY, 9))).reason()).isEqualTo(Reason.SLOT_FULL);
        // Default step: 60 min + 15 min spacing.
        assertThat(with.startTimes(with.date(WEDNESDAY))).containsExactly(LocalTime.of(9, 0), LocalTime.of(10, 15));
    }

    // AG-7 capacity

    @Test
    @DisplayName("AG-7 with capacity 1 a start time is gone once a seat-holding booking overlaps it")
    void capacityOne() {
        Scenario s = Scenario.create();
        accepted(s.engine.agenda().addOpening(s.anna, OpeningSpec.onDate(s.date(SATURDAY), LocalTime.of(9, 0),
                LocalTime.of(12, 0)).withStep(Duration.ofMinutes(30))));

        Booking first = s.book(s.at(SATURDAY, 10));

        assertThat(s.startTimes(s.date(SATURDAY))).containsExactly(LocalTime.of(9, 0), LocalTime.of(11, 0));
        assertThat(rejected(s.tryBook(s.at(SATURDAY, 10))).reason()).isEqualTo(Reason.SLOT_FULL);
        assertThat(rejected(s.tryBook(s.at(SATURDAY, 10, 30))).reason()).isEqualTo(Reason.SLOT_FULL);
        assertThat(rejected(s.tryBook(s.at(SATURDAY, 9, 30))).reason()).isEqualTo(Reason.SLOT_FULL);
        // A held booking (waiting for its online payment) holds its seat as well.
        Booking held = s.book(s.at(SATURDAY, 11), ConsultationMode.VIDEO);
        assertThat(held.state()).isEqualTo(BookingState.HELD);
        assertThat(s.startTimes(s.date(SATURDAY))).containsExactly(LocalTime.of(9, 0));
        assertThat(first.state()).isEqualTo(BookingState.PENDING);
    }

    @Test
    @DisplayName("AG-7 a group session of capacity 3 takes three overlapping bookings, with seatsLeft decreasing")
    void groupCapacity() {
        Scenario s = Scenario.create();
        LocalDate saturday = s.date(SATURDAY);
        accepted(s.engine.agenda().addOpening(s.anna, OpeningSpec.onDate(saturday, LocalTime.of(9, 0),
                LocalTime.of(12, 0)).withStep(Duration.ofMinutes(30)).withCapacity(3)));
        Instant ten = s.at(SATURDAY, 10);

        assertThat(seatsAt(s, saturday, ten)).contains(3);
        s.book(ten);
        assertThat(seatsAt(s, saturday, ten)).contains(2);
        assertThat(seatsAt(s, saturday, s.at(SATURDAY, 10, 30))).contains(2);
        assertThat(seatsAt(s, saturday, s.at(SATURDAY, 11))).contains(3);
        s.book(ten);
        assertThat(seatsAt(s, saturday, ten)).contains(1);
        s.book(s.at(SATURDAY, 10, 30));
        // 10:00–11:00 twice and 10:30–11:30 once: three seats taken from 10:30 to 11:00.
        assertThat(seatsAt(s, saturday, ten)).isEmpty();
        assertThat(seatsAt(s, saturday, s.at(SATURDAY, 10, 30))).isEmpty();
        assertThat(seatsAt(s, saturday, s.at(SATURDAY, 9, 30))).contains(1);
        assertThat(seatsAt(s, saturday, s.at(SATURDAY, 9, 0))).contains(3);
        assertThat(seatsAt(s, saturday, s.at(SATURDAY, 11))).contains(2);
        assertThat(rejected(s.tryBook(ten)).reason()).isEqualTo(Reason.SLOT_FULL);
        assertThat(s.engine.agenda().bookingsBetween(s.anna, saturday, saturday).orElseThrow()).hasSize(3);
    }

    private static Optional<Integer> seatsAt(Scenario s, LocalDate date, Instant start) {
        return s.slots(date).stream().filter(slot -> slot.start().equals(start)).map(Slot::seatsLeft).findFirst();
    }

    @Test
    @DisplayName("AG-7 a cancelled booking holds no seat: the time is free again")
    void endedBookingsHoldNoSeat() {
        Scenario s = Scenario.create();
        Booking booking = s.book(s.at(WEDNESDAY, 9));
        assertThat(s.startTimes(s.date(WEDNESDAY))).doesNotContain(LocalTime.of(9, 0));

        accepted(s.engine.clientBookings().cancelByClient(
                new org.rendezvous.core.booking.CancelByClientCommand(booking.accessToken(), s.key())));

        assertThat(s.startTimes(s.date(WEDNESDAY))).contains(LocalTime.of(9, 0));
        assertThat(s.book(s.at(WEDNESDAY, 9)).state()).isEqualTo(BookingState.PENDING);
    }

    // AG-8 booking window

    @Test
    @DisplayName("AG-8 a start time is bookable only at least 2 h ahead by default")
    void minimumNotice() {
        Scenario s = Scenario.create();
        accepted(s.engine.agenda().addOpening(s.anna, OpeningSpec.onDate(s.monday, LocalTime.of(12, 0), LocalTime.of(14, 0))));

        // It is Monday 10:00: 11:00 is 1 h ahead, 12:00 exactly 2 h ahead.
        assertThat(s.startTimes(s.monday)).containsExactly(LocalTime.of(12, 0), LocalTime.of(13, 0));
        var tooSoon = rejected(s.tryBook(s.at(MONDAY, 11)));
        assertThat(tooSoon.reason()).isEqualTo(Reason.OUTSIDE_BOOKING_WINDOW);
        assertThat(tooSoon.detail()).startsWith("start");
        assertThat(rejected(s.tryBook(s.at(MONDAY, 9))).reason()).isEqualTo(Reason.OUTSIDE_BOOKING_WINDOW);
        assertThat(s.book(s.at(MONDAY, 12)).start()).isEqualTo(s.at(MONDAY, 12));
    }

    @Test
    @DisplayName("AG-8 a start time is bookable at most 60 days ahead by default")
    void horizon() {
        Scenario s = Scenario.create();
        LocalDate lastDay = s.date(FRIDAY, 8);   // Friday 1 August 2025: Monday 2 June 10:00 + 60 days = 1 August 10:00
        assertThat(lastDay).isEqualTo(LocalDate.of(2025, 8, 1));

        assertThat(s.startTimes(lastDay)).containsExactly(LocalTime.of(9, 0), LocalTime.of(10, 0));
        assertThat(s.slots(s.date(MONDAY, 9))).isEmpty();
        assertThat(rejected(s.tryBook(s.at(lastDay, 11, 0))).reason()).isEqualTo(Reason.OUTSIDE_BOOKING_WINDOW);
        assertThat(rejected(s.tryBook(s.at(s.date(MONDAY, 9), 9, 0))).reason()).isEqualTo(Reason.OUTSIDE_BOOKING_WINDOW);
        assertThat(s.book(s.at(lastDay, 10, 0)).start()).isEqualTo(s.at(lastDay, 10, 0));
    }

    @Test
    @DisplayName("AG-8 the booking window follows the practitioner's settings")
    void configuredWindow() {
        Scenario s = Scenario.with(settings -> settings.withBookingWindow(Duration.ofHours(24), Duration.ofDays(7)));

        // Monday 10:00 + 24 h notice: Tuesday 09:00 is too soon, 10:00 is just in time.
        assertThat(s.startTimes(s.date(TUESDAY))).containsExactly(LocalTime.of(10, 0), LocalTime.of(11, 0));
        assertThat(rejected(s.tryBook(s.at(TUESDAY, 9))).reason()).isEqualTo(Reason.OUTSIDE_BOOKING_WINDOW);
        assertThat(s.startTimes(s.date(MONDAY, 1))).containsExactly(LocalTime.of(9, 0), LocalTime.of(10, 0));
        assertThat(rejected(s.tryBook(s.at(s.date(TUESDAY, 1), 9, 0))).reason()).isEqualTo(Reason.OUTSIDE_BOOKING_WINDOW);
        assertThat(s.book(s.at(WEDNESDAY, 10)).state()).isEqualTo(BookingState.PENDING);
    }

    // AG-9 availability

    @Test
    @DisplayName("AG-9 availability lists every bookable start time over a date range with the seats left at each")
    void availabilityOverARange() {
        Scenario s = Scenario.create();
        s.book(s.at(TUESDAY, 10));
        accepted(s.engine.agenda().addUnavailability(s.anna, s.at(WEDNESDAY, 11), s.at(WEDNESDAY, 12), "Lunch meeting"));

        List<Slot> slots = s.slots(s.shiatsu.id(), s.monday, s.date(WEDNESDAY));

        assertThat(starts(slots)).containsExactly(s.at(TUESDAY, 9), s.at(TUESDAY, 11), s.at(WEDNESDAY, 9), s.at(WEDNESDAY, 10));
        assertThat(slots).allSatisfy(slot -> {
            assertThat(slot.seatsLeft()).isEqualTo(1);
            assertThat(slot.capacity()).isEqualTo(1);
            assertThat(slot.end()).isEqualTo(slot.start().plus(Duration.ofMinutes(60)));
        });
        assertThat(slots.get(0).openingId()).isEqualTo(s.weeklyOpening(TUESDAY));
        assertThat(slots.get(2).openingId()).isEqualTo(s.weeklyOpening(WEDNESDAY));
    }
}
