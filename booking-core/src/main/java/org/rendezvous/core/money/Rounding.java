package org.rendezvous.core.money;

/**
 * The one rounding rule of the engine (FEE-1): a percentage of an amount in minor units, rounded
 * half-up (half away from zero) to the minor unit. Every commission, fee and no-show charge goes
 * through here so that the rule cannot drift between call sites.
 */
final class Rounding {

    private static final long BASIS_POINTS_PER_WHOLE = 10_000;

    private Rounding() {
    }

    static long percentOf(long minorUnits, int basisPoints) {
        long product = Math.multiplyExact(Math.abs(minorUnits), (long) basisPoints);
        long rounded = (product + BASIS_POINTS_PER_WHOLE / 2) / BASIS_POINTS_PER_WHOLE;
        return minorUnits < 0 ? -rounded : rounded;
    }
}
