package org.rendezvous.core.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rendezvous.core.lifecycle.Scenario.accepted;
import static org.rendezvous.core.lifecycle.Scenario.eur;
import static org.rendezvous.core.lifecycle.Scenario.rejected;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.Currency;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.rendezvous.core.agenda.ConsultationMode;
import org.rendezvous.core.agenda.OnlinePayment;
import org.rendezvous.core.booking.Booking;
import org.rendezvous.core.booking.BookingState;
import org.rendezvous.core.booking.CancelByClientCommand;
import org.rendezvous.core.booking.CancelByPractitionerCommand;
import org.rendezvous.core.booking.ReportNoShowCommand;
import org.rendezvous.core.ledger.Account;
import org.rendezvous.core.ledger.Balances;
import org.rendezvous.core.ledger.PostingKind;
import org.rendezvous.core.money.Percent;
import org.rendezvous.core.notification.MessageKind;
import org.rendezvous.core.outcome.Reason;
import org.rendezvous.core.payment.CheckoutSession;
import org.rendezvous.core.payment.InstructionState;
import org.rendezvous.core.payment.PaymentEvent;
import org.rendezvous.core.payout.Payout;
import org.rendezvous.core.payout.PayoutDestination;
import org.rendezvous.core.payout.PayoutState;
import org.rendezvous.core.policy.CommercialModel;
import org.rendezvous.core.sandbox.SandboxPaymentGateway;

/**
 * The money of a booking from payment to payout, end to end through the use cases, in both
 * commercial models (PAY, FEE, PO). The sandbox gateway plays the provider and sends its events to
 * the engine as webhooks would.
 */
class MoneyFlowsTest {

    static final Currency EUR = Currency.getInstance("EUR");
    static final LocalDate CYCLE = LocalDate.of(2025, 6, 15);

    static Scenario platform() {
        return connect(Scenario.builder().model(CommercialModel.PLATFORM_COLLECTS)
                .settings(s -> s.withNoShowPercentage(Percent.of(50))).build());
    }

    /** DIRECT_CONNECT, online payment required, with Anna's trial long over (free plan: 2 % + 0.25). */
    static Scenario direct() {
        return connect(Scenario.builder().model(CommercialModel.DIRECT_CONNECT).registeredBefore(Period.ofMonths(3))
                .settings(s -> s.withNoShowPercentage(Percent.of(50)).withOnlinePayment(OnlinePayment.REQUIRED)).build());
    }

    static Scenario connect(Scenario s) {
        s.gateway.onEvent(event -> s.engine.payments().apply(event));
        s.engine.payouts().setDestination(s.anna, new PayoutDestination.ProviderAccount("acct_anna", true));
        return s;
    }

    /** The client pays on the provider's page; the provider's event reaches the engine. */
    static Booking payOnline(Scenario s, Booking held) {
        CheckoutSession.Started session = accepted(s.engine.payments().checkout(held.accessToken()));
        assertThat(s.gateway.completePayment(session.reference())).isPresent();
        return s.reload(held);
    }

    static Booking saveCardOnline(Scenario s, Booking held) {
        CheckoutSession.Started session = accepted(s.engine.payments().checkout(held.accessToken()));
        assertThat(s.gateway.completeGuarantee(session.reference())).isPresent();
        return s.reload(held);
    }

    static Balances balances(Scenario s) {
        return s.engine.payments().balances(s.anna).orElseThrow();
    }

    /** FEE-4: money in = refunds + provider fees + commissions + payouts + what is still owed, to the cent. */
    static void assertBooksBalance(Scenario s) {
        Balances totals = s.engine.payments().platformTotals(EUR);
        assertThat(totals.accountedFor()).isEqualTo(totals.moneyIn());
    }

    static List<SandboxPaymentGateway.Movement> movements(Scenario s, String kind) {
        return s.gateway.movements().stream().filter(m -> m.kind().equals(kind)).toList();
    }

    /** Runs the due payment work at a given time. */
    static void carryOut(Scenario s, Instant at) {
        s.setClock(at);
        s.engine.payments().carryOutDue();
    }

    @Nested
    @DisplayName("PLATFORM_COLLECTS")
    class PlatformCollects {

        @Test
        @DisplayName("PAY-1, FEE-2, PO-1, PO-5: book → pay → confirm → complete → payout of 57.00 for a 60.00 video consultation")
        void prepaidVideoConsultationIsPaidOutNetOfCommission() {
            Scenario s = platform();
            Booking held = s.book(s.at(DayOfWeek.WEDNESDAY, 9), ConsultationMode.VIDEO);
            assertThat(held.state()).isEqualTo(BookingState.HELD);
            Booking paid = s.confirm(payOnline(s, held));
            assertThat(paid.paid()).isEqualTo(eur("60.00"));
            assertThat(balances(s).of(Account.HELD_FOR_BOOKINGS)).isEqualTo(eur("60.00"));

            s.setClock(s.at(DayOfWeek.WEDNESDAY, 10, 1));
            s.engine.jobs().completeEnded();
            carryOut(s, s.at(DayOfWeek.FRIDAY, 9, 59));
            assertThat(balances(s).of(Account.PRACTITIONER_PAYABLE)).as("before the no-show window closes").isEqualTo(eur("0.00"));
            carryOut(s, s.at(DayOfWeek.FRIDAY, 10, 0));
            assertThat(balances(s).of(Account.PRACTITIONER_PAYABLE)).isEqualTo(eur("57.00"));
            assertThat(balances(s).of(Account.PLATFORM_REVENUE).plus(balances(s).of(Account.PROVIDER_FEES)))
                    .isEqualTo(eur("3.00"));

            s.setClock(s.at(CYCLE, 8, 0));
            s.engine.payouts().runDueCycle();
            List<Payout> payouts = s.engine.payouts().ofPractitioner(s.anna);
            assertThat(payouts).singleElement().satisfies(p -> {
                assertThat(p.state()).isEqualTo(PayoutState.SENT);
                assertThat(p.amount()).isEqualTo(eur("57.00"));
                assertThat(p.statement()).singleElement().satisfies(line -> {
                    assertThat(line.bookingId()).contains(held.id());
                    assertThat(line.amount()).isEqualTo(eur("57.00"));
                });
            });
            assertThat(movements(s, "payout")).extracting(SandboxPaymentGateway.Movement::amount).containsExactly(eur("57.00"));
            assertThat(balances(s).of(Account.PRACTITIONER_PAYABLE)).isEqualTo(eur("0.00"));
            assertBooksBalance(s);
        }

        @Test
        @DisplayName("PAY-2, CX-4, PO-1: card guarantee → no-show → off-session charge of 50 % → 28.50 paid out")
        void noShowChargesTheSavedCardAndPaysOutTheNetCharge() {
            Scenario s = platform();
            Booking held = s.book(s.at(DayOfWeek.WEDNESDAY, 9), ConsultationMode.IN_PERSON);
            Booking confirmed = s.confirm(saveCardOnline(s, held));
            s.setClock(s.at(DayOfWeek.WEDNESDAY, 9, 30));
            Booking noShow = accepted(s.engine.bookings().reportNoShow(new ReportNoShowCommand(s.anna, confirmed.id(), s.key())));
            assertThat(noShow.state()).isEqualTo(BookingState.NO_SHOW);
            assertThat(s.messages(noShow, MessageKind.NO_SHOW_CHARGED)).as("no receipt before the charge").isEmpty();

            s.engine.payments().carryOutDue();
            assertThat(movements(s, "charge")).extracting(SandboxPaymentGateway.Movement::amount).containsExactly(eur("30.00"));
            s.assertAnnounced(noShow, MessageKind.NO_SHOW_CHARGED);
            assertThat(balances(s).of(Account.PRACTITIONER_PAYABLE)).isEqualTo(eur("28.50"));

            s.setClock(s.at(CYCLE, 8, 0));
            s.engine.payouts().runDueCycle();
            assertThat(s.engine.payouts().ofPractitioner(s.anna)).singleElement()
                    .satisfies(p -> assertThat(p.amount()).isEqualTo(eur("28.50")));
            assertBooksBalance(s);
        }

        @Test
        @DisplayName("CX-3, PAY-4, FEE-1: prepaid → client cancels late → 30.00 refunded, 28.50 of the 30.00 kept paid out")
        void lateCancellationRefundsTheRestAndPaysOutTheKeptPart() {
            Scenario s = platform();
            Booking confirmed = s.confirm(payOnline(s, s.book(s.at(DayOfWeek.TUESDAY, 9), ConsultationMode.VIDEO)));
            Booking cancelled = accepted(s.engine.clientBookings().cancelByClient(new CancelByClientCommand(confirmed.accessToken(), s.key())));
            assertThat(cancelled.state()).isEqualTo(BookingState.CANCELLED_BY_CLIENT);
            assertThat(balances(s).of(Account.PRACTITIONER_PAYABLE)).isEqualTo(eur("28.50"));

            s.engine.payments().carryOutDue();
            assertThat(movements(s, "refund")).extracting(SandboxPaymentGateway.Movement::amount).containsExactly(eur("30.00"));
            assertThat(balances(s).of(Account.REFUNDS)).isEqualTo(eur("30.00"));
            assertThat(balances(s).of(Account.HELD_FOR_BOOKINGS)).isEqualTo(eur("0.00"));
            s.assertAnnounced(cancelled, MessageKind.REFUND_ISSUED);

            s.engine.payments().carryOutDue();
            assertThat(movements(s, "refund")).as("PAY-4: never twice for one cause").hasSize(1);

            s.setClock(s.at(CYCLE, 8, 0));
            s.engine.payouts().runDueCycle();
            assertThat(s.engine.payouts().ofPractitioner(s.anna)).singleElement()
                    .satisfies(p -> assertThat(p.amount()).isEqualTo(eur("28.50")));
            assertBooksBalance(s);
        }

        @Test
        @DisplayName("CX-5, PAY-4: the practitioner cancels a prepaid booking → full refund, nothing paid out")
        void practitionerCancellationRefundsEverything() {
            Scenario s = platform();
            Booking confirmed = s.confirm(payOnline(s, s.book(s.at(DayOfWeek.WEDNESDAY, 9), ConsultationMode.VIDEO)));
            accepted(s.engine.bookings().cancelByPractitioner(new CancelByPractitionerCommand(s.anna, confirmed.id(), s.key())));
            s.engine.payments().carryOutDue();
            assertThat(movements(s, "refund")).extracting(SandboxPaymentGateway.Movement::amount).containsExactly(eur("60.00"));

            s.setClock(s.at(CYCLE, 8, 0));
            s.engine.payouts().runDueCycle();
            assertThat(s.engine.payouts().ofPractitioner(s.anna)).isEmpty();
            assertThat(movements(s, "payout")).isEmpty();
            assertBooksBalance(s);
        }

        @Test
        @DisplayName("BK-3, PAY-4: the hold expires, its page is closed, a payment that still arrives is refunded in full")
        void latePaymentAfterExpiryIsRefunded() {
            Scenario s = platform();
            Booking held = s.book(s.at(DayOfWeek.WEDNESDAY, 9), ConsultationMode.VIDEO);
            CheckoutSession.Started session = accepted(s.engine.payments().checkout(held.accessToken()));
            s.setClock(held.expiresAt().orElseThrow());
            s.engine.jobs().expireOverdue();
            assertThat(s.reload(held).state()).isEqualTo(BookingState.EXPIRED);
            assertThat(s.gateway.abandoned()).containsExactly(held.id());
            assertThat(s.gateway.completePayment(session.reference())).as("the page is closed").isEmpty();

            s.gateway.receive(held.id(), eur("60.00"), "pi_late");
            accepted(s.engine.payments().apply(new PaymentEvent.PaymentSucceeded("evt_late", held.id(), eur("60.00"),
                    "pi_late", java.util.Optional.empty())));
            s.assertAnnounced(held, MessageKind.LATE_PAYMENT_REFUNDED);
            s.engine.payments().carryOutDue();
            assertThat(movements(s, "refund")).extracting(SandboxPaymentGateway.Movement::amount).containsExactly(eur("60.00"));
            assertThat(s.reload(held).state()).isEqualTo(BookingState.EXPIRED);
            assertBooksBalance(s);
        }

        @Test
        @DisplayName("PAY-5: the same provider event twice changes nothing the second time")
        void duplicateEventsChangeNothing() {
            Scenario s = platform();
            s.gateway.duplicateEvents(true);
            Booking paid = payOnline(s, s.book(s.at(DayOfWeek.WEDNESDAY, 9), ConsultationMode.VIDEO));
            assertThat(paid.state()).isEqualTo(BookingState.PENDING);
            assertThat(paid.paid()).isEqualTo(eur("60.00"));
            assertThat(s.engine.payments().history(s.anna)).filteredOn(p -> p.kind() == PostingKind.PAYMENT_RECEIVED).hasSize(1);
            assertBooksBalance(s);
        }
    }

    @Nested
    @DisplayName("Charges that go wrong (PAY-2)")
    class FailedCharges {

        Booking noShowWithCard(Scenario s) {
            Booking confirmed = s.confirm(saveCardOnline(s, s.book(s.at(DayOfWeek.WEDNESDAY, 9), ConsultationMode.IN_PERSON)));
            s.setClock(s.at(DayOfWeek.WEDNESDAY, 9, 30));
            return accepted(s.engine.bookings().reportNoShow(new ReportNoShowCommand(s.anna, confirmed.id(), s.key())));
        }

        @Test
        @DisplayName("a card that needs the client's authentication: the charge is recorded as waiting, the client asked to pay, and their payment completes it")
        void authenticationRequiredAsksTheClientToPay() {
            Scenario s = platform();
            s.gateway.failNext(SandboxPaymentGateway.Operation.CHARGE, SandboxPaymentGateway.Failure.AUTHENTICATION_REQUIRED);
            Booking noShow = noShowWithCard(s);
            s.engine.payments().carryOutDue();
            assertThat(s.engine.payments().instructions(noShow.id())).singleElement()
                    .satisfies(i -> assertThat(i.state()).isEqualTo(InstructionState.WAITING_FOR_CLIENT));
            s.assertAnnounced(noShow, MessageKind.CHARGE_NEEDS_CLIENT);
            assertThat(balances(s).of(Account.PRACTITIONER_PAYABLE)).isEqualTo(eur("0.00"));

            CheckoutSession.Started page = accepted(s.engine.payments().checkout(noShow.accessToken()));
            assertThat(s.gateway.openPayment(page.reference()).orElseThrow().amount()).isEqualTo(eur("30.00"));
            s.gateway.completePayment(page.reference());
            assertThat(s.engine.payments().instructions(noShow.id())).singleElement()
                    .satisfies(i -> assertThat(i.state()).isEqualTo(InstructionState.DONE));
            assertThat(balances(s).of(Account.PRACTITIONER_PAYABLE)).isEqualTo(eur("28.50"));
            assertThat(movements(s, "refund")).as("a completed charge is not a late payment").isEmpty();
            PaymentEvent.PaymentSucceeded sameAgain = new PaymentEvent.PaymentSucceeded("evt_other_id", noShow.id(), eur("30.00"),
                    s.gateway.movements().stream().filter(m -> m.kind().equals("payment")).reduce((a, b) -> b).orElseThrow().reference(),
                    java.util.Optional.empty());
            accepted(s.engine.payments().apply(sameAgain));
            s.engine.payments().carryOutDue();
            assertThat(movements(s, "refund")).as("PAY-5 the same payment under another event id is not refunded").isEmpty();
            assertBooksBalance(s);
        }

        @Test
        @DisplayName("a declined card: the charge fails for good and the practitioner is told")
        void declinedCardTellsThePractitioner() {
            Scenario s = platform();
            s.gateway.failNext(SandboxPaymentGateway.Operation.CHARGE, SandboxPaymentGateway.Failure.DECLINE);
            Booking noShow = noShowWithCard(s);
            s.engine.payments().carryOutDue();
            assertThat(s.engine.payments().instructions(noShow.id())).singleElement()
                    .satisfies(i -> assertThat(i.state()).isEqualTo(InstructionState.FAILED));
            s.assertAnnounced(noShow, MessageKind.CHARGE_FAILED);
            s.setClock(s.now().plus(Duration.ofDays(2)));
            s.engine.payments().carryOutDue();
            assertThat(movements(s, "charge")).isEmpty();
            assertBooksBalance(s);
        }

        @Test
        @DisplayName("a timeout after the provider charged: retried later with the same key, charged once")
        void timeoutIsRetriedWithTheSameKeyAndChargesOnce() {
            Scenario s = platform();
            s.gateway.failNext(SandboxPaymentGateway.Operation.CHARGE, SandboxPaymentGateway.Failure.TIMEOUT);
            Booking noShow = noShowWithCard(s);
            s.engine.payments().carryOutDue();
            assertThat(s.engine.payments().instructions(noShow.id())).singleElement()
                    .satisfies(i -> assertThat(i.state()).isEqualTo(InstructionState.DUE));
            s.engine.payments().carryOutDue();
            assertThat(movements(s, "charge")).as("not yet due again").hasSize(1);
            s.setClock(s.now().plus(Duration.ofMinutes(1)));
            s.engine.payments().carryOutDue();
            assertThat(movements(s, "charge")).as("the provider charged once").hasSize(1);
            assertThat(balances(s).of(Account.PRACTITIONER_PAYABLE)).isEqualTo(eur("28.50"));
            assertBooksBalance(s);
        }
    }

    @Nested
    @DisplayName("Payouts (PO)")
    class Payouts {

        Scenario withEarnings() {
            Scenario s = platform();
            Booking confirmed = s.confirm(payOnline(s, s.book(s.at(DayOfWeek.TUESDAY, 9), ConsultationMode.VIDEO)));
            accepted(s.engine.clientBookings().cancelByClient(new CancelByClientCommand(confirmed.accessToken(), s.key())));
            return s;
        }

        @Test
        @DisplayName("PO-2: a cycle run again, or by a second instance at once, pays each practitioner once")
        void cycleRunsOncePerPractitioner() throws Exception {
            Scenario s = withEarnings();
            s.setClock(s.at(CYCLE, 8, 0));
            Thread other = new Thread(() -> s.engine.payouts().runDueCycle());
            other.start();
            s.engine.payouts().runDueCycle();
            other.join();
            s.engine.payouts().runCycle(CYCLE);
            assertThat(s.engine.payouts().ofPractitioner(s.anna)).hasSize(1);
            assertThat(movements(s, "payout")).hasSize(1);
            assertBooksBalance(s);
        }

        @Test
        @DisplayName("PO-1: the cycle dated D pays only what became payable before 00:00 on D in the operator's zone")
        void cycleCutsOffAtMidnightInTheOperatorsZone() {
            Scenario s = withEarnings();
            s.setClock(s.at(CYCLE.minusDays(1), 12, 0));
            s.engine.payouts().runCycle(LocalDate.of(2025, 6, 1));
            assertThat(s.engine.payouts().ofPractitioner(s.anna)).as("earned after the 1 June cut-off").isEmpty();
        }

        @Test
        @DisplayName("PO-4: without a destination ready the balance is carried over and the practitioner told; it goes with a later payout")
        void missingDestinationCarriesTheBalanceOver() {
            Scenario s = withEarnings();
            s.engine.payouts().setDestination(s.anna, new PayoutDestination.ProviderAccount("acct_anna", false));
            s.setClock(s.at(CYCLE, 8, 0));
            s.engine.payouts().runDueCycle();
            assertThat(s.engine.payouts().ofPractitioner(s.anna)).singleElement()
                    .satisfies(p -> assertThat(p.state()).isEqualTo(PayoutState.CARRIED_OVER));
            assertThat(movements(s, "payout")).isEmpty();
            assertThat(s.engine.payouts().payableBalance(s.anna)).isEqualTo(eur("28.50"));

            s.engine.payouts().setDestination(s.anna, new PayoutDestination.ProviderAccount("acct_anna", true));
            s.setClock(s.at(LocalDate.of(2025, 7, 1), 8, 0));
            s.engine.payouts().runDueCycle();
            assertThat(movements(s, "payout")).extracting(SandboxPaymentGateway.Movement::amount).containsExactly(eur("28.50"));
            assertBooksBalance(s);
        }

        @Test
        @DisplayName("PO-3: a payout on request, once per request key, and only above the minimum")
        void payoutOnRequest() {
            Scenario s = withEarnings();
            Payout first = accepted(s.engine.payouts().request(s.anna, s.key()));
            assertThat(first.amount()).isEqualTo(eur("28.50"));
            assertThat(rejected(s.engine.payouts().request(s.anna, s.key())).reason()).isEqualTo(Reason.BELOW_PAYOUT_MINIMUM);
            assertThat(movements(s, "payout")).hasSize(1);
        }

        @Test
        @DisplayName("a payout the bank refuses is reversed: the money is owed again and goes with the next cycle")
        void refusedPayoutIsReversed() {
            Scenario s = withEarnings();
            s.gateway.failNext(SandboxPaymentGateway.Operation.PAYOUT, SandboxPaymentGateway.Failure.DECLINE);
            s.setClock(s.at(CYCLE, 8, 0));
            s.engine.payouts().runDueCycle();
            assertThat(s.engine.payouts().ofPractitioner(s.anna)).singleElement()
                    .satisfies(p -> assertThat(p.state()).isEqualTo(PayoutState.FAILED));
            assertThat(s.engine.payouts().payableBalance(s.anna)).isEqualTo(eur("28.50"));
            assertBooksBalance(s);
        }

        @Test
        @DisplayName("a payout whose gateway is unreachable stays planned and is sent once, with the same key, later")
        void unreachableGatewayIsResumed() {
            Scenario s = withEarnings();
            s.gateway.failNext(SandboxPaymentGateway.Operation.PAYOUT, SandboxPaymentGateway.Failure.TIMEOUT);
            s.setClock(s.at(CYCLE, 8, 0));
            s.engine.payouts().runDueCycle();
            assertThat(s.engine.payouts().ofPractitioner(s.anna)).singleElement()
                    .satisfies(p -> assertThat(p.state()).isEqualTo(PayoutState.PLANNED));
            s.engine.payouts().resumePlanned();
            assertThat(s.engine.payouts().ofPractitioner(s.anna)).singleElement()
                    .satisfies(p -> assertThat(p.state()).isEqualTo(PayoutState.SENT));
            assertThat(movements(s, "payout")).hasSize(1);
            assertBooksBalance(s);
        }

        @Test
        @DisplayName("DIRECT_CONNECT has no payouts by the platform")
        void directConnectHasNoPayouts() {
            Scenario s = direct();
            assertThat(rejected(s.engine.payouts().request(s.anna, s.key())).reason()).isEqualTo(Reason.NO_PAYOUTS_IN_THIS_MODEL);
        }
    }

    @Nested
    @DisplayName("DIRECT_CONNECT")
    class DirectConnect {

        @Test
        @DisplayName("FEE-3, PAY-1: a 60.00 prepayment on the free plan: application fee 1.45 taken at payment, the rest in the practitioner's account")
        void prepaymentOnTheFreePlanPaysTheApplicationFee() {
            Scenario s = direct();
            Booking paid = payOnline(s, s.book(s.at(DayOfWeek.WEDNESDAY, 9), ConsultationMode.IN_PERSON));
            assertThat(paid.paid()).isEqualTo(eur("60.00"));
            Balances b = balances(s);
            assertThat(b.of(Account.PLATFORM_REVENUE)).isEqualTo(eur("1.45"));
            assertThat(b.of(Account.PROVIDER_FEES)).isEqualTo(eur("1.15"));
            assertThat(b.of(Account.PRACTITIONER_DIRECT)).isEqualTo(eur("57.40"));
            assertBooksBalance(s);
        }

        @Test
        @DisplayName("PAY-4: a refund in DIRECT_CONNECT does not give back the platform's fee nor the provider's")
        void refundKeepsTheFees() {
            Scenario s = direct();
            Booking paid = s.confirm(payOnline(s, s.book(s.at(DayOfWeek.WEDNESDAY, 9), ConsultationMode.IN_PERSON)));
            accepted(s.engine.bookings().cancelByPractitioner(new CancelByPractitionerCommand(s.anna, paid.id(), s.key())));
            s.engine.payments().carryOutDue();
            Balances b = balances(s);
            assertThat(b.of(Account.REFUNDS)).isEqualTo(eur("60.00"));
            assertThat(b.of(Account.PLATFORM_REVENUE)).isEqualTo(eur("1.45"));
            assertThat(b.of(Account.PRACTITIONER_DIRECT)).as("carried forward, offset against later earnings")
                    .isEqualTo(eur("-2.60"));
            assertBooksBalance(s);
        }

        @Test
        @DisplayName("book → pay → confirm → complete: the practitioner keeps 57.40 in their own account, nothing for the platform to pay out")
        void completedPrepaidConsultation() {
            Scenario s = direct();
            Booking held = s.book(s.at(DayOfWeek.WEDNESDAY, 9), ConsultationMode.IN_PERSON);
            s.confirm(payOnline(s, held));
            s.setClock(s.at(DayOfWeek.WEDNESDAY, 10, 1));
            s.engine.jobs().completeEnded();
            carryOut(s, s.at(DayOfWeek.FRIDAY, 10, 0));
            s.setClock(s.at(CYCLE, 8, 0));
            s.engine.payouts().runDueCycle();
            assertThat(s.reload(held).state()).isEqualTo(BookingState.COMPLETED);
            assertThat(balances(s).of(Account.PRACTITIONER_DIRECT)).isEqualTo(eur("57.40"));
            assertThat(balances(s).of(Account.PRACTITIONER_PAYABLE)).isEqualTo(eur("0.00"));
            assertThat(movements(s, "payout")).isEmpty();
            assertBooksBalance(s);
        }

        @Test
        @DisplayName("PAY-2, CX-4: card guarantee → no-show → 30.00 charged on the practitioner's account, application fee 0.85")
        void noShowChargeOnTheConnectedAccount() {
            Scenario s = connect(Scenario.builder().model(CommercialModel.DIRECT_CONNECT).registeredBefore(Period.ofMonths(3))
                    .settings(x -> x.withNoShowPercentage(Percent.of(50))).build());
            Booking confirmed = s.confirm(saveCardOnline(s, s.book(s.at(DayOfWeek.WEDNESDAY, 9), ConsultationMode.IN_PERSON)));
            s.setClock(s.at(DayOfWeek.WEDNESDAY, 9, 30));
            accepted(s.engine.bookings().reportNoShow(new ReportNoShowCommand(s.anna, confirmed.id(), s.key())));
            s.engine.payments().carryOutDue();
            Balances b = balances(s);
            assertThat(movements(s, "charge")).extracting(SandboxPaymentGateway.Movement::amount).containsExactly(eur("30.00"));
            assertThat(b.of(Account.PLATFORM_REVENUE)).isEqualTo(eur("0.85"));
            assertThat(b.of(Account.PROVIDER_FEES)).isEqualTo(eur("0.70"));
            assertThat(b.of(Account.PRACTITIONER_DIRECT)).isEqualTo(eur("28.45"));
            assertBooksBalance(s);
        }

        @Test
        @DisplayName("CX-3, PAY-4: prepaid → client cancels late → 30.00 refunded from the practitioner's account, the fees kept")
        void lateCancellationPartialRefund() {
            Scenario s = direct();
            Booking confirmed = s.confirm(payOnline(s, s.book(s.at(DayOfWeek.TUESDAY, 9), ConsultationMode.IN_PERSON)));
            accepted(s.engine.clientBookings().cancelByClient(new CancelByClientCommand(confirmed.accessToken(), s.key())));
            s.engine.payments().carryOutDue();
            assertThat(movements(s, "refund")).extracting(SandboxPaymentGateway.Movement::amount).containsExactly(eur("30.00"));
            assertThat(balances(s).of(Account.PRACTITIONER_DIRECT)).isEqualTo(eur("27.40"));
            assertThat(balances(s).of(Account.PLATFORM_REVENUE)).isEqualTo(eur("1.45"));
            assertBooksBalance(s);
        }

        @Test
        @DisplayName("BK-3: the hold expires, a payment that still arrives is refunded in full")
        void latePaymentRefunded() {
            Scenario s = direct();
            Booking held = s.book(s.at(DayOfWeek.WEDNESDAY, 9), ConsultationMode.IN_PERSON);
            s.setClock(held.expiresAt().orElseThrow());
            s.engine.jobs().expireOverdue();
            s.gateway.receive(held.id(), eur("60.00"), "pi_late");
            accepted(s.engine.payments().apply(new PaymentEvent.PaymentSucceeded("evt_late", held.id(), eur("60.00"),
                    "pi_late", java.util.Optional.empty())));
            s.engine.payments().carryOutDue();
            assertThat(movements(s, "refund")).extracting(SandboxPaymentGateway.Movement::amount).containsExactly(eur("60.00"));
            assertThat(s.reload(held).state()).isEqualTo(BookingState.EXPIRED);
            assertBooksBalance(s);
        }

        @Test
        @DisplayName("FEE-3: during the trial (every feature free) the application fee is 0")
        void trialHasNoApplicationFee() {
            Scenario s = connect(Scenario.builder().model(CommercialModel.DIRECT_CONNECT)
                    .settings(x -> x.withOnlinePayment(OnlinePayment.REQUIRED)).build());
            payOnline(s, s.book(s.at(DayOfWeek.WEDNESDAY, 9), ConsultationMode.IN_PERSON));
            assertThat(balances(s).of(Account.PLATFORM_REVENUE)).isEqualTo(eur("0.00"));
        }
    }
}
