package org.rendezvous.persistence;

import org.rendezvous.core.port.Stores;
import org.rendezvous.core.port.contract.BookingsContract;

/** The PostgreSQL adapter passes the Bookings contract of booking-core, unchanged. */
class JdbiBookingsTest extends BookingsContract {

    @Override
    protected Stores newStores() {
        return TestDatabase.freshStores();
    }
}
