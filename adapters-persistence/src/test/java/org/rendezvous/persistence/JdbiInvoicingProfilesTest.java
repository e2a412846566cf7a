package org.rendezvous.persistence;

import org.rendezvous.core.port.InvoicingProfiles;
import org.rendezvous.core.port.Stores;
import org.rendezvous.core.port.contract.InvoicingProfilesContract;
import org.rendezvous.core.port.contract.StoreFixtures;
import org.rendezvous.core.practitioner.PractitionerId;

/** The PostgreSQL adapter passes the InvoicingProfiles contract of booking-core. */
class JdbiInvoicingProfilesTest extends InvoicingProfilesContract {

    private final StoreFixtures fixtures = new StoreFixtures();
    private Stores stores;

    @Override
    protected InvoicingProfiles newProfiles() {
        stores = TestDatabase.freshStores();
        return PostgresStores.invoices(stores).profiles();
    }

    @Override
    protected PractitionerId newPractitioner() {
        return fixtures.registerPractitioner(stores);
    }
}
