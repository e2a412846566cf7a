package org.rendezvous.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rendezvous.core.port.contract.StoreFixtures.T0;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.rendezvous.core.contact.EmailAddress;
import org.rendezvous.core.contact.Language;
import org.rendezvous.core.contact.PersonName;
import org.rendezvous.core.inmemory.InMemoryStores;
import org.rendezvous.core.ledger.Account;
import org.rendezvous.core.ledger.Leg;
import org.rendezvous.core.ledger.Posting;
import org.rendezvous.core.ledger.PostingId;
import org.rendezvous.core.ledger.PostingKind;
import org.rendezvous.core.money.Money;
import org.rendezvous.core.port.Ledger;
import org.rendezvous.core.port.Stores;
import org.rendezvous.core.practitioner.Practitioner;
import org.rendezvous.core.practitioner.PractitionerId;

/**
 * PO-1: the payout cycle pages through the practitioners owed something with {@code after}; PostgreSQL
 * must give the same pages as the in-memory ledger, which orders ids by their text. Random ids (the
 * contract's fixtures have sequential ones), balances positive, zero and negative, two currencies,
 * postings on both sides of the cut-off.
 */
class LedgerPagingTest {

    private static final Currency EUR = Currency.getInstance("EUR");
    private static final Instant CUTOFF = T0.plus(Duration.ofDays(10));

    @Test
    @DisplayName("PO-1 pages of practitioners with a positive balance before a cut-off are the in-memory ledger's, page after page")
    void pagesMatchTheInMemoryLedger() {
        Stores postgres = TestDatabase.freshStores();
        Stores memory = InMemoryStores.create();
        Random random = new Random(20300315);
        for (int n = 0; n < 60; n++) {
            Practitioner practitioner = new Practitioner(new PractitionerId(new UUID(random.nextLong(), random.nextLong())),
                    PersonName.of("Practitioner " + n), EmailAddress.of("p" + n + "@example.org"), Optional.empty(),
                    Language.FRENCH, T0);
            postgres.practitioners().add(practitioner);
            memory.practitioners().add(practitioner);
            for (int p = 0; p < 4; p++) {
                Posting posting = posting(practitioner.id(), n + ":" + p, random);
                assertThat(postgres.ledger().post(posting)).isTrue();
                assertThat(memory.ledger().post(posting)).isTrue();
            }
        }

        for (int pageSize : new int[] {1, 7, 100}) {
            List<PractitionerId> expected = allPages(memory.ledger(), pageSize);
            assertThat(allPages(postgres.ledger(), pageSize)).as("pages of %d", pageSize).isEqualTo(expected);
            assertThat(expected).as("the data have owed and not owed practitioners").hasSizeBetween(10, 50);
        }
        assertThat(postgres.ledger().totals(EUR)).isEqualTo(memory.ledger().totals(EUR));
    }

    private static List<PractitionerId> allPages(Ledger ledger, int pageSize) {
        List<PractitionerId> all = new ArrayList<>();
        Optional<PractitionerId> after = Optional.empty();
        while (true) {
            List<PractitionerId> page = ledger.withPositiveBalance(Account.PRACTITIONER_PAYABLE, EUR, CUTOFF, after, pageSize);
            all.addAll(page);
            if (page.size() < pageSize) {
                return all;
            }
            after = Optional.of(page.get(page.size() - 1));
        }
    }

    /** Money into or out of the payable account, before or after the cut-off, mostly in EUR. */
    private static Posting posting(PractitionerId practitioner, String cause, Random random) {
        String currency = random.nextInt(5) == 0 ? "CHF" : "EUR";
        Money amount = Money.ofMinor(1 + random.nextInt(5_000), currency);
        Leg leg = random.nextBoolean()
                ? new Leg(Account.HELD_FOR_BOOKINGS, Account.PRACTITIONER_PAYABLE, amount)
                : new Leg(Account.PRACTITIONER_PAYABLE, Account.PAYOUTS, amount);
        Instant at = T0.plus(Duration.ofHours(random.nextInt(20 * 24)));
        return new Posting(new PostingId(UUID.randomUUID()), practitioner, Optional.empty(), Optional.empty(),
                PostingKind.EARNINGS_RELEASED, "paging:" + cause, List.of(leg), at);
    }
}
