package org.rendezvous.core.payout;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.rendezvous.core.booking.BookingId;
import org.rendezvous.core.money.Money;

/** One item of a payout statement (PO-5): what changed the practitioner's payable balance, and why. */
public record StatementLine(Instant at, String kind, Optional<BookingId> bookingId, Money amount) {
    public StatementLine {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(bookingId, "bookingId");
        Objects.requireNonNull(amount, "amount");
    }
}
