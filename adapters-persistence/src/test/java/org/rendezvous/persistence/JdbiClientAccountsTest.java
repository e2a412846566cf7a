package org.rendezvous.persistence;

import org.rendezvous.core.port.ClientAccounts;
import org.rendezvous.core.port.Stores;
import org.rendezvous.core.port.contract.ClientAccountsContract;

/** The PostgreSQL adapter passes the ClientAccounts contract of booking-core, unchanged. */
class JdbiClientAccountsTest extends ClientAccountsContract {

    @Override
    protected Stores newStores() {
        return TestDatabase.freshStores();
    }

    @Override
    protected ClientAccounts newClientAccounts(Stores stores) {
        return PostgresStores.clientAccounts(stores);
    }
}
