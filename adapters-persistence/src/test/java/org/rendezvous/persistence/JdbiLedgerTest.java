package org.rendezvous.persistence;

import org.rendezvous.core.port.Stores;
import org.rendezvous.core.port.contract.LedgerContract;

/** The PostgreSQL adapter passes the Ledger contract of booking-core, unchanged. */
class JdbiLedgerTest extends LedgerContract {

    @Override
    protected Stores newStores() {
        return TestDatabase.freshStores();
    }
}
