package org.rendezvous.persistence;

import org.rendezvous.core.port.ExternalCalendars;
import org.rendezvous.core.port.Stores;
import org.rendezvous.core.port.contract.ExternalCalendarsContract;

/** The PostgreSQL adapter passes the own-calendars contract of booking-core. */
class JdbiExternalCalendarsTest extends ExternalCalendarsContract {

    @Override
    protected Stores newStores() {
        return TestDatabase.freshStores();
    }

    @Override
    protected ExternalCalendars newCalendars(Stores stores) {
        return PostgresStores.externalCalendars(stores);
    }
}
