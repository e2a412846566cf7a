package org.rendezvous.core.inmemory;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.rendezvous.core.calendar.FeedToken;
import org.rendezvous.core.port.CalendarFeeds;
import org.rendezvous.core.port.Transactions;
import org.rendezvous.core.practitioner.PractitionerId;

/** Calendar feed tokens in memory; thread-safe; joined to in-memory transactions when given them. */
public final class InMemoryCalendarFeeds implements CalendarFeeds {

    private final Map<PractitionerId, FeedToken> tokens = new HashMap<>();
    private final InMemoryTransactions transactions;

    private InMemoryCalendarFeeds(InMemoryTransactions transactions) {
        this.transactions = transactions;
    }

    /** Feed tokens that take part in the given transactions when they are the in-memory ones. */
    public static CalendarFeeds joining(Transactions transactions) {
        return new InMemoryCalendarFeeds(transactions instanceof InMemoryTransactions inMemory ? inMemory : null);
    }

    @Override
    public synchronized Optional<FeedToken> token(PractitionerId practitioner) {
        Objects.requireNonNull(practitioner, "practitioner");
        return Optional.ofNullable(tokens.get(practitioner));
    }

    @Override
    public synchronized void replace(PractitionerId practitioner, FeedToken token) {
        Objects.requireNonNull(practitioner, "practitioner");
        Objects.requireNonNull(token, "token");
        if (tokens.entrySet().stream().anyMatch(e -> e.getValue().equals(token) && !e.getKey().equals(practitioner))) {
            throw new IllegalStateException("feed token already belongs to another practitioner");
        }
        FeedToken previous = tokens.put(practitioner, token);
        if (transactions != null) {
            transactions.onRollback(() -> {
                synchronized (this) {
                    if (previous == null) {
                        tokens.remove(practitioner);
                    } else {
                        tokens.put(practitioner, previous);
                    }
                }
            });
        }
    }

    @Override
    public synchronized Optional<PractitionerId> owner(FeedToken token) {
        Objects.requireNonNull(token, "token");
        return tokens.entrySet().stream().filter(e -> e.getValue().matches(token.value())).map(Map.Entry::getKey)
                .findFirst();
    }
}
