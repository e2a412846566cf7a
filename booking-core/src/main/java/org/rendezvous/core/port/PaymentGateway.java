package org.rendezvous.core.port;

import org.rendezvous.core.booking.BookingId;
import org.rendezvous.core.payment.ChargeRequest;
import org.rendezvous.core.payment.ChargeResult;
import org.rendezvous.core.payment.CheckoutSession;
import org.rendezvous.core.payment.GuaranteeRequest;
import org.rendezvous.core.payment.PaymentRequest;
import org.rendezvous.core.payment.RefundRequest;
import org.rendezvous.core.payment.RefundResult;

/**
 * The payment provider, as the booking lifecycle needs it. Every method answers with a value that
 * tells a refusal from an unreachable provider; none throws for a provider failure. Calls that move
 * money carry a {@link org.rendezvous.core.payment.ProviderKey}: the same key twice moves money once.
 * Every implementation passes {@code PaymentGatewayContract} from the core's test-jar.
 */
public interface PaymentGateway {

    /**
     * Whether the provider received the payment or the card guarantee for a booking, asked before a
     * hold is given up (BK-3). A provider that cannot be reached answers {@link PaymentCheck.Unreachable}.
     */
    PaymentCheck check(BookingId booking);

    /** Opens a payment page for a prepayment (PAY-1) or a charge the client must complete. */
    CheckoutSession startPayment(PaymentRequest request);

    /** Opens a page where the client saves a card as a no-show guarantee, charging nothing (PAY-2). */
    CheckoutSession startGuarantee(GuaranteeRequest request);

    /** Charges a saved card off-session. */
    ChargeResult charge(ChargeRequest request);

    /**
     * Gives money back from a payment, fully or partly (PAY-4). The refund never touches the platform's
     * application fee; a request with {@code applicationFeeToReturn} (an operator's reversal, CX-4) also gives
     * exactly that much of the payment's fee back to the connected account, once per key, before the refund.
     * A fee that cannot go back answers {@code Refused} or {@code Unreachable}, and then no refund is made.
     */
    RefundResult refund(RefundRequest request);

    /**
     * Closes a hold's payment page once the hold expired, so that the client can no longer pay for it.
     * Best effort: a payment that still slips through is refunded in full (BK-3).
     */
    void abandon(BookingId booking);
}
