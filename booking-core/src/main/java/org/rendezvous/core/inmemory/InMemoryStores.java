package org.rendezvous.core.inmemory;

import org.rendezvous.core.port.Stores;

/** Every store in memory, sharing one set of transactions: for embedders, demos and tests. Thread-safe. */
public final class InMemoryStores {

    private InMemoryStores() {
    }

    public static Stores create() {
        InMemoryTransactions transactions = new InMemoryTransactions();
        return new Stores(new InMemoryPractitioners(transactions), new InMemoryAgendas(transactions),
                new InMemoryClients(transactions), new InMemoryBookings(transactions),
                new InMemoryWaitlists(transactions), new InMemoryOutbox(transactions),
                new InMemoryIdempotencyKeys(transactions), new InMemoryLedger(transactions),
                new InMemoryPaymentInstructions(transactions), new InMemoryPayouts(transactions),
                new InMemoryPayoutAccounts(transactions), new InMemorySubscriptions(transactions),
                new InMemoryUsage(transactions), new InMemoryProfiles(transactions), transactions,
                new InMemoryPaymentAccounts(transactions));
    }
}
