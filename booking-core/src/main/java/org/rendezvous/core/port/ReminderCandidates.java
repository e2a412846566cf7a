package org.rendezvous.core.port;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.rendezvous.core.booking.Booking;
import org.rendezvous.core.booking.BookingId;

/**
 * The query reminder planning needs (NOT-2), apart from {@link Bookings} so that a store adapter can
 * answer it from an index on (state, start).
 */
public interface ReminderCandidates {

    /** Where the previous page ended: the last booking's start and id. */
    record Cursor(Instant start, BookingId id) {
        public Cursor {
            Objects.requireNonNull(start, "start");
            Objects.requireNonNull(id, "id");
        }

        public static Cursor after(Booking booking) {
            return new Cursor(booking.start(), booking.id());
        }
    }

    /**
     * CONFIRMED bookings of any practitioner whose start lies in ({@code after}, {@code until}], ordered by
     * start then id, coming after {@code cursor} in that order when one is given; at most {@code limit}.
     * In SQL: {@code WHERE state = 'CONFIRMED' AND start_at > :after AND start_at <= :until
     * AND (start_at, id) > (:cursorStart, :cursorId) ORDER BY start_at, id LIMIT :limit}.
     */
    List<Booking> confirmedStartingBetween(Instant after, Instant until, Optional<Cursor> cursor, int limit);
}
