package org.rendezvous.core.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.rendezvous.core.practitioner.PractitionerId;

class UsageMonthTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private final PractitionerId anna = new PractitionerId(UUID.randomUUID());

    @Test
    @DisplayName("PLAN-2 a booking at 23:30 UTC on 31 March is in April in Paris, in March in UTC")
    void monthInThePractitionersZone() {
        Instant lateEvening = Instant.parse("2026-03-31T23:30:00Z");

        assertThat(UsageMonth.of(anna, lateEvening, PARIS).month()).isEqualTo(YearMonth.of(2026, 4));
        assertThat(UsageMonth.of(anna, lateEvening, ZoneOffset.UTC).month()).isEqualTo(YearMonth.of(2026, 3));
        assertThat(UsageMonth.of(anna, Instant.parse("2026-04-01T03:00:00Z"), ZoneId.of("America/New_York")).month())
                .isEqualTo(YearMonth.of(2026, 3));
    }

    @Test
    @DisplayName("PLAN-2 the month turns at 00:00 in the zone: 21:59:59 UTC on 31 March is March in Paris (summer time), 22:00 is April")
    void monthBoundary() {
        assertThat(UsageMonth.of(anna, Instant.parse("2026-03-31T21:59:59.999999999Z"), PARIS).month()).isEqualTo(YearMonth.of(2026, 3));
        assertThat(UsageMonth.of(anna, Instant.parse("2026-03-31T22:00:00Z"), PARIS).month()).isEqualTo(YearMonth.of(2026, 4));
        // In winter Paris is UTC+1: the month turns at 23:00 UTC
        assertThat(UsageMonth.of(anna, Instant.parse("2026-11-30T22:59:59Z"), PARIS).month()).isEqualTo(YearMonth.of(2026, 11));
        assertThat(UsageMonth.of(anna, Instant.parse("2026-11-30T23:00:00Z"), PARIS).month()).isEqualTo(YearMonth.of(2026, 12));
    }

    @Test
    @DisplayName("PLAN-2 a month starts and ends at 00:00 on the 1st in the zone")
    void startAndEnd() {
        UsageMonth april = new UsageMonth(anna, YearMonth.of(2026, 4));

        assertThat(april.startsAt(PARIS)).isEqualTo(Instant.parse("2026-03-31T22:00:00Z"));
        assertThat(april.endsAt(PARIS)).isEqualTo(Instant.parse("2026-04-30T22:00:00Z"));
        assertThat(april.next()).isEqualTo(new UsageMonth(anna, YearMonth.of(2026, 5)));
        assertThat(new UsageMonth(anna, YearMonth.of(2026, 12)).next().month()).isEqualTo(YearMonth.of(2027, 1));
    }
}
