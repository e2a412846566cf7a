package org.rendezvous.core.inmemory;

import org.rendezvous.core.port.Stores;
import org.rendezvous.core.port.contract.AgendasContract;

/** The in-memory adapter passes the Agendas contract. */
class InMemoryAgendasTest extends AgendasContract {

    @Override
    protected Stores newStores() {
        return InMemoryStores.create();
    }
}
