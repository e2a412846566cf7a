package org.rendezvous.core.money;

import java.math.BigDecimal;
import java.util.Objects;

/** A percentage from 0 % to 100 %, held in basis points (1 % = 100 bp) so that it stays exact. */
public record Percent(int basisPoints) implements Comparable<Percent> {

    public static final Percent ZERO = new Percent(0);
    public static final Percent HUNDRED = new Percent(10_000);

    public Percent {
        if (basisPoints < 0 || basisPoints > 10_000) {
            throw new IllegalArgumentException("percent: must be between 0 and 100, was "
                    + BigDecimal.valueOf(basisPoints, 2).toPlainString());
        }
    }

    public static Percent ofBasisPoints(int basisPoints) {
        return new Percent(basisPoints);
    }

    public static Percent of(int wholePercent) {
        if (wholePercent < 0 || wholePercent > 100) {
            throw new IllegalArgumentException("percent: must be between 0 and 100, was " + wholePercent);
        }
        return new Percent(wholePercent * 100);
    }

    /** Parses {@code "2.9"} as 2.9 %; at most two decimals. */
    public static Percent of(String percent) {
        BigDecimal decimal;
        try {
            decimal = new BigDecimal(Objects.requireNonNull(percent, "percent").trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("percent: not a decimal number: " + percent);
        }
        try {
            return new Percent(decimal.movePointRight(2).intValueExact());
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("percent: at most two decimals, was " + percent);
        }
    }

    public boolean isZero() {
        return basisPoints == 0;
    }

    @Override
    public int compareTo(Percent other) {
        return Integer.compare(basisPoints, other.basisPoints);
    }

    @Override
    public String toString() {
        return BigDecimal.valueOf(basisPoints, 2).stripTrailingZeros().toPlainString() + " %";
    }
}
