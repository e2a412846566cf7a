package org.rendezvous.core.payment;

import java.util.Objects;
import java.util.Optional;
import org.rendezvous.core.booking.BookingId;
import org.rendezvous.core.money.Money;
import org.rendezvous.core.practitioner.PractitionerId;

/** Money to give back from a payment (PAY-4): at most what it paid, once per cause (the key). */
public record RefundRequest(BookingId bookingId, PractitionerId practitionerId, String paymentReference, Money amount,
                            Optional<String> connectedAccount, String reason, ProviderKey key) {
    public RefundRequest {
        Objects.requireNonNull(bookingId, "bookingId");
        Objects.requireNonNull(practitionerId, "practitionerId");
        Objects.requireNonNull(paymentReference, "paymentReference");
        Objects.requireNonNull(amount, "amount");
        if (!amount.isPositive()) {
            throw new IllegalArgumentException("amount: must be more than zero");
        }
        Objects.requireNonNull(connectedAccount, "connectedAccount");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(key, "key");
    }
}
