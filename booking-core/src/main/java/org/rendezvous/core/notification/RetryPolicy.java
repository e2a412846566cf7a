package org.rendezvous.core.notification;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * Exponential back-off with jitter for failed deliveries (NOT-3). After attempt {@code n} (1-based)
 * the base delay is {@code firstDelay × 2^(n-1)}, capped at {@code maxDelay}; the next attempt comes
 * after half of it plus a random share of the other half ("equal jitter"), so dispatchers retrying
 * after one provider outage do not all come back at the same instant, yet never sooner than half the
 * base delay. After {@code maxAttempts} attempts the message is parked as FAILED.
 */
public record RetryPolicy(int maxAttempts, Duration firstDelay, Duration maxDelay) {

    public RetryPolicy {
        if (maxAttempts < 1 || maxAttempts > 100) {
            throw new IllegalArgumentException("maxAttempts: must be from 1 to 100");
        }
        Objects.requireNonNull(firstDelay, "firstDelay");
        Objects.requireNonNull(maxDelay, "maxDelay");
        if (firstDelay.isNegative() || firstDelay.isZero()) {
            throw new IllegalArgumentException("firstDelay: must be positive");
        }
        if (maxDelay.compareTo(firstDelay) < 0) {
            throw new IllegalArgumentException("maxDelay: must be at least firstDelay");
        }
    }

    /** 10 attempts, 30 s then doubling up to 1 h: about three hours of trying. */
    public static RetryPolicy defaults() {
        return new RetryPolicy(10, Duration.ofSeconds(30), Duration.ofHours(1));
    }

    /** Whether a message that has failed {@code attempts} times may be tried again. */
    public boolean allowsAnotherAttempt(int attempts) {
        return attempts < maxAttempts;
    }

    /** The base delay after the given failed attempt (1-based), before jitter. */
    public Duration baseDelay(int attempt) {
        if (attempt < 1) {
            throw new IllegalArgumentException("attempt: must be 1 or more");
        }
        Duration delay = firstDelay;
        for (int i = 1; i < attempt && delay.compareTo(maxDelay) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
    }

    /** When to try again after the given failed attempt: between half and all of the base delay after {@code now}. */
    public Instant nextAttempt(int attempt, Instant now, RandomGenerator random) {
        long baseMillis = baseDelay(attempt).toMillis();
        long half = baseMillis / 2;
        long jitter = baseMillis - half == 0 ? 0 : random.nextLong(baseMillis - half + 1);
        return now.plusMillis(half + jitter);
    }
}
