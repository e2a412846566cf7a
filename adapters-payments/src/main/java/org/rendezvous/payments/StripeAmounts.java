package org.rendezvous.payments;

import java.util.Currency;
import java.util.Locale;
import java.util.Set;
import org.rendezvous.core.money.Money;

/**
 * Money to and from Stripe's amounts. Stripe counts in the currency's smallest unit like ISO 4217,
 * except for a few currencies it keeps two decimals for (ISK, UGX) although ISO has none.
 */
final class StripeAmounts {

    private static final Set<String> TWO_DECIMALS_AT_STRIPE = Set.of("ISK", "UGX");

    private StripeAmounts() {
    }

    static long amount(Money money) {
        return TWO_DECIMALS_AT_STRIPE.contains(money.currency().getCurrencyCode())
                ? Math.multiplyExact(money.minorUnits(), 100L) : money.minorUnits();
    }

    static String currency(Money money) {
        return money.currency().getCurrencyCode().toLowerCase(Locale.ROOT);
    }

    static Money money(long stripeAmount, String stripeCurrency) {
        Currency currency = Currency.getInstance(stripeCurrency.toUpperCase(Locale.ROOT));
        long minor = TWO_DECIMALS_AT_STRIPE.contains(currency.getCurrencyCode()) ? stripeAmount / 100 : stripeAmount;
        return new Money(minor, currency);
    }
}
