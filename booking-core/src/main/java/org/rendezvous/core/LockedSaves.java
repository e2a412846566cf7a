package org.rendezvous.core;

import org.rendezvous.core.booking.Booking;
import org.rendezvous.core.port.Bookings;

/** Stores a change of a booking read under the agenda lock; a lost race here is a bug, not a business case. */
final class LockedSaves {

    private final Bookings bookings;

    LockedSaves(Bookings bookings) {
        this.bookings = bookings;
    }

    void save(Booking before, Booking after) {
        if (!bookings.update(after, before.version())) {
            throw new IllegalStateException("booking " + before.id() + " changed under the agenda lock");
        }
    }
}
