package org.rendezvous.core.port.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.rendezvous.core.port.contract.StoreFixtures.eur;
import static org.rendezvous.core.port.contract.StoreFixtures.hours;

import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.rendezvous.core.booking.BookingId;
import org.rendezvous.core.ledger.Account;
import org.rendezvous.core.ledger.Balances;
import org.rendezvous.core.ledger.Leg;
import org.rendezvous.core.ledger.Posting;
import org.rendezvous.core.ledger.PostingId;
import org.rendezvous.core.ledger.PostingKind;
import org.rendezvous.core.money.Money;
import org.rendezvous.core.payout.PayoutId;
import org.rendezvous.core.port.Ledger;
import org.rendezvous.core.port.Stores;
import org.rendezvous.core.practitioner.PractitionerId;

/** What every {@link Ledger} adapter must do (FEE-4, PAY-6). */
public abstract class LedgerContract {

    protected static final Currency EUR = Currency.getInstance("EUR");
    protected final StoreFixtures fixtures = new StoreFixtures();
    protected Stores stores;
    protected Ledger ledger;
    protected PractitionerId anna;
    protected PractitionerId ben;

    protected abstract Stores newStores();

    @BeforeEach
    void freshStores() {
        stores = newStores();
        ledger = stores.ledger();
        anna = fixtures.registerPractitioner(stores);
        ben = fixtures.registerPractitioner(stores);
    }

    protected Posting posting(PractitionerId practitioner, Optional<BookingId> booking, String cause, Instant at, Leg... legs) {
        return new Posting(new PostingId(fixtures.newId()), practitioner, booking, Optional.empty(), PostingKind.PAYMENT_RECEIVED,
                cause, List.of(legs), at);
    }

    protected static Leg leg(Account from, Account to, String amount) {
        return new Leg(from, to, eur(amount));
    }

    @Test
    @DisplayName("FEE-4 a posting is read back with every field, by practitioner and by booking")
    void postingRoundTrip() {
        BookingId booking = fixtures.bookingId();
        Posting posting = new Posting(new PostingId(fixtures.newId()), anna, Optional.of(booking),
                Optional.of(new PayoutId(fixtures.newId())), PostingKind.EARNINGS_RELEASED, "earnings:" + booking,
                List.of(leg(Account.HELD_FOR_BOOKINGS, Account.PRACTITIONER_PAYABLE, "57.00"),
                        leg(Account.HELD_FOR_BOOKINGS, Account.PLATFORM_REVENUE, "3.00")), hours(1));

        assertThat(ledger.post(posting)).isTrue();

        assertThat(ledger.ofPractitioner(anna)).containsExactly(posting);
        assertThat(ledger.ofBooking(booking)).containsExactly(posting);
        assertThat(ledger.ofPractitioner(ben)).isEmpty();
    }

    @Test
    @DisplayName("PAY-4 a second posting with the same cause key is refused: money never moves twice for one cause")
    void sameCauseIsPostedOnce() {
        assertThat(ledger.post(posting(anna, Optional.empty(), "payment:pi_1", hours(1),
                leg(Account.CLIENT_PAYMENTS, Account.HELD_FOR_BOOKINGS, "60.00")))).isTrue();
        assertThat(ledger.post(posting(anna, Optional.empty(), "payment:pi_1", hours(2),
                leg(Account.CLIENT_PAYMENTS, Account.HELD_FOR_BOOKINGS, "60.00")))).isFalse();

        assertThat(ledger.ofPractitioner(anna)).hasSize(1);
        assertThat(ledger.balances(anna, EUR, hours(10)).of(Account.HELD_FOR_BOOKINGS)).isEqualTo(eur("60.00"));
    }

    @Test
    @DisplayName("FEE-4 balances count only postings before the given instant, per practitioner, and the platform's totals balance")
    void balancesBeforeAnInstant() {
        ledger.post(posting(anna, Optional.empty(), "a", hours(1), leg(Account.CLIENT_PAYMENTS, Account.HELD_FOR_BOOKINGS, "60.00")));
        ledger.post(posting(anna, Optional.empty(), "b", hours(2), leg(Account.HELD_FOR_BOOKINGS, Account.PRACTITIONER_PAYABLE, "57.00"),
                leg(Account.HELD_FOR_BOOKINGS, Account.PLATFORM_REVENUE, "3.00")));
        ledger.post(posting(ben, Optional.empty(), "c", hours(1), leg(Account.CLIENT_PAYMENTS, Account.PRACTITIONER_DIRECT, "20.00")));

        Balances before = ledger.balances(anna, EUR, hours(2));
        assertThat(before.of(Account.HELD_FOR_BOOKINGS)).isEqualTo(eur("60.00"));
        assertThat(before.of(Account.PRACTITIONER_PAYABLE)).isEqualTo(eur("0.00"));
        Balances after = ledger.balances(anna, EUR, hours(3));
        assertThat(after.of(Account.HELD_FOR_BOOKINGS)).isEqualTo(eur("0.00"));
        assertThat(after.of(Account.PRACTITIONER_PAYABLE)).isEqualTo(eur("57.00"));
        assertThat(after.moneyIn()).isEqualTo(eur("60.00"));

        Balances totals = ledger.totals(EUR);
        assertThat(totals.moneyIn()).isEqualTo(eur("80.00"));
        assertThat(totals.accountedFor()).isEqualTo(totals.moneyIn());
        assertThat(ledger.balances(anna, Currency.getInstance("CHF"), hours(3)).moneyIn()).isEqualTo(Money.zero("CHF"));
    }

    @Test
    @DisplayName("PO-1 the practitioners owed before a cut-off, in id order and by pages")
    void practitionersWithAPositiveBalance() {
        PractitionerId carl = fixtures.registerPractitioner(stores);
        ledger.post(posting(anna, Optional.empty(), "a", hours(1), leg(Account.CLIENT_PAYMENTS, Account.PRACTITIONER_PAYABLE, "10.00")));
        ledger.post(posting(ben, Optional.empty(), "b", hours(5), leg(Account.CLIENT_PAYMENTS, Account.PRACTITIONER_PAYABLE, "10.00")));
        ledger.post(posting(carl, Optional.empty(), "c", hours(1), leg(Account.CLIENT_PAYMENTS, Account.PRACTITIONER_PAYABLE, "10.00")));
        ledger.post(posting(carl, Optional.empty(), "d", hours(2), leg(Account.PRACTITIONER_PAYABLE, Account.PAYOUTS, "10.00")));

        assertThat(ledger.withPositiveBalance(Account.PRACTITIONER_PAYABLE, EUR, hours(3), Optional.empty(), 10))
                .containsExactly(anna);
        List<PractitionerId> all = ledger.withPositiveBalance(Account.PRACTITIONER_PAYABLE, EUR, hours(6), Optional.empty(), 10);
        assertThat(all).containsExactlyInAnyOrder(anna, ben);
        List<PractitionerId> firstPage = ledger.withPositiveBalance(Account.PRACTITIONER_PAYABLE, EUR, hours(6), Optional.empty(), 1);
        List<PractitionerId> secondPage = ledger.withPositiveBalance(Account.PRACTITIONER_PAYABLE, EUR, hours(6),
                Optional.of(firstPage.get(0)), 1);
        assertThat(firstPage).hasSize(1);
        assertThat(secondPage).hasSize(1).doesNotContainAnyElementsOf(firstPage);
        assertThat(List.of(firstPage.get(0), secondPage.get(0))).isEqualTo(all.stream().sorted(
                java.util.Comparator.comparing(PractitionerId::toString)).toList());
    }

    @Test
    @DisplayName("FEE-4 a posting written in a transaction that fails is gone")
    void rolledBackPostingIsGone() {
        assertThatThrownBy(() -> stores.transactions().inTransaction(() -> {
            ledger.post(posting(anna, Optional.empty(), "doomed", hours(1),
                    leg(Account.CLIENT_PAYMENTS, Account.HELD_FOR_BOOKINGS, "60.00")));
            throw new IllegalStateException("boom");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(ledger.ofPractitioner(anna)).isEmpty();
        assertThat(ledger.post(posting(anna, Optional.empty(), "doomed", hours(1),
                leg(Account.CLIENT_PAYMENTS, Account.HELD_FOR_BOOKINGS, "60.00")))).isTrue();
    }

    @Test
    @DisplayName("FEE-4 issue 15: postAll appends what post would, leaves out a cause key already posted, and says which")
    void postAllAsPostWould() {
        Posting first = posting(anna, Optional.empty(), "earning:1", hours(1),
                leg(Account.CLIENT_PAYMENTS, Account.PRACTITIONER_PAYABLE, "10.00"));
        assertThat(ledger.post(first)).isTrue();
        Posting again = posting(anna, Optional.empty(), "earning:1", hours(2),
                leg(Account.CLIENT_PAYMENTS, Account.PRACTITIONER_PAYABLE, "10.00"));
        Posting second = posting(anna, Optional.empty(), "earning:2", hours(3),
                leg(Account.CLIENT_PAYMENTS, Account.PRACTITIONER_PAYABLE, "5.00"),
                leg(Account.CLIENT_PAYMENTS, Account.PLATFORM_REVENUE, "1.00"));
        Posting third = posting(ben, Optional.empty(), "earning:3", hours(4),
                leg(Account.CLIENT_PAYMENTS, Account.PRACTITIONER_PAYABLE, "7.00"));

        assertThat(ledger.postAll(List.of(again, second, third))).containsExactlyInAnyOrder(second.id(), third.id());
        assertThat(ledger.postAll(List.of())).isEmpty();

        assertThat(ledger.ofPractitioner(anna)).containsExactly(first, second);
        assertThat(ledger.ofPractitioner(ben)).containsExactly(third);
    }

    @Test
    @DisplayName("FEE-4 issue 15: balancesOf gives each practitioner's balance of one account before an instant, as balances does")
    void balancesOfManyPractitioners() {
        ledger.post(posting(anna, Optional.empty(), "in:1", hours(1), leg(Account.CLIENT_PAYMENTS, Account.PRACTITIONER_PAYABLE, "10.00")));
        ledger.post(posting(anna, Optional.empty(), "out:1", hours(2), leg(Account.PRACTITIONER_PAYABLE, Account.PAYOUTS, "4.00")));
        ledger.post(posting(anna, Optional.empty(), "in:2", hours(5), leg(Account.CLIENT_PAYMENTS, Account.PRACTITIONER_PAYABLE, "1.00")));
        PractitionerId carl = fixtures.registerPractitioner(stores);

        assertThat(ledger.balancesOf(List.of(anna, ben, carl), Account.PRACTITIONER_PAYABLE, EUR, hours(3)))
                .containsEntry(anna, eur("6.00")).containsEntry(ben, eur("0.00")).containsEntry(carl, eur("0.00")).hasSize(3);
        assertThat(ledger.balancesOf(List.of(anna), Account.PRACTITIONER_PAYABLE, EUR, hours(6)))
                .containsEntry(anna, ledger.balances(anna, EUR, hours(6)).of(Account.PRACTITIONER_PAYABLE));
        assertThat(ledger.balancesOf(List.of(anna), Account.PAYOUTS, EUR, hours(6))).containsEntry(anna, eur("4.00"));
        assertThat(ledger.balancesOf(List.of(), Account.PAYOUTS, EUR, hours(6))).isEmpty();
    }

    @Test
    @DisplayName("PO-5 issue 15: ofPractitioners gives each practitioner's postings from their own instant up to the bound, oldest first")
    void postingsOfManyPractitionersInAWindow() {
        Posting a1 = posting(anna, Optional.empty(), "a:1", hours(1), leg(Account.CLIENT_PAYMENTS, Account.PRACTITIONER_PAYABLE, "1.00"));
        Posting a2 = posting(anna, Optional.empty(), "a:2", hours(2), leg(Account.CLIENT_PAYMENTS, Account.PRACTITIONER_PAYABLE, "2.00"));
        Posting a3 = posting(anna, Optional.empty(), "a:3", hours(3), leg(Account.CLIENT_PAYMENTS, Account.PRACTITIONER_PAYABLE, "3.00"));
        Posting b1 = posting(ben, Optional.empty(), "b:1", hours(1), leg(Account.CLIENT_PAYMENTS, Account.PRACTITIONER_PAYABLE, "4.00"),
                leg(Account.CLIENT_PAYMENTS, Account.PLATFORM_REVENUE, "0.50"));
        Posting b4 = posting(ben, Optional.empty(), "b:4", hours(4), leg(Account.CLIENT_PAYMENTS, Account.PRACTITIONER_PAYABLE, "5.00"));
        for (Posting p : List.of(a1, a2, a3, b1, b4)) {
            ledger.post(p);
        }
        PractitionerId carl = fixtures.registerPractitioner(stores);

        java.util.Map<PractitionerId, Instant> since = new java.util.HashMap<>();
        since.put(anna, hours(2));
        since.put(ben, Instant.EPOCH);
        since.put(carl, Instant.EPOCH);
        java.util.Map<PractitionerId, List<Posting>> found = ledger.ofPractitioners(since, hours(4));

        assertThat(found.get(anna)).containsExactly(a2, a3);
        assertThat(found.get(ben)).containsExactly(b1);
        assertThat(found.get(carl)).isEmpty();
        assertThat(found).hasSize(3);
    }
}
