package org.rendezvous.payments;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.rendezvous.core.money.Money;

class StripeAmountsTest {

    @Test
    @DisplayName("minor units as Stripe counts them: EUR cents, JPY yen, ISK with Stripe's two extra decimals")
    void stripeUnits() {
        assertThat(StripeAmounts.amount(Money.of("60.00", "EUR"))).isEqualTo(6000);
        assertThat(StripeAmounts.currency(Money.of("60.00", "EUR"))).isEqualTo("eur");
        assertThat(StripeAmounts.amount(Money.ofMinor(500, "JPY"))).isEqualTo(500);
        assertThat(StripeAmounts.amount(Money.ofMinor(500, "ISK"))).isEqualTo(50000);
        assertThat(StripeAmounts.money(50000, "isk")).isEqualTo(Money.ofMinor(500, "ISK"));
        assertThat(StripeAmounts.money(6000, "eur")).isEqualTo(Money.of("60.00", "EUR"));
    }
}
