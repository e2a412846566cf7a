package org.rendezvous.core.inmemory;

import org.rendezvous.core.port.Stores;
import org.rendezvous.core.port.contract.TransactionsContract;

/** The in-memory adapter passes the Transactions contract. */
class InMemoryTransactionsTest extends TransactionsContract {

    @Override
    protected Stores newStores() {
        return InMemoryStores.create();
    }
}
