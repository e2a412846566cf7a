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
}
