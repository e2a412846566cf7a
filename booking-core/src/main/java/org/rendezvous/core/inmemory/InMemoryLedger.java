package org.rendezvous.core.inmemory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.rendezvous.core.booking.BookingId;
import org.rendezvous.core.ledger.Account;
import org.rendezvous.core.ledger.Balances;
import org.rendezvous.core.ledger.Posting;
import org.rendezvous.core.port.Ledger;
import org.rendezvous.core.practitioner.PractitionerId;

final class InMemoryLedger implements Ledger {

    private final List<Posting> postings = new ArrayList<>();
    private final java.util.Set<String> causeKeys = new java.util.HashSet<>();
    private final InMemoryTransactions transactions;

    InMemoryLedger(InMemoryTransactions transactions) {
        this.transactions = transactions;
    }

    @Override
    public synchronized boolean post(Posting posting) {
        if (!causeKeys.add(posting.causeKey())) {
            return false;
        }
        postings.add(posting);
        transactions.onRollback(() -> {
            synchronized (this) {
                postings.remove(posting);
                causeKeys.remove(posting.causeKey());
            }
        });
        return true;
    }

    @Override
    public synchronized List<Posting> ofPractitioner(PractitionerId practitioner) {
        return postings.stream().filter(p -> p.practitionerId().equals(practitioner)).toList();
    }

    @Override
    public synchronized List<Posting> ofBooking(BookingId booking) {
        return postings.stream().filter(p -> p.bookingId().filter(booking::equals).isPresent()).toList();
    }

    @Override
    public synchronized Balances balances(PractitionerId practitioner, Currency currency, Instant before) {
        return Balances.of(currency, postings.stream()
                .filter(p -> p.practitionerId().equals(practitioner) && p.at().isBefore(before)).toList());
    }

    @Override
    public synchronized Balances totals(Currency currency) {
        return Balances.of(currency, postings);
    }

    @Override
    public synchronized List<PractitionerId> withPositiveBalance(Account account, Currency currency, Instant before,
                                                                 Optional<PractitionerId> after, int limit) {
        TreeSet<String> candidates = new TreeSet<>();
        for (Posting posting : postings) {
            candidates.add(posting.practitionerId().toString());
        }
        List<PractitionerId> owed = new ArrayList<>();
        for (String id : after.isPresent() ? candidates.tailSet(after.get().toString(), false) : candidates) {
            if (owed.size() == limit) {
                break;
            }
            PractitionerId practitioner = PractitionerId.of(id);
            if (balances(practitioner, currency, before).of(account).isPositive()) {
                owed.add(practitioner);
            }
        }
        return owed;
    }
}
