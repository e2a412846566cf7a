package org.rendezvous.core.inmemory;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import org.rendezvous.core.booking.BookingId;
import org.rendezvous.core.port.OnSitePayments;
import org.rendezvous.core.practitioner.PractitionerId;
import org.rendezvous.core.revenue.OnSitePayment;

final class InMemoryOnSitePayments implements OnSitePayments {

    private final List<OnSitePayment> payments = new CopyOnWriteArrayList<>();
    private final InMemoryTransactions transactions;

    InMemoryOnSitePayments(InMemoryTransactions transactions) {
        this.transactions = transactions;
    }

    @Override
    public void add(OnSitePayment payment) {
        Objects.requireNonNull(payment, "payment");
        payments.add(payment);
        transactions.onRollback(() -> payments.remove(payment));
    }

    @Override
    public List<OnSitePayment> between(PractitionerId practitioner, LocalDate from, LocalDate to) {
        return payments.stream().filter(p -> p.practitionerId().equals(practitioner))
                .filter(p -> !p.paidOn().isBefore(from) && !p.paidOn().isAfter(to))
                .sorted(Comparator.comparing(OnSitePayment::paidOn).thenComparing(OnSitePayment::recordedAt)).toList();
    }

    @Override
    public List<OnSitePayment> ofBooking(BookingId booking) {
        return payments.stream().filter(p -> p.bookingId().equals(booking))
                .sorted(Comparator.comparing(OnSitePayment::recordedAt)).toList();
    }
}
