package org.rendezvous.persistence;

import org.rendezvous.core.port.Stores;
import org.rendezvous.core.port.contract.ProfilesContract;

/** The PostgreSQL adapter passes the Profiles contract of booking-core, unchanged. */
class JdbiProfilesTest extends ProfilesContract {

    @Override
    protected Stores newStores() {
        return TestDatabase.freshStores();
    }
}
