package org.rendezvous.core.calendar;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import org.rendezvous.core.contact.Language;
import org.rendezvous.core.practitioner.PractitionerId;

/**
 * A practitioner's calendar feed (CAL-2): their bookings that overlap [from, to), in every state a calendar
 * must know of, ordered by start; times are shown in the practitioner's zone, texts in their language.
 */
public record PractitionerCalendar(PractitionerId practitionerId, String name, Language language, ZoneId zone,
                                   Instant from, Instant to, List<CalendarEvent> events) {
    public PractitionerCalendar {
        Objects.requireNonNull(practitionerId, "practitionerId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("to: must be after from");
        }
        events = List.copyOf(events);
    }
}
