package org.rendezvous.core.inmemory;

import org.rendezvous.core.port.Stores;
import org.rendezvous.core.port.contract.ProfilesContract;

/** The in-memory adapter passes the Profiles contract. */
class InMemoryProfilesTest extends ProfilesContract {

    @Override
    protected Stores newStores() {
        return InMemoryStores.create();
    }
}
