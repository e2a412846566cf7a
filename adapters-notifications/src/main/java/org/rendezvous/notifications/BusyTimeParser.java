package org.rendezvous.notifications;

import java.io.IOException;
import java.io.StringReader;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.data.ParserException;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Period;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.rendezvous.core.agenda.TimeRange;

/**
 * The busy periods of an iCalendar stream over a range (issue 14 item 3), with ical4j: recurring events
 * expanded (RRULE, RDATE, EXDATE; an instance moved or cancelled by a {@code RECURRENCE-ID} override replaces
 * the original), all-day events and floating times in the practitioner's zone, {@code TZID} times in their
 * zone, {@code TRANSP:TRANSPARENT} (free) and {@code STATUS:CANCELLED} events ignored. Overlapping and touching
 * periods are merged; at most {@value #MAX_PERIODS} periods are kept (the earliest).
 */
public final class BusyTimeParser {

    public static final int MAX_PERIODS = 5000;

    private BusyTimeParser() {
    }

    /** Thrown when the text is not an iCalendar stream ical4j can read. */
    public static final class NotACalendar extends Exception {
        NotACalendar(String message) {
            super(message);
        }
    }

    public static List<TimeRange> busy(String ics, ZoneId zone, Instant from, Instant to) throws NotACalendar {
        String text = ics.startsWith("\uFEFF") ? ics.substring(1) : ics;
        if (!text.stripLeading().regionMatches(true, 0, "BEGIN:VCALENDAR", 0, 15)) {
            throw new NotACalendar("does not begin with BEGIN:VCALENDAR");
        }
        Calendar calendar;
        try {
            calendar = new CalendarBuilder().build(new StringReader(text));
        } catch (IOException | ParserException | RuntimeException e) {
            throw new NotACalendar("unreadable: " + e.getClass().getSimpleName());
        }
        List<VEvent> events = calendar.getComponents(Component.VEVENT);
        // Instances replaced by an override (RECURRENCE-ID), per UID.
        Map<String, Set<Instant>> overridden = new HashMap<>();
        for (VEvent event : events) {
            Optional<Property> recurrenceId = event.getProperty(Property.RECURRENCE_ID);
            Optional<Property> uid = event.getProperty(Property.UID);
            if (recurrenceId.isPresent() && uid.isPresent()) {
                Instant at = instant(((net.fortuna.ical4j.model.property.RecurrenceId<?>) recurrenceId.get()).getDate(), zone);
                if (at != null) {
                    overridden.computeIfAbsent(uid.get().getValue(), k -> new HashSet<>()).add(at);
                }
            }
        }
        ZonedDateTime start = from.atZone(zone);
        ZonedDateTime end = to.atZone(zone);
        List<TimeRange> found = new ArrayList<>();
        for (VEvent event : events) {
            if (ignored(event)) {
                continue;
            }
            boolean isOverride = event.getProperty(Property.RECURRENCE_ID).isPresent();
            Set<Instant> replaced = isOverride ? Set.of() : event.getProperty(Property.UID)
                    .map(u -> overridden.getOrDefault(u.getValue(), Set.of())).orElse(Set.of());
            Set<Period<Temporal>> periods;
            try {
                periods = event.calculateRecurrenceSet(new Period<>(start, end));
            } catch (RuntimeException e) {
                continue; // an event ical4j cannot expand (no DTSTART, a broken rule): it blocks nothing
            }
            for (Period<Temporal> period : periods) {
                Instant s = instant(period.getStart(), zone);
                Instant e = instant(period.getEnd(), zone);
                if (s == null || e == null || replaced.contains(s)) {
                    continue;
                }
                if (!e.isAfter(s)) {
                    continue; // an instant (no duration) blocks nothing
                }
                if (s.isBefore(to) && e.isAfter(from)) {
                    found.add(new TimeRange(s, e));
                }
            }
        }
        return merged(found);
    }

    private static boolean ignored(VEvent event) {
        boolean transparent = event.getProperty(Property.TRANSP)
                .map(p -> p.getValue().equalsIgnoreCase("TRANSPARENT")).orElse(false);
        boolean cancelled = event.getProperty(Property.STATUS)
                .map(p -> p.getValue().equalsIgnoreCase("CANCELLED")).orElse(false);
        return transparent || cancelled;
    }

    /** An iCalendar date or time as an instant: floating times and dates in the practitioner's zone. */
    static Instant instant(Temporal t, ZoneId zone) {
        if (t == null) {
            return null;
        }
        if (t instanceof Instant i) {
            return i;
        }
        if (t instanceof ZonedDateTime z) {
            return z.toInstant();
        }
        if (t instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        if (t instanceof LocalDateTime l) {
            return l.atZone(zone).toInstant();
        }
        if (t instanceof LocalDate d) {
            return d.atStartOfDay(zone).toInstant();
        }
        return null;
    }

    static List<TimeRange> merged(List<TimeRange> periods) {
        List<TimeRange> sorted = new ArrayList<>(periods);
        sorted.sort(Comparator.comparing(TimeRange::start).thenComparing(TimeRange::end));
        List<TimeRange> out = new ArrayList<>();
        for (TimeRange p : sorted) {
            if (!out.isEmpty() && !p.start().isAfter(out.get(out.size() - 1).end())) {
                TimeRange last = out.remove(out.size() - 1);
                out.add(new TimeRange(last.start(), p.end().isAfter(last.end()) ? p.end() : last.end()));
            } else {
                out.add(p);
            }
            if (out.size() > MAX_PERIODS) {
                out.remove(out.size() - 1);
                break;
            }
        }
        return out;
    }
}
