package org.rendezvous.persistence;

import org.rendezvous.core.port.Stores;
import org.rendezvous.core.port.contract.PayoutsContract;

/** The PostgreSQL adapters pass the Payouts and PayoutAccounts contract of booking-core, unchanged. */
class JdbiPayoutsTest extends PayoutsContract {

    @Override
    protected Stores newStores() {
        return TestDatabase.freshStores();
    }
}
