package org.rendezvous.persistence;

import org.rendezvous.core.port.Stores;
import org.rendezvous.core.port.contract.AgendasContract;

/** The PostgreSQL adapter passes the Agendas contract of booking-core, unchanged. */
class JdbiAgendasTest extends AgendasContract {

    @Override
    protected Stores newStores() {
        return TestDatabase.freshStores();
    }
}
