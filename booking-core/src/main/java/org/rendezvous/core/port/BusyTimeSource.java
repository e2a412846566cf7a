package org.rendezvous.core.port;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.rendezvous.core.agenda.TimeRange;
import org.rendezvous.core.calendar.CalendarAddress;
import org.rendezvous.core.calendar.FetchFailure;

/**
 * Reads the busy times of a practitioner's own calendar from its address. Never throws for what the remote
 * side does: a slow, failing or strange calendar is a {@link Fetch.Failed} with its reason.
 */
public interface BusyTimeSource {

    /**
     * The busy periods of the calendar over [from, to), recurring events expanded, in the practitioner's zone for
     * all-day events and floating times; {@link Fetch.NotModified} when the validators say nothing changed.
     */
    Fetch fetch(Request request);

    /** What to fetch: the address, the validators of the last read, the practitioner's zone, the range. */
    record Request(CalendarAddress address, Optional<String> etag, Optional<String> lastModified, ZoneId zone,
                   Instant from, Instant to) {
        public Request {
            Objects.requireNonNull(address, "address");
            Objects.requireNonNull(etag, "etag");
            Objects.requireNonNull(lastModified, "lastModified");
            Objects.requireNonNull(zone, "zone");
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
            if (!from.isBefore(to)) {
                throw new IllegalArgumentException("to: must be after from");
            }
        }
    }

    /** What a fetch gave. */
    sealed interface Fetch permits Fetch.Read, Fetch.NotModified, Fetch.Failed {

        /** The calendar was read: its busy periods (merged, ordered) and its validators. */
        record Read(List<TimeRange> busy, Optional<String> etag, Optional<String> lastModified) implements Fetch {
            public Read {
                busy = List.copyOf(Objects.requireNonNull(busy, "busy"));
                Objects.requireNonNull(etag, "etag");
                Objects.requireNonNull(lastModified, "lastModified");
            }
        }

        /** 304: the calendar did not change since the last read. */
        record NotModified() implements Fetch {
        }

        /** The calendar could not be read. */
        record Failed(FetchFailure reason, String detail) implements Fetch {
            public Failed {
                Objects.requireNonNull(reason, "reason");
                Objects.requireNonNull(detail, "detail");
                detail = detail.length() > 200 ? detail.substring(0, 200) : detail;
            }
        }
    }
}
