package org.rendezvous.core.inmemory;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.rendezvous.core.booking.Booking;
import org.rendezvous.core.port.Bookings;
import org.rendezvous.core.port.ReminderCandidates;

/**
 * Reminder candidates found by scanning every CONFIRMED booking through {@link Bookings}: fine in memory,
 * where it is a walk over a map, never for a database (write the indexed query there).
 */
public final class InMemoryReminderCandidates implements ReminderCandidates {

    private static final Instant END_OF_TIME = Instant.parse("9999-12-31T23:59:59Z");

    private final Bookings bookings;

    public InMemoryReminderCandidates(Bookings bookings) {
        this.bookings = bookings;
    }

    @Override
    public List<Booking> confirmedStartingBetween(Instant after, Instant until, Optional<Cursor> cursor, int limit) {
        Comparator<Booking> order = Comparator.comparing(Booking::start).thenComparing(b -> b.id().value());
        // Every CONFIRMED booking ends before the end of time: the existing port query lists them all.
        return bookings.confirmedEndedBy(END_OF_TIME, Integer.MAX_VALUE).stream()
                .filter(b -> b.start().isAfter(after) && !b.start().isAfter(until))
                .filter(b -> cursor.map(c -> b.start().isAfter(c.start())
                        || (b.start().equals(c.start()) && b.id().value().compareTo(c.id().value()) > 0)).orElse(true))
                .sorted(order)
                .limit(limit)
                .toList();
    }
}
