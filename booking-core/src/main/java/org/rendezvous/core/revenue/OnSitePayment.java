package org.rendezvous.core.revenue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;
import org.rendezvous.core.booking.BookingId;
import org.rendezvous.core.money.Money;
import org.rendezvous.core.practitioner.PractitionerId;

/** What a client paid the practitioner on site for a booking, as the practitioner recorded it (INV-2). */
public record OnSitePayment(UUID id, PractitionerId practitionerId, BookingId bookingId, PaymentMethod method,
                            Money amount, LocalDate paidOn, Instant recordedAt) {

    public static final long MAX_MINOR = 100_000_000L;

    public OnSitePayment {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(practitionerId, "practitionerId");
        Objects.requireNonNull(bookingId, "bookingId");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(amount, "amount");
        if (!amount.isPositive() || amount.minorUnits() > MAX_MINOR) {
            throw new IllegalArgumentException("amount: must be above 0 and at most 1000000.00");
        }
        Objects.requireNonNull(paidOn, "paidOn");
        Objects.requireNonNull(recordedAt, "recordedAt");
    }
}
