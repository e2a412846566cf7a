package org.rendezvous.persistence;

import org.rendezvous.core.port.Invoices;
import org.rendezvous.core.port.Stores;
import org.rendezvous.core.port.Transactions;
import org.rendezvous.core.port.contract.InvoicesContract;
import org.rendezvous.core.port.contract.StoreFixtures;
import org.rendezvous.core.practitioner.PractitionerId;

/** The PostgreSQL adapter passes the Invoices contract of booking-core; invoices refer to their practitioner. */
class JdbiInvoicesTest extends InvoicesContract {

    private final StoreFixtures fixtures = new StoreFixtures();
    private Stores stores;

    @Override
    protected Invoices newInvoices() {
        stores = TestDatabase.freshStores();
        return PostgresStores.invoices(stores).invoices();
    }

    @Override
    protected Transactions transactions() {
        return stores.transactions();
    }

    @Override
    protected PractitionerId newPractitioner() {
        return fixtures.registerPractitioner(stores);
    }
}
