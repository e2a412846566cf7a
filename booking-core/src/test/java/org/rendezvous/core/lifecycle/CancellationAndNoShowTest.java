package org.rendezvous.core.lifecycle;

import static java.time.DayOfWeek.THURSDAY;
import static java.time.DayOfWeek.TUESDAY;
import static java.time.DayOfWeek.WEDNESDAY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.rendezvous.core.lifecycle.Scenario.PRICE;
import static org.rendezvous.core.lifecycle.Scenario.accepted;
import static org.rendezvous.core.lifecycle.Scenario.eur;
import static org.rendezvous.core.lifecycle.Scenario.rejected;

import java.time.Duration;
import java.time.LocalTime;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.rendezvous.core.agenda.ConfirmationMode;
import org.rendezvous.core.agenda.ConsultationMode;
import org.rendezvous.core.booking.Actor;
import org.rendezvous.core.booking.Booking;
import org.rendezvous.core.booking.BookingState;
import org.rendezvous.core.booking.CancelByClientCommand;
import org.rendezvous.core.booking.CancelByPractitionerCommand;
import org.rendezvous.core.booking.Cause;
import org.rendezvous.core.booking.RefuseBookingCommand;
import org.rendezvous.core.booking.ReportNoShowCommand;
import org.rendezvous.core.booking.Transition;
import org.rendezvous.core.money.Percent;
import org.rendezvous.core.notification.MessageKind;
import org.rendezvous.core.outcome.Outcome;
import org.rendezvous.core.outcome.Reason;
import org.rendezvous.core.policy.MoneyDecision;

/**
 * CX-1 … CX-6. Anna charges 40 % of the price for a no-show or a late cancellation and confirms
 * automatically; a video consultation is prepaid (model PLATFORM_COLLECTS), an in-person one is
 * guaranteed by a saved card. 40 % of 60.00 is 24.00.
 */
class CancellationAndNoShowTest {

    private static final Percent NO_SHOW = Percent.of(40);

    private static Scenario fortyPercent() {
        return Scenario.with(settings -> settings.withNoShowPercentage(NO_SHOW)
                .withConfirmation(ConfirmationMode.AUTOMATIC));
    }

    private static Outcome<Booking> clientCancels(Scenario s, Booking booking) {
        return s.engine.clientBookings().cancelByClient(new CancelByClientCommand(booking.accessToken(), s.key()));
    }

    private static Outcome<Booking> reportNoShow(Scenario s, Booking booking) {
        return s.engine.bookings().reportNoShow(new ReportNoShowCommand(s.anna, booking.id(), s.key()));
    }

    // CX-1 early or late

    @Test
    @DisplayName("CX-1 a cancellation exactly 24 h before the start is early; one second later it is late")
    void deadlineBoundary() {
        Scenario s = fortyPercent();
        assertThat(s.settings().cancellationDeadline()).isEqualTo(Duration.ofHours(24));
        Booking first = s.bookGuaranteedConfirmed(s.at(WEDNESDAY, 9));
        Booking second = s.bookGuaranteedConfirmed(s.at(WEDNESDAY, 10));

        s.setClock(s.at(TUESDAY, 9));
        Booking early = accepted(clientCancels(s, first));
        s.setClock(s.at(TUESDAY, 10).plusSeconds(1));
        Booking late = accepted(clientCancels(s, second));

        assertThat(early.settlement()).contains(new MoneyDecision.ReleaseGuarantee());
        assertThat(s.kinds(early)).doesNotContain(MessageKind.LATE_CANCELLATION_CHARGED);
        assertThat(late.settlement()).contains(new MoneyDecision.ChargeGuarantee(eur("24.00")));
        s.engine.payments().carryOutDue();
        s.assertAnnounced(late, MessageKind.LATE_CANCELLATION_CHARGED);
    }

    @Test
    @DisplayName("CX-1 the cancellation deadline is the practitioner's choice")
    void configurableDeadline() {
        Scenario s = Scenario.with(settings -> settings.withNoShowPercentage(NO_SHOW)
                .withConfirmation(ConfirmationMode.AUTOMATIC).withCancellationDeadline(Duration.ofHours(48)));
        Booking lateOne = s.bookGuaranteedConfirmed(s.at(THURSDAY, 9));
        Booking earlyOne = s.bookGuaranteedConfirmed(s.at(THURSDAY, 10));

        // Monday 10:00: Thursday 09:00 is 71 h ahead. Tuesday 10:00: 47 h and exactly 48 h.
        s.setClock(s.at(TUESDAY, 10));
        Booking late = accepted(clientCancels(s, lateOne));
        Booking early = accepted(clientCancels(s, earlyOne));

        assertThat(late.settlement()).contains(new MoneyDecision.ChargeGuarantee(eur("24.00")));
        assertThat(early.settlement()).contains(new MoneyDecision.ReleaseGuarantee());
    }

    // CX-2 early cancellation

    @Test
    @DisplayName("CX-2 a client cancelling early is charged nothing and a prepayment is refunded in full")
    void earlyCancellationRefundsPrepayment() {
        Scenario s = fortyPercent();
        Booking prepaid = s.bookPrepaidConfirmed(s.at(WEDNESDAY, 9));
        assertThat(prepaid.paid()).isEqualTo(PRICE);

        Booking cancelled = accepted(clientCancels(s, prepaid));

        assertThat(cancelled.state()).isEqualTo(BookingState.CANCELLED_BY_CLIENT);
        assertThat(cancelled.settlement()).contains(new MoneyDecision.RefundInFull(PRICE));
        assertThat(cancelled.settlement().get().amountCharged()).isEmpty();
        assertThat(cancelled.settlement().get().amountRefunded()).contains(PRICE);
        s.assertAnnounced(cancelled, MessageKind.CANCELLED_BY_CLIENT);
        assertThat(s.kinds(cancelled)).doesNotContain(MessageKind.LATE_CANCELLATION_CHARGED);
        assertThat(s.startTimes(s.date(WEDNESDAY))).contains(LocalTime.of(9, 0));
    }

    @Test
    @DisplayName("CX-2 a client cancelling early has their card guarantee released")
    void earlyCancellationReleasesGuarantee() {
        Scenario s = fortyPercent();
        Booking guaranteed = s.bookGuaranteedConfirmed(s.at(WEDNESDAY, 9));
        assertThat(guaranteed.guaranteeSaved()).isTrue();

        Booking cancelled = accepted(clientCancels(s, guaranteed));

        assertThat(cancelled.settlement()).contains(new MoneyDecision.ReleaseGuarantee());
        assertThat(cancelled.settlement().get().amountCharged()).isEmpty();
    }

    // CX-3 late cancellation

    @Test
    @DisplayName("CX-3 a late client cancellation frees the seat and keeps the no-show percentage from the prepayment at once")
    void lateCancellationKeepsFromPrepayment() {
        Scenario s = fortyPercent();
        Booking prepaid = s.bookPrepaidConfirmed(s.at(TUESDAY, 9));   // 23 h ahead: late
        s.clock.advance(Duration.ofMinutes(15));

        Booking cancelled = accepted(clientCancels(s, prepaid));

        assertThat(cancelled.state()).isEqualTo(BookingState.CANCELLED_BY_CLIENT);
        assertThat(cancelled.settlement()).contains(new MoneyDecision.KeepFromPrepayment(eur("24.00"), eur("36.00")));
        assertThat(cancelled.history().get(cancelled.history().size() - 1)).isEqualTo(new Transition(
                Optional.of(BookingState.CONFIRMED), BookingState.CANCELLED_BY_CLIENT, s.now(), Cause.CANCELLED_BY_CLIENT,
                Actor.CLIENT));
        s.assertAnnounced(cancelled, MessageKind.CANCELLED_BY_CLIENT);
        s.assertAnnounced(cancelled, MessageKind.LATE_CANCELLATION_CHARGED);
        assertThat(s.startTimes(s.date(TUESDAY))).contains(LocalTime.of(9, 0));
        assertThat(s.book(s.at(TUESDAY, 9)).state()).isIn(BookingState.HELD, BookingState.CONFIRMED);
    }

    @Test
    @DisplayName("CX-3 a late client cancellation charges the no-show percentage to the card guarantee")
    void lateCancellationChargesGuarantee() {
        Scenario s = fortyPercent();
        Booking guaranteed = s.bookGuaranteedConfirmed(s.at(TUESDAY, 9));

        Booking cancelled = accepted(clientCancels(s, guaranteed));

        assertThat(cancelled.settlement()).contains(new MoneyDecision.ChargeGuarantee(eur("24.00")));
        assertThat(cancelled.settlement().get().amountCharged()).contains(eur("24.00"));
        assertThat(s.kinds(cancelled)).as("the receipt waits for the charge").doesNotContain(MessageKind.LATE_CANCELLATION_CHARGED);
        s.engine.payments().carryOutDue();
        s.assertAnnounced(cancelled, MessageKind.LATE_CANCELLATION_CHARGED);
        assertThat(s.startTimes(s.date(TUESDAY))).contains(LocalTime.of(9, 0));
    }

    // CX-4 no-show

    @Test
    @DisplayName("CX-4 a no-show can be reported from the start until 48 h after the end; outside, OUTSIDE_NO_SHOW_REPORT_WINDOW")
    void noShowReportWindow() {
        Scenario s = fortyPercent();
        Booking atStart = s.bookPrepaidConfirmed(s.at(TUESDAY, 9));
        Booking atClose = s.bookGuaranteedConfirmed(s.at(TUESDAY, 10));
        Booking afterClose = s.bookGuaranteedConfirmed(s.at(TUESDAY, 11));

        s.setClock(s.at(TUESDAY, 9).minusSeconds(1));
        var tooEarly = rejected(reportNoShow(s, atStart));
        assertThat(tooEarly.reason()).isEqualTo(Reason.OUTSIDE_NO_SHOW_REPORT_WINDOW);
        assertThat(s.reload(atStart).state()).isEqualTo(BookingState.CONFIRMED);

        s.setClock(s.at(TUESDAY, 9));
        assertThat(accepted(reportNoShow(s, atStart)).state()).isEqualTo(BookingState.NO_SHOW);

        s.setClock(s.at(THURSDAY, 11));   // end 11:00 + 48 h
        assertThat(accepted(reportNoShow(s, atClose)).state()).isEqualTo(BookingState.NO_SHOW);

        s.setClock(s.at(THURSDAY, 12).plusSeconds(1));   // end 12:00 + 48 h + 1 s
        assertThat(rejected(reportNoShow(s, afterClose)).reason()).isEqualTo(Reason.OUTSIDE_NO_SHOW_REPORT_WINDOW);
        assertThat(s.reload(afterClose).state()).isEqualTo(BookingState.CONFIRMED);
        assertThat(s.reload(afterClose).settlement()).isEmpty();
    }

    @Test
    @DisplayName("CX-4 a no-show keeps the no-show percentage from the prepayment, refunds the rest, and tells the client")
    void noShowKeptFromPrepayment() {
        Scenario s = fortyPercent();
        Booking prepaid = s.bookPrepaidConfirmed(s.at(TUESDAY, 9));
        s.setClock(s.at(TUESDAY, 9, 20));

        Booking noShow = accepted(reportNoShow(s, prepaid));

        assertThat(noShow.state()).isEqualTo(BookingState.NO_SHOW);
        assertThat(noShow.settlement()).contains(new MoneyDecision.KeepFromPrepayment(eur("24.00"), eur("36.00")));
        assertThat(noShow.settlement().get().amountRefunded()).contains(eur("36.00"));
        assertThat(noShow.history().get(noShow.history().size() - 1)).isEqualTo(new Transition(
                Optional.of(BookingState.CONFIRMED), BookingState.NO_SHOW, s.now(), Cause.NO_SHOW_REPORTED, Actor.PRACTITIONER));
        s.assertAnnounced(noShow, MessageKind.NO_SHOW_CHARGED);
    }

    @Test
    @DisplayName("CX-4 a no-show is charged to the card guarantee when nothing was prepaid")
    void noShowChargedToGuarantee() {
        Scenario s = fortyPercent();
        Booking guaranteed = s.bookGuaranteedConfirmed(s.at(TUESDAY, 9));
        s.setClock(s.at(TUESDAY, 12));
        s.engine.jobs().completeEnded();
        assertThat(s.reload(guaranteed).state()).isEqualTo(BookingState.COMPLETED);

        Booking noShow = accepted(reportNoShow(s, guaranteed));

        assertThat(noShow.settlement()).contains(new MoneyDecision.ChargeGuarantee(eur("24.00")));
        s.engine.payments().carryOutDue();
        s.assertAnnounced(noShow, MessageKind.NO_SHOW_CHARGED);
    }

    // CX-5 the practitioner cancels or refuses

    @Test
    @DisplayName("CX-5 the practitioner cancels, even late: the client pays nothing and is refunded in full")
    void practitionerCancelsRefundsInFull() {
        Scenario s = fortyPercent();
        Booking prepaid = s.bookPrepaidConfirmed(s.at(TUESDAY, 9));
        Booking guaranteed = s.bookGuaranteedConfirmed(s.at(TUESDAY, 10));

        Booking cancelled = accepted(s.engine.bookings().cancelByPractitioner(
                new CancelByPractitionerCommand(s.anna, prepaid.id(), s.key())));
        Booking released = accepted(s.engine.bookings().cancelByPractitioner(
                new CancelByPractitionerCommand(s.anna, guaranteed.id(), s.key())));

        assertThat(cancelled.state()).isEqualTo(BookingState.CANCELLED_BY_PRACTITIONER);
        assertThat(cancelled.settlement()).contains(new MoneyDecision.RefundInFull(PRICE));
        assertThat(cancelled.history().get(cancelled.history().size() - 1).actor()).isEqualTo(Actor.PRACTITIONER);
        s.assertAnnounced(cancelled, MessageKind.CANCELLED_BY_PRACTITIONER);
        assertThat(released.settlement()).contains(new MoneyDecision.ReleaseGuarantee());
        assertThat(s.startTimes(s.date(TUESDAY))).contains(LocalTime.of(9, 0), LocalTime.of(10, 0));
    }

    @Test
    @DisplayName("CX-5 the practitioner refuses a prepaid request: the client is refunded in full")
    void practitionerRefusesRefundsInFull() {
        Scenario s = Scenario.with(settings -> settings.withNoShowPercentage(NO_SHOW));
        Booking pending = s.pay(s.book(s.at(TUESDAY, 9), ConsultationMode.VIDEO));
        assertThat(pending.state()).isEqualTo(BookingState.PENDING);

        Booking refused = accepted(s.engine.bookings().refuse(new RefuseBookingCommand(s.anna, pending.id(), s.key())));

        assertThat(refused.state()).isEqualTo(BookingState.REFUSED);
        assertThat(refused.settlement()).contains(new MoneyDecision.RefundInFull(PRICE));
        s.assertAnnounced(refused, MessageKind.BOOKING_REFUSED);
    }

    // CX-6 self-service

    @Test
    @DisplayName("CX-6 when the practitioner does not let clients cancel, a client cancellation is refused with CANCELLATION_NOT_ALLOWED")
    void clientsMayNotCancel() {
        Scenario s = Scenario.with(settings -> settings.withClientSelfService(false, true));
        Booking booking = s.bookConfirmed(s.at(WEDNESDAY, 9));

        var refused = rejected(clientCancels(s, booking));

        assertThat(refused.reason()).isEqualTo(Reason.CANCELLATION_NOT_ALLOWED);
        assertThat(s.reload(booking).state()).isEqualTo(BookingState.CONFIRMED);
        assertThat(s.reload(booking).version()).isEqualTo(booking.version());
        assertThat(s.kinds(booking)).doesNotContain(MessageKind.CANCELLED_BY_CLIENT);
        // The practitioner still can, and the client may still move it.
        assertThat(accepted(s.engine.clientBookings().moveByClient(new org.rendezvous.core.booking.MoveByClientCommand(
                booking.accessToken(), s.at(THURSDAY, 9), s.key()))).start()).isEqualTo(s.at(THURSDAY, 9));
        assertThat(accepted(s.engine.bookings().cancelByPractitioner(
                new CancelByPractitionerCommand(s.anna, booking.id(), s.key()))).state())
                .isEqualTo(BookingState.CANCELLED_BY_PRACTITIONER);
    }

    @Test
    @DisplayName("CX-6 when the practitioner does not let clients move, a client move is refused with MOVE_NOT_ALLOWED but cancelling works")
    void clientsMayNotMove() {
        Scenario s = Scenario.with(settings -> settings.withClientSelfService(true, false));
        Booking booking = s.bookConfirmed(s.at(WEDNESDAY, 9));

        var refused = rejected(s.engine.clientBookings().moveByClient(new org.rendezvous.core.booking.MoveByClientCommand(
                booking.accessToken(), s.at(THURSDAY, 9), s.key())));

        assertThat(refused.reason()).isEqualTo(Reason.MOVE_NOT_ALLOWED);
        assertThat(accepted(clientCancels(s, booking)).state()).isEqualTo(BookingState.CANCELLED_BY_CLIENT);
    }
}
