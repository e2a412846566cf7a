package org.rendezvous.core.inmemory;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.rendezvous.core.payout.Payout;
import org.rendezvous.core.payout.PayoutId;
import org.rendezvous.core.payout.PayoutState;
import org.rendezvous.core.port.Payouts;
import org.rendezvous.core.practitioner.PractitionerId;

final class InMemoryPayouts implements Payouts {

    private final ConcurrentHashMap<PayoutId, Payout> byId = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, PayoutId> byTrigger = new ConcurrentHashMap<>();
    private final InMemoryTransactions transactions;

    InMemoryPayouts(InMemoryTransactions transactions) {
        this.transactions = transactions;
    }

    private static String triggerKey(PractitionerId practitioner, String trigger) {
        return practitioner + "|" + trigger;
    }

    @Override
    public synchronized boolean add(Payout payout) {
        String key = triggerKey(payout.practitionerId(), payout.trigger().key());
        if (byTrigger.putIfAbsent(key, payout.id()) != null) {
            return false;
        }
        byId.put(payout.id(), payout);
        transactions.onRollback(() -> {
            synchronized (this) {
                byId.remove(payout.id());
                byTrigger.remove(key);
            }
        });
        return true;
    }

    @Override
    public Optional<Payout> find(PayoutId id) {
        return Optional.ofNullable(byId.get(id));
    }

    @Override
    public Optional<Payout> forTrigger(PractitionerId practitioner, String triggerKey) {
        return Optional.ofNullable(byTrigger.get(triggerKey(practitioner, triggerKey))).map(byId::get);
    }

    @Override
    public synchronized boolean update(Payout next, PayoutState expectedState) {
        Payout current = byId.get(next.id());
        if (current == null || current.state() != expectedState) {
            return false;
        }
        byId.put(next.id(), next);
        transactions.onRollback(() -> byId.replace(next.id(), next, current));
        return true;
    }

    @Override
    public List<Payout> ofPractitioner(PractitionerId practitioner) {
        return byId.values().stream().filter(p -> p.practitionerId().equals(practitioner))
                .sorted(Comparator.comparing(Payout::createdAt).reversed()).toList();
    }

    @Override
    public List<Payout> inState(PayoutState state, int limit) {
        return byId.values().stream().filter(p -> p.state() == state)
                .sorted(Comparator.comparing(Payout::createdAt)).limit(limit).toList();
    }
}
