package org.rendezvous.core.inmemory;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.rendezvous.core.agenda.ActivityId;
import org.rendezvous.core.booking.BookingId;
import org.rendezvous.core.port.Waitlists;
import org.rendezvous.core.practitioner.PractitionerId;
import org.rendezvous.core.waitlist.WaitlistEntry;

final class InMemoryWaitlists implements Waitlists {

    private final ConcurrentHashMap<BookingId, WaitlistEntry> byBooking = new ConcurrentHashMap<>();
    private final InMemoryTransactions transactions;

    InMemoryWaitlists(InMemoryTransactions transactions) {
        this.transactions = transactions;
    }

    @Override
    public void add(WaitlistEntry entry) {
        if (byBooking.putIfAbsent(entry.bookingId(), entry) != null) {
            throw new IllegalStateException("booking " + entry.bookingId() + " is on the waitlist already");
        }
        transactions.onRollback(() -> byBooking.remove(entry.bookingId()));
    }

    @Override
    public Optional<WaitlistEntry> ofBooking(BookingId booking) {
        return Optional.ofNullable(byBooking.get(booking));
    }

    @Override
    public List<WaitlistEntry> forActivity(PractitionerId practitioner, ActivityId activity) {
        return byBooking.values().stream()
                .filter(e -> e.practitionerId().equals(practitioner) && e.activityId().equals(activity))
                .sorted(Comparator.comparing(WaitlistEntry::createdAt).thenComparing(e -> e.id().value()))
                .toList();
    }

    @Override
    public boolean remove(BookingId booking) {
        WaitlistEntry removed = byBooking.remove(booking);
        if (removed == null) {
            return false;
        }
        transactions.onRollback(() -> byBooking.put(booking, removed));
        return true;
    }
}
