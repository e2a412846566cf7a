package org.rendezvous.core.inmemory;

import org.rendezvous.core.port.Stores;
import org.rendezvous.core.port.contract.PaymentInstructionsContract;

/** The in-memory adapter passes the PaymentInstructions contract. */
class InMemoryPaymentInstructionsTest extends PaymentInstructionsContract {

    @Override
    protected Stores newStores() {
        return InMemoryStores.create();
    }
}
