package org.rendezvous.core.payment;

import java.util.Objects;
import java.util.Optional;
import org.rendezvous.core.booking.BookingId;
import org.rendezvous.core.money.Money;
import org.rendezvous.core.practitioner.PractitionerId;

/** An off-session charge of a saved card (PAY-2): a no-show or a late cancellation. */
public record ChargeRequest(BookingId bookingId, PractitionerId practitionerId, String guaranteeReference, Money amount,
                            Money applicationFee, Optional<String> connectedAccount, String description, ProviderKey key) {
    public ChargeRequest {
        Objects.requireNonNull(bookingId, "bookingId");
        Objects.requireNonNull(practitionerId, "practitionerId");
        Objects.requireNonNull(guaranteeReference, "guaranteeReference");
        Objects.requireNonNull(amount, "amount");
        if (!amount.isPositive()) {
            throw new IllegalArgumentException("amount: must be more than zero");
        }
        Objects.requireNonNull(applicationFee, "applicationFee");
        if (applicationFee.isNegative() || applicationFee.isGreaterThan(amount)) {
            throw new IllegalArgumentException("applicationFee: must be between zero and the amount");
        }
        Objects.requireNonNull(connectedAccount, "connectedAccount");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(key, "key");
    }
}
