package org.rendezvous.core.port;

import org.rendezvous.core.booking.BookingId;

/** The payment provider, as the booking lifecycle needs it. */
public interface PaymentGateway {

    /**
     * Whether the provider received the payment or the card guarantee for a booking, asked before a
     * hold is given up (BK-3). A provider that cannot be reached answers {@link PaymentCheck.Unreachable}.
     */
    PaymentCheck check(BookingId booking);
}
