package org.rendezvous.core.inmemory;

import org.rendezvous.core.port.Stores;
import org.rendezvous.core.port.contract.PaymentAccountsContract;

/** The in-memory adapter passes the PaymentAccounts contract. */
class InMemoryPaymentAccountsTest extends PaymentAccountsContract {

    @Override
    protected Stores newStores() {
        return InMemoryStores.create();
    }
}
