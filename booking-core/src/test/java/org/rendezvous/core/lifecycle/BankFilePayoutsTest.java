package org.rendezvous.core.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.rendezvous.core.lifecycle.Scenario.accepted;
import static org.rendezvous.core.lifecycle.Scenario.eur;
import static org.rendezvous.core.lifecycle.Scenario.rejected;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.rendezvous.core.agenda.ConsultationMode;
import org.rendezvous.core.booking.Booking;
import org.rendezvous.core.booking.CancelByClientCommand;
import org.rendezvous.core.ledger.Account;
import org.rendezvous.core.ledger.Balances;
import org.rendezvous.core.money.Percent;
import org.rendezvous.core.notification.ClaimedMessage;
import org.rendezvous.core.notification.Lease;
import org.rendezvous.core.notification.MessageKind;
import org.rendezvous.core.outcome.Reason;
import org.rendezvous.core.payment.CheckoutSession;
import org.rendezvous.core.payout.Payout;
import org.rendezvous.core.payout.PayoutBatch;
import org.rendezvous.core.payout.PayoutBatchId;
import org.rendezvous.core.payout.PayoutBatchState;
import org.rendezvous.core.payout.PayoutDestination;
import org.rendezvous.core.payout.PayoutResult;
import org.rendezvous.core.payout.PayoutState;
import org.rendezvous.core.payout.PayoutTrigger;
import org.rendezvous.core.policy.CommercialModel;
import org.rendezvous.core.practitioner.BankDetails;

/**
 * Payouts the operator pays by bank file (PO-1 … PO-5): a cycle's payouts to bank details wait in the cycle's
 * batch; the operator downloads its file and marks it sent. And PO-4's carried-over balance: one payout that
 * moves forward until a destination is ready.
 */
class BankFilePayoutsTest {

    static final LocalDate CYCLE = LocalDate.of(2025, 6, 15);
    static final PayoutDestination BANK = new PayoutDestination.BankAccount(
            BankDetails.of("Anna Martin", "FR76 3000 6000 0112 3456 7890 189"));

    /** Bank details are paid by bank file, provider accounts by the sandbox: the host's composition. */
    static Scenario bankFile() {
        Scenario s = Scenario.builder().model(CommercialModel.PLATFORM_COLLECTS)
                .settings(x -> x.withNoShowPercentage(Percent.of(50)))
                .payoutGateway(sandbox -> order -> order.destination() instanceof PayoutDestination.BankAccount
                        ? new PayoutResult.ToBankFile() : sandbox.pay(order))
                .build();
        s.gateway.onEvent(event -> s.engine.payments().apply(event));
        return s;
    }

    /**
     * 28.50 payable: a 60.00 video consultation on that day at 9:00, paid online the day before at 10:00 and
     * cancelled late (50 % kept, 5 % commission).
     */
    static void earn(Scenario s, DayOfWeek day, int weeksLater) {
        LocalDate date = s.date(day, weeksLater);
        s.setClock(s.at(date.minusDays(1), 10, 0));
        Booking held = s.book(s.at(date, 9, 0), ConsultationMode.VIDEO);
        CheckoutSession.Started session = accepted(s.engine.payments().checkout(held.accessToken()));
        assertThat(s.gateway.completePayment(session.reference())).isPresent();
        Booking confirmed = s.confirm(s.reload(held));
        accepted(s.engine.clientBookings().cancelByClient(new CancelByClientCommand(confirmed.accessToken(), s.key())));
    }

    static void assertBooksBalance(Scenario s) {
        Balances totals = s.engine.payments().platformTotals(java.util.Currency.getInstance("EUR"));
        assertThat(totals.accountedFor()).isEqualTo(totals.moneyIn());
    }

    static List<MessageKind> newMessages(Scenario s) {
        return s.stores.outbox().claimDue(Instant.parse("2100-01-01T00:00:00Z"), 1000,
                new Lease("test", Instant.parse("2100-01-02T00:00:00Z"))).stream()
                .map(ClaimedMessage::message).map(m -> m.kind()).toList();
    }

    @Test
    @DisplayName("PO-1, PO-2: a cycle's payout to bank details waits in the cycle's one batch, booked in the ledger; runs again and a second instance add nothing")
    void cyclePutsThePayoutInItsBatchOnce() throws Exception {
        Scenario s = bankFile();
        s.engine.payouts().setDestination(s.anna, BANK);
        earn(s, DayOfWeek.TUESDAY, 0);
        s.setClock(s.at(CYCLE, 8, 0));
        Thread other = new Thread(() -> s.engine.payouts().runDueCycle());
        other.start();
        s.engine.payouts().runDueCycle();
        other.join();
        s.engine.payouts().runCycle(CYCLE);
        s.engine.payouts().resumePlanned();

        Payout payout = s.engine.payouts().ofPractitioner(s.anna).get(0);
        assertThat(s.engine.payouts().ofPractitioner(s.anna)).hasSize(1);
        assertThat(payout.state()).isEqualTo(PayoutState.AWAITING_BANK_FILE);
        assertThat(payout.amount()).isEqualTo(eur("28.50"));
        assertThat(s.engine.payouts().payableBalance(s.anna)).isEqualTo(eur("0.00"));
        assertThat(s.gateway.movements()).noneMatch(m -> m.kind().equals("payout"));

        List<PayoutBatch> batches = s.engine.payouts().batches(10);
        assertThat(batches).singleElement().satisfies(b -> {
            assertThat(b.cycle()).contains(CYCLE);
            assertThat(b.state()).isEqualTo(PayoutBatchState.OPEN);
            assertThat(b.items()).singleElement().satisfies(i -> {
                assertThat(i.payoutId()).isEqualTo(payout.id());
                assertThat(i.creditor().iban().value()).isEqualTo("FR7630006000011234567890189");
            });
            assertThat(b.total()).isEqualTo(eur("28.50"));
        });
        assertBooksBalance(s);
    }

    @Test
    @DisplayName("PO-5: marked sent after its file was downloaded, the batch's payouts are SENT and the practitioner told once; who, when and why are kept; marking again changes nothing")
    void markingTheBatchSentSendsItsPayouts() {
        Scenario s = bankFile();
        s.engine.payouts().setDestination(s.anna, BANK);
        earn(s, DayOfWeek.TUESDAY, 0);
        s.setClock(s.at(CYCLE, 8, 0));
        s.engine.payouts().runDueCycle();
        PayoutBatchId id = s.engine.payouts().batches(1).get(0).id();
        newMessages(s);

        assertThat(rejected(s.engine.payouts().markBatchSent(id, "operator:olga", "uploaded")).reason())
                .as("its file was never downloaded").isEqualTo(Reason.ILLEGAL_TRANSITION);

        PayoutBatch exported = accepted(s.engine.payouts().exportBatch(id));
        assertThat(exported.state()).isEqualTo(PayoutBatchState.EXPORTED);
        assertThat(accepted(s.engine.payouts().exportBatch(id))).as("downloaded again: the same batch").isEqualTo(exported);

        s.setClock(s.at(CYCLE, 10, 0));
        PayoutBatch sent = accepted(s.engine.payouts().markBatchSent(id, "operator:olga", "uploaded to the bank, ref 4411"));
        assertThat(sent.state()).isEqualTo(PayoutBatchState.SENT);
        assertThat(sent.sending()).hasValueSatisfying(how -> {
            assertThat(how.by()).isEqualTo("operator:olga");
            assertThat(how.at()).isEqualTo(s.at(CYCLE, 10, 0));
            assertThat(how.note()).isEqualTo("uploaded to the bank, ref 4411");
        });
        Payout payout = s.engine.payouts().ofPractitioner(s.anna).get(0);
        assertThat(payout.state()).isEqualTo(PayoutState.SENT);
        assertThat(payout.reference()).contains(PayoutBatch.endToEndId(payout.id()));
        assertThat(payout.statement()).as("PO-5: the statement lists the items").isNotEmpty();
        assertThat(newMessages(s)).containsExactly(MessageKind.PAYOUT_SENT);

        s.setClock(s.at(CYCLE, 11, 0));
        PayoutBatch again = accepted(s.engine.payouts().markBatchSent(id, "operator:paul", "again"));
        assertThat(again.sending()).isEqualTo(sent.sending());
        assertThat(newMessages(s)).isEmpty();
        assertThat(s.engine.payouts().ofPractitioner(s.anna)).singleElement()
                .satisfies(p -> assertThat(p.state()).isEqualTo(PayoutState.SENT));
        assertThat(rejected(s.engine.payouts().markBatchSent(PayoutBatchId.of("00000000-0000-4000-8000-000000000000"),
                "operator:olga", "x")).reason()).isEqualTo(Reason.NOT_FOUND);
        assertThatThrownBy(() -> s.engine.payouts().markBatchSent(id, "operator:olga", " "))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("reason:");
        assertBooksBalance(s);
    }

    @Test
    @DisplayName("issue 12 item 4: the operator's export and marking of a batch are written to the audit log with who, when and why, once each")
    void exportAndMarkingAreAudited() {
        Scenario s = bankFile();
        org.rendezvous.core.operator.OperatorId olga = OperatorToolsTest.operator(s);
        s.engine.payouts().setDestination(s.anna, BANK);
        earn(s, DayOfWeek.TUESDAY, 0);
        s.setClock(s.at(CYCLE, 8, 0));
        s.engine.payouts().runDueCycle();
        PayoutBatchId id = s.engine.payouts().batches(1).get(0).id();

        assertThatThrownBy(() -> s.engine.operators().exportBatch(olga, id, " "))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("reason:");
        PayoutBatch exported = accepted(s.engine.operators().exportBatch(olga, id, "the cycle's file for the bank"));
        assertThat(exported.state()).isEqualTo(PayoutBatchState.EXPORTED);
        s.setClock(s.at(CYCLE, 9, 0));
        assertThat(accepted(s.engine.operators().exportBatch(olga, id, "again"))).isEqualTo(exported);
        s.setClock(s.at(CYCLE, 10, 0));
        PayoutBatch sent = accepted(s.engine.operators().markBatchSent(olga, id, "uploaded, ref 4411"));
        assertThat(sent.sending()).hasValueSatisfying(how -> assertThat(how.by()).isEqualTo(olga.toString()));
        accepted(s.engine.operators().markBatchSent(olga, id, "again"));

        assertThat(s.engine.operators().auditLog(10)).satisfiesExactly(
                marked -> {
                    assertThat(marked.kind()).isEqualTo(org.rendezvous.core.operator.ActionKind.MARK_PAYOUT_BATCH_SENT);
                    assertThat(marked.subject()).isEqualTo(id.toString());
                    assertThat(marked.operatorId()).isEqualTo(olga);
                    assertThat(marked.reason()).isEqualTo("uploaded, ref 4411");
                    assertThat(marked.at()).isEqualTo(s.at(CYCLE, 10, 0));
                },
                export -> {
                    assertThat(export.kind()).isEqualTo(org.rendezvous.core.operator.ActionKind.EXPORT_PAYOUT_BATCH);
                    assertThat(export.subject()).isEqualTo(id.toString());
                    assertThat(export.reason()).isEqualTo("the cycle's file for the bank");
                    assertThat(export.at()).isEqualTo(s.at(CYCLE, 8, 0));
                });
        assertThat(rejected(s.engine.operators().exportBatch(olga,
                PayoutBatchId.of("00000000-0000-4000-8000-000000000000"), "x")).reason()).isEqualTo(Reason.NOT_FOUND);
        assertThat(s.engine.operators().auditLog(10)).as("a refused action leaves no entry").hasSize(2);
    }

    @Test
    @DisplayName("PO-3: payouts on request join the open batch on request; once its file is downloaded, the next request starts another batch")
    void requestsGoInTheOpenBatchOnRequest() {
        Scenario s = bankFile();
        s.engine.payouts().setDestination(s.anna, BANK);
        earn(s, DayOfWeek.TUESDAY, 0);
        Payout first = accepted(s.engine.payouts().request(s.anna, s.key()));
        assertThat(first.state()).isEqualTo(PayoutState.AWAITING_BANK_FILE);
        PayoutBatch batch = s.engine.payouts().batches(1).get(0);
        assertThat(batch.cycle()).isEmpty();
        accepted(s.engine.payouts().exportBatch(batch.id()));

        earn(s, DayOfWeek.WEDNESDAY, 0);
        Payout second = accepted(s.engine.payouts().request(s.anna,
                org.rendezvous.core.idempotency.IdempotencyKey.of("k".repeat(255))));
        List<PayoutBatch> batches = s.engine.payouts().batches(10);
        assertThat(batches).hasSize(2);
        assertThat(batches.get(0).items()).singleElement().satisfies(i -> {
            assertThat(i.payoutId()).isEqualTo(second.id());
            assertThat(i.remittance()).as("a long request key is cut to the 140 characters of a transfer").hasSize(140);
        });
        assertThat(batches.get(1).items()).singleElement().satisfies(i -> assertThat(i.payoutId()).isEqualTo(first.id()));
        assertBooksBalance(s);
    }

    @Test
    @DisplayName("PO-4: a carried-over balance is one payout that moves forward, the practitioner told once; sent once a destination is ready, never duplicated")
    void carriedOverPayoutMovesForward() {
        Scenario s = bankFile();
        earn(s, DayOfWeek.TUESDAY, 0);
        s.setClock(s.at(CYCLE, 8, 0));
        s.engine.payouts().runDueCycle();
        Payout carried = s.engine.payouts().ofPractitioner(s.anna).get(0);
        assertThat(carried.state()).isEqualTo(PayoutState.CARRIED_OVER);
        assertThat(carried.amount()).isEqualTo(eur("28.50"));
        assertThat(newMessages(s)).contains(MessageKind.PAYOUT_CARRIED_OVER);

        earn(s, DayOfWeek.TUESDAY, 2);
        Payout moved = accepted(s.engine.payouts().request(s.anna, s.key()));
        assertThat(moved.id()).isEqualTo(carried.id());
        assertThat(moved.state()).isEqualTo(PayoutState.CARRIED_OVER);
        assertThat(moved.amount()).isEqualTo(eur("57.00"));
        assertThat(moved.trigger()).isInstanceOf(PayoutTrigger.Request.class);
        assertThat(moved.statement()).hasSizeGreaterThan(carried.statement().size());

        s.setClock(s.at(LocalDate.of(2025, 7, 1), 8, 0));
        s.engine.payouts().runDueCycle();
        s.engine.payouts().runCycle(CYCLE);
        assertThat(s.engine.payouts().ofPractitioner(s.anna)).singleElement().satisfies(p -> {
            assertThat(p.id()).isEqualTo(carried.id());
            assertThat(p.trigger()).isEqualTo(new PayoutTrigger.Cycle(LocalDate.of(2025, 7, 1)));
        });
        assertThat(newMessages(s)).as("told once per carry-over").doesNotContain(MessageKind.PAYOUT_CARRIED_OVER);

        s.engine.payouts().setDestination(s.anna, new PayoutDestination.ProviderAccount("acct_anna", true));
        s.setClock(s.at(LocalDate.of(2025, 7, 15), 8, 0));
        s.engine.payouts().runDueCycle();
        assertThat(s.engine.payouts().ofPractitioner(s.anna)).singleElement().satisfies(p -> {
            assertThat(p.id()).isEqualTo(carried.id());
            assertThat(p.state()).isEqualTo(PayoutState.SENT);
            assertThat(p.amount()).isEqualTo(eur("57.00"));
        });
        assertThat(s.gateway.movements()).filteredOn(m -> m.kind().equals("payout")).singleElement()
                .satisfies(m -> assertThat(m.amount()).isEqualTo(eur("57.00")));
        assertThat(s.engine.payouts().payableBalance(s.anna)).isEqualTo(eur("0.00"));
        assertThat(s.engine.payments().balances(s.anna).orElseThrow().of(Account.PRACTITIONER_PAYABLE)).isEqualTo(eur("0.00"));
        assertBooksBalance(s);
    }

    @Test
    @DisplayName("PO-4: a carried-over payout goes into the bank file once bank details exist")
    void carriedOverPayoutJoinsTheBankFile() {
        Scenario s = bankFile();
        earn(s, DayOfWeek.TUESDAY, 0);
        s.setClock(s.at(CYCLE, 8, 0));
        s.engine.payouts().runDueCycle();
        Payout carried = s.engine.payouts().ofPractitioner(s.anna).get(0);

        s.engine.payouts().setDestination(s.anna, BANK);
        s.setClock(s.at(LocalDate.of(2025, 7, 1), 8, 0));
        s.engine.payouts().runDueCycle();
        assertThat(s.engine.payouts().ofPractitioner(s.anna)).singleElement().satisfies(p -> {
            assertThat(p.id()).isEqualTo(carried.id());
            assertThat(p.state()).isEqualTo(PayoutState.AWAITING_BANK_FILE);
        });
        assertThat(s.engine.payouts().batches(10)).singleElement().satisfies(b -> {
            assertThat(b.cycle()).isEqualTo(Optional.of(LocalDate.of(2025, 7, 1)));
            assertThat(b.items()).singleElement().satisfies(i -> assertThat(i.payoutId()).isEqualTo(carried.id()));
        });
        assertBooksBalance(s);
    }
}
