package org.rendezvous.persistence;

import org.rendezvous.core.port.CalendarFeeds;
import org.rendezvous.core.port.Stores;
import org.rendezvous.core.port.contract.CalendarFeedsContract;

/** The PostgreSQL adapter passes the calendar feeds contract of booking-core. */
class JdbiCalendarFeedsTest extends CalendarFeedsContract {

    @Override
    protected Stores newStores() {
        return TestDatabase.freshStores();
    }

    @Override
    protected CalendarFeeds newFeeds(Stores stores) {
        return PostgresStores.calendarFeeds(stores);
    }
}
