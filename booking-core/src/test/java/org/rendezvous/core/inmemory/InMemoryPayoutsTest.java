package org.rendezvous.core.inmemory;

import org.rendezvous.core.port.Stores;
import org.rendezvous.core.port.contract.PayoutsContract;

/** The in-memory adapter passes the Payouts contract. */
class InMemoryPayoutsTest extends PayoutsContract {

    @Override
    protected Stores newStores() {
        return InMemoryStores.create();
    }
}
