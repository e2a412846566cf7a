package org.rendezvous.core.properties;

import java.util.List;
import java.util.Optional;
import org.quicktheories.core.RandomnessSource;
import org.quicktheories.impl.Constraint;
import org.rendezvous.core.outcome.Outcome;
import org.rendezvous.core.outcome.Reason;

/**
 * Small helpers to draw values from QuickTheories' randomness inside hand-written generators
 * ({@code Gen<T> gen = in -> ...}), so that QuickTheories can still shrink what it drew.
 */
final class Draw {

    private Draw() {
    }

    static int between(RandomnessSource in, int low, int high) {
        return (int) in.next(Constraint.between(low, high));
    }

    static long longBetween(RandomnessSource in, long low, long high) {
        return in.next(Constraint.between(low, high));
    }

    static boolean bool(RandomnessSource in) {
        return between(in, 0, 1) == 1;
    }

    /** True with the given chance in percent. */
    static boolean chance(RandomnessSource in, int percent) {
        return between(in, 0, 99) < percent;
    }

    static <T> T oneOf(RandomnessSource in, List<T> items) {
        return items.get(between(in, 0, items.size() - 1));
    }

    /** The index of a weight picked with a chance proportional to it. */
    static int weighted(RandomnessSource in, int... weights) {
        int total = 0;
        for (int weight : weights) {
            total += weight;
        }
        int roll = between(in, 0, total - 1);
        for (int i = 0; i < weights.length; i++) {
            if (roll < weights[i]) {
                return i;
            }
            roll -= weights[i];
        }
        throw new AssertionError("unreachable");
    }

    /** The reason of a rejected outcome, empty when it was accepted. */
    static Optional<Reason> rejection(Outcome<?> outcome) {
        return outcome.fold(accepted -> Optional.<Reason>empty(), rejected -> Optional.of(rejected.reason()));
    }
}
