package org.rendezvous.core.inmemory;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.rendezvous.core.payout.BatchItem;
import org.rendezvous.core.payout.Payout;
import org.rendezvous.core.payout.PayoutBatch;
import org.rendezvous.core.payout.PayoutBatchId;
import org.rendezvous.core.payout.PayoutBatchState;
import org.rendezvous.core.payout.PayoutId;
import org.rendezvous.core.payout.PayoutPosition;
import org.rendezvous.core.payout.PayoutState;
import org.rendezvous.core.port.Payouts;
import org.rendezvous.core.practitioner.PractitionerId;

final class InMemoryPayouts implements Payouts {

    private final ConcurrentHashMap<PayoutId, Payout> byId = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, PayoutId> byTrigger = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<PayoutBatchId, PayoutBatch> batches = new ConcurrentHashMap<>();
    private final List<PayoutBatchId> batchOrder = new ArrayList<>();
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

    @Override
    public List<Payout> newestChanged(Optional<PayoutState> state, Optional<PayoutPosition> after, int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("limit: must not be negative, was " + limit);
        }
        return byId.values().stream()
                .filter(p -> state.map(s -> p.state() == s).orElse(true))
                .filter(p -> after.map(position -> position.precedes(p)).orElse(true))
                .sorted(PayoutPosition.NEWEST_CHANGE_FIRST).limit(limit).toList();
    }

    @Override
    public Optional<Payout> carriedOver(PractitionerId practitioner) {
        return byId.values().stream()
                .filter(p -> p.practitionerId().equals(practitioner) && p.state() == PayoutState.CARRIED_OVER)
                .findFirst();
    }

    @Override
    public synchronized boolean revise(Payout next, PayoutState expectedState) {
        Payout current = byId.get(next.id());
        if (current == null || current.state() != expectedState) {
            return false;
        }
        String oldKey = triggerKey(current.practitionerId(), current.trigger().key());
        String newKey = triggerKey(next.practitionerId(), next.trigger().key());
        if (!oldKey.equals(newKey)) {
            if (byTrigger.putIfAbsent(newKey, next.id()) != null) {
                throw new IllegalStateException("payout " + next.id() + ": another payout has trigger " + next.trigger().key());
            }
            byTrigger.remove(oldKey);
        }
        byId.put(next.id(), next);
        transactions.onRollback(() -> {
            synchronized (this) {
                byId.replace(next.id(), next, current);
                if (!oldKey.equals(newKey)) {
                    byTrigger.remove(newKey);
                    byTrigger.put(oldKey, current.id());
                }
            }
        });
        return true;
    }

    @Override
    public synchronized boolean addBatch(PayoutBatch batch) {
        boolean taken = batches.values().stream().anyMatch(b -> b.cycle().equals(batch.cycle())
                && (batch.cycle().isPresent() || b.state() == PayoutBatchState.OPEN));
        if (taken || batches.putIfAbsent(batch.id(), batch) != null) {
            return false;
        }
        batchOrder.add(batch.id());
        transactions.onRollback(() -> {
            synchronized (this) {
                batches.remove(batch.id());
                batchOrder.remove(batch.id());
            }
        });
        return true;
    }

    @Override
    public Optional<PayoutBatch> batch(PayoutBatchId id) {
        return Optional.ofNullable(batches.get(id));
    }

    @Override
    public synchronized Optional<PayoutBatch> batchOf(Optional<LocalDate> cycle) {
        return batches.values().stream().filter(b -> b.cycle().equals(cycle)
                && (cycle.isPresent() || b.state() == PayoutBatchState.OPEN)).findFirst();
    }

    @Override
    public synchronized boolean addToBatch(PayoutBatchId id, BatchItem item) {
        PayoutBatch current = batches.get(id);
        if (current == null || current.state() != PayoutBatchState.OPEN
                || batches.values().stream().anyMatch(b -> b.items().stream().anyMatch(i -> i.payoutId().equals(item.payoutId())))) {
            return false;
        }
        List<BatchItem> items = new ArrayList<>(current.items());
        items.add(item);
        PayoutBatch next = new PayoutBatch(current.id(), current.cycle(), current.currency(), current.state(), items,
                current.createdAt(), current.exportedAt(), current.sending());
        batches.put(id, next);
        transactions.onRollback(() -> {
            synchronized (this) {
                PayoutBatch now = batches.get(id);
                List<BatchItem> without = new ArrayList<>(now.items());
                without.remove(item);
                batches.put(id, new PayoutBatch(now.id(), now.cycle(), now.currency(), now.state(), without,
                        now.createdAt(), now.exportedAt(), now.sending()));
            }
        });
        return true;
    }

    @Override
    public synchronized boolean updateBatch(PayoutBatch next, PayoutBatchState expectedState) {
        PayoutBatch current = batches.get(next.id());
        if (current == null || current.state() != expectedState) {
            return false;
        }
        PayoutBatch stored = new PayoutBatch(current.id(), current.cycle(), current.currency(), next.state(),
                current.items(), current.createdAt(), next.exportedAt(), next.sending());
        batches.put(next.id(), stored);
        transactions.onRollback(() -> batches.replace(next.id(), stored, current));
        return true;
    }

    @Override
    public synchronized List<PayoutBatch> batches(int limit) {
        List<PayoutBatch> newestFirst = new ArrayList<>();
        for (int i = batchOrder.size() - 1; i >= 0 && newestFirst.size() < limit; i--) {
            newestFirst.add(batches.get(batchOrder.get(i)));
        }
        return newestFirst;
    }
}
