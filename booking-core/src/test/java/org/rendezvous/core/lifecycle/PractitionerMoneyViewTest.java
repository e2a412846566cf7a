package org.rendezvous.core.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rendezvous.core.lifecycle.MoneyFlowsTest.assertBooksBalance;
import static org.rendezvous.core.lifecycle.MoneyFlowsTest.carryOut;
import static org.rendezvous.core.lifecycle.MoneyFlowsTest.payOnline;
import static org.rendezvous.core.lifecycle.MoneyFlowsTest.saveCardOnline;
import static org.rendezvous.core.lifecycle.Scenario.accepted;
import static org.rendezvous.core.lifecycle.Scenario.eur;

import java.time.DayOfWeek;
import java.time.Period;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.rendezvous.core.agenda.ConsultationMode;
import org.rendezvous.core.agenda.OnlinePayment;
import org.rendezvous.core.booking.Booking;
import org.rendezvous.core.booking.CancelByClientCommand;
import org.rendezvous.core.booking.CancelByPractitionerCommand;
import org.rendezvous.core.booking.ReportNoShowCommand;
import org.rendezvous.core.ledger.Account;
import org.rendezvous.core.ledger.PaymentLine;
import org.rendezvous.core.ledger.Posting;
import org.rendezvous.core.ledger.PostingKind;
import org.rendezvous.core.ledger.PractitionerTotals;
import org.rendezvous.core.money.FeeSchedule;
import org.rendezvous.core.money.Money;
import org.rendezvous.core.money.Percent;
import org.rendezvous.core.money.ProviderFeeSchedule;
import org.rendezvous.core.payment.BookingMoney;
import org.rendezvous.core.payment.MoneyState;
import org.rendezvous.core.payment.NextStep;
import org.rendezvous.core.policy.CommercialModel;
import org.rendezvous.core.sandbox.SandboxPaymentGateway;

/**
 * What the practitioner and the client see of a booking's money (PAY-6, FEE-3, CX-2 … CX-5): only the
 * practitioner's own accounts, what happened to the money, and what the client must do next.
 */
class PractitionerMoneyViewTest {

    static Scenario platform() {
        return MoneyFlowsTest.platform();
    }

    static Scenario direct() {
        return MoneyFlowsTest.direct();
    }

    static List<PaymentLine> lines(Scenario s) {
        return s.engine.payments().paymentLines(s.anna);
    }

    static BookingMoney money(Scenario s, Booking booking) {
        return s.engine.payments().money(s.reload(booking));
    }

    static Booking noShowWithCard(Scenario s) {
        Booking confirmed = s.confirm(saveCardOnline(s, s.book(s.at(DayOfWeek.WEDNESDAY, 9), ConsultationMode.IN_PERSON)));
        s.setClock(s.at(DayOfWeek.WEDNESDAY, 9, 30));
        return accepted(s.engine.bookings().reportNoShow(new ReportNoShowCommand(s.anna, confirmed.id(), s.key())));
    }

    @Nested
    @DisplayName("PLATFORM_COLLECTS")
    class PlatformCollects {

        @Test
        @DisplayName("PAY-6, CX-4: a charged guarantee shows what the client paid (30.00), not 31.50; commission 1.50, earned 28.50")
        void chargedGuaranteeShowsWhatTheClientPaid() {
            Scenario s = platform();
            Booking noShow = noShowWithCard(s);
            assertThat(money(s, noShow).state()).isEqualTo(MoneyState.CHARGE_PENDING);
            assertThat(money(s, noShow).chargePending()).isEqualTo(eur("30.00"));
            s.engine.payments().carryOutDue();

            Posting charge = s.engine.payments().history(s.anna).stream()
                    .filter(p -> p.kind() == PostingKind.GUARANTEE_CHARGED).findFirst().orElseThrow();
            assertThat(charge.amount()).as("the posting moves what the client paid").isEqualTo(eur("30.00"));
            assertThat(lines(s)).filteredOn(l -> l.kind() == PostingKind.GUARANTEE_CHARGED).singleElement().satisfies(l -> {
                assertThat(l.amount()).isEqualTo(eur("30.00"));
                assertThat(l.clientPaid()).isEqualTo(eur("30.00"));
                assertThat(l.commission()).isEqualTo(eur("1.50"));
                assertThat(l.earned()).isEqualTo(eur("28.50"));
            });
            BookingMoney money = money(s, noShow);
            assertThat(money.state()).isEqualTo(MoneyState.CHARGED);
            assertThat(money.paid()).isEqualTo(eur("30.00"));
            assertThat(money.charged()).isEqualTo(eur("30.00"));
            assertThat(money.commission()).isEqualTo(eur("1.50"));
            assertThat(money.net()).isEqualTo(eur("28.50"));
            assertThat(money.pendingEarnings()).isEqualTo(eur("0.00"));
            assertBooksBalance(s);
        }

        @Test
        @DisplayName("PAY-6: the practitioner's history has no platform provider fee nor platform revenue; the net of a prepaid booking shows before release")
        void historyShowsOnlyThePractitionersAccounts() {
            Scenario s = platform();
            Booking paid = s.confirm(payOnline(s, s.book(s.at(DayOfWeek.WEDNESDAY, 9), ConsultationMode.VIDEO)));
            assertThat(s.engine.payments().history(s.anna)).extracting(Posting::kind).contains(PostingKind.PROVIDER_FEE);
            assertThat(lines(s)).extracting(PaymentLine::kind).containsExactly(PostingKind.PAYMENT_RECEIVED);
            assertThat(lines(s)).allSatisfy(l -> assertThat(l.providerFee()).isEqualTo(eur("0.00")));

            BookingMoney before = money(s, paid);
            assertThat(before.state()).isEqualTo(MoneyState.PAID);
            assertThat(before.pendingEarnings()).as("60.00 less the 5 % it will bear").isEqualTo(eur("57.00"));
            assertThat(before.earned()).isEqualTo(eur("0.00"));
            assertThat(s.engine.payments().moneyOfBookings(s.anna)).singleElement()
                    .satisfies(m -> assertThat(m.net()).isEqualTo(eur("57.00")));

            s.setClock(s.at(DayOfWeek.WEDNESDAY, 10, 1));
            s.engine.jobs().completeEnded();
            carryOut(s, s.at(DayOfWeek.FRIDAY, 10, 0));
            BookingMoney after = money(s, paid);
            assertThat(after.pendingEarnings()).isEqualTo(eur("0.00"));
            assertThat(after.earned()).isEqualTo(eur("57.00"));
            assertThat(after.commission()).isEqualTo(eur("3.00"));

            PractitionerTotals totals = s.engine.payments().totals(s.anna).orElseThrow();
            assertThat(totals.clientsPaid()).isEqualTo(eur("60.00"));
            assertThat(totals.commission()).isEqualTo(eur("3.00"));
            assertThat(totals.providerFees()).as("the platform bears the provider's fee").isEqualTo(eur("0.00"));
            assertThat(totals.held()).isEqualTo(eur("0.00"));
            assertThat(totals.earned()).isEqualTo(eur("57.00"));
            assertThat(totals.earned()).isEqualTo(s.engine.payments().balances(s.anna).orElseThrow().of(Account.PRACTITIONER_PAYABLE));
        }

        @Test
        @DisplayName("CX-3: a late cancellation of a prepaid booking: refund pending, then 30.00 kept and 30.00 refunded")
        void lateCancellationKeepsPartAndRefundsTheRest() {
            Scenario s = platform();
            Booking confirmed = s.confirm(payOnline(s, s.book(s.at(DayOfWeek.TUESDAY, 9), ConsultationMode.VIDEO)));
            Booking cancelled = accepted(s.engine.clientBookings().cancelByClient(new CancelByClientCommand(confirmed.accessToken(), s.key())));
            BookingMoney pending = money(s, cancelled);
            assertThat(pending.state()).isEqualTo(MoneyState.REFUND_PENDING);
            assertThat(pending.refundPending()).isEqualTo(eur("30.00"));
            assertThat(pending.charged()).isEqualTo(eur("30.00"));
            assertThat(pending.net()).as("the refund is not theirs").isEqualTo(eur("28.50"));

            s.engine.payments().carryOutDue();
            BookingMoney done = money(s, cancelled);
            assertThat(done.state()).isEqualTo(MoneyState.KEPT);
            assertThat(done.paid()).isEqualTo(eur("60.00"));
            assertThat(done.refunded()).isEqualTo(eur("30.00"));
            assertThat(done.charged()).isEqualTo(eur("30.00"));
            assertThat(done.net()).isEqualTo(eur("28.50"));
        }

        @Test
        @DisplayName("CX-2: an early cancellation refunds everything; CX-5: so does the practitioner's; nothing is theirs")
        void earlyAndPractitionerCancellationsRefundInFull() {
            Scenario s = platform();
            Booking early = s.confirm(payOnline(s, s.book(s.at(DayOfWeek.FRIDAY, 9), ConsultationMode.VIDEO)));
            accepted(s.engine.clientBookings().cancelByClient(new CancelByClientCommand(early.accessToken(), s.key())));
            Booking byAnna = s.confirm(payOnline(s, s.book(s.at(DayOfWeek.THURSDAY, 9), ConsultationMode.VIDEO)));
            accepted(s.engine.bookings().cancelByPractitioner(new CancelByPractitionerCommand(s.anna, byAnna.id(), s.key())));
            assertThat(money(s, early).state()).isEqualTo(MoneyState.REFUND_PENDING);
            assertThat(money(s, early).net()).isEqualTo(eur("0.00"));
            s.engine.payments().carryOutDue();
            for (Booking b : List.of(early, byAnna)) {
                BookingMoney m = money(s, b);
                assertThat(m.state()).isEqualTo(MoneyState.REFUNDED);
                assertThat(m.refunded()).isEqualTo(eur("60.00"));
                assertThat(m.net()).isEqualTo(eur("0.00"));
                assertThat(m.commission()).isEqualTo(eur("0.00"));
            }
        }

        @Test
        @DisplayName("CX-2: a card guarantee cancelled early is released, nothing charged")
        void earlyCancellationReleasesTheGuarantee() {
            Scenario s = platform();
            Booking confirmed = s.confirm(saveCardOnline(s, s.book(s.at(DayOfWeek.FRIDAY, 9), ConsultationMode.IN_PERSON)));
            assertThat(money(s, confirmed).state()).isEqualTo(MoneyState.GUARANTEE_SAVED);
            Booking cancelled = accepted(s.engine.clientBookings().cancelByClient(new CancelByClientCommand(confirmed.accessToken(), s.key())));
            BookingMoney m = money(s, cancelled);
            assertThat(m.state()).isEqualTo(MoneyState.GUARANTEE_RELEASED);
            assertThat(m.paid()).isEqualTo(eur("0.00"));
            assertThat(m.charged()).isEqualTo(eur("0.00"));
        }

        @Test
        @DisplayName("BK-3, PAY-1, PAY-2: a held booking says what the client must do next, and until when; then nothing")
        void heldBookingSaysWhatToDoNext() {
            Scenario s = platform();
            Booking prepaid = s.book(s.at(DayOfWeek.WEDNESDAY, 9), ConsultationMode.VIDEO);
            assertThat(s.engine.payments().nextStep(prepaid)).contains(new NextStep(NextStep.Action.PAY,
                    Optional.of(eur("60.00")), prepaid.expiresAt().orElseThrow()));
            assertThat(money(s, prepaid).state()).isEqualTo(MoneyState.PAYMENT_DUE);
            Booking guaranteed = s.book(s.at(DayOfWeek.WEDNESDAY, 10), ConsultationMode.IN_PERSON);
            assertThat(s.engine.payments().nextStep(guaranteed)).contains(new NextStep(NextStep.Action.SAVE_CARD,
                    Optional.empty(), guaranteed.expiresAt().orElseThrow()));
            assertThat(money(s, guaranteed).state()).isEqualTo(MoneyState.CARD_DUE);

            assertThat(s.engine.payments().nextStep(payOnline(s, prepaid))).isEmpty();
            s.setClock(guaranteed.expiresAt().orElseThrow());
            s.engine.jobs().expireOverdue();
            assertThat(s.engine.payments().nextStep(s.reload(guaranteed))).isEmpty();
            assertThat(money(s, guaranteed).state()).isEqualTo(MoneyState.NOT_PAID);
        }

        @Test
        @DisplayName("CX-4, PAY-2: a charge the client's bank wants authenticated is the client's next step, with its amount")
        void chargeNeedingTheClientIsTheirNextStep() {
            Scenario s = platform();
            s.gateway.failNext(SandboxPaymentGateway.Operation.CHARGE, SandboxPaymentGateway.Failure.AUTHENTICATION_REQUIRED);
            Booking noShow = noShowWithCard(s);
            s.engine.payments().carryOutDue();
            assertThat(money(s, noShow).state()).isEqualTo(MoneyState.CHARGE_NEEDS_CLIENT);
            assertThat(s.engine.payments().nextStep(s.reload(noShow))).hasValueSatisfying(step -> {
                assertThat(step.action()).isEqualTo(NextStep.Action.PAY_CHARGE);
                assertThat(step.amount()).contains(eur("30.00"));
            });
        }
    }

    @Nested
    @DisplayName("DIRECT_CONNECT")
    class DirectConnect {

        /** FEE-3's example: 20.00 paid online, provider fee 2.9 % + 0.25. */
        Scenario feeThree() {
            return MoneyFlowsTest.connect(Scenario.builder().model(CommercialModel.DIRECT_CONNECT)
                    .registeredBefore(Period.ofMonths(3)).price(eur("20.00"))
                    .engineSettings(e -> e.withProviderFees(ProviderFeeSchedule.flat(
                            FeeSchedule.of(Percent.of("2.9"), Money.of("0.25", "EUR")))))
                    .settings(a -> a.withNoShowPercentage(Percent.of(50)).withOnlinePayment(OnlinePayment.REQUIRED)).build());
        }

        @Test
        @DisplayName("FEE-3: 20.00 on the free plan with a provider fee of 2.9 % + 0.25 → commission 0.65, provider fee 0.83, receives 18.52")
        void feeThreeFreePlan() {
            Scenario s = feeThree();
            Booking paid = payOnline(s, s.book(s.at(DayOfWeek.WEDNESDAY, 9), ConsultationMode.IN_PERSON));
            BookingMoney m = money(s, paid);
            assertThat(m.paid()).isEqualTo(eur("20.00"));
            assertThat(m.commission()).isEqualTo(eur("0.65"));
            assertThat(m.providerFee()).isEqualTo(eur("0.83"));
            assertThat(m.net()).isEqualTo(eur("18.52"));
            assertThat(m.pendingEarnings()).as("in the practitioner's own account at once").isEqualTo(eur("0.00"));
            assertThat(lines(s)).extracting(PaymentLine::kind)
                    .containsExactly(PostingKind.PAYMENT_RECEIVED, PostingKind.COMMISSION, PostingKind.PROVIDER_FEE);
            PractitionerTotals totals = s.engine.payments().totals(s.anna).orElseThrow();
            assertThat(totals.earned()).isEqualTo(eur("18.52"));
            assertThat(totals.providerFees()).isEqualTo(eur("0.83"));
            assertBooksBalance(s);
        }

        @Test
        @DisplayName("FEE-3: the same 20.00 on the paid plan → commission 0, provider fee 0.83, receives 19.17")
        void feeThreePaidPlan() {
            Scenario s = feeThree();
            // PLAN-3: the paid plan starts once its first invoice is paid at the (sandbox) provider.
            String checkout = accepted(s.engine.plans().subscribe(s.anna)).redirect().getPath().replaceAll(".*/", "");
            s.billing.completeCheckout(checkout).orElseThrow();
            assertThat(s.engine.plans().planOf(s.anna)).isEqualTo(org.rendezvous.core.plan.Plan.PAID);
            Booking paid = payOnline(s, s.book(s.at(DayOfWeek.WEDNESDAY, 9), ConsultationMode.IN_PERSON));
            BookingMoney m = money(s, paid);
            assertThat(m.commission()).isEqualTo(eur("0.00"));
            assertThat(m.providerFee()).isEqualTo(eur("0.83"));
            assertThat(m.net()).isEqualTo(eur("19.17"));
        }

        @Test
        @DisplayName("CX-5, PAY-4: refunded in full, the practitioner keeps paying the fees: net is minus the fees")
        void refundLeavesTheFeesWithThePractitioner() {
            Scenario s = feeThree();
            Booking paid = s.confirmIfPending(payOnline(s, s.book(s.at(DayOfWeek.WEDNESDAY, 9), ConsultationMode.IN_PERSON)));
            accepted(s.engine.bookings().cancelByPractitioner(new CancelByPractitionerCommand(s.anna, paid.id(), s.key())));
            assertThat(money(s, paid).state()).isEqualTo(MoneyState.REFUND_PENDING);
            assertThat(money(s, paid).net()).isEqualTo(eur("-1.48"));
            s.engine.payments().carryOutDue();
            BookingMoney m = money(s, paid);
            assertThat(m.state()).isEqualTo(MoneyState.REFUNDED);
            assertThat(m.refunded()).isEqualTo(eur("20.00"));
            assertThat(m.net()).isEqualTo(eur("-1.48"));
        }
    }
}
