package org.rendezvous.persistence;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.rendezvous.core.booking.Booking;
import org.rendezvous.core.port.ReminderCandidates;

/**
 * The bookings reminder planning looks at (NOT-2), answered from the partial index
 * {@code bookings_reminder_candidates (start_at, id) WHERE state = 'CONFIRMED'}: the time window is a
 * range of that index and the keyset cursor a row comparison on the same two columns, so every page
 * is one index range scan however far the planning has gone, and never an {@code OFFSET}.
 *
 * <p>Ties on the start are broken by PostgreSQL's order of {@code uuid} (bytewise, unsigned), which is
 * not Java's {@code UUID.compareTo} (signed): a caller pages with {@link Cursor#after} of the last
 * booking returned, never by sorting ids itself.
 */
final class JdbiReminderCandidates implements ReminderCandidates {

    private static final String ORDER = "start_at, id";
    private static final String WINDOW = "state = 'CONFIRMED' AND start_at > :from AND start_at <= :to";
    private static final String AFTER_CURSOR = WINDOW + " AND (start_at, id) > (:cursorStart, :cursorId)";

    private final JdbiBookings bookings;

    JdbiReminderCandidates(JdbiBookings bookings) {
        this.bookings = bookings;
    }

    @Override
    public List<Booking> confirmedStartingBetween(Instant after, Instant until, Optional<Cursor> cursor, int limit) {
        Objects.requireNonNull(after, "after");
        Objects.requireNonNull(until, "until");
        Objects.requireNonNull(cursor, "cursor");
        if (cursor.isEmpty()) {
            return bookings.select(WINDOW, ORDER,
                    new JdbiBookings.Criteria(null, null, null, null, after, until, null, null), limit);
        }
        Cursor c = cursor.get();
        return bookings.select(AFTER_CURSOR, ORDER,
                new JdbiBookings.Criteria(null, null, null, null, after, until, c.start(), c.id().value()), limit);
    }
}
