package org.rendezvous.core.inmemory;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.rendezvous.core.payout.PayoutDestination;
import org.rendezvous.core.port.PayoutAccounts;
import org.rendezvous.core.practitioner.PractitionerId;

final class InMemoryPayoutAccounts implements PayoutAccounts {

    private final ConcurrentHashMap<PractitionerId, PayoutDestination> destinations = new ConcurrentHashMap<>();
    private final InMemoryTransactions transactions;

    InMemoryPayoutAccounts(InMemoryTransactions transactions) {
        this.transactions = transactions;
    }

    @Override
    public Optional<PayoutDestination> find(PractitionerId practitioner) {
        return Optional.ofNullable(destinations.get(practitioner));
    }

    @Override
    public void save(PractitionerId practitioner, PayoutDestination destination) {
        PayoutDestination before = destinations.put(practitioner, destination);
        transactions.onRollback(() -> {
            if (before == null) {
                destinations.remove(practitioner, destination);
            } else {
                destinations.replace(practitioner, destination, before);
            }
        });
    }
}
