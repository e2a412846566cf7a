package org.rendezvous.persistence;

import org.rendezvous.core.port.Stores;
import org.rendezvous.core.port.contract.ClientsContract;

/** The PostgreSQL adapter passes the Clients contract of booking-core, unchanged. */
class JdbiClientsTest extends ClientsContract {

    @Override
    protected Stores newStores() {
        return TestDatabase.freshStores();
    }
}
