package org.rendezvous.core.inmemory;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.rendezvous.core.operator.ActionKind;
import org.rendezvous.core.operator.OperatorAction;
import org.rendezvous.core.port.OperatorActions;
import org.rendezvous.core.port.Transactions;
import org.rendezvous.core.practitioner.PractitionerId;

/** The operators' audit log in memory; thread-safe; joined to in-memory transactions when given them. */
public final class InMemoryOperatorActions implements OperatorActions {

    /** Oldest first, as written. */
    private final List<OperatorAction> log = new ArrayList<>();
    private final InMemoryTransactions transactions;

    private InMemoryOperatorActions(InMemoryTransactions transactions) {
        this.transactions = transactions;
    }

    /** An audit log that takes part in the given transactions when they are the in-memory ones. */
    public static OperatorActions joining(Transactions transactions) {
        return new InMemoryOperatorActions(transactions instanceof InMemoryTransactions inMemory ? inMemory : null);
    }

    @Override
    public synchronized void record(OperatorAction action) {
        if (log.stream().anyMatch(a -> a.id().equals(action.id()))) {
            throw new IllegalStateException("operator action " + action.id() + " exists already");
        }
        log.add(action);
        if (transactions != null) {
            transactions.onRollback(() -> {
                synchronized (this) {
                    log.remove(action);
                }
            });
        }
    }

    @Override
    public synchronized List<OperatorAction> recent(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit: at least 1");
        }
        List<OperatorAction> newest = new ArrayList<>();
        for (int i = log.size() - 1; i >= 0 && newest.size() < limit; i--) {
            newest.add(log.get(i));
        }
        return newest;
    }

    @Override
    public synchronized List<OperatorAction> about(PractitionerId practitioner) {
        List<OperatorAction> found = new ArrayList<>();
        for (int i = log.size() - 1; i >= 0; i--) {
            if (log.get(i).practitionerId().filter(practitioner::equals).isPresent()) {
                found.add(log.get(i));
            }
        }
        return found;
    }

    @Override
    public synchronized boolean suspended(PractitionerId practitioner) {
        return latestSuspension(practitioner).map(a -> a.kind() == ActionKind.SUSPEND_PRACTITIONER).orElse(false);
    }

    @Override
    public synchronized Set<PractitionerId> suspended() {
        Set<PractitionerId> all = new HashSet<>();
        for (OperatorAction action : log) {
            action.practitionerId().filter(this::suspended).ifPresent(all::add);
        }
        return all;
    }

    private Optional<OperatorAction> latestSuspension(PractitionerId practitioner) {
        for (int i = log.size() - 1; i >= 0; i--) {
            OperatorAction action = log.get(i);
            if (action.practitionerId().filter(practitioner::equals).isPresent()
                    && (action.kind() == ActionKind.SUSPEND_PRACTITIONER || action.kind() == ActionKind.REACTIVATE_PRACTITIONER)) {
                return Optional.of(action);
            }
        }
        return Optional.empty();
    }
}
