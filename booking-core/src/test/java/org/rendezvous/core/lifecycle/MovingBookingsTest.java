package org.rendezvous.core.lifecycle;

import static java.time.DayOfWeek.FRIDAY;
import static java.time.DayOfWeek.MONDAY;
import static java.time.DayOfWeek.SATURDAY;
import static java.time.DayOfWeek.THURSDAY;
import static java.time.DayOfWeek.TUESDAY;
import static java.time.DayOfWeek.WEDNESDAY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.rendezvous.core.lifecycle.Scenario.PRICE;
import static org.rendezvous.core.lifecycle.Scenario.accepted;
import static org.rendezvous.core.lifecycle.Scenario.rejected;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.rendezvous.core.agenda.ChangeActivityCommand;
import org.rendezvous.core.agenda.ConsultationMode;
import org.rendezvous.core.agenda.OpeningSpec;
import org.rendezvous.core.booking.Actor;
import org.rendezvous.core.booking.Booking;
import org.rendezvous.core.booking.BookingState;
import org.rendezvous.core.booking.Move;
import org.rendezvous.core.booking.MoveByClientCommand;
import org.rendezvous.core.booking.MoveByPractitionerCommand;
import org.rendezvous.core.notification.MessageKind;
import org.rendezvous.core.outcome.Outcome;
import org.rendezvous.core.outcome.Reason;

/** BK-7: moving (rescheduling) a booking, by the client and by the practitioner. */
class MovingBookingsTest {

    private static Outcome<Booking> clientMoves(Scenario s, Booking booking, Instant newStart) {
        return s.engine.clientBookings().moveByClient(new MoveByClientCommand(booking.accessToken(), newStart, s.key()));
    }

    @Test
    @DisplayName("BK-7 a client moves a booking to another free time: same booking, payment and state carried over, old seat freed")
    void clientMovesAtomically() {
        Scenario s = Scenario.create();
        Booking paid = s.bookPrepaidConfirmed(s.at(WEDNESDAY, 9));
        assertThat(paid.state()).isEqualTo(BookingState.CONFIRMED);
        s.clock.advance(Duration.ofMinutes(5));

        Booking moved = accepted(clientMoves(s, paid, s.at(THURSDAY, 10)));

        assertThat(moved.id()).isEqualTo(paid.id());
        assertThat(moved.start()).isEqualTo(s.at(THURSDAY, 10));
        assertThat(moved.end()).isEqualTo(s.at(THURSDAY, 11));
        assertThat(moved.state()).isEqualTo(BookingState.CONFIRMED);
        assertThat(moved.activityId()).isEqualTo(paid.activityId());
        assertThat(moved.mode()).isEqualTo(ConsultationMode.VIDEO);
        assertThat(moved.price()).isEqualTo(PRICE);
        assertThat(moved.terms()).isEqualTo(paid.terms());
        assertThat(moved.paid()).isEqualTo(PRICE);
        assertThat(moved.paymentReference()).isEqualTo(paid.paymentReference());
        assertThat(moved.accessToken()).isEqualTo(paid.accessToken());
        assertThat(moved.history()).isEqualTo(paid.history());
        assertThat(moved.moves()).containsExactly(new Move(s.at(WEDNESDAY, 9), s.at(THURSDAY, 10), s.now(), Actor.CLIENT));
        assertThat(s.reload(paid)).isEqualTo(moved);
        assertThat(s.startTimes(s.date(WEDNESDAY))).contains(LocalTime.of(9, 0));
        assertThat(s.startTimes(s.date(THURSDAY))).doesNotContain(LocalTime.of(10, 0));
        s.assertAnnounced(moved, MessageKind.MOVED_BY_CLIENT);
        assertThat(s.messages(moved, MessageKind.MOVED_BY_CLIENT))
                .allSatisfy(m -> assertThat(m.parameters()).containsEntry("previousStart", s.at(WEDNESDAY, 9).toString()));
    }

    @Test
    @DisplayName("BK-7 a pending request can be moved too, and its expiry follows the new start")
    void pendingMoveKeepsStateAndMovesExpiry() {
        Scenario s = Scenario.create();
        Booking pending = s.book(s.at(WEDNESDAY, 9));

        Booking moved = accepted(clientMoves(s, pending, s.at(FRIDAY, 11)));

        assertThat(moved.state()).isEqualTo(BookingState.PENDING);
        assertThat(moved.expiresAt()).contains(s.at(FRIDAY, 9));
        assertThat(s.engine.bookings().pendingRequests(s.anna).orElseThrow()).containsExactly(moved);
    }

    @Test
    @DisplayName("BK-7 the booking's own seat does not stand in the way of a move to an overlapping time")
    void ownSeatDoesNotBlock() {
        Scenario s = Scenario.create();
        accepted(s.engine.agenda().addOpening(s.anna, OpeningSpec.onDate(s.date(SATURDAY), LocalTime.of(9, 0),
                LocalTime.of(12, 0)).withStep(Duration.ofMinutes(30))));
        Booking booking = s.book(s.at(SATURDAY, 10));

        Booking moved = accepted(clientMoves(s, booking, s.at(SATURDAY, 10, 30)));

        assertThat(moved.start()).isEqualTo(s.at(SATURDAY, 10, 30));
        assertThat(s.startTimes(s.date(SATURDAY))).containsExactly(LocalTime.of(9, 0), LocalTime.of(9, 30));
    }

    @Test
    @DisplayName("BK-7 a client may move until the cancellation deadline before the original start; after it MOVE_TOO_LATE")
    void moveDeadline() {
        Scenario s = Scenario.create();
        Booking tooLate = s.book(s.at(WEDNESDAY, 9));
        Booking justInTime = s.book(s.at(WEDNESDAY, 10));

        s.setClock(s.at(TUESDAY, 9).plusSeconds(1));
        var refused = rejected(clientMoves(s, tooLate, s.at(THURSDAY, 9)));
        s.setClock(s.at(TUESDAY, 10));
        Booking moved = accepted(clientMoves(s, justInTime, s.at(THURSDAY, 9)));

        assertThat(refused.reason()).isEqualTo(Reason.MOVE_TOO_LATE);
        assertThat(s.reload(tooLate).start()).isEqualTo(s.at(WEDNESDAY, 9));
        assertThat(s.reload(tooLate).moves()).isEmpty();
        assertThat(moved.start()).isEqualTo(s.at(THURSDAY, 9));
    }

    @Test
    @DisplayName("BK-7 a move to a full time is refused and leaves the booking untouched, holding its old seat")
    void moveToFullTimeLeavesBookingUntouched() {
        Scenario s = Scenario.create();
        Booking booking = s.bookConfirmed(s.at(WEDNESDAY, 9));
        Booking other = s.book(s.at(THURSDAY, 10));

        var full = rejected(clientMoves(s, booking, s.at(THURSDAY, 10)));
        var offGrid = rejected(clientMoves(s, booking, s.at(THURSDAY, 10, 30)));
        var tooSoon = rejected(clientMoves(s, booking, s.at(MONDAY, 11)));

        assertThat(full.reason()).isEqualTo(Reason.SLOT_FULL);
        assertThat(offGrid.reason()).isEqualTo(Reason.NOT_A_BOOKABLE_START);
        assertThat(tooSoon.reason()).isEqualTo(Reason.OUTSIDE_BOOKING_WINDOW);
        Booking after = s.reload(booking);
        assertThat(after).isEqualTo(booking);
        assertThat(after.version()).isEqualTo(booking.version());
        assertThat(after.start()).isEqualTo(s.at(WEDNESDAY, 9));
        assertThat(s.startTimes(s.date(WEDNESDAY))).doesNotContain(LocalTime.of(9, 0));
        assertThat(s.reload(other).start()).isEqualTo(s.at(THURSDAY, 10));
        assertThat(s.kinds(booking)).doesNotContain(MessageKind.MOVED_BY_CLIENT);
    }

    @Test
    @DisplayName("BK-7 a client cannot move a booking when the practitioner does not allow it (MOVE_NOT_ALLOWED)")
    void moveNotAllowed() {
        Scenario s = Scenario.with(settings -> settings.withClientSelfService(true, false));
        Booking booking = s.book(s.at(WEDNESDAY, 9));

        var refused = rejected(clientMoves(s, booking, s.at(THURSDAY, 9)));

        assertThat(refused.reason()).isEqualTo(Reason.MOVE_NOT_ALLOWED);
        assertThat(s.reload(booking).start()).isEqualTo(s.at(WEDNESDAY, 9));
    }

    @Test
    @DisplayName("BK-7 the practitioner moves a booking to any free time, even outside openings or after the client's deadline; the client is told")
    void practitionerMoves() {
        Scenario s = Scenario.create();
        Booking booking = s.bookConfirmed(s.at(TUESDAY, 9));
        Booking other = s.book(s.at(TUESDAY, 11));

        Booking moved = accepted(s.engine.bookings().moveByPractitioner(
                new MoveByPractitionerCommand(s.anna, booking.id(), s.at(TUESDAY, 14), s.key())));

        assertThat(moved.start()).isEqualTo(s.at(TUESDAY, 14));
        assertThat(moved.state()).isEqualTo(BookingState.CONFIRMED);
        assertThat(moved.moves()).containsExactly(new Move(s.at(TUESDAY, 9), s.at(TUESDAY, 14), s.now(), Actor.PRACTITIONER));
        s.assertAnnounced(moved, MessageKind.MOVED_BY_PRACTITIONER);
        assertThat(s.startTimes(s.date(TUESDAY))).contains(LocalTime.of(9, 0));
        assertThat(rejected(s.engine.bookings().moveByPractitioner(
                new MoveByPractitionerCommand(s.anna, booking.id(), other.start(), s.key()))).reason())
                .isEqualTo(Reason.SLOT_FULL);
        assertThat(rejected(s.engine.bookings().moveByPractitioner(
                new MoveByPractitionerCommand(s.anna, booking.id(), s.at(MONDAY, 8), s.key()))).reason())
                .isEqualTo(Reason.START_IN_THE_PAST);
        assertThat(s.reload(booking).start()).isEqualTo(s.at(TUESDAY, 14));
    }

    @Test
    @DisplayName("BK-7 a move carries the booking's mode over, even after the activity stopped offering that mode (BK-9)")
    void moveKeepsTheFrozenMode() {
        Scenario s = Scenario.create();
        Booking inPerson = s.bookConfirmed(s.at(WEDNESDAY, 9));
        accepted(s.engine.agenda().changeActivity(new ChangeActivityCommand(s.anna, s.shiatsu.id(), "Shiatsu",
                Duration.ofMinutes(60), PRICE, Set.of(ConsultationMode.VIDEO), true)));

        Booking moved = accepted(clientMoves(s, inPerson, s.at(THURSDAY, 9)));

        assertThat(moved.mode()).isEqualTo(ConsultationMode.IN_PERSON);
        assertThat(moved.start()).isEqualTo(s.at(THURSDAY, 9));
    }
}
