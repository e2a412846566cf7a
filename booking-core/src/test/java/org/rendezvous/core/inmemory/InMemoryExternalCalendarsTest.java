package org.rendezvous.core.inmemory;

import org.rendezvous.core.port.ExternalCalendars;
import org.rendezvous.core.port.Stores;
import org.rendezvous.core.port.contract.ExternalCalendarsContract;

/** The in-memory adapter passes the ExternalCalendars contract. */
class InMemoryExternalCalendarsTest extends ExternalCalendarsContract {

    @Override
    protected Stores newStores() {
        return InMemoryStores.create();
    }

    @Override
    protected ExternalCalendars newCalendars(Stores stores) {
        return InMemoryExternalCalendars.joining(stores);
    }
}
