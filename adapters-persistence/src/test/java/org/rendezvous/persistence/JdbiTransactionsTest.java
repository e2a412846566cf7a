package org.rendezvous.persistence;

import org.rendezvous.core.port.Stores;
import org.rendezvous.core.port.contract.TransactionsContract;

/** The PostgreSQL adapter passes the Transactions contract of booking-core, unchanged. */
class JdbiTransactionsTest extends TransactionsContract {

    @Override
    protected Stores newStores() {
        return TestDatabase.freshStores();
    }
}
