package org.rendezvous.persistence;

import org.rendezvous.core.port.Stores;
import org.rendezvous.core.port.contract.PaymentAccountsContract;

/** The PostgreSQL adapter passes the PaymentAccounts contract of booking-core, unchanged. */
class JdbiPaymentAccountsTest extends PaymentAccountsContract {

    @Override
    protected Stores newStores() {
        return TestDatabase.freshStores();
    }
}
