package org.rendezvous.core.inmemory;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.rendezvous.core.client.Client;
import org.rendezvous.core.client.ClientId;
import org.rendezvous.core.contact.EmailAddress;
import org.rendezvous.core.port.Clients;
import org.rendezvous.core.practitioner.PractitionerId;

final class InMemoryClients implements Clients {

    private record EmailKey(PractitionerId practitioner, EmailAddress email) {
    }

    private final ConcurrentHashMap<ClientId, Client> byId = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<EmailKey, ClientId> byEmail = new ConcurrentHashMap<>();
    private final InMemoryTransactions transactions;

    InMemoryClients(InMemoryTransactions transactions) {
        this.transactions = transactions;
    }

    @Override
    public void add(Client client) {
        EmailKey key = new EmailKey(client.practitionerId(), client.details().email());
        if (byEmail.putIfAbsent(key, client.id()) != null) {
            throw new IllegalStateException("a client with this e-mail exists already for practitioner " + client.practitionerId());
        }
        byId.put(client.id(), client);
        transactions.onRollback(() -> {
            byId.remove(client.id());
            byEmail.remove(key);
        });
    }

    @Override
    public synchronized void update(Client client) {
        Client previous = byId.get(client.id());
        if (previous == null) {
            throw new IllegalStateException("client " + client.id() + " does not exist");
        }
        EmailKey oldKey = new EmailKey(previous.practitionerId(), previous.details().email());
        EmailKey newKey = new EmailKey(client.practitionerId(), client.details().email());
        if (!oldKey.equals(newKey) && byEmail.putIfAbsent(newKey, client.id()) != null) {
            throw new IllegalStateException("a client with this e-mail exists already for practitioner " + client.practitionerId());
        }
        if (!oldKey.equals(newKey)) {
            byEmail.remove(oldKey);
        }
        byId.put(client.id(), client);
        transactions.onRollback(() -> {
            synchronized (this) {
                byId.put(previous.id(), previous);
                if (!oldKey.equals(newKey)) {
                    byEmail.remove(newKey);
                    byEmail.put(oldKey, previous.id());
                }
            }
        });
    }

    @Override
    public Optional<Client> find(PractitionerId practitioner, ClientId id) {
        return Optional.ofNullable(byId.get(id)).filter(c -> c.practitionerId().equals(practitioner));
    }

    @Override
    public Optional<Client> findByEmail(PractitionerId practitioner, EmailAddress email) {
        return Optional.ofNullable(byEmail.get(new EmailKey(practitioner, email))).map(byId::get);
    }

    @Override
    public List<Client> of(PractitionerId practitioner) {
        return byId.values().stream().filter(c -> c.practitionerId().equals(practitioner))
                .sorted(Comparator.comparing((Client c) -> c.details().name().value()).thenComparing(c -> c.id().value()))
                .toList();
    }

    @Override
    public List<Client> withEmail(EmailAddress email) {
        return byId.values().stream().filter(c -> c.details().email().equals(email))
                .sorted(Comparator.comparing(Client::createdAt).thenComparing(c -> c.id().value()))
                .toList();
    }
}
