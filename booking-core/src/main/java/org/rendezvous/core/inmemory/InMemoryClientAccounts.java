package org.rendezvous.core.inmemory;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.rendezvous.core.account.TokenDigest;
import org.rendezvous.core.client.ClientAccount;
import org.rendezvous.core.client.ClientAccountId;
import org.rendezvous.core.contact.EmailAddress;
import org.rendezvous.core.port.ClientAccounts;
import org.rendezvous.core.port.Transactions;

/** Clients' accounts in memory; thread-safe; joined to in-memory transactions when given them. */
public final class InMemoryClientAccounts implements ClientAccounts {

    private final ConcurrentHashMap<ClientAccountId, ClientAccount> byId = new ConcurrentHashMap<>();
    private final InMemoryTransactions transactions;

    private InMemoryClientAccounts(InMemoryTransactions transactions) {
        this.transactions = transactions;
    }

    /** Accounts that take part in the given transactions when they are the in-memory ones. */
    public static ClientAccounts joining(Transactions transactions) {
        return new InMemoryClientAccounts(transactions instanceof InMemoryTransactions inMemory ? inMemory : null);
    }

    private void onRollback(Runnable undo) {
        if (transactions != null) {
            transactions.onRollback(undo);
        }
    }

    @Override
    public synchronized boolean add(ClientAccount account) {
        if (byId.containsKey(account.id())) {
            throw new IllegalStateException("client account " + account.id() + " exists already");
        }
        if (findByEmail(account.email()).isPresent()) {
            return false;
        }
        byId.put(account.id(), account);
        onRollback(() -> byId.remove(account.id()));
        return true;
    }

    @Override
    public synchronized void update(ClientAccount account) {
        ClientAccount previous = byId.get(account.id());
        if (previous == null) {
            throw new IllegalStateException("client account " + account.id() + " does not exist");
        }
        findByEmail(account.email()).filter(other -> !other.id().equals(account.id())).ifPresent(other -> {
            throw new IllegalStateException("email: another client account has this e-mail");
        });
        byId.put(account.id(), account);
        onRollback(() -> byId.put(previous.id(), previous));
    }

    @Override
    public Optional<ClientAccount> find(ClientAccountId id) {
        return Optional.ofNullable(byId.get(id));
    }

    @Override
    public Optional<ClientAccount> findByEmail(EmailAddress email) {
        return byId.values().stream().filter(a -> a.email().equals(email)).findFirst();
    }

    @Override
    public Optional<ClientAccount> findByLink(TokenDigest digest) {
        return byId.values().stream().filter(a -> a.linkDigest().filter(digest::equals).isPresent()).findFirst();
    }

    @Override
    public synchronized boolean useLink(ClientAccountId id, TokenDigest digest) {
        ClientAccount current = byId.get(id);
        if (current == null || current.linkDigest().filter(digest::equals).isEmpty()) {
            return false;
        }
        byId.put(id, current.withoutLink());
        onRollback(() -> byId.put(id, current));
        return true;
    }

    @Override
    public synchronized void remove(ClientAccountId id) {
        ClientAccount previous = byId.remove(id);
        if (previous != null) {
            onRollback(() -> byId.put(id, previous));
        }
    }
}
