package org.rendezvous.persistence;

import org.rendezvous.core.port.Stores;
import org.rendezvous.core.port.contract.PaymentInstructionsContract;

/** The PostgreSQL adapter passes the PaymentInstructions contract of booking-core, unchanged. */
class JdbiPaymentInstructionsTest extends PaymentInstructionsContract {

    @Override
    protected Stores newStores() {
        return TestDatabase.freshStores();
    }
}
