package org.rendezvous.core.inmemory;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.rendezvous.core.plan.Subscription;
import org.rendezvous.core.port.Subscriptions;
import org.rendezvous.core.practitioner.PractitionerId;

final class InMemorySubscriptions implements Subscriptions {

    private final ConcurrentHashMap<PractitionerId, Subscription> byPractitioner = new ConcurrentHashMap<>();
    private final InMemoryTransactions transactions;

    InMemorySubscriptions(InMemoryTransactions transactions) {
        this.transactions = transactions;
    }

    @Override
    public Optional<Subscription> find(PractitionerId practitionerId) {
        return Optional.ofNullable(byPractitioner.get(Objects.requireNonNull(practitionerId, "practitionerId")));
    }

    @Override
    public void save(Subscription subscription) {
        PractitionerId id = subscription.practitionerId();
        Subscription previous = byPractitioner.put(id, subscription);
        transactions.onRollback(() -> {
            if (previous == null) {
                byPractitioner.remove(id, subscription);
            } else {
                byPractitioner.replace(id, subscription, previous);
            }
        });
    }

    @Override
    public List<Subscription> trialEndsToTell(Instant now, int limit) {
        Objects.requireNonNull(now, "now");
        if (limit < 0) {
            throw new IllegalArgumentException("limit: must not be negative, was " + limit);
        }
        return byPractitioner.values().stream()
                .filter(s -> s.trialEndNoticeDue(now))
                .sorted(Comparator.comparing(Subscription::trialEndsAt).thenComparing(s -> s.practitionerId().value()))
                .limit(limit)
                .toList();
    }
}
