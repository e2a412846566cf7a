package org.rendezvous.core.payment;

import java.util.Objects;
import java.util.Optional;
import org.rendezvous.core.booking.BookingId;
import org.rendezvous.core.money.Money;
import org.rendezvous.core.practitioner.PractitionerId;

/**
 * Money to give back from a payment (PAY-4): at most what it paid, once per cause (the key).
 *
 * @param returnApplicationFee in DIRECT_CONNECT, whether the platform's commission goes back too: never for an
 *                             ordinary refund (PAY-4), always for an operator's reversal of a contested charge
 *                             (CX-4), whose ledger gives the commission back to the practitioner
 */
public record RefundRequest(BookingId bookingId, PractitionerId practitionerId, String paymentReference, Money amount,
                            Optional<String> connectedAccount, String reason, ProviderKey key,
                            boolean returnApplicationFee) {

    /** An ordinary refund: the platform keeps its commission (PAY-4). */
    public RefundRequest(BookingId bookingId, PractitionerId practitionerId, String paymentReference, Money amount,
                         Optional<String> connectedAccount, String reason, ProviderKey key) {
        this(bookingId, practitionerId, paymentReference, amount, connectedAccount, reason, key, false);
    }

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
