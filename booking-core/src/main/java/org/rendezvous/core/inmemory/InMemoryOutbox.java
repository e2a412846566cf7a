package org.rendezvous.core.inmemory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.rendezvous.core.booking.BookingId;
import org.rendezvous.core.notification.ClaimedMessage;
import org.rendezvous.core.notification.DeliveryState;
import org.rendezvous.core.notification.Lease;
import org.rendezvous.core.notification.OutboxEntry;
import org.rendezvous.core.notification.OutboxMessage;
import org.rendezvous.core.notification.OutboxMessageId;
import org.rendezvous.core.port.Outbox;

/** The outbox in memory. One monitor guards it: claims must be atomic, and the outbox is never the bottleneck of a test. */
final class InMemoryOutbox implements Outbox {

    /** A message and its delivery; replaced as a whole on every change, so an undo restores it exactly. */
    private record Row(long sequence, OutboxMessage message, DeliveryState state, int attempts, Instant nextAttemptAt,
                       Optional<Lease> lease, Optional<String> lastError, Optional<Instant> finishedAt,
                       Optional<String> providerReference) {

        static Row of(long sequence, OutboxMessage message) {
            return new Row(sequence, message, DeliveryState.PENDING, 0, message.deliverAfter(), Optional.empty(),
                    Optional.empty(), Optional.empty(), Optional.empty());
        }

        Row with(DeliveryState newState, int newAttempts, Instant newNext, Optional<Lease> newLease,
                 Optional<String> error, Optional<Instant> finished, Optional<String> reference) {
            return new Row(sequence, message, newState, newAttempts, newNext, newLease, error, finished, reference);
        }

        OutboxEntry entry() {
            return new OutboxEntry(message, state, attempts, nextAttemptAt, lastError, finishedAt, providerReference);
        }

        boolean heldBy(Lease candidate) {
            return state == DeliveryState.PENDING && lease.filter(candidate::equals).isPresent();
        }
    }

    private final Map<String, OutboxMessageId> byDeduplicationKey = new HashMap<>();
    private final Map<OutboxMessageId, Row> rows = new HashMap<>();
    private long sequence;
    private final InMemoryTransactions transactions;

    InMemoryOutbox(InMemoryTransactions transactions) {
        this.transactions = transactions;
    }

    @Override
    public synchronized boolean append(OutboxMessage message) {
        String key = message.deduplicationKey();
        if (byDeduplicationKey.containsKey(key)) {
            return false;
        }
        if (rows.containsKey(message.id())) {
            throw new IllegalStateException("outbox message " + message.id() + " exists already");
        }
        byDeduplicationKey.put(key, message.id());
        rows.put(message.id(), Row.of(++sequence, message));
        transactions.onRollback(() -> {
            synchronized (this) {
                byDeduplicationKey.remove(key, message.id());
                rows.remove(message.id());
            }
        });
        return true;
    }

    @Override
    public synchronized List<OutboxMessage> aboutBooking(BookingId booking) {
        return rows.values().stream()
                .filter(r -> r.message().bookingId().filter(booking::equals).isPresent())
                .sorted(Comparator.comparingLong(Row::sequence))
                .map(Row::message)
                .toList();
    }

    @Override
    public synchronized List<ClaimedMessage> claimDue(Instant now, int limit, Lease lease) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit: must be at least 1");
        }
        if (!lease.until().isAfter(now)) {
            throw new IllegalArgumentException("lease: must end after now");
        }
        List<Row> due = rows.values().stream()
                .filter(r -> r.state() == DeliveryState.PENDING && !r.nextAttemptAt().isAfter(now)
                        && r.lease().map(l -> !l.until().isAfter(now)).orElse(true))
                .sorted(Comparator.comparing(Row::nextAttemptAt).thenComparingLong(Row::sequence))
                .limit(limit)
                .toList();
        List<ClaimedMessage> claimed = new ArrayList<>();
        for (Row row : due) {
            replace(row, row.with(row.state(), row.attempts(), row.nextAttemptAt(), Optional.of(lease),
                    row.lastError(), row.finishedAt(), row.providerReference()));
            claimed.add(new ClaimedMessage(row.message(), row.attempts(), lease));
        }
        return claimed;
    }

    @Override
    public synchronized boolean markDelivered(OutboxMessageId id, Instant at, String providerReference) {
        Row row = rows.get(id);
        if (row == null || row.state() == DeliveryState.DELIVERED) {
            return false;
        }
        replace(row, row.with(DeliveryState.DELIVERED, row.attempts() + 1, row.nextAttemptAt(), Optional.empty(),
                row.lastError(), Optional.of(at), Optional.of(providerReference)));
        return true;
    }

    @Override
    public synchronized boolean markSkipped(OutboxMessageId id, Lease lease, Instant at, String reason) {
        Row row = rows.get(id);
        if (row == null || !row.heldBy(lease)) {
            return false;
        }
        replace(row, row.with(DeliveryState.SKIPPED, row.attempts(), row.nextAttemptAt(), Optional.empty(),
                Optional.of(reason), Optional.of(at), Optional.empty()));
        return true;
    }

    @Override
    public synchronized boolean markFailed(OutboxMessageId id, Lease lease, int attempts, Instant nextAttemptAt,
                                           String error) {
        Row row = rows.get(id);
        if (row == null || !row.heldBy(lease)) {
            return false;
        }
        replace(row, row.with(DeliveryState.PENDING, attempts, nextAttemptAt, Optional.empty(), Optional.of(error),
                Optional.empty(), Optional.empty()));
        return true;
    }

    @Override
    public synchronized int release(List<OutboxMessageId> ids, Lease lease) {
        int released = 0;
        for (OutboxMessageId id : ids) {
            Row row = rows.get(id);
            if (row != null && row.heldBy(lease)) {
                replace(row, row.with(row.state(), row.attempts(), row.nextAttemptAt(), Optional.empty(),
                        row.lastError(), row.finishedAt(), row.providerReference()));
                released++;
            }
        }
        return released;
    }

    @Override
    public synchronized boolean park(OutboxMessageId id, Lease lease, int attempts, Instant at, String error) {
        Row row = rows.get(id);
        if (row == null || !row.heldBy(lease)) {
            return false;
        }
        replace(row, row.with(DeliveryState.FAILED, attempts, row.nextAttemptAt(), Optional.empty(),
                Optional.of(error), Optional.of(at), Optional.empty()));
        return true;
    }

    @Override
    public synchronized List<OutboxEntry> parked(int limit) {
        return rows.values().stream()
                .filter(r -> r.state() == DeliveryState.FAILED)
                .sorted(Comparator.comparing((Row r) -> r.finishedAt().orElseThrow()).reversed()
                        .thenComparing(Comparator.comparingLong(Row::sequence).reversed()))
                .limit(limit)
                .map(Row::entry)
                .toList();
    }

    @Override
    public synchronized boolean retry(OutboxMessageId id, Instant now) {
        Row row = rows.get(id);
        if (row == null || row.state() != DeliveryState.FAILED) {
            return false;
        }
        replace(row, row.with(DeliveryState.PENDING, 0, now, Optional.empty(), row.lastError(), Optional.empty(),
                Optional.empty()));
        return true;
    }

    @Override
    public synchronized Optional<OutboxEntry> entry(OutboxMessageId id) {
        return Optional.ofNullable(rows.get(id)).map(Row::entry);
    }

    private void replace(Row before, Row after) {
        OutboxMessageId id = before.message().id();
        rows.put(id, after);
        transactions.onRollback(() -> {
            synchronized (this) {
                rows.replace(id, after, before);
            }
        });
    }
}
