package org.rendezvous.core.booking;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.rendezvous.core.agenda.ActivityId;
import org.rendezvous.core.agenda.ConsultationMode;
import org.rendezvous.core.client.ClientDetails;
import org.rendezvous.core.client.ClientId;
import org.rendezvous.core.money.Money;
import org.rendezvous.core.money.Percent;
import org.rendezvous.core.outcome.Outcome;
import org.rendezvous.core.outcome.Reason;
import org.rendezvous.core.policy.MoneyDecision;
import org.rendezvous.core.policy.PaymentArrangement;
import org.rendezvous.core.practitioner.PractitionerId;

/** The lifecycle's preconditions as the booking decides them, without any store or service. */
class BookingDecisionsTest {

    private static final Instant CREATED = Instant.parse("2030-03-01T08:00:00Z");
    private static final Instant START = Instant.parse("2030-03-10T09:00:00Z");
    private static final Duration DURATION = Duration.ofMinutes(45);
    private static final Money PRICE = Money.of("60.00", "EUR");

    private static Booking booking(BookingState initial, PaymentArrangement arrangement, Optional<Instant> expiresAt) {
        BookingTerms terms = new BookingTerms(PRICE, Duration.ofHours(24), Percent.of(50), arrangement,
                Duration.ofHours(2));
        return Booking.create(new BookingId(new UUID(1, 1)), new PractitionerId(new UUID(2, 2)),
                new ActivityId(new UUID(3, 3)), new ClientId(new UUID(4, 4)),
                ClientDetails.of("Claire Martin", "claire@example.org", "+33612345678"), Map.of(),
                ConsultationMode.IN_PERSON, START, DURATION, terms, initial, BookedBy.CLIENT,
                new AccessToken("abcdefghijklmnopqrstuvwxyz012345"), CREATED, expiresAt);
    }

    private static Booking pending() {
        return booking(BookingState.PENDING, PaymentArrangement.ON_SITE, Optional.of(START.minus(Duration.ofHours(2))));
    }

    private static Booking confirmed() {
        return booking(BookingState.CONFIRMED, PaymentArrangement.ON_SITE, Optional.empty());
    }

    private static Booking cancelled() {
        return confirmed().transition(BookingState.CANCELLED_BY_CLIENT, Cause.CANCELLED_BY_CLIENT, Actor.CLIENT,
                CREATED.plusSeconds(60), Optional.empty()).orElseThrow();
    }

    private static Optional<Reason> rejection(Outcome<?> outcome) {
        return outcome.fold(value -> Optional.empty(), rejected -> Optional.of(rejected.reason()));
    }

    @Test
    @DisplayName("BK-4 a PENDING request is confirmed by the practitioner, recorded in its history")
    void pendingIsConfirmed() {
        Booking confirmed = pending().confirmByPractitioner(CREATED.plusSeconds(60)).orElseThrow();
        assertThat(confirmed.state()).isEqualTo(BookingState.CONFIRMED);
        assertThat(confirmed.history().get(confirmed.history().size() - 1).cause())
                .isEqualTo(Cause.CONFIRMED_BY_PRACTITIONER);
    }

    @Test
    @DisplayName("BK-4 a request is no longer confirmed from the moment it expired: REQUEST_EXPIRED")
    void expiredRequest() {
        Instant expiry = START.minus(Duration.ofHours(2));
        assertThat(rejection(pending().confirmByPractitioner(expiry))).contains(Reason.REQUEST_EXPIRED);
        assertThat(pending().confirmByPractitioner(expiry.minusNanos(1000)).isAccepted()).isTrue();
    }

    @Test
    @DisplayName("BK-2 only a PENDING booking can be confirmed: ILLEGAL_TRANSITION otherwise")
    void onlyPending() {
        assertThat(rejection(confirmed().confirmByPractitioner(CREATED))).contains(Reason.ILLEGAL_TRANSITION);
        assertThat(rejection(cancelled().confirmByPractitioner(CREATED))).contains(Reason.ILLEGAL_TRANSITION);
    }

    @Test
    @DisplayName("BK-7 PENDING and CONFIRMED bookings can be moved, an ended one cannot")
    void movableStates() {
        assertThat(pending().movable().isAccepted()).isTrue();
        assertThat(confirmed().movable().isAccepted()).isTrue();
        assertThat(rejection(cancelled().movable())).contains(Reason.ILLEGAL_TRANSITION);
    }

    @Test
    @DisplayName("BK-7 CX-1 the client moves until the frozen deadline before the start, to the nanosecond")
    void clientDeadline() {
        Instant deadline = START.minus(Duration.ofHours(24));
        assertThat(confirmed().movableByClient(deadline).isAccepted()).isTrue();
        assertThat(rejection(confirmed().movableByClient(deadline.plusNanos(1)))).contains(Reason.MOVE_TOO_LATE);
    }

    @Test
    @DisplayName("BK-7 an ended booking is refused for its state before its deadline is looked at")
    void stateBeforeDeadline() {
        assertThat(rejection(cancelled().movableByClient(START))).contains(Reason.ILLEGAL_TRANSITION);
    }

    @Test
    @DisplayName("CX-4 a no-show is reported from the start until 48 h after the end, both ends included")
    void reportWindow() {
        Instant end = START.plus(DURATION);
        assertThat(rejection(confirmed().noShowReportable(START.minusNanos(1000))))
                .contains(Reason.OUTSIDE_NO_SHOW_REPORT_WINDOW);
        assertThat(confirmed().noShowReportable(START).isAccepted()).isTrue();
        assertThat(confirmed().noShowReportable(end.plus(Duration.ofHours(48))).isAccepted()).isTrue();
        assertThat(rejection(confirmed().noShowReportable(end.plus(Duration.ofHours(48)).plusNanos(1000))))
                .contains(Reason.OUTSIDE_NO_SHOW_REPORT_WINDOW);
    }

    @Test
    @DisplayName("CX-4 only a CONFIRMED or COMPLETED booking can be a no-show")
    void onlyConfirmedOrCompleted() {
        assertThat(rejection(pending().noShowReportable(START))).contains(Reason.ILLEGAL_TRANSITION);
        assertThat(rejection(cancelled().noShowReportable(START))).contains(Reason.ILLEGAL_TRANSITION);
    }

    @Test
    @DisplayName("CX-4 FEE-1 a no-show on a guaranteed booking charges the frozen percentage to the card")
    void noShowCharge() {
        Booking guaranteed = confirmed().withGuarantee("seti_1");
        assertThat(guaranteed.noShowDecision().amountCharged()).contains(Money.of("30.00", "EUR"));
    }

    @Test
    @DisplayName("CX-1 CX-2 early (at the deadline exactly) nothing is charged")
    void earlyIsFree() {
        Booking guaranteed = confirmed().withGuarantee("seti_1");
        MoneyDecision decision = guaranteed.clientCancellationDecision(START.minus(Duration.ofHours(24)));
        assertThat(decision.amountCharged()).isEmpty();
    }

    @Test
    @DisplayName("CX-3 late, a CONFIRMED booking costs the frozen no-show percentage")
    void lateCosts() {
        Booking guaranteed = confirmed().withGuarantee("seti_1");
        MoneyDecision decision = guaranteed.clientCancellationDecision(START.minus(Duration.ofHours(1)));
        assertThat(decision.amountCharged()).contains(Money.of("30.00", "EUR"));
    }

    @Test
    @DisplayName("CX-3 a request the practitioner had not confirmed costs nothing, even late")
    void unconfirmedIsFree() {
        Booking guaranteed = pending().withGuarantee("seti_1");
        assertThat(guaranteed.clientCancellationDecision(START.minus(Duration.ofHours(1))).amountCharged()).isEmpty();
    }

    @Test
    @DisplayName("CX-5 the practitioner's refusal or cancellation gives back everything paid")
    void practitionerGivesBack() {
        Booking paid = booking(BookingState.HELD, PaymentArrangement.PREPAID,
                Optional.of(CREATED.plus(Duration.ofMinutes(30)))).withPayment(PRICE, "pi_1");
        assertThat(paid.givingEverythingBack()).isEqualTo(new MoneyDecision.RefundInFull(PRICE));
    }

    @Test
    @DisplayName("CX-7 only a PENDING or CONFIRMED booking may wait for an earlier time")
    void whoMayWait() {
        assertThat(confirmed().mayWaitForEarlierTime().isAccepted()).isTrue();
        assertThat(rejection(cancelled().mayWaitForEarlierTime())).contains(Reason.ILLEGAL_TRANSITION);
    }

    @Test
    @DisplayName("CX-7 a seat is offered only to a later, seat-holding booking its client may still move")
    void whoIsOffered() {
        Instant earlier = START.minus(Duration.ofDays(1));
        Instant beforeDeadline = START.minus(Duration.ofDays(2));
        assertThat(confirmed().couldTakeEarlierSeat(earlier, beforeDeadline)).isTrue();
        assertThat(confirmed().couldTakeEarlierSeat(START, beforeDeadline)).as("not earlier").isFalse();
        assertThat(confirmed().couldTakeEarlierSeat(earlier, START.minus(Duration.ofHours(1))))
                .as("past the deadline").isFalse();
        assertThat(cancelled().couldTakeEarlierSeat(earlier, beforeDeadline)).as("no seat").isFalse();
    }

    private static Booking held() {
        return booking(BookingState.HELD, PaymentArrangement.PREPAID, Optional.of(CREATED.plus(Duration.ofMinutes(30))));
    }

    private static Booking expiredHold() {
        return held().transition(BookingState.EXPIRED, Cause.HOLD_EXPIRED, Actor.SYSTEM, CREATED.plus(Duration.ofMinutes(30)),
                Optional.empty()).orElseThrow();
    }

    @Test
    @DisplayName("BK-3 the price paid for a held booking takes it out of the hold; the same payment again changes nothing")
    void paymentOfAHold() {
        assertThat(held().paymentArrives(PRICE, "pi_1")).isEqualTo(Outcome.accepted(Booking.PaymentFate.PAYS_THE_HOLD));
        assertThat(held().withPayment(PRICE, "pi_1").paymentArrives(PRICE, "pi_1"))
                .isEqualTo(Outcome.accepted(Booking.PaymentFate.ALREADY_RECORDED));
    }

    @Test
    @DisplayName("BK-3 a payment of another amount or currency than the price is PAYMENT_AMOUNT_MISMATCH")
    void paymentMismatch() {
        assertThat(rejection(held().paymentArrives(Money.of("59.99", "EUR"), "pi_1")))
                .contains(Reason.PAYMENT_AMOUNT_MISMATCH);
        assertThat(rejection(held().paymentArrives(Money.of("60.00", "CHF"), "pi_1")))
                .contains(Reason.PAYMENT_AMOUNT_MISMATCH);
    }

    @Test
    @DisplayName("BK-3 money for a booking no longer waiting for it is refunded; a seat-holding confirmed one refuses it")
    void latePayment() {
        assertThat(expiredHold().paymentArrives(PRICE, "pi_late"))
                .isEqualTo(Outcome.accepted(Booking.PaymentFate.REFUNDED_LATE));
        assertThat(rejection(confirmed().paymentArrives(PRICE, "pi_1"))).contains(Reason.ILLEGAL_TRANSITION);
    }

    @Test
    @DisplayName("PAY-2 a card guarantee takes a held booking out of the hold, is released for an ended one, refused otherwise")
    void guaranteeArrives() {
        assertThat(held().guaranteeArrives("seti_1"))
                .isEqualTo(Outcome.accepted(Booking.GuaranteeFate.GUARANTEES_THE_HOLD));
        assertThat(held().withGuarantee("seti_1").guaranteeArrives("seti_1"))
                .isEqualTo(Outcome.accepted(Booking.GuaranteeFate.ALREADY_RECORDED));
        assertThat(expiredHold().guaranteeArrives("seti_late"))
                .isEqualTo(Outcome.accepted(Booking.GuaranteeFate.RELEASED_LATE));
        assertThat(rejection(confirmed().guaranteeArrives("seti_1"))).contains(Reason.ILLEGAL_TRANSITION);
    }
}
