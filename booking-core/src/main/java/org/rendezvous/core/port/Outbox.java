package org.rendezvous.core.port;

import java.util.List;
import org.rendezvous.core.booking.BookingId;
import org.rendezvous.core.notification.OutboxMessage;

/** Messages waiting to be delivered (NOT-3), written in the same transaction as their cause. */
public interface Outbox {

    /**
     * Adds the message unless one with the same cause, recipient and channel is already there;
     * true when it was added.
     */
    boolean append(OutboxMessage message);

    /** The messages about one booking, in the order they were written. */
    List<OutboxMessage> aboutBooking(BookingId booking);
}
