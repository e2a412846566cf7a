package org.rendezvous.core.plan;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Objects;
import org.rendezvous.core.practitioner.PractitionerId;

/** One practitioner's calendar month, in their time zone: the period a quota counts over (PLAN-2). */
public record UsageMonth(PractitionerId practitionerId, YearMonth month) {

    public UsageMonth {
        Objects.requireNonNull(practitionerId, "practitionerId");
        Objects.requireNonNull(month, "month");
    }

    /** The month {@code instant} falls in, on the practitioner's calendar (23:30 UTC on 31 March is April in Paris). */
    public static UsageMonth of(PractitionerId practitionerId, Instant instant, ZoneId zone) {
        Objects.requireNonNull(instant, "instant");
        Objects.requireNonNull(zone, "zone");
        return new UsageMonth(practitionerId, YearMonth.from(instant.atZone(zone)));
    }

    /** The first instant of the month: the 1st at the start of the day in the zone. */
    public Instant startsAt(ZoneId zone) {
        return month.atDay(1).atStartOfDay(Objects.requireNonNull(zone, "zone")).toInstant();
    }

    /** The first instant of the next month, when the counts start again from zero. */
    public Instant endsAt(ZoneId zone) {
        return next().startsAt(zone);
    }

    public UsageMonth next() {
        return new UsageMonth(practitionerId, month.plusMonths(1));
    }
}
