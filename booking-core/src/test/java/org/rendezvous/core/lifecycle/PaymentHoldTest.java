package org.rendezvous.core.lifecycle;

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
import org.rendezvous.core.JobReport;
import org.rendezvous.core.agenda.ConfirmationMode;
import org.rendezvous.core.agenda.ConsultationMode;
import org.rendezvous.core.agenda.OnlinePayment;
import org.rendezvous.core.booking.Actor;
import org.rendezvous.core.booking.Booking;
import org.rendezvous.core.booking.BookingState;
import org.rendezvous.core.booking.Cause;
import org.rendezvous.core.booking.RecordGuaranteeCommand;
import org.rendezvous.core.booking.RecordPaymentCommand;
import org.rendezvous.core.booking.Transition;
import org.rendezvous.core.idempotency.IdempotencyKey;
import org.rendezvous.core.money.Percent;
import org.rendezvous.core.notification.MessageKind;
import org.rendezvous.core.outcome.Reason;
import org.rendezvous.core.policy.CommercialModel;
import org.rendezvous.core.policy.MoneyDecision;
import org.rendezvous.core.policy.PaymentArrangement;

/** BK-3: bookings held for an online payment, their expiry, and payments that arrive too late. */
class PaymentHoldTest {

    /** Model DIRECT_CONNECT with online payment required at booking: every paid booking is held first. */
    private static Scenario paymentRequired() {
        return Scenario.builder().model(CommercialModel.DIRECT_CONNECT)
                .settings(settings -> settings.withOnlinePayment(OnlinePayment.REQUIRED)).build();
    }

    private static Transition last(Booking booking) {
        return booking.history().get(booking.history().size() - 1);
    }

    @Test
    @DisplayName("BK-3 when payment is due at booking the booking is HELD for the payment window (30 min) and holds its seat")
    void heldForThePaymentWindow() {
        Scenario direct = paymentRequired();
        Scenario platform = Scenario.create();

        Booking held = direct.book(direct.at(WEDNESDAY, 9));
        Booking video = platform.book(platform.at(WEDNESDAY, 9), ConsultationMode.VIDEO);

        assertThat(direct.settings().paymentWindow()).isEqualTo(Duration.ofMinutes(30));
        assertThat(held.state()).isEqualTo(BookingState.HELD);
        assertThat(held.terms().payment()).isEqualTo(PaymentArrangement.PREPAID);
        assertThat(held.expiresAt()).contains(direct.now().plus(Duration.ofMinutes(30)));
        assertThat(direct.startTimes(direct.date(WEDNESDAY))).doesNotContain(LocalTime.of(9, 0));
        assertThat(rejected(direct.tryBook(direct.at(WEDNESDAY, 9))).reason()).isEqualTo(Reason.SLOT_FULL);
        assertThat(video.state()).isEqualTo(BookingState.HELD);
        assertThat(video.terms().payment()).isEqualTo(PaymentArrangement.PREPAID);
        assertThat(platform.book(platform.at(WEDNESDAY, 10), ConsultationMode.IN_PERSON).state())
                .isEqualTo(BookingState.PENDING);
    }

    @Test
    @DisplayName("BK-3 a payment received within the window moves the booking on (BK-4) and the client is told")
    void paidInTime() {
        Scenario s = paymentRequired();
        Booking held = s.book(s.at(WEDNESDAY, 9));
        s.clock.advance(Duration.ofMinutes(10));

        Booking paid = s.pay(held);

        assertThat(paid.state()).isEqualTo(BookingState.PENDING);
        assertThat(paid.paid()).isEqualTo(PRICE);
        assertThat(paid.expiresAt()).contains(s.at(WEDNESDAY, 7));
        assertThat(last(paid)).isEqualTo(new Transition(Optional.of(BookingState.HELD), BookingState.PENDING, s.now(),
                Cause.PAYMENT_RECEIVED, Actor.PAYMENT_PROVIDER));
        s.assertAnnounced(paid, MessageKind.PAYMENT_RECEIVED);
        s.assertAnnounced(paid, MessageKind.BOOKING_REQUESTED);

        s.clock.advance(Duration.ofHours(1));
        s.engine.jobs().expireOverdue();
        assertThat(s.reload(held).state()).isEqualTo(BookingState.PENDING);
    }

    @Test
    @DisplayName("BK-3 a payment of the wrong amount does not release the hold")
    void wrongAmountRefused() {
        Scenario s = paymentRequired();
        Booking held = s.book(s.at(WEDNESDAY, 9));

        var wrong = rejected(s.engine.payments().recordPayment(
                new RecordPaymentCommand(held.id(), eur("6.00"), "pi_wrong", s.key())));

        assertThat(wrong.reason()).isEqualTo(Reason.PAYMENT_AMOUNT_MISMATCH);
        assertThat(wrong.detail()).startsWith("amount");
        assertThat(s.reload(held).state()).isEqualTo(BookingState.HELD);
        assertThat(s.reload(held).paid()).isEqualTo(eur("0.00"));
    }

    @Test
    @DisplayName("BK-3 a hold not paid in time expires once the provider confirms nothing arrived, and its seat is freed")
    void unpaidHoldExpires() {
        Scenario s = paymentRequired();
        Booking held = s.book(s.at(WEDNESDAY, 9));

        s.clock.advance(Duration.ofMinutes(30).minusSeconds(1));
        assertThat(s.engine.jobs().expireOverdue().examined()).isZero();
        assertThat(s.reload(held).state()).isEqualTo(BookingState.HELD);

        s.clock.advance(Duration.ofSeconds(1));
        JobReport report = s.engine.jobs().expireOverdue();

        assertThat(report.changed()).isEqualTo(1);
        Booking expired = s.reload(held);
        assertThat(expired.state()).isEqualTo(BookingState.EXPIRED);
        assertThat(expired.settlement()).contains(new MoneyDecision.NoMoneyMoves());
        assertThat(last(expired)).isEqualTo(new Transition(Optional.of(BookingState.HELD), BookingState.EXPIRED, s.now(),
                Cause.HOLD_EXPIRED, Actor.SYSTEM));
        s.assertAnnounced(expired, MessageKind.HOLD_EXPIRED);
        assertThat(s.startTimes(s.date(WEDNESDAY))).contains(LocalTime.of(9, 0));
        assertThat(s.book(s.at(WEDNESDAY, 9)).state()).isEqualTo(BookingState.HELD);
        assertThat(s.engine.jobs().expireOverdue().changed()).isZero();
    }

    @Test
    @DisplayName("BK-3 a hold whose payment the provider reports when asked at expiry moves on instead of expiring")
    void providerReportsPaymentAtExpiry() {
        Scenario s = paymentRequired();
        Booking held = s.book(s.at(WEDNESDAY, 9));
        s.gateway.receive(held.id(), PRICE, "pi_missed_webhook");

        s.clock.advance(Duration.ofMinutes(31));
        JobReport report = s.engine.jobs().expireOverdue();

        assertThat(report.changed()).isEqualTo(1);
        Booking moved = s.reload(held);
        assertThat(moved.state()).isEqualTo(BookingState.PENDING);
        assertThat(moved.paid()).isEqualTo(PRICE);
        assertThat(moved.paymentReference()).contains("pi_missed_webhook");
        assertThat(last(moved)).isEqualTo(new Transition(Optional.of(BookingState.HELD), BookingState.PENDING, s.now(),
                Cause.PAYMENT_RECEIVED, Actor.PAYMENT_PROVIDER));
        s.assertAnnounced(moved, MessageKind.PAYMENT_RECEIVED);
        s.assertAnnounced(moved, MessageKind.BOOKING_REQUESTED);
        assertThat(s.kinds(moved)).doesNotContain(MessageKind.HOLD_EXPIRED);
        assertThat(s.startTimes(s.date(WEDNESDAY))).doesNotContain(LocalTime.of(9, 0));
    }

    @Test
    @DisplayName("BK-3 with automatic confirmation a hold paid at expiry goes to CONFIRMED; a guarantee found at expiry also moves it on")
    void providerReportsAtExpiryAutomatic() {
        Scenario s = Scenario.with(settings -> settings.withConfirmation(ConfirmationMode.AUTOMATIC)
                .withNoShowPercentage(Percent.of(50)));
        Booking video = s.book(s.at(WEDNESDAY, 9), ConsultationMode.VIDEO);
        Booking inPerson = s.book(s.at(WEDNESDAY, 10), ConsultationMode.IN_PERSON);
        assertThat(inPerson.state()).isEqualTo(BookingState.HELD);
        assertThat(inPerson.terms().payment()).isEqualTo(PaymentArrangement.ON_SITE_WITH_GUARANTEE);
        s.gateway.receive(video.id(), PRICE, "pi_1");
        s.gateway.saveGuarantee(inPerson.id(), "seti_1");

        s.clock.advance(Duration.ofMinutes(30));
        assertThat(s.engine.jobs().expireOverdue().changed()).isEqualTo(2);

        assertThat(s.reload(video).state()).isEqualTo(BookingState.CONFIRMED);
        assertThat(s.reload(inPerson).state()).isEqualTo(BookingState.CONFIRMED);
        assertThat(s.reload(inPerson).guaranteeReference()).contains("seti_1");
        assertThat(last(s.reload(inPerson)).cause()).isEqualTo(Cause.GUARANTEE_SAVED);
        s.assertAnnounced(s.reload(video), MessageKind.BOOKING_CONFIRMED_AUTOMATICALLY);
    }

    @Test
    @DisplayName("BK-3 while the payment provider cannot be reached the hold is kept, and asked about again on the next run")
    void unreachableProviderKeepsTheHold() {
        Scenario s = paymentRequired();
        Booking held = s.book(s.at(WEDNESDAY, 9));
        s.gateway.setReachable(false);

        s.clock.advance(Duration.ofMinutes(31));
        JobReport first = s.engine.jobs().expireOverdue();
        s.clock.advance(Duration.ofHours(1));
        JobReport second = s.engine.jobs().expireOverdue();

        assertThat(first.deferred()).isEqualTo(1);
        assertThat(first.changed()).isZero();
        assertThat(second.deferred()).isEqualTo(1);
        assertThat(s.reload(held).state()).isEqualTo(BookingState.HELD);
        assertThat(s.reload(held).version()).isEqualTo(held.version());
        assertThat(s.messages(held)).isEmpty();
        assertThat(s.startTimes(s.date(WEDNESDAY))).doesNotContain(LocalTime.of(9, 0));

        s.gateway.setReachable(true);
        JobReport third = s.engine.jobs().expireOverdue();

        assertThat(third.changed()).isEqualTo(1);
        assertThat(s.reload(held).state()).isEqualTo(BookingState.EXPIRED);
    }

    @Test
    @DisplayName("BK-3 a payment arriving after expiry is refunded in full and the client is told (LATE_PAYMENT_REFUNDED)")
    void latePaymentRefunded() {
        Scenario s = paymentRequired();
        Booking held = s.book(s.at(WEDNESDAY, 9));
        s.clock.advance(Duration.ofMinutes(30));
        s.engine.jobs().expireOverdue();
        assertThat(s.reload(held).state()).isEqualTo(BookingState.EXPIRED);
        s.clock.advance(Duration.ofMinutes(5));
        IdempotencyKey webhook = IdempotencyKey.of("evt_late_1");

        Booking refunded = accepted(s.engine.payments().recordPayment(
                new RecordPaymentCommand(held.id(), PRICE, "pi_late", webhook)));

        assertThat(refunded.state()).isEqualTo(BookingState.EXPIRED);
        assertThat(refunded.paid()).isEqualTo(PRICE);
        assertThat(refunded.paymentReference()).contains("pi_late");
        assertThat(refunded.settlement()).contains(new MoneyDecision.RefundInFull(PRICE));
        s.assertAnnounced(refunded, MessageKind.LATE_PAYMENT_REFUNDED);
        assertThat(s.kinds(refunded)).containsExactly(MessageKind.HOLD_EXPIRED, MessageKind.LATE_PAYMENT_REFUNDED);
        assertThat(s.startTimes(s.date(WEDNESDAY))).contains(LocalTime.of(9, 0));

        // The same provider event delivered again changes nothing.
        Booking again = accepted(s.engine.payments().recordPayment(new RecordPaymentCommand(held.id(), PRICE, "pi_late", webhook)));
        assertThat(again.version()).isEqualTo(refunded.version());
        assertThat(s.reload(held).settlement()).contains(new MoneyDecision.RefundInFull(PRICE));
        assertThat(s.messages(held, MessageKind.LATE_PAYMENT_REFUNDED)).hasSize(1);
    }

    @Test
    @DisplayName("BK-3 a card guarantee saved after the hold expired is released, not left on file without a trace")
    void lateGuaranteeReleased() {
        Scenario s = Scenario.with(settings -> settings.withNoShowPercentage(Percent.of(50)));
        Booking held = s.book(s.at(WEDNESDAY, 9));
        assertThat(held.terms().payment()).isEqualTo(PaymentArrangement.ON_SITE_WITH_GUARANTEE);
        s.clock.advance(Duration.ofMinutes(30));
        s.engine.jobs().expireOverdue();
        assertThat(s.reload(held).state()).isEqualTo(BookingState.EXPIRED);

        Booking released = accepted(s.engine.payments().recordGuarantee(
                new RecordGuaranteeCommand(held.id(), "seti_late", s.key())));

        assertThat(released.state()).isEqualTo(BookingState.EXPIRED);
        assertThat(released.guaranteeReference()).contains("seti_late");
        assertThat(released.settlement()).contains(new MoneyDecision.ReleaseGuarantee());
    }
}
