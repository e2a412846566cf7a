package org.rendezvous.core.port;

import java.time.Instant;
import java.util.List;
import org.rendezvous.core.booking.Booking;

/**
 * The query reminder planning needs (NOT-2), apart from {@link Bookings} so that a store adapter can
 * answer it from an index on (state, start).
 */
public interface ReminderCandidates {

    /** CONFIRMED bookings of any practitioner whose start lies in ({@code after}, {@code until}], soonest first. */
    List<Booking> confirmedStartingBetween(Instant after, Instant until, int limit);
}
