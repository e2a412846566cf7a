package org.rendezvous.core.agenda;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.List;

/**
 * One local date in a time zone, turning minutes of that day into instants (AG-1). Most days have
 * one offset, computed once; a day with a daylight-saving change resolves each minute by the rules:
 * a time in a spring gap does not exist, an ambiguous autumn time takes the earlier offset.
 */
final class LocalDay {

    static final long NO_SUCH_TIME = Long.MIN_VALUE;

    private final LocalDate date;
    private final ZoneId zone;
    private final ZoneRules rules;
    private final long midnightLocalEpochSecond;
    private final boolean fixedOffset;
    private final int offsetSeconds;

    LocalDay(LocalDate date, ZoneId zone) {
        this.date = date;
        this.zone = zone;
        this.rules = zone.getRules();
        this.midnightLocalEpochSecond = date.toEpochDay() * 86_400L;
        // Look a day on either side: offsets reach ±18 h, so this brackets the whole local day.
        long probe = midnightLocalEpochSecond - 2 * 86_400L;
        ZoneOffsetTransition next = rules.nextTransition(java.time.Instant.ofEpochSecond(probe));
        this.fixedOffset = rules.isFixedOffset() || next == null
                || next.getInstant().getEpochSecond() > midnightLocalEpochSecond + 2 * 86_400L;
        this.offsetSeconds = rules.getOffset(java.time.Instant.ofEpochSecond(midnightLocalEpochSecond)).getTotalSeconds();
    }

    /** The instant of a local minute of the day as a start time, or {@link #NO_SUCH_TIME} in a gap. */
    long startOf(int minuteOfDay) {
        if (fixedOffset) {
            return midnightLocalEpochSecond + minuteOfDay * 60L - offsetSeconds;
        }
        LocalDateTime local = date.atStartOfDay().plusMinutes(minuteOfDay);
        List<ZoneOffset> offsets = rules.getValidOffsets(local);
        if (offsets.isEmpty()) {
            return NO_SUCH_TIME;
        }
        // getValidOffsets lists the earlier offset first in an overlap (the larger one).
        return local.toEpochSecond(offsets.get(0));
    }

    /** The instant of a local minute as an end time: a time in a gap is pushed forward by the gap. */
    long endOf(int minuteOfDay) {
        if (fixedOffset) {
            return midnightLocalEpochSecond + minuteOfDay * 60L - offsetSeconds;
        }
        LocalDateTime local = date.atStartOfDay().plusMinutes(minuteOfDay);
        return local.atZone(zone).toEpochSecond();
    }
}
