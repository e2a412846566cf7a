package org.rendezvous.core.inmemory;

import org.rendezvous.core.port.Stores;
import org.rendezvous.core.port.contract.LedgerContract;

/** The in-memory adapter passes the Ledger contract. */
class InMemoryLedgerTest extends LedgerContract {

    @Override
    protected Stores newStores() {
        return InMemoryStores.create();
    }
}
