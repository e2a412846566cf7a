package org.rendezvous.persistence;

import org.rendezvous.core.port.Stores;
import org.rendezvous.core.port.contract.WaitlistsContract;

/** The PostgreSQL adapter passes the Waitlists contract of booking-core, unchanged. */
class JdbiWaitlistsTest extends WaitlistsContract {

    @Override
    protected Stores newStores() {
        return TestDatabase.freshStores();
    }
}
