package org.rendezvous.core.calendar;

import java.time.Instant;
import java.util.Objects;
import org.rendezvous.core.contact.PersonName;
import org.rendezvous.core.notification.BookingDetails;

/**
 * One booking as a calendar shows it (CAL-2): what, when, where, with whom, and when it last changed
 * (the event's DTSTAMP, so that the same booking always gives the same text and the feed's ETag holds).
 */
public record CalendarEvent(BookingDetails booking, PersonName client, Instant lastChanged) {
    public CalendarEvent {
        Objects.requireNonNull(booking, "booking");
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(lastChanged, "lastChanged");
    }

    /** Whether the calendar shows the booking as cancelled: it no longer takes place. */
    public boolean cancelled() {
        return switch (booking.state()) {
            case CANCELLED_BY_CLIENT, CANCELLED_BY_PRACTITIONER, REFUSED, EXPIRED -> true;
            default -> false;
        };
    }

    /** Whether it still waits for the practitioner's answer or the client's payment (TENTATIVE). */
    public boolean tentative() {
        return booking.state() == org.rendezvous.core.booking.BookingState.PENDING
                || booking.state() == org.rendezvous.core.booking.BookingState.HELD;
    }
}
