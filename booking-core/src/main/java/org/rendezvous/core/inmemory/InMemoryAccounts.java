package org.rendezvous.core.inmemory;

import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.rendezvous.core.account.Credentials;
import org.rendezvous.core.account.OneTimeToken;
import org.rendezvous.core.account.TokenDigest;
import org.rendezvous.core.account.TokenPurpose;
import org.rendezvous.core.contact.EmailAddress;
import org.rendezvous.core.port.Accounts;
import org.rendezvous.core.port.Transactions;
import org.rendezvous.core.practitioner.PractitionerId;

/**
 * Credentials and one-time tokens in memory; thread-safe. Joined to in-memory transactions when given
 * them, so that a failed use case takes its writes back.
 */
public final class InMemoryAccounts implements Accounts {

    private final ConcurrentHashMap<PractitionerId, Credentials> byId = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<EmailAddress, PractitionerId> byEmail = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<TokenDigest, OneTimeToken> tokens = new ConcurrentHashMap<>();
    private final InMemoryTransactions transactions;

    private InMemoryAccounts(InMemoryTransactions transactions) {
        this.transactions = transactions;
    }

    /** Accounts that take part in the given transactions when they are the in-memory ones. */
    public static Accounts joining(Transactions transactions) {
        return new InMemoryAccounts(transactions instanceof InMemoryTransactions inMemory ? inMemory : null);
    }

    private void onRollback(Runnable undo) {
        if (transactions != null) {
            transactions.onRollback(undo);
        }
    }

    @Override
    public synchronized boolean add(Credentials credentials) {
        if (byId.containsKey(credentials.practitionerId())) {
            throw new IllegalStateException("account " + credentials.practitionerId() + " exists already");
        }
        if (byEmail.putIfAbsent(credentials.email(), credentials.practitionerId()) != null) {
            return false;
        }
        byId.put(credentials.practitionerId(), credentials);
        onRollback(() -> {
            byId.remove(credentials.practitionerId());
            byEmail.remove(credentials.email());
        });
        return true;
    }

    @Override
    public synchronized void update(Credentials credentials) {
        Credentials previous = byId.get(credentials.practitionerId());
        if (previous == null) {
            throw new IllegalStateException("account " + credentials.practitionerId() + " does not exist");
        }
        if (!previous.email().equals(credentials.email())) {
            PractitionerId owner = byEmail.putIfAbsent(credentials.email(), credentials.practitionerId());
            if (owner != null && !owner.equals(credentials.practitionerId())) {
                throw new IllegalStateException("email: another account has this e-mail");
            }
            byEmail.remove(previous.email());
        }
        byId.put(credentials.practitionerId(), credentials);
        onRollback(() -> {
            synchronized (this) {
                byEmail.remove(credentials.email());
                byEmail.put(previous.email(), previous.practitionerId());
                byId.put(previous.practitionerId(), previous);
            }
        });
    }

    @Override
    public Optional<Credentials> find(PractitionerId practitioner) {
        return Optional.ofNullable(byId.get(practitioner));
    }

    @Override
    public Optional<Credentials> findByEmail(EmailAddress email) {
        return Optional.ofNullable(byEmail.get(email)).map(byId::get);
    }

    @Override
    public void saveToken(OneTimeToken token) {
        if (tokens.putIfAbsent(token.digest(), token) != null) {
            throw new IllegalStateException("token " + token.digest() + " exists already");
        }
        onRollback(() -> tokens.remove(token.digest()));
    }

    @Override
    public Optional<OneTimeToken> findToken(TokenDigest digest) {
        return Optional.ofNullable(tokens.get(digest));
    }

    @Override
    public boolean useToken(TokenDigest digest, Instant at) {
        OneTimeToken current = tokens.get(digest);
        if (current == null || current.used()) {
            return false;
        }
        OneTimeToken used = withUse(current, at);
        if (!tokens.replace(digest, current, used)) {
            return false;
        }
        onRollback(() -> tokens.replace(digest, used, current));
        return true;
    }

    @Override
    public int useAllTokens(PractitionerId practitioner, TokenPurpose purpose, Instant at) {
        int count = 0;
        for (OneTimeToken token : tokens.values()) {
            if (token.practitionerId().equals(practitioner) && token.purpose() == purpose && !token.used()
                    && useToken(token.digest(), at)) {
                count++;
            }
        }
        return count;
    }

    private static OneTimeToken withUse(OneTimeToken token, Instant at) {
        return new OneTimeToken(token.digest(), token.practitionerId(), token.purpose(), token.issuedAt(),
                token.expiresAt(), Optional.of(at));
    }
}
