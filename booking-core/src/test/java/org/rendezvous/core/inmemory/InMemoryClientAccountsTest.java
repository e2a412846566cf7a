package org.rendezvous.core.inmemory;

import org.rendezvous.core.port.ClientAccounts;
import org.rendezvous.core.port.Stores;
import org.rendezvous.core.port.contract.ClientAccountsContract;

/** The in-memory adapter passes the ClientAccounts contract. */
class InMemoryClientAccountsTest extends ClientAccountsContract {

    @Override
    protected Stores newStores() {
        return InMemoryStores.create();
    }

    @Override
    protected ClientAccounts newClientAccounts(Stores stores) {
        return InMemoryClientAccounts.joining(stores.transactions());
    }
}
