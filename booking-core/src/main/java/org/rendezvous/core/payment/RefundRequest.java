package org.rendezvous.core.payment;

import java.util.Objects;
import java.util.Optional;
import org.rendezvous.core.booking.BookingId;
import org.rendezvous.core.money.Money;
import org.rendezvous.core.practitioner.PractitionerId;

/**
 * Money to give back from a payment (PAY-4): at most what it paid, once per cause (the key).
 *
 * @param applicationFeeToReturn in DIRECT_CONNECT, the platform's application fee to give back to the connected
 *                               account with the refund, for exactly this amount: never for an ordinary refund (PAY-4),
 *                               whose refund leaves the fee with the platform; for an operator's reversal of a contested
 *                               charge (CX-4), everything the platform still holds from the booking, as its ledger posts.
 *                               The refund itself never touches the fee (a provider's own "refund the fee too" gives back
 *                               only a share in proportion to the part refunded, which is not what the ledger says).
 */
public record RefundRequest(BookingId bookingId, PractitionerId practitionerId, String paymentReference, Money amount,
                            Optional<String> connectedAccount, String reason, ProviderKey key,
                            Optional<Money> applicationFeeToReturn) {

    /** An ordinary refund: the platform keeps its commission (PAY-4). */
    public RefundRequest(BookingId bookingId, PractitionerId practitionerId, String paymentReference, Money amount,
                         Optional<String> connectedAccount, String reason, ProviderKey key) {
        this(bookingId, practitionerId, paymentReference, amount, connectedAccount, reason, key, Optional.empty());
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
        Objects.requireNonNull(applicationFeeToReturn, "applicationFeeToReturn");
        if (applicationFeeToReturn.isPresent()) {
            if (!applicationFeeToReturn.get().isPositive()) {
                throw new IllegalArgumentException("applicationFeeToReturn: must be more than zero when given");
            }
            if (!applicationFeeToReturn.get().currency().equals(amount.currency())) {
                throw new IllegalArgumentException("applicationFeeToReturn: must be in the refund's currency");
            }
            if (connectedAccount.isEmpty()) {
                throw new IllegalArgumentException("applicationFeeToReturn: only a payment on a connected account has one");
            }
        }
    }
}
