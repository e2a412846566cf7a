package org.rendezvous.core.inmemory;

import org.rendezvous.core.port.Stores;
import org.rendezvous.core.port.contract.ClientsContract;

/** The in-memory adapter passes the Clients contract. */
class InMemoryClientsTest extends ClientsContract {

    @Override
    protected Stores newStores() {
        return InMemoryStores.create();
    }
}
