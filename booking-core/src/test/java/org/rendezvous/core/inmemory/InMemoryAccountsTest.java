package org.rendezvous.core.inmemory;

import org.rendezvous.core.port.Accounts;
import org.rendezvous.core.port.Stores;
import org.rendezvous.core.port.contract.AccountsContract;

/** The in-memory adapter passes the Accounts contract. */
class InMemoryAccountsTest extends AccountsContract {

    @Override
    protected Stores newStores() {
        return InMemoryStores.create();
    }

    @Override
    protected Accounts newAccounts(Stores stores) {
        return InMemoryAccounts.joining(stores.transactions());
    }
}
