package org.rendezvous.core.operator;

import java.util.Objects;
import org.rendezvous.core.booking.BookingId;
import org.rendezvous.core.money.Money;

/**
 * CX-4: a contested charge reversed. {@code refunded} goes back to the client in full (a refund
 * instruction, carried out like any other); {@code commissionUndone} leaves the platform's revenue and
 * {@code earningsUndone} the practitioner's balance, which may go negative and is carried forward (FEE-4).
 * Always {@code refunded = commissionUndone + earningsUndone}. In DIRECT_CONNECT {@code commissionUndone} is the
 * whole application fee the platform still held from the booking, given back to the practitioner's account; when
 * an earlier partial refund left that fee with the platform (a late cancellation, PAY-4), it can be more than the
 * refund, and {@code earningsUndone} is then negative: the practitioner ends up with more than the refund takes.
 */
public record ChargeReversal(BookingId bookingId, Money refunded, Money commissionUndone, Money earningsUndone) {
    public ChargeReversal {
        Objects.requireNonNull(bookingId, "bookingId");
        Objects.requireNonNull(refunded, "refunded");
        Objects.requireNonNull(commissionUndone, "commissionUndone");
        Objects.requireNonNull(earningsUndone, "earningsUndone");
    }
}
