package org.rendezvous.core.calendar;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.rendezvous.core.practitioner.PractitionerId;

/**
 * A practitioner's own calendar, subscribed to by its secret address: what its last fetch said. The busy
 * times themselves are kept beside it (see {@link org.rendezvous.core.port.ExternalCalendars}).
 *
 * @param etag          the validator of the last calendar read, sent back as {@code If-None-Match}
 * @param lastModified  the {@code Last-Modified} of the last calendar read, sent back as {@code If-Modified-Since}
 * @param lastAttemptAt when a fetch last started (the job's claim)
 * @param lastSuccessAt when the calendar was last read (or found unchanged)
 * @param lastFailureAt when a fetch last failed
 * @param failure       why the latest fetch failed; empty once a later one succeeded
 * @param failureDetail more about it (the HTTP status, the size limit), short and without the address
 * @param busyPeriods   how many busy periods are kept from the last read
 */
public record ExternalCalendar(PractitionerId practitionerId, CalendarAddress address, Optional<String> etag,
                               Optional<String> lastModified, Optional<Instant> lastAttemptAt,
                               Optional<Instant> lastSuccessAt, Optional<Instant> lastFailureAt,
                               Optional<FetchFailure> failure, Optional<String> failureDetail, int busyPeriods) {

    /** The label the busy periods carry where the availability computation sees them as unavailabilities. */
    public static final String BUSY_LABEL = "busy in own calendar";

    public ExternalCalendar {
        Objects.requireNonNull(practitionerId, "practitionerId");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(etag, "etag");
        Objects.requireNonNull(lastModified, "lastModified");
        Objects.requireNonNull(lastAttemptAt, "lastAttemptAt");
        Objects.requireNonNull(lastSuccessAt, "lastSuccessAt");
        Objects.requireNonNull(lastFailureAt, "lastFailureAt");
        Objects.requireNonNull(failure, "failure");
        Objects.requireNonNull(failureDetail, "failureDetail");
        if (busyPeriods < 0) {
            throw new IllegalArgumentException("busyPeriods: must not be negative");
        }
    }

    /** A subscription just given: never fetched. */
    public static ExternalCalendar subscribed(PractitionerId practitioner, CalendarAddress address) {
        return new ExternalCalendar(practitioner, address, Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), 0);
    }
}
