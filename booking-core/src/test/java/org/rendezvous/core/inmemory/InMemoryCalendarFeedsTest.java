package org.rendezvous.core.inmemory;

import org.rendezvous.core.port.CalendarFeeds;
import org.rendezvous.core.port.Stores;
import org.rendezvous.core.port.contract.CalendarFeedsContract;

/** The in-memory adapter passes the CalendarFeeds contract. */
class InMemoryCalendarFeedsTest extends CalendarFeedsContract {

    @Override
    protected Stores newStores() {
        return InMemoryStores.create();
    }

    @Override
    protected CalendarFeeds newFeeds(Stores stores) {
        return InMemoryCalendarFeeds.joining(stores.transactions());
    }
}
