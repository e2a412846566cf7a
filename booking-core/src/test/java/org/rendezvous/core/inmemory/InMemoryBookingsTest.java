package org.rendezvous.core.inmemory;

import org.rendezvous.core.port.Stores;
import org.rendezvous.core.port.contract.BookingsContract;

/** The in-memory adapter passes the Bookings contract. */
class InMemoryBookingsTest extends BookingsContract {

    @Override
    protected Stores newStores() {
        return InMemoryStores.create();
    }
}
