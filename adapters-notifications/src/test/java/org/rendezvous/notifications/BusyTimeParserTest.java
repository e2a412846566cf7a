package org.rendezvous.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.rendezvous.core.agenda.TimeRange;

/** Issue 14 item 3: what busy periods an iCalendar stream gives. */
class BusyTimeParserTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final Instant FROM = Instant.parse("2026-12-01T00:00:00Z");
    private static final Instant TO = Instant.parse("2027-01-01T00:00:00Z");

    static String calendar(String... events) {
        StringBuilder ics = new StringBuilder("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\n");
        for (String event : events) {
            ics.append("BEGIN:VEVENT\r\n").append(event.strip().replace("\n", "\r\n")).append("\r\nEND:VEVENT\r\n");
        }
        return ics.append("END:VCALENDAR\r\n").toString();
    }

    private static TimeRange paris(String start, String end) {
        return new TimeRange(LocalDateTime.parse(start).atZone(PARIS).toInstant(),
                LocalDateTime.parse(end).atZone(PARIS).toInstant());
    }

    private static List<TimeRange> busy(String ics) throws BusyTimeParser.NotACalendar {
        return BusyTimeParser.busy(ics, PARIS, FROM, TO);
    }

    @Test
    @DisplayName("issue 14.3 a weekly RRULE is expanded over the range, EXDATE removed, an overridden instance moved")
    void recurringWithExdateAndOverride() throws Exception {
        String ics = calendar("""
                UID:weekly-1
                DTSTAMP:20261101T000000Z
                DTSTART;TZID=Europe/Paris:20261201T100000
                DTEND;TZID=Europe/Paris:20261201T110000
                RRULE:FREQ=WEEKLY;COUNT=5
                EXDATE;TZID=Europe/Paris:20261208T100000
                SUMMARY:Yoga
                """, """
                UID:weekly-1
                DTSTAMP:20261101T000000Z
                RECURRENCE-ID;TZID=Europe/Paris:20261215T100000
                DTSTART;TZID=Europe/Paris:20261215T140000
                DTEND;TZID=Europe/Paris:20261215T150000
                SUMMARY:Yoga (moved)
                """);

        assertThat(busy(ics)).containsExactly(
                paris("2026-12-01T10:00", "2026-12-01T11:00"),
                paris("2026-12-15T14:00", "2026-12-15T15:00"),
                paris("2026-12-22T10:00", "2026-12-22T11:00"),
                paris("2026-12-29T10:00", "2026-12-29T11:00"));
    }

    @Test
    @DisplayName("issue 14.3 an all-day event blocks the whole day in the practitioner's zone")
    void allDay() throws Exception {
        String ics = calendar("""
                UID:holiday
                DTSTAMP:20261101T000000Z
                DTSTART;VALUE=DATE:20261224
                DTEND;VALUE=DATE:20261226
                SUMMARY:Christmas
                """);
        assertThat(busy(ics)).containsExactly(new TimeRange(LocalDate.of(2026, 12, 24).atStartOfDay(PARIS).toInstant(),
                LocalDate.of(2026, 12, 26).atStartOfDay(PARIS).toInstant()));
    }

    @Test
    @DisplayName("issue 14.3 TZID times in their own zone, UTC times as such, floating times in the practitioner's zone")
    void zones() throws Exception {
        String ics = calendar("""
                UID:ny
                DTSTAMP:20261101T000000Z
                DTSTART;TZID=America/New_York:20261203T090000
                DTEND;TZID=America/New_York:20261203T100000
                """, """
                UID:utc
                DTSTAMP:20261101T000000Z
                DTSTART:20261204T080000Z
                DTEND:20261204T090000Z
                """, """
                UID:floating
                DTSTAMP:20261101T000000Z
                DTSTART:20261205T080000
                DURATION:PT30M
                """);
        assertThat(busy(ics)).containsExactly(
                new TimeRange(Instant.parse("2026-12-03T14:00:00Z"), Instant.parse("2026-12-03T15:00:00Z")),
                new TimeRange(Instant.parse("2026-12-04T08:00:00Z"), Instant.parse("2026-12-04T09:00:00Z")),
                paris("2026-12-05T08:00", "2026-12-05T08:30"));
    }

    @Test
    @DisplayName("issue 14.3 transparent (free) and cancelled events block nothing; overlapping events are merged")
    void transparentCancelledMerged() throws Exception {
        String ics = calendar("""
                UID:free
                DTSTAMP:20261101T000000Z
                DTSTART:20261203T080000Z
                DTEND:20261203T090000Z
                TRANSP:TRANSPARENT
                """, """
                UID:cancelled
                DTSTAMP:20261101T000000Z
                DTSTART:20261203T100000Z
                DTEND:20261203T110000Z
                STATUS:CANCELLED
                """, """
                UID:a
                DTSTAMP:20261101T000000Z
                DTSTART:20261204T080000Z
                DTEND:20261204T090000Z
                """, """
                UID:b
                DTSTAMP:20261101T000000Z
                DTSTART:20261204T083000Z
                DTEND:20261204T093000Z
                """, """
                UID:outside
                DTSTAMP:20261101T000000Z
                DTSTART:20270204T083000Z
                DTEND:20270204T093000Z
                """);
        assertThat(busy(ics)).containsExactly(
                new TimeRange(Instant.parse("2026-12-04T08:00:00Z"), Instant.parse("2026-12-04T09:30:00Z")));
    }

    @Test
    @DisplayName("issue 14.3 a stream that is not iCalendar is refused as such")
    void notACalendar() {
        assertThatThrownBy(() -> busy("<html><body>Sign in</body></html>"))
                .isInstanceOf(BusyTimeParser.NotACalendar.class);
        assertThatThrownBy(() -> busy("BEGIN:VCALENDAR\r\nthis is not\r\n"))
                .isInstanceOf(BusyTimeParser.NotACalendar.class);
    }
}
