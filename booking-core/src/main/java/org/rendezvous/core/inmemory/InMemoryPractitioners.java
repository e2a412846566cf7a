package org.rendezvous.core.inmemory;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.rendezvous.core.port.Practitioners;
import org.rendezvous.core.practitioner.Practitioner;
import org.rendezvous.core.practitioner.PractitionerId;

final class InMemoryPractitioners implements Practitioners {

    private final ConcurrentHashMap<PractitionerId, Practitioner> byId = new ConcurrentHashMap<>();
    private final InMemoryTransactions transactions;

    InMemoryPractitioners(InMemoryTransactions transactions) {
        this.transactions = transactions;
    }

    @Override
    public void add(Practitioner practitioner) {
        if (byId.putIfAbsent(practitioner.id(), practitioner) != null) {
            throw new IllegalStateException("practitioner " + practitioner.id() + " exists already");
        }
        transactions.onRollback(() -> byId.remove(practitioner.id()));
    }

    @Override
    public void update(Practitioner practitioner) {
        Practitioner previous = byId.replace(practitioner.id(), practitioner);
        if (previous == null) {
            throw new IllegalStateException("practitioner " + practitioner.id() + " does not exist");
        }
        transactions.onRollback(() -> byId.put(previous.id(), previous));
    }

    @Override
    public Optional<Practitioner> find(PractitionerId id) {
        return Optional.ofNullable(byId.get(id));
    }

    @Override
    public java.util.List<Practitioner> all(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit: at least 1");
        }
        return byId.values().stream().sorted(java.util.Comparator.comparing((Practitioner p) -> p.email().value())
                .thenComparing(p -> p.id().value())).limit(limit).toList();
    }
}
