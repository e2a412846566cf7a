package org.rendezvous.core.inmemory;

import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import org.rendezvous.core.booking.BookingId;
import org.rendezvous.core.notification.OutboxMessage;
import org.rendezvous.core.port.Outbox;

final class InMemoryOutbox implements Outbox {

    private record Entry(long sequence, OutboxMessage message) {
    }

    private final ConcurrentHashMap<String, Entry> byDeduplicationKey = new ConcurrentHashMap<>();
    private final java.util.concurrent.atomic.AtomicLong sequence = new java.util.concurrent.atomic.AtomicLong();
    private final InMemoryTransactions transactions;

    InMemoryOutbox(InMemoryTransactions transactions) {
        this.transactions = transactions;
    }

    @Override
    public boolean append(OutboxMessage message) {
        String key = message.deduplicationKey();
        Entry entry = new Entry(sequence.incrementAndGet(), message);
        if (byDeduplicationKey.putIfAbsent(key, entry) != null) {
            return false;
        }
        transactions.onRollback(() -> byDeduplicationKey.remove(key, entry));
        return true;
    }

    @Override
    public List<OutboxMessage> aboutBooking(BookingId booking) {
        return byDeduplicationKey.values().stream()
                .filter(e -> e.message().bookingId().filter(booking::equals).isPresent())
                .sorted(Comparator.comparingLong(Entry::sequence))
                .map(Entry::message)
                .toList();
    }
}
