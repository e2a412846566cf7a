package org.rendezvous.core.money;

import java.util.Currency;
import java.util.Objects;
import java.util.Optional;

/**
 * A fee of the form "rate × amount + fixed", optionally raised to a minimum and lowered to a
 * maximum: the shape of both the platform's commission and the payment provider's fee. The rate is
 * applied with the one rounding rule of the engine (FEE-1), and a fee never exceeds the amount it is
 * taken from, so what is left is never negative.
 */
public record FeeSchedule(Percent rate, Money fixed, Optional<Money> minimum, Optional<Money> maximum) {

    public FeeSchedule {
        Objects.requireNonNull(rate, "rate");
        Objects.requireNonNull(fixed, "fixed");
        Objects.requireNonNull(minimum, "minimum");
        Objects.requireNonNull(maximum, "maximum");
        if (fixed.isNegative()) {
            throw new IllegalArgumentException("fixed: must not be negative, was " + fixed);
        }
        minimum.ifPresent(min -> requireBound("minimum", min, fixed.currency()));
        maximum.ifPresent(max -> requireBound("maximum", max, fixed.currency()));
        if (minimum.isPresent() && maximum.isPresent() && minimum.get().isGreaterThan(maximum.get())) {
            throw new IllegalArgumentException("minimum: " + minimum.get() + " is above the maximum " + maximum.get());
        }
    }

    private static void requireBound(String field, Money bound, Currency currency) {
        if (!bound.currency().equals(currency)) {
            throw new IllegalArgumentException(field + ": must be in " + currency.getCurrencyCode()
                    + " like the fixed part, was " + bound);
        }
        if (bound.isNegative()) {
            throw new IllegalArgumentException(field + ": must not be negative, was " + bound);
        }
    }

    /** No fee at all. */
    public static FeeSchedule none(Currency currency) {
        return of(Percent.ZERO, Money.zero(Objects.requireNonNull(currency, "currency")));
    }

    /** {@code rate} of the amount plus {@code fixed}, without minimum or maximum. */
    public static FeeSchedule of(Percent rate, Money fixed) {
        return new FeeSchedule(rate, fixed, Optional.empty(), Optional.empty());
    }

    public FeeSchedule withMinimum(Money minimum) {
        return new FeeSchedule(rate, fixed, Optional.of(minimum), maximum);
    }

    public FeeSchedule withMaximum(Money maximum) {
        return new FeeSchedule(rate, fixed, minimum, Optional.of(maximum));
    }

    public Currency currency() {
        return fixed.currency();
    }

    /** True when this schedule takes nothing from any amount. */
    public boolean isFree() {
        return rate.isZero() && fixed.isZero() && minimum.map(Money::isZero).orElse(true);
    }

    /**
     * The fee on {@code amount}: the rate rounded half-up to the minor unit (FEE-1) plus the fixed
     * part, raised to the minimum, lowered to the maximum, and never more than the amount itself
     * (so a zero amount has a zero fee). The result grows with the amount, never shrinks.
     *
     * @throws IllegalArgumentException if the amount is negative or not in this schedule's currency
     */
    public Money on(Money amount) {
        Objects.requireNonNull(amount, "amount");
        if (!amount.currency().equals(currency())) {
            throw new IllegalArgumentException("amount: " + amount + " is not in the fee's currency "
                    + currency().getCurrencyCode());
        }
        if (amount.isNegative()) {
            throw new IllegalArgumentException("amount: a fee is taken on an amount of zero or more, was " + amount);
        }
        Money fee = amount.times(rate).plus(fixed);
        if (minimum.isPresent()) {
            fee = fee.max(minimum.get());
        }
        if (maximum.isPresent()) {
            fee = fee.min(maximum.get());
        }
        return fee.min(amount);
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(rate.toString()).append(" + ").append(fixed);
        minimum.ifPresent(min -> text.append(", at least ").append(min));
        maximum.ifPresent(max -> text.append(", at most ").append(max));
        return text.toString();
    }
}
