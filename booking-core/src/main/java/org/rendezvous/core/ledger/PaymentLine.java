package org.rendezvous.core.ledger;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.rendezvous.core.booking.BookingId;
import org.rendezvous.core.money.Money;
import org.rendezvous.core.payout.PayoutId;

/**
 * One line of the practitioner's payment history (PAY-6): a posting seen from their side, with nothing of the
 * platform's own books (its revenue, the provider fees it bears). Every amount is in the posting's currency.
 *
 * @param amount      what the posting moves: what the client paid, what was refunded, released or paid out
 * @param clientPaid  what the client paid with this posting (a payment, a charged guarantee), else zero
 * @param commission  the platform's commission or application fee taken from the practitioner's money
 * @param providerFee the provider's fee taken from the practitioner's money (DIRECT_CONNECT only)
 * @param refunded    what went back to the client
 * @param pending     the change of what is held for the practitioner's bookings, before commission (PLATFORM_COLLECTS)
 * @param earned      the change of what is the practitioner's: payable (PLATFORM_COLLECTS) or in their own account
 *                    (DIRECT_CONNECT)
 * @param paidOut     the change of what was paid out to them (PLATFORM_COLLECTS)
 */
public record PaymentLine(PostingId id, PostingKind kind, Optional<BookingId> bookingId, Optional<PayoutId> payoutId,
                          Instant at, Money amount, Money clientPaid, Money commission, Money providerFee, Money refunded,
                          Money pending, Money earned, Money paidOut) {
    public PaymentLine {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(bookingId, "bookingId");
        Objects.requireNonNull(payoutId, "payoutId");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(amount, "amount");
        for (Money m : new Money[] {clientPaid, commission, providerFee, refunded, pending, earned, paidOut}) {
            Objects.requireNonNull(m, "money");
            if (!m.currency().equals(amount.currency())) {
                throw new IllegalArgumentException("amount: every amount of a line is in " + amount.currency());
            }
        }
    }
}
