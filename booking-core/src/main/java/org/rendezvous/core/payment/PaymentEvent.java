package org.rendezvous.core.payment;

import java.util.Objects;
import java.util.Optional;
import org.rendezvous.core.booking.BookingId;
import org.rendezvous.core.money.Money;
import org.rendezvous.core.payout.PayoutId;

/**
 * What the payment provider tells the engine, already authenticated by the adapter (PAY-5). Each
 * event carries the provider's own id: applied twice, it changes nothing the second time.
 */
public sealed interface PaymentEvent {

    String eventId();

    /** A client's payment arrived (a prepayment, or a charge the client completed themselves). */
    record PaymentSucceeded(String eventId, BookingId bookingId, Money amount, String reference,
                            Optional<Money> providerFee) implements PaymentEvent {
        public PaymentSucceeded {
            requireId(eventId);
            Objects.requireNonNull(bookingId, "bookingId");
            Objects.requireNonNull(amount, "amount");
            Objects.requireNonNull(reference, "reference");
            Objects.requireNonNull(providerFee, "providerFee");
        }
    }

    /** A payment attempt failed; the client may try again until the hold expires. */
    record PaymentFailed(String eventId, BookingId bookingId, String reason) implements PaymentEvent {
        public PaymentFailed {
            requireId(eventId);
            Objects.requireNonNull(bookingId, "bookingId");
            Objects.requireNonNull(reason, "reason");
        }
    }

    record GuaranteeSaved(String eventId, BookingId bookingId, String reference) implements PaymentEvent {
        public GuaranteeSaved {
            requireId(eventId);
            Objects.requireNonNull(bookingId, "bookingId");
            Objects.requireNonNull(reference, "reference");
        }
    }

    /** A refund the provider could not complete after accepting it. */
    record RefundFailed(String eventId, BookingId bookingId, String reference, String reason) implements PaymentEvent {
        public RefundFailed {
            requireId(eventId);
            Objects.requireNonNull(bookingId, "bookingId");
            Objects.requireNonNull(reference, "reference");
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** A payout the provider or bank returned after accepting it: the money is owed again. */
    record PayoutFailed(String eventId, PayoutId payoutId, String reason) implements PaymentEvent {
        public PayoutFailed {
            requireId(eventId);
            Objects.requireNonNull(payoutId, "payoutId");
            Objects.requireNonNull(reason, "reason");
        }
    }

    /**
     * The provider's news of a practitioner's account (Stripe's {@code account.updated}): a whole status,
     * so applying it twice changes nothing, and one older than what is known is ignored.
     *
     * @param at when the provider produced the news
     */
    record AccountUpdated(String eventId, String accountId, AccountStatus status, java.time.Instant at)
            implements PaymentEvent {
        public AccountUpdated {
            requireId(eventId);
            PaymentAccount.requireAccountId(accountId);
            Objects.requireNonNull(status, "status");
            Objects.requireNonNull(at, "at");
        }
    }

    private static void requireId(String eventId) {
        Objects.requireNonNull(eventId, "eventId");
        if (eventId.isBlank() || eventId.length() > 200) {
            throw new IllegalArgumentException("eventId: must be 1 to 200 characters");
        }
    }
}
