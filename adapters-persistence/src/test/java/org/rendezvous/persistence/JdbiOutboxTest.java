package org.rendezvous.persistence;

import org.rendezvous.core.port.Stores;
import org.rendezvous.core.port.contract.OutboxContract;

/** The PostgreSQL adapter passes the Outbox contract of booking-core, unchanged. */
class JdbiOutboxTest extends OutboxContract {

    @Override
    protected Stores newStores() {
        return TestDatabase.freshStores();
    }
}
