package org.rendezvous.core;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/** The injected clock read to the microsecond: what PostgreSQL keeps of an instant, so that every store agrees. */
final class Now {

    private final Clock clock;

    Now(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    Instant instant() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
