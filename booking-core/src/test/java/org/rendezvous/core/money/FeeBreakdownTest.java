package org.rendezvous.core.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Currency;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class FeeBreakdownTest {

    private static Money eur(String amount) {
        return Money.of(amount, "EUR");
    }

    @Test
    @DisplayName("FEE-3 free plan: 20.00 with a provider fee of 2.9 % + 0.25 → commission 0.65, fee 0.83, net 18.52")
    void directConnectFreePlanExample() {
        FeeSchedule provider = FeeSchedule.of(Percent.of("2.9"), eur("0.25"));
        FeeSchedule freePlan = FeeSchedule.of(Percent.of(2), eur("0.25"));
        Money gross = eur("20.00");

        FeeBreakdown breakdown = FeeBreakdown.of(gross, freePlan, provider.on(gross));

        assertThat(breakdown).isEqualTo(new FeeBreakdown(eur("20.00"), eur("0.65"), eur("0.83"), eur("18.52")));
    }

    @Test
    @DisplayName("FEE-3 paid plan: 20.00 with a provider fee of 2.9 % + 0.25 → commission 0, fee 0.83, net 19.17")
    void directConnectPaidPlanExample() {
        FeeSchedule provider = FeeSchedule.of(Percent.of("2.9"), eur("0.25"));
        Money gross = eur("20.00");

        FeeBreakdown breakdown = FeeBreakdown.of(gross, FeeSchedule.none(Currency.getInstance("EUR")), provider.on(gross));

        assertThat(breakdown).isEqualTo(new FeeBreakdown(eur("20.00"), eur("0.00"), eur("0.83"), eur("19.17")));
    }

    @Test
    @DisplayName("FEE-2 platform collects: a 60.00 payment at 5 % nets 57.00, the provider fee is the platform's")
    void platformCollectsExample() {
        FeeBreakdown breakdown = FeeBreakdown.platformCollects(eur("60.00"), FeeSchedule.of(Percent.of(5), eur("0.00")));

        assertThat(breakdown).isEqualTo(new FeeBreakdown(eur("60.00"), eur("3.00"), eur("0.00"), eur("57.00")));
    }

    @Test
    @DisplayName("FEE-1 the net is the gross minus the rounded commission, at the half-cent boundary")
    void netFromRoundedCommission() {
        FeeSchedule fivePercent = FeeSchedule.of(Percent.of(5), eur("0.00"));

        assertThat(FeeBreakdown.platformCollects(eur("0.50"), fivePercent).net()).isEqualTo(eur("0.47"));
        assertThat(FeeBreakdown.platformCollects(eur("0.49"), fivePercent).net()).isEqualTo(eur("0.47"));
        assertThat(FeeBreakdown.platformCollects(eur("0.10"), fivePercent).net()).isEqualTo(eur("0.09"));
        assertThat(FeeBreakdown.platformCollects(eur("0.09"), fivePercent).net()).isEqualTo(eur("0.09"));
    }

    @Test
    @DisplayName("near the provider's minimum the commission is capped so the practitioner never receives less than zero")
    void commissionCappedByWhatTheProviderLeaves() {
        FeeSchedule provider = FeeSchedule.of(Percent.of("2.9"), eur("0.25"));
        FeeSchedule freePlan = FeeSchedule.of(Percent.of(2), eur("0.25"));
        Money gross = eur("0.50");

        FeeBreakdown breakdown = FeeBreakdown.of(gross, freePlan, provider.on(gross));

        assertThat(breakdown).isEqualTo(new FeeBreakdown(eur("0.50"), eur("0.24"), eur("0.26"), eur("0.00")));
    }

    @Test
    @DisplayName("a breakdown is validated: net = gross − commission − fee, nothing negative, one currency")
    void validation() {
        assertThatThrownBy(() -> new FeeBreakdown(eur("20.00"), eur("0.65"), eur("0.83"), eur("18.53")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("net:");
        assertThatThrownBy(() -> new FeeBreakdown(eur("20.00"), eur("-0.65"), eur("0.83"), eur("19.82")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("commission:");
        assertThatThrownBy(() -> new FeeBreakdown(eur("20.00"), eur("0.65"), Money.of("0.83", "USD"), eur("18.52")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("providerFee:");
        assertThatThrownBy(() -> FeeBreakdown.of(eur("1.00"), FeeSchedule.none(Currency.getInstance("EUR")), eur("1.01")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("providerFee:");
        assertThatThrownBy(() -> FeeBreakdown.of(eur("1.00"), FeeSchedule.of(Percent.of(2), Money.of("0.25", "USD")),
                eur("0.10"))).isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("amount:");
    }
}
