package org.rendezvous.core.account;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * ACC-3: repeated failed logins are slowed down. The first {@link #FREE_FAILURES} failures cost nothing;
 * each one after locks the account for a delay that doubles, from 30 seconds up to one hour.
 */
public final class LoginThrottle {

    public static final int FREE_FAILURES = 5;
    public static final Duration FIRST_DELAY = Duration.ofSeconds(30);
    public static final Duration LONGEST_DELAY = Duration.ofHours(1);

    private LoginThrottle() {
    }

    /** Until when the account is locked after its {@code failures}-th consecutive failure at {@code now}. */
    public static Optional<Instant> lockedUntil(int failures, Instant now) {
        if (failures < FREE_FAILURES) {
            return Optional.empty();
        }
        int doublings = Math.min(failures - FREE_FAILURES, 20);
        Duration delay = FIRST_DELAY.multipliedBy(1L << doublings);
        return Optional.of(now.plus(delay.compareTo(LONGEST_DELAY) > 0 ? LONGEST_DELAY : delay));
    }
}
