package org.rendezvous.persistence;

import org.rendezvous.core.port.ReminderCandidates;
import org.rendezvous.core.port.Stores;
import org.rendezvous.core.port.contract.ReminderCandidatesContract;

/** The PostgreSQL adapter passes the ReminderCandidates contract of booking-core, unchanged. */
class JdbiReminderCandidatesTest extends ReminderCandidatesContract {

    @Override
    protected Stores newStores() {
        return TestDatabase.freshStores();
    }

    @Override
    protected ReminderCandidates candidatesOf(Stores stores) {
        return PostgresStores.reminderCandidates(stores);
    }
}
