package org.rendezvous.core.operator;

import java.util.Objects;
import org.rendezvous.core.booking.BookingId;
import org.rendezvous.core.money.Money;

/**
 * CX-4: a contested charge reversed. {@code refunded} goes back to the client in full (a refund
 * instruction, carried out like any other); {@code commissionUndone} leaves the platform's revenue and
 * {@code earningsUndone} the practitioner's balance, which may go negative and is carried forward (FEE-4).
 */
public record ChargeReversal(BookingId bookingId, Money refunded, Money commissionUndone, Money earningsUndone) {
    public ChargeReversal {
        Objects.requireNonNull(bookingId, "bookingId");
        Objects.requireNonNull(refunded, "refunded");
        Objects.requireNonNull(commissionUndone, "commissionUndone");
        Objects.requireNonNull(earningsUndone, "earningsUndone");
    }
}
