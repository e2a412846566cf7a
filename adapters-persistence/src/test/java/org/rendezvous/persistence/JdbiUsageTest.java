package org.rendezvous.persistence;

import org.rendezvous.core.port.Stores;
import org.rendezvous.core.port.Transactions;
import org.rendezvous.core.port.Usage;
import org.rendezvous.core.port.contract.StoreFixtures;
import org.rendezvous.core.port.contract.UsageContract;
import org.rendezvous.core.practitioner.PractitionerId;

/**
 * The PostgreSQL adapter passes the Usage contract of booking-core, unchanged. A usage record refers to
 * its practitioner (a foreign key), so each practitioner of the contract is registered first.
 */
class JdbiUsageTest extends UsageContract {

    private final StoreFixtures fixtures = new StoreFixtures();
    private Stores stores;

    @Override
    protected Usage newUsage() {
        stores = TestDatabase.freshStores();
        return stores.usage();
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
