package org.rendezvous.persistence;

import org.rendezvous.core.port.Stores;
import org.rendezvous.core.port.Subscriptions;
import org.rendezvous.core.port.Transactions;
import org.rendezvous.core.port.contract.StoreFixtures;
import org.rendezvous.core.port.contract.SubscriptionsContract;
import org.rendezvous.core.practitioner.PractitionerId;

/**
 * The PostgreSQL adapter passes the Subscriptions contract of booking-core, unchanged. A subscription
 * refers to its practitioner (a foreign key), so each practitioner of the contract is registered first.
 */
class JdbiSubscriptionsTest extends SubscriptionsContract {

    private final StoreFixtures fixtures = new StoreFixtures();
    private Stores stores;

    @Override
    protected Subscriptions newSubscriptions() {
        stores = TestDatabase.freshStores();
        return stores.subscriptions();
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
