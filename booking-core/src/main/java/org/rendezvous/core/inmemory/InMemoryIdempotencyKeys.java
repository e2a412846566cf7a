package org.rendezvous.core.inmemory;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.rendezvous.core.idempotency.IdempotencyKey;
import org.rendezvous.core.idempotency.IdempotencyRecord;
import org.rendezvous.core.port.IdempotencyKeys;
import org.rendezvous.core.practitioner.PractitionerId;

final class InMemoryIdempotencyKeys implements IdempotencyKeys {

    private record Scoped(PractitionerId scope, IdempotencyKey key) {
    }

    private final ConcurrentHashMap<Scoped, IdempotencyRecord> records = new ConcurrentHashMap<>();
    private final InMemoryTransactions transactions;

    InMemoryIdempotencyKeys(InMemoryTransactions transactions) {
        this.transactions = transactions;
    }

    @Override
    public Optional<IdempotencyRecord> find(PractitionerId scope, IdempotencyKey key) {
        return Optional.ofNullable(records.get(new Scoped(scope, key)));
    }

    @Override
    public void remember(IdempotencyRecord record) {
        Scoped scoped = new Scoped(record.scope(), record.key());
        if (records.putIfAbsent(scoped, record) != null) {
            throw new IllegalStateException("idempotency key " + record.key() + " is remembered already");
        }
        transactions.onRollback(() -> records.remove(scoped, record));
    }
}
