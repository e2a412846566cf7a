package org.rendezvous.core.inmemory;

import org.rendezvous.core.port.ReminderCandidates;
import org.rendezvous.core.port.Stores;
import org.rendezvous.core.port.contract.ReminderCandidatesContract;

/** The in-memory adapter passes the ReminderCandidates contract. */
class InMemoryReminderCandidatesTest extends ReminderCandidatesContract {

    @Override
    protected Stores newStores() {
        return InMemoryStores.create();
    }

    @Override
    protected ReminderCandidates candidatesOf(Stores stores) {
        return new InMemoryReminderCandidates(stores.bookings());
    }
}
