package org.rendezvous.core.port;

import java.time.Instant;
import java.util.Currency;
import java.util.List;
import org.rendezvous.core.booking.BookingId;
import org.rendezvous.core.ledger.Account;
import org.rendezvous.core.ledger.Balances;
import org.rendezvous.core.ledger.Posting;
import org.rendezvous.core.practitioner.PractitionerId;

/** The append-only, double-entry ledger (FEE-4). Postings are never changed or removed. */
public interface Ledger {

    /** Appends the posting unless one with the same cause key exists; true when it was appended. */
    boolean post(Posting posting);

    /** A practitioner's postings, oldest first: the payment history (PAY-6). */
    List<Posting> ofPractitioner(PractitionerId practitioner);

    /** A booking's postings, oldest first. */
    List<Posting> ofBooking(BookingId booking);

    /** A practitioner's balances, counting postings made before {@code before}. */
    Balances balances(PractitionerId practitioner, Currency currency, Instant before);

    /** The whole platform's balances in one currency. */
    Balances totals(Currency currency);

    /** Practitioners whose {@code account} balance before {@code before} is above zero, at most {@code limit}, after {@code after} in id order. */
    List<PractitionerId> withPositiveBalance(Account account, Currency currency, Instant before,
                                             java.util.Optional<PractitionerId> after, int limit);

    /**
     * Appends each posting as {@link #post} does; the ids of those appended (a cause key already posted is left
     * out). An adapter may write them all in a few statements.
     */
    default java.util.Set<org.rendezvous.core.ledger.PostingId> postAll(List<Posting> postings) {
        java.util.Set<org.rendezvous.core.ledger.PostingId> posted = new java.util.HashSet<>();
        for (Posting posting : postings) {
            if (post(posting)) {
                posted.add(posting.id());
            }
        }
        return posted;
    }

    /**
     * The balance of {@code account} before {@code before} in {@code currency} of each of these practitioners, as
     * {@link #balances} gives it (zero for a practitioner with no posting): one read for a chunk of the payout cycle.
     */
    default java.util.Map<PractitionerId, org.rendezvous.core.money.Money> balancesOf(
            java.util.Collection<PractitionerId> practitioners, Account account, Currency currency, Instant before) {
        java.util.Map<PractitionerId, org.rendezvous.core.money.Money> found = new java.util.HashMap<>();
        for (PractitionerId practitioner : practitioners) {
            found.put(practitioner, balances(practitioner, currency, before).of(account));
        }
        return found;
    }

    /**
     * Each practitioner's postings at or after their own instant in {@code since} and before {@code before},
     * oldest first, as {@link #ofPractitioner} orders them (a practitioner with none maps to an empty list): the
     * items of a chunk's statements (PO-5) in one read, without the older history.
     */
    default java.util.Map<PractitionerId, List<Posting>> ofPractitioners(java.util.Map<PractitionerId, Instant> since,
                                                                          Instant before) {
        java.util.Map<PractitionerId, List<Posting>> found = new java.util.HashMap<>();
        since.forEach((practitioner, from) -> found.put(practitioner, ofPractitioner(practitioner).stream()
                .filter(p -> !p.at().isBefore(from) && p.at().isBefore(before)).toList()));
        return found;
    }
}
