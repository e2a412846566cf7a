package org.rendezvous.core.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.impl.Constraint;
import org.rendezvous.core.JobReport;
import org.rendezvous.core.ledger.Account;
import org.rendezvous.core.ledger.Balances;
import org.rendezvous.core.ledger.Leg;
import org.rendezvous.core.ledger.Posting;
import org.rendezvous.core.ledger.PostingId;
import org.rendezvous.core.ledger.PostingKind;
import org.rendezvous.core.money.Money;
import org.rendezvous.core.payout.Payout;
import org.rendezvous.core.payout.PayoutDestination;
import org.rendezvous.core.payout.PayoutState;
import org.rendezvous.core.policy.CommercialModel;
import org.rendezvous.core.practitioner.PractitionerId;
import org.rendezvous.core.practitioner.RegisterPractitionerCommand;

/**
 * Issue 15 item 4: the payout cycle decides its practitioners by chunks, with the chunk's reads and writes made
 * together. Over random balances of many practitioners (more than one chunk), some with no destination or one not
 * ready (PO-4: carried over), some below the minimum, some with a carried-over payout from an earlier cycle, the
 * money is conserved: what the cycle paid plus what it carried over plus what stays payable is what was payable
 * (FEE-4: the ledger's accounts still sum to zero); each practitioner has at most one payout per cycle and one
 * carried-over payout (PO-2, PO-4), and running the cycle again pays nothing.
 */
class PayoutCycleMoneyConservedPropertyTest {

    private static final Currency EUR = Currency.getInstance("EUR");

    /** One practitioner: earnings (cents, days before the second cycle's run) and the destination at each cycle. */
    record Owed(List<long[]> earnings, int firstDestination, int secondDestination) {
    }

    static Gen<List<Owed>> practitioners() {
        return in -> {
            int count = (int) in.next(Constraint.between(1, 130));
            List<Owed> all = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int earnings = (int) in.next(Constraint.between(0, 4));
                List<long[]> list = new ArrayList<>();
                for (int e = 0; e < earnings; e++) {
                    list.add(new long[] {in.next(Constraint.between(1, 20_000)), in.next(Constraint.between(0, 40))});
                }
                all.add(new Owed(list, (int) in.next(Constraint.between(0, 2)), (int) in.next(Constraint.between(0, 2))));
            }
            return all;
        };
    }

    @Test
    @DisplayName("PO-1 PO-2 PO-4 FEE-4 issue 15: paid + carried over + still payable = payable, over random balances of many practitioners")
    void cycleByChunksConservesMoney() {
        qt().withExamples(25).withShrinkCycles(20).forAll(practitioners()).checkAssert(this::play);
    }

    private void play(List<Owed> owed) {
        Scenario s = Scenario.builder().model(CommercialModel.PLATFORM_COLLECTS)
                .engineSettings(settings -> settings.withPayoutMinimum(Money.of("20.00", "EUR"))).build();
        List<PractitionerId> ids = new ArrayList<>();
        for (int i = 0; i < owed.size(); i++) {
            ids.add(s.engine.practitioners().register(RegisterPractitionerCommand.of("Practitioner " + i,
                    "p" + i + "@example.org", java.time.ZoneId.of("Europe/Paris"))).id());
        }
        java.time.Instant start = s.now();
        int n = 0;
        for (int i = 0; i < owed.size(); i++) {
            for (long[] earning : owed.get(i).earnings()) {
                s.stores.ledger().post(new Posting(new PostingId(java.util.UUID.randomUUID()), ids.get(i), Optional.empty(),
                        Optional.empty(), PostingKind.EARNINGS_RELEASED, "test-earning:" + (n++),
                        List.of(new Leg(Account.HELD_FOR_BOOKINGS, Account.PRACTITIONER_PAYABLE, Money.ofMinor(earning[0], "EUR"))),
                        start.minus(Duration.ofDays(earning[1])).minus(Duration.ofHours(1))));
            }
        }
        setDestinations(s, ids, owed, true);
        check(s, ids, s.engine.payouts().runDueCycle());

        // A later cycle: destinations change (a carried-over payout goes, or moves forward), more was earned.
        s.setClock(start.plus(Duration.ofDays(16)));
        setDestinations(s, ids, owed, false);
        for (int i = 0; i < owed.size(); i += 3) {
            s.stores.ledger().post(new Posting(new PostingId(java.util.UUID.randomUUID()), ids.get(i), Optional.empty(),
                    Optional.empty(), PostingKind.EARNINGS_RELEASED, "test-earning:" + (n++),
                    List.of(new Leg(Account.HELD_FOR_BOOKINGS, Account.PRACTITIONER_PAYABLE, Money.of("25.00", "EUR"))),
                    start.plus(Duration.ofDays(2))));
        }
        check(s, ids, s.engine.payouts().runDueCycle());
    }

    private static void setDestinations(Scenario s, List<PractitionerId> ids, List<Owed> owed, boolean first) {
        for (int i = 0; i < ids.size(); i++) {
            int kind = first ? owed.get(i).firstDestination() : owed.get(i).secondDestination();
            if (kind == 1) {
                s.engine.payouts().setDestination(ids.get(i), new PayoutDestination.ProviderAccount("acct_" + i, false));
            } else if (kind == 2) {
                s.engine.payouts().setDestination(ids.get(i), new PayoutDestination.ProviderAccount("acct_" + i, true));
            }
        }
    }

    private static void check(Scenario s, List<PractitionerId> ids, JobReport report) {
        Money paid = Money.zero("EUR");
        Money carriedOver = Money.zero("EUR");
        Money stillPayable = Money.zero("EUR");
        for (PractitionerId id : ids) {
            List<Payout> payouts = s.engine.payouts().ofPractitioner(id);
            assertThat(payouts.stream().map(p -> p.trigger().key()).distinct().count()).as("PO-2").isEqualTo(payouts.size());
            List<Payout> carried = payouts.stream().filter(p -> p.state() == PayoutState.CARRIED_OVER).toList();
            assertThat(carried).as("PO-4: one carried-over payout at most").hasSizeLessThanOrEqualTo(1);
            Money balance = s.engine.payouts().payableBalance(id);
            for (Payout carriedPayout : carried) {
                assertThat(carriedPayout.amount().isLessThan(balance) || carriedPayout.amount().equals(balance))
                        .as("PO-4: what is carried over is still payable").isTrue();
                carriedOver = carriedOver.plus(carriedPayout.amount());
                balance = balance.minus(carriedPayout.amount());
            }
            paid = payouts.stream().filter(p -> p.state() == PayoutState.SENT).map(Payout::amount).reduce(paid, Money::plus);
            assertThat(payouts).noneMatch(p -> p.state() == PayoutState.PLANNED || p.state() == PayoutState.FAILED);
            stillPayable = stillPayable.plus(balance);
        }
        Balances totals = s.engine.payments().platformTotals(EUR);
        long sum = 0;
        for (Account account : Account.values()) {
            sum += totals.of(account).minorUnits();
        }
        assertThat(sum).as("FEE-4: every posting balances").isZero();
        Money payable = totals.of(Account.PRACTITIONER_PAYABLE).plus(totals.of(Account.PAYOUTS));
        assertThat(paid.plus(carriedOver).plus(stillPayable)).as("paid + carried over + still payable = payable")
                .isEqualTo(payable);
        assertThat(totals.of(Account.PAYOUTS)).as("the ledger's payouts are the payouts sent").isEqualTo(paid);

        JobReport again = s.engine.payouts().runDueCycle();
        assertThat(again.changed()).as("PO-2: the same cycle again pays nobody").isZero();
        assertThat(report.examined()).isGreaterThanOrEqualTo(report.changed());
    }
}
