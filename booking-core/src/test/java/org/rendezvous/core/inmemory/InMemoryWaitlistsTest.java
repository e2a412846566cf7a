package org.rendezvous.core.inmemory;

import org.rendezvous.core.port.Stores;
import org.rendezvous.core.port.contract.WaitlistsContract;

/** The in-memory adapter passes the Waitlists contract. */
class InMemoryWaitlistsTest extends WaitlistsContract {

    @Override
    protected Stores newStores() {
        return InMemoryStores.create();
    }
}
