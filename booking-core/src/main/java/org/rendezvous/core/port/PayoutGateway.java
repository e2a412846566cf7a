package org.rendezvous.core.port;

import org.rendezvous.core.payout.PayoutOrder;
import org.rendezvous.core.payout.PayoutResult;

/** Sends practitioners their money (PO-1 … PO-3): a bank transfer or a transfer to a provider account. */
public interface PayoutGateway {

    /** Sends the order once per {@link PayoutOrder#idempotencyKey()}, however often it is asked. */
    PayoutResult pay(PayoutOrder order);
}
