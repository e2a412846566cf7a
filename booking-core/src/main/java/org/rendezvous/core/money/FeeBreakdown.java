package org.rendezvous.core.money;

import java.util.Objects;

/**
 * How a client's payment splits: what the platform keeps as commission, what the payment provider
 * deducts, and what the practitioner receives; to the minor unit, {@code net = gross − commission −
 * providerFee} always (FEE-1, FEE-3).
 */
public record FeeBreakdown(Money gross, Money commission, Money providerFee, Money net) {

    public FeeBreakdown {
        Objects.requireNonNull(gross, "gross");
        Objects.requireNonNull(commission, "commission");
        Objects.requireNonNull(providerFee, "providerFee");
        Objects.requireNonNull(net, "net");
        requireCurrency("commission", commission, gross);
        requireCurrency("providerFee", providerFee, gross);
        requireCurrency("net", net, gross);
        requireNotNegative("gross", gross);
        requireNotNegative("commission", commission);
        requireNotNegative("providerFee", providerFee);
        requireNotNegative("net", net);
        if (!gross.minus(commission).minus(providerFee).equals(net)) {
            throw new IllegalArgumentException("net: must be gross − commission − providerFee = "
                    + gross.minus(commission).minus(providerFee) + ", was " + net);
        }
    }

    private static void requireCurrency(String field, Money amount, Money gross) {
        if (!amount.currency().equals(gross.currency())) {
            throw new IllegalArgumentException(field + ": must be in the gross's currency "
                    + gross.currency().getCurrencyCode() + ", was " + amount);
        }
    }

    private static void requireNotNegative(String field, Money amount) {
        if (amount.isNegative()) {
            throw new IllegalArgumentException(field + ": must not be negative, was " + amount);
        }
    }

    /**
     * The split of a payment that reaches the practitioner's own provider account (model
     * DIRECT_CONNECT): the provider deducts its fee, the platform its commission. The commission
     * is capped at what the provider's fee leaves, so the practitioner never ends up paying for a
     * payment received (it matters only for amounts close to the provider's minimum).
     *
     * @throws IllegalArgumentException if the provider fee is negative, above the gross, or in another currency
     */
    public static FeeBreakdown of(Money gross, FeeSchedule commission, Money providerFee) {
        Objects.requireNonNull(gross, "gross");
        Objects.requireNonNull(commission, "commission");
        Objects.requireNonNull(providerFee, "providerFee");
        requireCurrency("providerFee", providerFee, gross);
        requireNotNegative("providerFee", providerFee);
        if (providerFee.isGreaterThan(gross)) {
            throw new IllegalArgumentException("providerFee: " + providerFee + " is above the gross " + gross);
        }
        Money left = gross.minus(providerFee);
        Money taken = commission.on(gross).min(left);
        return new FeeBreakdown(gross, taken, providerFee, left.minus(taken));
    }

    /**
     * The split of a payment the platform collects (model PLATFORM_COLLECTS): the platform bears the
     * provider's fee, so for the practitioner it shows as zero and {@code net = gross − commission}.
     */
    public static FeeBreakdown platformCollects(Money gross, FeeSchedule commission) {
        Objects.requireNonNull(gross, "gross");
        return of(gross, commission, Money.zero(gross.currency()));
    }
}
