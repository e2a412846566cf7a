package org.rendezvous.core.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rendezvous.core.lifecycle.MoneyFlowsTest.assertBooksBalance;
import static org.rendezvous.core.lifecycle.MoneyFlowsTest.balances;
import static org.rendezvous.core.lifecycle.MoneyFlowsTest.movements;
import static org.rendezvous.core.lifecycle.MoneyFlowsTest.payOnline;
import static org.rendezvous.core.lifecycle.MoneyFlowsTest.saveCardOnline;
import static org.rendezvous.core.lifecycle.Scenario.accepted;
import static org.rendezvous.core.lifecycle.Scenario.eur;

import java.time.DayOfWeek;
import java.time.Period;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.rendezvous.core.agenda.ConsultationMode;
import org.rendezvous.core.agenda.OnlinePayment;
import org.rendezvous.core.booking.Booking;
import org.rendezvous.core.booking.CancelByClientCommand;
import org.rendezvous.core.booking.ReportNoShowCommand;
import org.rendezvous.core.ledger.Account;
import org.rendezvous.core.money.Money;
import org.rendezvous.core.money.Percent;
import org.rendezvous.core.operator.ChargeReversal;
import org.rendezvous.core.operator.OperatorId;
import org.rendezvous.core.outcome.Reason;
import org.rendezvous.core.policy.CommercialModel;
import org.rendezvous.core.sandbox.SandboxPaymentGateway;

/**
 * CX-4 and FEE-4 in DIRECT_CONNECT, the case {@code ChargeReversalPropertyTest} once found: a late cancellation kept
 * a small share of a 60 € prepayment and refunded the rest with the application fee kept (PAY-4); an operator then
 * reverses the kept share. The whole fee goes back to the practitioner's account, the client gets everything back,
 * and the provider moves exactly what the ledger posts: one refund, one application fee refund of the fee's amount.
 */
class DirectConnectReversalTest {

    private static Scenario direct(int percent, boolean prepayment) {
        return MoneyFlowsTest.connect(Scenario.builder().model(CommercialModel.DIRECT_CONNECT)
                .registeredBefore(Period.ofMonths(3))
                .settings(x -> {
                    var settings = x.withNoShowPercentage(Percent.of(percent));
                    return prepayment ? settings.withOnlinePayment(OnlinePayment.REQUIRED) : settings;
                }).build());
    }

    @ParameterizedTest(name = "no-show percentage {0} %")
    @ValueSource(ints = {1, 2, 50})
    @DisplayName("CX-4 FEE-4 PAY-4 DIRECT_CONNECT: a reversed late cancellation gives the whole application fee back, once, "
            + "and the client everything paid; the sandbox saw the refund and the fee refund of the ledger's amounts")
    void lateCancellationReversed(int percent) {
        Scenario s = direct(percent, true);
        OperatorId olga = OperatorToolsTest.operator(s);
        Booking confirmed = s.confirmIfPending(payOnline(s, s.book(s.at(DayOfWeek.TUESDAY, 9), ConsultationMode.VIDEO)));
        Booking cancelled = accepted(s.engine.clientBookings().cancelByClient(new CancelByClientCommand(confirmed.accessToken(), s.key())));
        s.engine.payments().carryOutDue();
        Money fee = balances(s).of(Account.PLATFORM_REVENUE);
        Money kept = eur("60.00").times(Percent.of(percent));
        assertThat(fee.isPositive()).isTrue();
        assertThat(balances(s).of(Account.REFUNDS)).as("the ordinary refund").isEqualTo(eur("60.00").minus(kept));
        assertThat(movements(s, "application_fee_refund")).as("an ordinary refund keeps the fee (PAY-4)").isEmpty();

        ChargeReversal reversal = accepted(s.engine.operators().reverseCharge(olga, cancelled.id(), "disputed"));
        s.engine.payments().carryOutDue();

        assertThat(reversal.refunded()).isEqualTo(kept);
        assertThat(reversal.commissionUndone()).as("the whole fee, not capped at the refund").isEqualTo(fee);
        assertThat(reversal.earningsUndone()).isEqualTo(kept.minus(fee));
        if (percent <= 2) {
            assertThat(reversal.earningsUndone().isNegative()).as("more fee back than the refund takes").isTrue();
        }
        var after = balances(s);
        assertThat(after.of(Account.PLATFORM_REVENUE)).isEqualTo(Money.zero("EUR"));
        assertThat(after.of(Account.REFUNDS)).as("the client has everything back").isEqualTo(eur("60.00"));
        assertBooksBalance(s);

        List<SandboxPaymentGateway.Movement> refunds = movements(s, "refund");
        List<SandboxPaymentGateway.Movement> feeRefunds = movements(s, "application_fee_refund");
        assertThat(refunds).extracting(SandboxPaymentGateway.Movement::amount).containsExactly(eur("60.00").minus(kept), kept);
        assertThat(feeRefunds).extracting(SandboxPaymentGateway.Movement::amount).containsExactly(fee);
        assertThat(feeRefunds.get(0).key()).isEqualTo(refunds.get(1).key() + ":fee");
        assertThat(Scenario.rejected(s.engine.operators().reverseCharge(olga, cancelled.id(), "again")).reason())
                .isEqualTo(Reason.ALREADY_REVERSED);
        s.engine.payments().carryOutDue();
        assertThat(movements(s, "application_fee_refund")).hasSize(1);
    }

    @Test
    @DisplayName("CX-4 FEE-4 DIRECT_CONNECT: a reversed no-show charge on a saved card is refunded in full and its fee goes back exactly once")
    void guaranteeChargeReversed() {
        Scenario s = direct(50, false);
        OperatorId olga = OperatorToolsTest.operator(s);
        Booking confirmed = s.confirm(saveCardOnline(s, s.book(s.at(DayOfWeek.WEDNESDAY, 9), ConsultationMode.IN_PERSON)));
        s.setClock(s.at(DayOfWeek.WEDNESDAY, 9, 30));
        Booking noShow = accepted(s.engine.bookings().reportNoShow(new ReportNoShowCommand(s.anna, confirmed.id(), s.key())));
        s.engine.payments().carryOutDue();
        Money fee = balances(s).of(Account.PLATFORM_REVENUE);
        Money charged = movements(s, "charge").get(0).amount();

        ChargeReversal reversal = accepted(s.engine.operators().reverseCharge(olga, noShow.id(), "disputed"));
        s.engine.payments().carryOutDue();

        assertThat(reversal.refunded()).isEqualTo(charged);
        assertThat(reversal.commissionUndone()).isEqualTo(fee);
        assertThat(reversal.earningsUndone()).isEqualTo(charged.minus(fee));
        assertThat(movements(s, "refund")).extracting(SandboxPaymentGateway.Movement::amount).containsExactly(charged);
        assertThat(movements(s, "application_fee_refund")).extracting(SandboxPaymentGateway.Movement::amount)
                .containsExactly(fee);
        assertThat(balances(s).of(Account.PLATFORM_REVENUE)).isEqualTo(Money.zero("EUR"));
        assertBooksBalance(s);
    }
}
