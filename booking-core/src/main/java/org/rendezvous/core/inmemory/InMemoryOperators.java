package org.rendezvous.core.inmemory;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.rendezvous.core.account.TokenDigest;
import org.rendezvous.core.contact.EmailAddress;
import org.rendezvous.core.operator.Operator;
import org.rendezvous.core.operator.OperatorId;
import org.rendezvous.core.port.Operators;
import org.rendezvous.core.port.Transactions;

/** Operators in memory; thread-safe; joined to in-memory transactions when given them. */
public final class InMemoryOperators implements Operators {

    private final ConcurrentHashMap<OperatorId, Operator> byId = new ConcurrentHashMap<>();
    private final InMemoryTransactions transactions;

    private InMemoryOperators(InMemoryTransactions transactions) {
        this.transactions = transactions;
    }

    /** Operators that take part in the given transactions when they are the in-memory ones. */
    public static Operators joining(Transactions transactions) {
        return new InMemoryOperators(transactions instanceof InMemoryTransactions inMemory ? inMemory : null);
    }

    private void onRollback(Runnable undo) {
        if (transactions != null) {
            transactions.onRollback(undo);
        }
    }

    @Override
    public synchronized boolean add(Operator operator) {
        if (byId.containsKey(operator.id())) {
            throw new IllegalStateException("operator " + operator.id() + " exists already");
        }
        if (findByEmail(operator.email()).isPresent()) {
            return false;
        }
        byId.put(operator.id(), operator);
        onRollback(() -> byId.remove(operator.id()));
        return true;
    }

    @Override
    public synchronized void update(Operator operator) {
        Operator previous = byId.get(operator.id());
        if (previous == null) {
            throw new IllegalStateException("operator " + operator.id() + " does not exist");
        }
        findByEmail(operator.email()).filter(other -> !other.id().equals(operator.id())).ifPresent(other -> {
            throw new IllegalStateException("email: another operator has this e-mail");
        });
        byId.put(operator.id(), operator);
        onRollback(() -> byId.put(previous.id(), previous));
    }

    @Override
    public Optional<Operator> find(OperatorId id) {
        return Optional.ofNullable(byId.get(id));
    }

    @Override
    public Optional<Operator> findByEmail(EmailAddress email) {
        return byId.values().stream().filter(o -> o.email().equals(email)).findFirst();
    }

    @Override
    public Optional<Operator> findByLink(TokenDigest digest) {
        return byId.values().stream().filter(o -> o.linkDigest().filter(digest::equals).isPresent()).findFirst();
    }

    @Override
    public List<Operator> all() {
        List<Operator> all = new ArrayList<>(byId.values());
        all.sort(Comparator.comparing(o -> o.email().value()));
        return all;
    }
}
