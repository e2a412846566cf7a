package org.rendezvous.core.inmemory;

import org.rendezvous.core.port.Stores;
import org.rendezvous.core.port.contract.OutboxContract;

/** The in-memory adapter passes the Outbox contract. */
class InMemoryOutboxTest extends OutboxContract {

    @Override
    protected Stores newStores() {
        return InMemoryStores.create();
    }
}
