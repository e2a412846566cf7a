package org.rendezvous.persistence;

import org.rendezvous.core.port.Stores;
import org.rendezvous.core.port.contract.PractitionersContract;

/** The PostgreSQL adapter passes the Practitioners contract of booking-core, unchanged. */
class JdbiPractitionersTest extends PractitionersContract {

    @Override
    protected Stores newStores() {
        return TestDatabase.freshStores();
    }
}
