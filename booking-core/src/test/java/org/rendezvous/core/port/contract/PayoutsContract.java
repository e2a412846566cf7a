package org.rendezvous.core.port.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rendezvous.core.port.contract.StoreFixtures.eur;
import static org.rendezvous.core.port.contract.StoreFixtures.hours;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.rendezvous.core.payout.BatchItem;
import org.rendezvous.core.payout.BatchSending;
import org.rendezvous.core.payout.Payout;
import org.rendezvous.core.payout.PayoutBatch;
import org.rendezvous.core.payout.PayoutBatchId;
import org.rendezvous.core.payout.PayoutBatchState;
import org.rendezvous.core.payout.PayoutDestination;
import org.rendezvous.core.payout.PayoutId;
import org.rendezvous.core.payout.PayoutPosition;
import org.rendezvous.core.payout.PayoutState;
import org.rendezvous.core.payout.PayoutTrigger;
import org.rendezvous.core.payout.StatementLine;
import org.rendezvous.core.port.Stores;
import org.rendezvous.core.practitioner.BankDetails;
import org.rendezvous.core.practitioner.Iban;
import org.rendezvous.core.practitioner.PractitionerId;

/** What every {@link org.rendezvous.core.port.Payouts} and {@link org.rendezvous.core.port.PayoutAccounts} adapter must do (PO-2, PO-4, PO-5). */
public abstract class PayoutsContract {

    protected final StoreFixtures fixtures = new StoreFixtures();
    protected Stores stores;
    protected PractitionerId anna;
    protected PractitionerId ben;

    protected abstract Stores newStores();

    @BeforeEach
    void freshStores() {
        stores = newStores();
        anna = fixtures.registerPractitioner(stores);
        ben = fixtures.registerPractitioner(stores);
    }

    protected Payout payout(PractitionerId practitioner, PayoutTrigger trigger, PayoutState state) {
        return new Payout(new PayoutId(fixtures.newId()), practitioner, trigger, hours(0), eur("57.00"), state,
                List.of(new StatementLine(hours(-5), "EARNINGS_RELEASED", Optional.of(fixtures.bookingId()), eur("57.00"))),
                Optional.empty(), Optional.empty(), hours(1), hours(1));
    }

    @Test
    @DisplayName("PO-5 a payout is read back with its statement")
    void payoutRoundTrip() {
        Payout payout = payout(anna, new PayoutTrigger.Cycle(LocalDate.of(2030, 3, 15)), PayoutState.PLANNED);
        assertThat(stores.payouts().add(payout)).isTrue();

        assertThat(stores.payouts().find(payout.id())).contains(payout);
        assertThat(stores.payouts().forTrigger(anna, "cycle:2030-03-15")).contains(payout);
        assertThat(stores.payouts().ofPractitioner(anna)).containsExactly(payout);
    }

    @Test
    @DisplayName("PO-2 at most one payout per practitioner and cycle; another practitioner or another trigger is another payout")
    void onePerPractitionerAndTrigger() {
        PayoutTrigger cycle = new PayoutTrigger.Cycle(LocalDate.of(2030, 3, 15));
        assertThat(stores.payouts().add(payout(anna, cycle, PayoutState.PLANNED))).isTrue();
        assertThat(stores.payouts().add(payout(anna, cycle, PayoutState.PLANNED))).isFalse();
        assertThat(stores.payouts().add(payout(ben, cycle, PayoutState.PLANNED))).isTrue();
        assertThat(stores.payouts().add(payout(anna, new PayoutTrigger.Request("req-1"), PayoutState.PLANNED))).isTrue();

        assertThat(stores.payouts().ofPractitioner(anna)).hasSize(2);
    }

    @Test
    @DisplayName("an update applies only from the expected state; payouts are listed by state")
    void conditionalUpdate() {
        Payout planned = payout(anna, new PayoutTrigger.Cycle(LocalDate.of(2030, 4, 1)), PayoutState.PLANNED);
        stores.payouts().add(planned);

        assertThat(stores.payouts().inState(PayoutState.PLANNED, 10)).containsExactly(planned);
        assertThat(stores.payouts().update(planned.sent("po_1", hours(2)), PayoutState.PLANNED)).isTrue();
        assertThat(stores.payouts().update(planned.failed("refused", hours(3)), PayoutState.PLANNED)).isFalse();

        assertThat(stores.payouts().find(planned.id()).orElseThrow().state()).isEqualTo(PayoutState.SENT);
        assertThat(stores.payouts().find(planned.id()).orElseThrow().reference()).contains("po_1");
        assertThat(stores.payouts().inState(PayoutState.PLANNED, 10)).isEmpty();
    }

    @Test
    @DisplayName("issue 12: paging newest change first reaches every payout once, in one state or in all, ties broken by id")
    void newestChangedPages() {
        List<Payout> all = new ArrayList<>();
        PayoutState[] states = {PayoutState.PLANNED, PayoutState.SENT, PayoutState.FAILED};
        for (int i = 0; i < 9; i++) {
            // Three share each change time, so the id decides their order as it must across a page boundary.
            Payout payout = new Payout(new PayoutId(fixtures.newId()), i % 2 == 0 ? anna : ben,
                    new PayoutTrigger.Request("page-" + i), hours(0), eur("10.00"), states[i % 3], List.of(),
                    Optional.empty(), Optional.empty(), hours(1), hours(2 + i / 3));
            assertThat(stores.payouts().add(payout)).isTrue();
            all.add(payout);
        }
        List<Payout> expected = all.stream().sorted(PayoutPosition.NEWEST_CHANGE_FIRST).toList();
        assertThat(expected.get(0).updatedAt()).isEqualTo(hours(4));

        for (int size = 1; size <= 10; size++) {
            assertThat(readAll(Optional.empty(), size)).as("pages of %d", size).containsExactlyElementsOf(expected);
            assertThat(readAll(Optional.of(PayoutState.FAILED), size)).as("failed ones, pages of %d", size)
                    .containsExactlyElementsOf(expected.stream().filter(p -> p.state() == PayoutState.FAILED).toList());
        }
        assertThat(stores.payouts().newestChanged(Optional.empty(), Optional.of(PayoutPosition.of(expected.get(8))), 5))
                .as("nothing after the last").isEmpty();
        assertThat(stores.payouts().newestChanged(Optional.of(PayoutState.CARRIED_OVER), Optional.empty(), 5)).isEmpty();
    }

    private List<Payout> readAll(Optional<PayoutState> state, int size) {
        List<Payout> read = new ArrayList<>();
        Optional<PayoutPosition> after = Optional.empty();
        while (true) {
            List<Payout> page = stores.payouts().newestChanged(state, after, size);
            assertThat(page.size()).isLessThanOrEqualTo(size);
            read.addAll(page);
            if (page.size() < size) {
                return read;
            }
            after = Optional.of(PayoutPosition.of(page.get(page.size() - 1)));
        }
    }

    @Test
    @DisplayName("PO-4 a payout destination is saved, replaced and read back")
    void destinations() {
        assertThat(stores.payoutAccounts().find(anna)).isEmpty();
        PayoutDestination bank = new PayoutDestination.BankAccount(
                new BankDetails("Anna Martin", new Iban("FR76 3000 6000 0112 3456 7890 189"), Optional.empty()));
        stores.payoutAccounts().save(anna, bank);
        assertThat(stores.payoutAccounts().find(anna)).contains(bank);

        PayoutDestination provider = new PayoutDestination.ProviderAccount("acct_123", true);
        stores.payoutAccounts().save(anna, provider);
        assertThat(stores.payoutAccounts().find(anna)).contains(provider);
        assertThat(stores.payoutAccounts().find(ben)).isEmpty();
    }

    @Test
    @DisplayName("PO-4 the one carried-over payout is found, and moves forward to a later trigger with its new amount and statement")
    void carriedOverMovesForward() {
        Payout carried = payout(anna, new PayoutTrigger.Cycle(LocalDate.of(2030, 3, 1)), PayoutState.CARRIED_OVER);
        stores.payouts().add(carried);
        assertThat(stores.payouts().carriedOver(anna)).contains(carried);
        assertThat(stores.payouts().carriedOver(ben)).isEmpty();

        List<StatementLine> longer = List.of(carried.statement().get(0),
                new StatementLine(hours(20), "CHARGE_KEPT", Optional.of(fixtures.bookingId()), eur("10.00")));
        Payout moved = carried.movedTo(new PayoutTrigger.Cycle(LocalDate.of(2030, 3, 15)), hours(48), eur("67.00"), longer,
                PayoutState.CARRIED_OVER, Optional.of("no payout destination ready"), hours(49));
        assertThat(stores.payouts().revise(moved, PayoutState.CARRIED_OVER)).isTrue();

        assertThat(stores.payouts().find(carried.id())).contains(moved);
        assertThat(stores.payouts().forTrigger(anna, "cycle:2030-03-15")).contains(moved);
        assertThat(stores.payouts().forTrigger(anna, "cycle:2030-03-01")).as("the old trigger is free again").isEmpty();
        assertThat(stores.payouts().ofPractitioner(anna)).containsExactly(moved);

        Payout planned = moved.movedTo(new PayoutTrigger.Request("req-9"), hours(60), eur("67.00"), longer,
                PayoutState.PLANNED, Optional.empty(), hours(60));
        assertThat(stores.payouts().revise(planned, PayoutState.CARRIED_OVER)).isTrue();
        assertThat(stores.payouts().revise(planned, PayoutState.CARRIED_OVER)).as("no longer carried over").isFalse();
        assertThat(stores.payouts().carriedOver(anna)).isEmpty();
        assertThat(stores.payouts().find(carried.id())).contains(planned);
    }

    private BatchItem item(Payout payout) {
        return new BatchItem(payout.id(), payout.practitionerId(),
                new BankDetails("Anna Martin", new Iban("FR76 3000 6000 0112 3456 7890 189"), Optional.empty()),
                payout.amount(), "Rendezvous payout " + payout.trigger().key());
    }

    @Test
    @DisplayName("PO-2 one bank-file batch per cycle; one open batch of payouts on request at a time")
    void oneBatchPerCycle() {
        Currency eur = Currency.getInstance("EUR");
        LocalDate cycle = LocalDate.of(2030, 3, 15);
        PayoutBatch first = PayoutBatch.open(new PayoutBatchId(fixtures.newId()), Optional.of(cycle), eur, hours(1));
        assertThat(stores.payouts().addBatch(first)).isTrue();
        assertThat(stores.payouts().addBatch(PayoutBatch.open(new PayoutBatchId(fixtures.newId()), Optional.of(cycle), eur, hours(1))))
                .isFalse();
        assertThat(stores.payouts().batchOf(Optional.of(cycle))).contains(first);

        PayoutBatch requests = PayoutBatch.open(new PayoutBatchId(fixtures.newId()), Optional.empty(), eur, hours(2));
        assertThat(stores.payouts().addBatch(requests)).isTrue();
        assertThat(stores.payouts().addBatch(PayoutBatch.open(new PayoutBatchId(fixtures.newId()), Optional.empty(), eur, hours(2))))
                .isFalse();
        assertThat(stores.payouts().batchOf(Optional.empty())).contains(requests);

        assertThat(stores.payouts().updateBatch(requests.exported(hours(3)), PayoutBatchState.OPEN)).isTrue();
        assertThat(stores.payouts().batchOf(Optional.empty())).as("no open batch on request").isEmpty();
        PayoutBatch next = PayoutBatch.open(new PayoutBatchId(fixtures.newId()), Optional.empty(), eur, hours(4));
        assertThat(stores.payouts().addBatch(next)).isTrue();
        assertThat(stores.payouts().batches(10)).extracting(PayoutBatch::id).containsExactly(next.id(), requests.id(), first.id());
        assertThat(stores.payouts().batches(1)).extracting(PayoutBatch::id).containsExactly(next.id());
    }

    @Test
    @DisplayName("PO-5 a batch keeps its items while open, in order, each payout once; exported and sent batches take no more")
    void batchItemsAndStates() {
        Currency eur = Currency.getInstance("EUR");
        Payout annas = payout(anna, new PayoutTrigger.Cycle(LocalDate.of(2030, 3, 15)), PayoutState.AWAITING_BANK_FILE);
        Payout bens = payout(ben, new PayoutTrigger.Cycle(LocalDate.of(2030, 3, 15)), PayoutState.AWAITING_BANK_FILE);
        Payout late = payout(ben, new PayoutTrigger.Request("late"), PayoutState.AWAITING_BANK_FILE);
        stores.payouts().add(annas);
        stores.payouts().add(bens);
        stores.payouts().add(late);
        PayoutBatch batch = PayoutBatch.open(new PayoutBatchId(fixtures.newId()), Optional.of(LocalDate.of(2030, 3, 15)), eur, hours(1));
        stores.payouts().addBatch(batch);

        assertThat(stores.payouts().addToBatch(batch.id(), item(annas))).isTrue();
        assertThat(stores.payouts().addToBatch(batch.id(), item(bens))).isTrue();
        assertThat(stores.payouts().addToBatch(batch.id(), item(annas))).as("each payout once").isFalse();
        assertThat(stores.payouts().addToBatch(new PayoutBatchId(fixtures.newId()), item(late))).as("no such batch").isFalse();

        PayoutBatch read = stores.payouts().batch(batch.id()).orElseThrow();
        assertThat(read.items()).containsExactly(item(annas), item(bens));
        assertThat(read.total()).isEqualTo(eur("114.00"));

        assertThat(stores.payouts().updateBatch(read.exported(hours(2)), PayoutBatchState.OPEN)).isTrue();
        assertThat(stores.payouts().addToBatch(batch.id(), item(late))).as("exported: fixed").isFalse();
        assertThat(stores.payouts().updateBatch(read.exported(hours(3)), PayoutBatchState.OPEN)).isFalse();

        PayoutBatch exported = stores.payouts().batch(batch.id()).orElseThrow();
        assertThat(exported.state()).isEqualTo(PayoutBatchState.EXPORTED);
        assertThat(exported.exportedAt()).contains(hours(2));
        BatchSending sending = new BatchSending("operator:olga", hours(5), "uploaded to the bank, ref 4411");
        assertThat(stores.payouts().updateBatch(exported.sent(sending), PayoutBatchState.EXPORTED)).isTrue();
        PayoutBatch sent = stores.payouts().batch(batch.id()).orElseThrow();
        assertThat(sent.state()).isEqualTo(PayoutBatchState.SENT);
        assertThat(sent.sending()).contains(sending);
        assertThat(sent.items()).containsExactly(item(annas), item(bens));
        assertThat(stores.payouts().batchOf(Optional.of(LocalDate.of(2030, 3, 15)))).contains(sent);
    }

    @Test
    @DisplayName("PO-2 PO-5 issue 15: addAll adds what add would, with statements, and leaves out a second payout for a trigger")
    void addAllAsAddWould() {
        PayoutTrigger cycle = new PayoutTrigger.Cycle(LocalDate.of(2030, 3, 15));
        Payout first = payout(anna, cycle, PayoutState.PLANNED);
        assertThat(stores.payouts().add(first)).isTrue();
        Payout second = payout(anna, cycle, PayoutState.PLANNED);
        Payout bens = new Payout(new PayoutId(fixtures.newId()), ben, cycle, hours(0), eur("9.00"), PayoutState.CARRIED_OVER,
                List.of(new StatementLine(hours(-5), "EARNINGS_RELEASED", Optional.of(fixtures.bookingId()), eur("5.00")),
                        new StatementLine(hours(-4), "CHARGE_KEPT", Optional.empty(), eur("4.00"))),
                Optional.empty(), Optional.of("no payout destination ready"), hours(1), hours(1));

        assertThat(stores.payouts().addAll(List.of(second, bens))).containsExactly(bens.id());
        assertThat(stores.payouts().addAll(List.of())).isEmpty();

        assertThat(stores.payouts().forTrigger(anna, cycle.key())).contains(first);
        assertThat(stores.payouts().find(bens.id())).contains(bens);
        assertThat(stores.payouts().find(second.id())).isEmpty();
    }

    @Test
    @DisplayName("issue 15: updateAll updates, as update would, only the payouts still in the expected state, and says which")
    void updateAllFromExpectedState() {
        Payout a = payout(anna, new PayoutTrigger.Cycle(LocalDate.of(2030, 4, 1)), PayoutState.PLANNED);
        Payout b = payout(ben, new PayoutTrigger.Cycle(LocalDate.of(2030, 4, 1)), PayoutState.PLANNED);
        stores.payouts().add(a);
        stores.payouts().add(b);
        stores.payouts().update(b.failed("refused", hours(2)), PayoutState.PLANNED);

        assertThat(stores.payouts().updateAll(List.of(a.sent("po_a", hours(3)), b.sent("po_b", hours(3))), PayoutState.PLANNED))
                .containsExactly(a.id());

        assertThat(stores.payouts().find(a.id()).orElseThrow().reference()).contains("po_a");
        assertThat(stores.payouts().find(b.id()).orElseThrow().state()).isEqualTo(PayoutState.FAILED);
    }

    @Test
    @DisplayName("PO-2 PO-4 PO-5 issue 15: a cycle view gives the trigger's payout, the carried-over one and the latest cut-off paid")
    void cycleViews() {
        PayoutTrigger march1 = new PayoutTrigger.Cycle(LocalDate.of(2030, 3, 1));
        PayoutTrigger march15 = new PayoutTrigger.Cycle(LocalDate.of(2030, 3, 15));
        Payout sent = new Payout(new PayoutId(fixtures.newId()), anna, new PayoutTrigger.Request("req-1"), hours(-10),
                eur("5.00"), PayoutState.PLANNED, List.of(), Optional.empty(), Optional.empty(), hours(-9), hours(-9));
        stores.payouts().add(sent);
        stores.payouts().update(sent.sent("po_1", hours(-8)), PayoutState.PLANNED);
        Payout failed = new Payout(new PayoutId(fixtures.newId()), anna, new PayoutTrigger.Request("req-2"), hours(-2),
                eur("5.00"), PayoutState.PLANNED, List.of(), Optional.empty(), Optional.empty(), hours(-1), hours(-1));
        stores.payouts().add(failed);
        stores.payouts().update(failed.failed("refused", hours(-1)), PayoutState.PLANNED);
        Payout annas = payout(anna, march15, PayoutState.PLANNED);
        stores.payouts().add(annas);
        Payout carried = payout(ben, march1, PayoutState.CARRIED_OVER);
        stores.payouts().add(carried);
        PractitionerId carl = fixtures.registerPractitioner(stores);

        java.util.Map<PractitionerId, org.rendezvous.core.port.Payouts.CycleView> views =
                stores.payouts().cycleViews(List.of(anna, ben, carl), march15.key());

        assertThat(views.get(anna)).isEqualTo(new org.rendezvous.core.port.Payouts.CycleView(Optional.of(annas),
                Optional.empty(), annas.cutoff()));
        assertThat(views.get(ben)).isEqualTo(new org.rendezvous.core.port.Payouts.CycleView(Optional.empty(),
                Optional.of(carried), java.time.Instant.EPOCH));
        assertThat(views.get(carl)).isEqualTo(new org.rendezvous.core.port.Payouts.CycleView(Optional.empty(),
                Optional.empty(), java.time.Instant.EPOCH));
        assertThat(stores.payouts().cycleViews(List.of(anna), march1.key()).get(anna).paidUpTo()).isEqualTo(hours(0));
    }

    @Test
    @DisplayName("PO-4 issue 15: findAll gives the destinations of those practitioners who have one; currencies their agendas' currency")
    void destinationsAndCurrenciesOfMany() {
        PayoutDestination provider = new PayoutDestination.ProviderAccount("acct_123", false);
        stores.payoutAccounts().save(anna, provider);

        assertThat(stores.payoutAccounts().findAll(List.of(anna, ben))).containsExactly(java.util.Map.entry(anna, provider));
        assertThat(stores.payoutAccounts().findAll(List.of())).isEmpty();
        assertThat(stores.agendas().currencies(List.of(anna, ben, fixtures.practitionerId())))
                .containsEntry(anna, Currency.getInstance("EUR")).containsEntry(ben, Currency.getInstance("EUR")).hasSize(2);
    }

    @Test
    @DisplayName("issue 15: inAgendas is one unit of work: what it wrote is gone when its work throws")
    void inAgendasIsOneUnitOfWork() {
        Payout a = payout(anna, new PayoutTrigger.Cycle(LocalDate.of(2030, 5, 1)), PayoutState.PLANNED);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> stores.transactions().inAgendas(List.of(anna, ben), () -> {
            stores.payouts().add(a);
            throw new IllegalStateException("boom");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(stores.payouts().find(a.id())).isEmpty();

        assertThat(stores.transactions().inAgendas(List.of(anna, ben), () -> stores.payouts().add(a))).isTrue();
        assertThat(stores.payouts().find(a.id())).contains(a);
    }
}
