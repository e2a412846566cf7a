package org.rendezvous.app.wiring;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import java.math.BigDecimal;
import java.util.Optional;
import org.rendezvous.core.money.Money;

/**
 * The paid plan's price (PLAN-3; README, "Configuration"; docs/payments.md, "The paid plan").
 *
 * @param monthlyPrice  the price per month in euros, e.g. {@code 30.00} (RENDEZVOUS_PLAN_MONTHLY_PRICE): what the
 *                      dashboard shows, what the sandbox bills, and what Stripe bills as {@code price_data} when no
 *                      Price id is given
 * @param stripePriceId a recurring monthly Price made in the Stripe dashboard, {@code price_…}
 *                      (RENDEZVOUS_STRIPE_PLAN_PRICE_ID); it must be the same amount as {@code monthlyPrice}
 */
@ConfigurationProperties("rendezvous.billing")
public record BillingSettings(@Nullable String monthlyPrice, @Nullable String stripePriceId) {

    static final String CURRENCY = "EUR";

    public BillingSettings {
        monthlyPrice = monthlyPrice == null || monthlyPrice.isBlank() ? "30.00" : monthlyPrice.strip();
        BigDecimal amount;
        try {
            amount = new BigDecimal(monthlyPrice);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("rendezvous.billing.monthly-price: a decimal amount like 30.00, got "
                    + monthlyPrice, e);
        }
        if (amount.signum() <= 0 || amount.scale() > 2 || amount.compareTo(BigDecimal.valueOf(100_000)) > 0) {
            throw new IllegalArgumentException("rendezvous.billing.monthly-price: more than 0, at most 100000, "
                    + "with at most 2 decimals, got " + monthlyPrice);
        }
        stripePriceId = stripePriceId == null || stripePriceId.isBlank() ? null : stripePriceId.strip();
        if (stripePriceId != null && !stripePriceId.matches("price_[A-Za-z0-9]{1,200}")) {
            throw new IllegalArgumentException("rendezvous.billing.stripe-price-id: a Stripe Price id (price_…), got "
                    + stripePriceId);
        }
    }

    public Money price() {
        return Money.of(new BigDecimal(monthlyPrice).setScale(2).toPlainString(), CURRENCY);
    }

    Optional<String> priceId() {
        return Optional.ofNullable(stripePriceId);
    }
}
