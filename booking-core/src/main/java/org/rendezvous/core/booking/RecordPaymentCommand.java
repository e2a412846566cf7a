package org.rendezvous.core.booking;

import java.util.Objects;
import java.util.Optional;
import org.rendezvous.core.idempotency.Fingerprint;
import org.rendezvous.core.idempotency.IdempotencyKey;
import org.rendezvous.core.money.Money;

/**
 * The payment provider reports a payment for a booking (BK-3). The key is the provider's event id,
 * so the same event delivered twice changes nothing the second time (PAY-5).
 */
public record RecordPaymentCommand(BookingId bookingId, Money amount, String reference, Optional<Money> providerFee,
                                   IdempotencyKey idempotencyKey) {
    public RecordPaymentCommand {
        Objects.requireNonNull(bookingId, "bookingId");
        Objects.requireNonNull(amount, "amount");
        if (!amount.isPositive()) {
            throw new IllegalArgumentException("amount: a payment is more than zero");
        }
        Objects.requireNonNull(reference, "reference");
        if (reference.isBlank() || reference.length() > 255) {
            throw new IllegalArgumentException("reference: must be 1 to 255 characters");
        }
        Objects.requireNonNull(providerFee, "providerFee");
        if (providerFee.filter(fee -> fee.isNegative() || !fee.currency().equals(amount.currency())).isPresent()) {
            throw new IllegalArgumentException("providerFee: must be zero or more, in the payment's currency");
        }
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
    }

    /** A payment whose provider fee is not known: the engine estimates it from the operator's schedule (FEE-3). */
    public RecordPaymentCommand(BookingId bookingId, Money amount, String reference, IdempotencyKey idempotencyKey) {
        this(bookingId, amount, reference, Optional.empty(), idempotencyKey);
    }

    public String fingerprint() {
        return Fingerprint.of(bookingId, amount, reference);
    }
}
