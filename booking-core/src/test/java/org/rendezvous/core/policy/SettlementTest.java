package org.rendezvous.core.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.rendezvous.core.agenda.ConsultationMode;
import org.rendezvous.core.agenda.OnlinePayment;
import org.rendezvous.core.money.Money;
import org.rendezvous.core.money.Percent;

class SettlementTest {

    private static final Money PRICE = Money.of("60.00", "EUR");
    private static final Money NOTHING = Money.zero("EUR");

    @Test
    @DisplayName("CX-1 start − now = 24 h exactly is early, one nanosecond less is late")
    void deadlineBoundary() {
        Instant start = Instant.parse("2026-05-10T10:00:00Z");
        Duration day = Duration.ofHours(24);
        assertThat(Settlement.isEarly(start, start.minus(day), day)).isTrue();
        assertThat(Settlement.isEarly(start, start.minus(day).plusNanos(1), day)).isFalse();
    }

    @Test
    @DisplayName("CX-2 an early cancellation refunds a prepayment in full and releases a guarantee")
    void earlyCancellation() {
        assertThat(Settlement.clientCancels(PRICE, PRICE, false, Percent.of(50), true, true))
                .isEqualTo(new MoneyDecision.RefundInFull(PRICE));
        assertThat(Settlement.clientCancels(PRICE, NOTHING, true, Percent.of(50), true, true))
                .isEqualTo(new MoneyDecision.ReleaseGuarantee());
        assertThat(Settlement.clientCancels(PRICE, NOTHING, false, Percent.of(50), true, true))
                .isEqualTo(new MoneyDecision.NoMoneyMoves());
    }

    @Test
    @DisplayName("CX-3 a late cancellation keeps the no-show percentage from a prepayment or charges the guarantee")
    void lateCancellation() {
        assertThat(Settlement.clientCancels(PRICE, PRICE, false, Percent.of(50), false, true))
                .isEqualTo(new MoneyDecision.KeepFromPrepayment(Money.of("30.00", "EUR"), Money.of("30.00", "EUR")));
        assertThat(Settlement.clientCancels(PRICE, NOTHING, true, Percent.of(50), false, true))
                .isEqualTo(new MoneyDecision.ChargeGuarantee(Money.of("30.00", "EUR")));
        assertThat(Settlement.clientCancels(PRICE, NOTHING, true, Percent.ZERO, false, true))
                .isEqualTo(new MoneyDecision.ReleaseGuarantee());
        assertThat(Settlement.clientCancels(PRICE, PRICE, false, Percent.HUNDRED, false, true))
                .isEqualTo(new MoneyDecision.KeepFromPrepayment(PRICE, NOTHING));
    }

    @Test
    @DisplayName("CX-3 a late cancellation of a request the practitioner never confirmed costs nothing")
    void lateCancellationOfUnconfirmedRequest() {
        assertThat(Settlement.clientCancels(PRICE, PRICE, false, Percent.of(50), false, false))
                .isEqualTo(new MoneyDecision.RefundInFull(PRICE));
    }

    @Test
    @DisplayName("CX-4 the no-show report window runs from the start to 48 h after the end, both included")
    void noShowWindow() {
        Instant start = Instant.parse("2026-05-10T10:00:00Z");
        Instant end = start.plus(Duration.ofMinutes(45));
        assertThat(Settlement.insideNoShowReportWindow(start, end, start.minusNanos(1))).isFalse();
        assertThat(Settlement.insideNoShowReportWindow(start, end, start)).isTrue();
        assertThat(Settlement.insideNoShowReportWindow(start, end, end.plus(Duration.ofHours(48)))).isTrue();
        assertThat(Settlement.insideNoShowReportWindow(start, end, end.plus(Duration.ofHours(48)).plusNanos(1))).isFalse();
    }

    @Test
    @DisplayName("CX-4 a no-show charge is the percentage of the price rounded half-up, never above what was paid")
    void noShowCharge() {
        assertThat(Settlement.noShow(Money.of("45.55", "EUR"), Money.of("45.55", "EUR"), false, Percent.of(50)))
                .isEqualTo(new MoneyDecision.KeepFromPrepayment(Money.of("22.78", "EUR"), Money.of("22.77", "EUR")));
    }

    @Test
    @DisplayName("CX-5 the practitioner cancelling or refusing gives everything back")
    void practitionerCancels() {
        assertThat(Settlement.giveEverythingBack(PRICE, false)).isEqualTo(new MoneyDecision.RefundInFull(PRICE));
        assertThat(Settlement.giveEverythingBack(NOTHING, true)).isEqualTo(new MoneyDecision.ReleaseGuarantee());
    }

    @Test
    @DisplayName("PAY-1 PAY-2 remote consultations are prepaid in PLATFORM_COLLECTS; in person a guarantee when a no-show costs")
    void paymentTerms() {
        assertThat(PaymentTerms.decide(CommercialModel.PLATFORM_COLLECTS, ConsultationMode.VIDEO, PRICE,
                OnlinePayment.NONE, Percent.ZERO, false)).isEqualTo(PaymentArrangement.PREPAID);
        assertThat(PaymentTerms.decide(CommercialModel.PLATFORM_COLLECTS, ConsultationMode.IN_PERSON, PRICE,
                OnlinePayment.NONE, Percent.of(50), false)).isEqualTo(PaymentArrangement.ON_SITE_WITH_GUARANTEE);
        assertThat(PaymentTerms.decide(CommercialModel.PLATFORM_COLLECTS, ConsultationMode.IN_PERSON, PRICE,
                OnlinePayment.NONE, Percent.ZERO, false)).isEqualTo(PaymentArrangement.ON_SITE);
        assertThat(PaymentTerms.decide(CommercialModel.DIRECT_CONNECT, ConsultationMode.VIDEO, PRICE,
                OnlinePayment.OPTIONAL, Percent.ZERO, true)).isEqualTo(PaymentArrangement.PREPAID);
        assertThat(PaymentTerms.decide(CommercialModel.DIRECT_CONNECT, ConsultationMode.VIDEO, PRICE,
                OnlinePayment.OPTIONAL, Percent.ZERO, false)).isEqualTo(PaymentArrangement.ON_SITE);
    }

    @Test
    @DisplayName("PAY-7 a price below the provider's minimum cannot require online payment")
    void providerMinimum() {
        Money minimum = Money.of("0.50", "EUR");
        assertThat(PaymentTerms.canRequireOnlinePayment(Money.of("0.49", "EUR"), minimum)).isFalse();
        assertThat(PaymentTerms.canRequireOnlinePayment(Money.of("0.50", "EUR"), minimum)).isTrue();
        assertThat(PaymentTerms.canRequireOnlinePayment(NOTHING, minimum)).isTrue();
    }
}
