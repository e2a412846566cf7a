package org.rendezvous.core.inmemory;

import org.rendezvous.core.port.Stores;
import org.rendezvous.core.port.contract.PractitionersContract;

/** The in-memory adapter passes the Practitioners contract. */
class InMemoryPractitionersTest extends PractitionersContract {

    @Override
    protected Stores newStores() {
        return InMemoryStores.create();
    }
}
