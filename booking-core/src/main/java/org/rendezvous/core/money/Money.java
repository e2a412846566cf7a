package org.rendezvous.core.money;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Objects;

/**
 * An amount of money in the minor unit of an ISO 4217 currency (cents for EUR). Arithmetic
 * refuses to mix currencies, and nothing here ever goes through a floating-point number.
 */
public record Money(long minorUnits, Currency currency) implements Comparable<Money> {

    public Money {
        Objects.requireNonNull(currency, "currency");
    }

    public static Money ofMinor(long minorUnits, String currencyCode) {
        return new Money(minorUnits, currency(currencyCode));
    }

    public static Money zero(Currency currency) {
        return new Money(0, currency);
    }

    public static Money zero(String currencyCode) {
        return zero(currency(currencyCode));
    }

    /** Parses a decimal amount such as {@code "60.00"}; more decimals than the currency has is an error. */
    public static Money of(String amount, String currencyCode) {
        Currency currency = currency(currencyCode);
        BigDecimal decimal;
        try {
            decimal = new BigDecimal(Objects.requireNonNull(amount, "amount").trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("amount: not a decimal number: " + amount);
        }
        int digits = Math.max(currency.getDefaultFractionDigits(), 0);
        if (decimal.stripTrailingZeros().scale() > digits) {
            throw new IllegalArgumentException("amount: " + amount + " has more than " + digits
                    + " decimals for " + currency.getCurrencyCode());
        }
        try {
            return new Money(decimal.movePointRight(digits).longValueExact(), currency);
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("amount: out of range: " + amount);
        }
    }

    private static Currency currency(String code) {
        try {
            return Currency.getInstance(Objects.requireNonNull(code, "currency"));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("currency: not an ISO 4217 code: " + code);
        }
    }

    public Money plus(Money other) {
        requireSameCurrency(other);
        return new Money(Math.addExact(minorUnits, other.minorUnits), currency);
    }

    public Money minus(Money other) {
        requireSameCurrency(other);
        return new Money(Math.subtractExact(minorUnits, other.minorUnits), currency);
    }

    public Money negate() {
        return new Money(Math.negateExact(minorUnits), currency);
    }

    /** This amount times a percentage, rounded half-up to the minor unit (FEE-1). */
    public Money times(Percent percent) {
        return new Money(Rounding.percentOf(minorUnits, percent.basisPoints()), currency);
    }

    public Money min(Money other) {
        requireSameCurrency(other);
        return compareTo(other) <= 0 ? this : other;
    }

    public Money max(Money other) {
        requireSameCurrency(other);
        return compareTo(other) >= 0 ? this : other;
    }

    public boolean isZero() {
        return minorUnits == 0;
    }

    public boolean isPositive() {
        return minorUnits > 0;
    }

    public boolean isNegative() {
        return minorUnits < 0;
    }

    public boolean isGreaterThan(Money other) {
        return compareTo(other) > 0;
    }

    public boolean isLessThan(Money other) {
        return compareTo(other) < 0;
    }

    public BigDecimal toDecimal() {
        return BigDecimal.valueOf(minorUnits, Math.max(currency.getDefaultFractionDigits(), 0));
    }

    @Override
    public int compareTo(Money other) {
        requireSameCurrency(other);
        return Long.compare(minorUnits, other.minorUnits);
    }

    private void requireSameCurrency(Money other) {
        Objects.requireNonNull(other, "other");
        if (!currency.equals(other.currency)) {
            throw new IllegalArgumentException("currency: cannot combine " + currency.getCurrencyCode()
                    + " with " + other.currency.getCurrencyCode());
        }
    }

    @Override
    public String toString() {
        return toDecimal().setScale(Math.max(currency.getDefaultFractionDigits(), 0), RoundingMode.UNNECESSARY)
                .toPlainString() + " " + currency.getCurrencyCode();
    }
}
