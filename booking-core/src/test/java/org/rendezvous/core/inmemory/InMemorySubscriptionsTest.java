package org.rendezvous.core.inmemory;

import org.rendezvous.core.port.Subscriptions;
import org.rendezvous.core.port.Transactions;
import org.rendezvous.core.port.contract.SubscriptionsContract;

/** The in-memory adapter passes the Subscriptions contract. */
class InMemorySubscriptionsTest extends SubscriptionsContract {

    private InMemoryTransactions transactions;

    @Override
    protected Subscriptions newSubscriptions() {
        transactions = new InMemoryTransactions();
        return new InMemorySubscriptions(transactions);
    }

    @Override
    protected Transactions transactions() {
        return transactions;
    }
}
