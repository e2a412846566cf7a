package org.rendezvous.core.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Currency;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class FeeScheduleTest {

    private static final Currency EUR = Currency.getInstance("EUR");

    private static Money eur(String amount) {
        return Money.of(amount, "EUR");
    }

    @Test
    @DisplayName("FEE-1 the rate rounds half-up at the half-cent, then the fixed part is added")
    void roundsHalfUpThenAddsFixed() {
        FeeSchedule fivePercent = FeeSchedule.of(Percent.of(5), eur("0.00"));
        // 0.10 × 5 % = 0.005 → 0.01; 0.09 × 5 % = 0.0045 → 0.00
        assertThat(fivePercent.on(eur("0.10"))).isEqualTo(eur("0.01"));
        assertThat(fivePercent.on(eur("0.09"))).isEqualTo(eur("0.00"));
        assertThat(fivePercent.on(eur("0.30"))).isEqualTo(eur("0.02"));
        assertThat(fivePercent.on(eur("0.29"))).isEqualTo(eur("0.01"));

        FeeSchedule twoPlusQuarter = FeeSchedule.of(Percent.of(2), eur("0.25"));
        // 12.25 × 2 % = 0.245 → 0.25, + 0.25; 12.24 × 2 % = 0.2448 → 0.24, + 0.25
        assertThat(twoPlusQuarter.on(eur("12.25"))).isEqualTo(eur("0.50"));
        assertThat(twoPlusQuarter.on(eur("12.24"))).isEqualTo(eur("0.49"));

        FeeSchedule stripeLike = FeeSchedule.of(Percent.of("2.9"), eur("0.25"));
        // 0.50 × 2.9 % = 0.0145 → 0.01; 1.55 × 2.9 % = 0.04495 → 0.04; 1.25 × 2.9 % = 0.03625 → 0.04
        assertThat(stripeLike.on(eur("0.50"))).isEqualTo(eur("0.26"));
        assertThat(stripeLike.on(eur("1.55"))).isEqualTo(eur("0.29"));
        assertThat(stripeLike.on(eur("1.25"))).isEqualTo(eur("0.29"));
    }

    @Test
    @DisplayName("FEE-1 a zero amount has a zero fee, and no fee is ever more than the amount")
    void neverMoreThanTheAmount() {
        FeeSchedule twoPlusQuarter = FeeSchedule.of(Percent.of(2), eur("0.25"));

        assertThat(twoPlusQuarter.on(eur("0.00"))).isEqualTo(eur("0.00"));
        assertThat(twoPlusQuarter.on(eur("0.10"))).isEqualTo(eur("0.10"));
        assertThat(twoPlusQuarter.on(eur("0.26"))).isEqualTo(eur("0.26"));
        assertThat(twoPlusQuarter.on(eur("0.27"))).isEqualTo(eur("0.26"));
        assertThat(twoPlusQuarter.withMinimum(eur("1.00")).on(eur("0.40"))).isEqualTo(eur("0.40"));
        assertThat(FeeSchedule.of(Percent.HUNDRED, eur("5.00")).on(eur("3.00"))).isEqualTo(eur("3.00"));
    }

    @Test
    @DisplayName("a fee is raised to the minimum and lowered to the maximum")
    void minimumAndMaximum() {
        FeeSchedule bounded = FeeSchedule.of(Percent.of(10), eur("0.00"))
                .withMinimum(eur("0.50")).withMaximum(eur("2.00"));

        assertThat(bounded.on(eur("1.00"))).isEqualTo(eur("0.50"));
        assertThat(bounded.on(eur("4.99"))).isEqualTo(eur("0.50"));
        assertThat(bounded.on(eur("5.00"))).isEqualTo(eur("0.50"));
        assertThat(bounded.on(eur("5.10"))).isEqualTo(eur("0.51"));
        assertThat(bounded.on(eur("20.00"))).isEqualTo(eur("2.00"));
        assertThat(bounded.on(eur("20.10"))).isEqualTo(eur("2.00"));
        assertThat(bounded.on(eur("1000.00"))).isEqualTo(eur("2.00"));
        assertThat(bounded.on(eur("0.30"))).as("still capped by the amount").isEqualTo(eur("0.30"));
    }

    @Test
    @DisplayName("no fee: nothing on any amount")
    void none() {
        FeeSchedule none = FeeSchedule.none(EUR);

        assertThat(none.on(eur("123.45"))).isEqualTo(eur("0.00"));
        assertThat(none.isFree()).isTrue();
        assertThat(FeeSchedule.of(Percent.of(2), eur("0.25")).isFree()).isFalse();
        assertThat(none.currency()).isEqualTo(EUR);
    }

    @Test
    @DisplayName("a fee refuses an amount in another currency or below zero, naming the amount")
    void refusesForeignOrNegativeAmounts() {
        FeeSchedule fee = FeeSchedule.of(Percent.of(2), eur("0.25"));

        assertThatThrownBy(() -> fee.on(Money.of("10.00", "USD")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("amount:");
        assertThatThrownBy(() -> fee.on(eur("-1.00")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("amount:");
    }

    @Test
    @DisplayName("a schedule is validated: fixed, minimum and maximum non-negative, one currency, minimum ≤ maximum")
    void validation() {
        assertThatThrownBy(() -> FeeSchedule.of(Percent.of(2), eur("-0.25")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("fixed:");
        assertThatThrownBy(() -> FeeSchedule.of(Percent.of(2), eur("0.25")).withMinimum(eur("-1.00")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("minimum:");
        assertThatThrownBy(() -> FeeSchedule.of(Percent.of(2), eur("0.25")).withMaximum(Money.of("1.00", "USD")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("maximum:");
        assertThatThrownBy(() -> new FeeSchedule(Percent.of(2), eur("0.25"), Optional.of(eur("3.00")),
                Optional.of(eur("2.00"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("minimum:");
        assertThat(new FeeSchedule(Percent.of(2), eur("0.25"), Optional.of(eur("2.00")), Optional.of(eur("2.00")))
                .on(eur("50.00"))).isEqualTo(eur("2.00"));
    }

    @Test
    @DisplayName("FEE-3 the provider's fee is estimated per class of card; the Stripe schedule is a configurable estimate")
    void providerFeeByCardClass() {
        ProviderFeeSchedule stripe = ProviderFeeSchedule.stripeEurope();
        Money twenty = eur("20.00");

        assertThat(stripe.estimate(twenty, CardClass.EEA_STANDARD)).isEqualTo(eur("0.55"));
        assertThat(stripe.estimate(twenty, CardClass.EEA_PREMIUM)).isEqualTo(eur("0.63"));
        assertThat(stripe.estimate(twenty, CardClass.UK)).isEqualTo(eur("0.75"));
        assertThat(stripe.estimate(twenty, CardClass.INTERNATIONAL)).isEqualTo(eur("0.90"));
        assertThat(stripe.currency()).isEqualTo(EUR);

        ProviderFeeSchedule flat = ProviderFeeSchedule.flat(FeeSchedule.of(Percent.of("2.9"), eur("0.25")));
        for (CardClass cardClass : CardClass.values()) {
            assertThat(flat.estimate(twenty, cardClass)).isEqualTo(eur("0.83"));
        }
    }

    @Test
    @DisplayName("a provider schedule needs every class of card, in one currency, and cannot be changed afterwards")
    void providerScheduleValidation() {
        FeeSchedule fee = FeeSchedule.of(Percent.of("1.5"), eur("0.25"));
        Map<CardClass, FeeSchedule> missingUk = new EnumMap<>(CardClass.class);
        missingUk.put(CardClass.EEA_STANDARD, fee);
        missingUk.put(CardClass.EEA_PREMIUM, fee);
        missingUk.put(CardClass.INTERNATIONAL, fee);
        assertThatThrownBy(() -> new ProviderFeeSchedule(missingUk))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("byClass:").hasMessageContaining("UK");

        Map<CardClass, FeeSchedule> mixed = new EnumMap<>(missingUk);
        mixed.put(CardClass.UK, FeeSchedule.of(Percent.of("2.5"), Money.of("0.20", "GBP")));
        assertThatThrownBy(() -> new ProviderFeeSchedule(mixed))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("byClass:");

        ProviderFeeSchedule schedule = ProviderFeeSchedule.flat(fee);
        assertThatThrownBy(() -> schedule.byClass().put(CardClass.UK, fee)).isInstanceOf(UnsupportedOperationException.class);
    }
}
