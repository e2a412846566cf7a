package org.rendezvous.core.inmemory;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.rendezvous.core.plan.UsageKind;
import org.rendezvous.core.plan.UsageMonth;
import org.rendezvous.core.port.Usage;
import org.rendezvous.core.practitioner.PractitionerId;

/** Usage counts in memory. One lock keeps the set of counted things and the monthly counts in step. */
final class InMemoryUsage implements Usage {

    private record Thing(PractitionerId practitionerId, UsageKind kind, String id) {
    }

    private record Bucket(UsageMonth month, UsageKind kind) {
    }

    private final Object lock = new Object();
    private final Map<Thing, UsageMonth> counted = new HashMap<>();
    private final Map<Bucket, Long> counts = new HashMap<>();
    private final InMemoryTransactions transactions;

    InMemoryUsage(InMemoryTransactions transactions) {
        this.transactions = transactions;
    }

    @Override
    public long count(UsageMonth month, UsageKind kind) {
        Bucket bucket = new Bucket(Objects.requireNonNull(month, "month"), Objects.requireNonNull(kind, "kind"));
        synchronized (lock) {
            return counts.getOrDefault(bucket, 0L);
        }
    }

    @Override
    public boolean record(UsageMonth month, UsageKind kind, String countedThingId) {
        Objects.requireNonNull(month, "month");
        Objects.requireNonNull(kind, "kind");
        if (countedThingId == null || countedThingId.isBlank()) {
            throw new IllegalArgumentException("countedThingId: required");
        }
        Thing thing = new Thing(month.practitionerId(), kind, countedThingId);
        Bucket bucket = new Bucket(month, kind);
        synchronized (lock) {
            if (counted.putIfAbsent(thing, month) != null) {
                return false;
            }
            counts.merge(bucket, 1L, Long::sum);
        }
        transactions.onRollback(() -> {
            synchronized (lock) {
                if (counted.remove(thing, month)) {
                    counts.merge(bucket, -1L, (was, minusOne) -> was + minusOne == 0 ? null : was + minusOne);
                }
            }
        });
        return true;
    }
}
