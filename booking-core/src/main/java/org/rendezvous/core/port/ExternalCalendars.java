package org.rendezvous.core.port;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.rendezvous.core.agenda.TimeRange;
import org.rendezvous.core.calendar.CalendarAddress;
import org.rendezvous.core.calendar.ExternalCalendar;
import org.rendezvous.core.calendar.FetchFailure;
import org.rendezvous.core.practitioner.PractitionerId;

/**
 * The practitioners' own calendars (issue 14, item 3): the secret address of each, what its last fetch said,
 * and the busy periods it gave. The busy periods are the cache the booking path reads: the agendas' adapter
 * returns them with the unavailabilities from {@link Agendas#openingsAndUnavailabilities}, in the same read.
 * Every record method names the address it fetched: when the practitioner changed it meanwhile, it does nothing.
 */
public interface ExternalCalendars {

    Optional<ExternalCalendar> find(PractitionerId practitioner);

    /** Subscribes the practitioner to this address, replacing any other; forgets the old state and busy periods. */
    void subscribe(PractitionerId practitioner, CalendarAddress address);

    /** Forgets the practitioner's address and busy periods; false when there was none. */
    boolean remove(PractitionerId practitioner);

    /**
     * Claims up to {@code limit} calendars not attempted since {@code dueBefore} (never-attempted first, then
     * the oldest attempt), marking them attempted at {@code now}: two instances claiming at once get different
     * calendars, and a calendar is not claimed again before its next turn.
     */
    List<ExternalCalendar> claimDue(Instant now, Instant dueBefore, int limit);

    /** The calendar was read at {@code at}: its busy periods replace the ones kept, the failure is cleared. */
    void recordRead(PractitionerId practitioner, CalendarAddress address, Instant at, List<TimeRange> busy,
                    Optional<String> etag, Optional<String> lastModified);

    /** The calendar did not change (304) at {@code at}: the busy periods kept stay, the failure is cleared. */
    void recordUnchanged(PractitionerId practitioner, CalendarAddress address, Instant at);

    /** The fetch failed at {@code at}: the busy periods kept stay (the last known state), the reason is kept. */
    void recordFailure(PractitionerId practitioner, CalendarAddress address, Instant at, FetchFailure failure,
                       String detail);

    /** The busy periods kept that overlap [from, to), ordered by start. */
    List<TimeRange> busy(PractitionerId practitioner, Instant from, Instant to);
}
