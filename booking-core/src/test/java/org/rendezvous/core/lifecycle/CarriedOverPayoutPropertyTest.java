package org.rendezvous.core.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.impl.Constraint;
import org.rendezvous.core.ledger.Account;
import org.rendezvous.core.ledger.Leg;
import org.rendezvous.core.ledger.Posting;
import org.rendezvous.core.ledger.PostingId;
import org.rendezvous.core.ledger.PostingKind;
import org.rendezvous.core.money.Money;
import org.rendezvous.core.notification.ClaimedMessage;
import org.rendezvous.core.notification.Lease;
import org.rendezvous.core.notification.MessageKind;
import org.rendezvous.core.payout.Payout;
import org.rendezvous.core.payout.PayoutBatch;
import org.rendezvous.core.payout.PayoutBatchState;
import org.rendezvous.core.payout.PayoutDestination;
import org.rendezvous.core.payout.PayoutResult;
import org.rendezvous.core.payout.PayoutState;
import org.rendezvous.core.policy.CommercialModel;
import org.rendezvous.core.practitioner.BankDetails;
import org.rendezvous.core.sandbox.SandboxPaymentGateway;

/**
 * PO-2, PO-4 and the ledger as a property: across any sequence of earnings, cycles and requests, with and
 * without a destination ready, paid by provider transfer or by bank file, with refused transfers, the money that
 * left (payouts planned, sent or waiting for the bank file) plus the payable balance is what became payable, to
 * the cent; at most one carried-over payout exists, the practitioner is told once per carry-over, and no trigger
 * has two payouts. A request replayed with its idempotency key (BK-8) answers its first answer, whatever moved
 * since (the carried-over payout moved forward, sent, refused), and makes no payout and moves no money.
 */
class CarriedOverPayoutPropertyTest {

    enum Kind { EARN, CYCLE, REQUEST, NO_DESTINATION, PROVIDER_NOT_READY, PROVIDER_READY, BANK, BANK_FILE_SENT, REFUSE_NEXT, REPLAY }

    record Step(Kind kind, long cents, int days) {
    }

    static Gen<List<Step>> steps() {
        return in -> {
            int count = (int) in.next(Constraint.between(1, 25));
            List<Step> steps = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                Kind kind = Kind.values()[(int) in.next(Constraint.between(0, Kind.values().length - 1))];
                steps.add(new Step(kind, in.next(Constraint.between(1, 50_000)), (int) in.next(Constraint.between(0, 9))));
            }
            return steps;
        };
    }

    @Test
    @DisplayName("PO-2, PO-4, FEE-4, BK-8: payouts that left + the payable balance = what became payable; at most one carried-over payout, told once each; a replayed request answers its first answer")
    void carriedOverBalanceIsOnePayoutAndMoneyIsConserved() {
        qt().withExamples(120).withShrinkCycles(50).forAll(steps()).checkAssert(this::play);
    }

    @Test
    @DisplayName("PO-4, BK-8: after the carried-over payout moved forward (a cycle, then paid out), the first request's key still answers that payout and decides nothing")
    void replayAfterTheCarriedOverPayoutMoved() {
        Scenario s = Scenario.builder().model(CommercialModel.PLATFORM_COLLECTS).build();
        s.stores.ledger().post(new Posting(new PostingId(java.util.UUID.randomUUID()), s.anna, Optional.empty(),
                Optional.empty(), PostingKind.EARNINGS_RELEASED, "test-earning:1",
                List.of(new Leg(Account.HELD_FOR_BOOKINGS, Account.PRACTITIONER_PAYABLE, Money.of("40.00", "EUR"))), s.now()));
        org.rendezvous.core.idempotency.IdempotencyKey key = s.key();
        Payout first = Scenario.accepted(s.engine.payouts().request(s.anna, key));
        assertThat(first.state()).isEqualTo(PayoutState.CARRIED_OVER);

        s.setClock(s.now().plus(Duration.ofDays(16)));
        s.engine.payouts().runDueCycle();
        assertThat(s.engine.payouts().ofPractitioner(s.anna)).singleElement().satisfies(p -> {
            assertThat(p.id()).isEqualTo(first.id());
            assertThat(p.trigger().key()).as("moved forward to the cycle").startsWith("cycle:");
        });
        assertThat(Scenario.accepted(s.engine.payouts().request(s.anna, key)).id()).isEqualTo(first.id());

        s.engine.payouts().setDestination(s.anna, new PayoutDestination.ProviderAccount("acct_anna", true));
        s.setClock(s.now().plus(Duration.ofDays(16)));
        s.engine.payouts().runDueCycle();
        Payout replayed = Scenario.accepted(s.engine.payouts().request(s.anna, key));
        assertThat(replayed.id()).isEqualTo(first.id());
        assertThat(replayed.state()).isEqualTo(PayoutState.SENT);
        assertThat(s.engine.payouts().ofPractitioner(s.anna)).hasSize(1);
        assertThat(s.engine.payouts().payableBalance(s.anna)).isEqualTo(Money.of("0.00", "EUR"));
    }

    /** What a request answered: the payout's id, or the refusal's reason. */
    private static Object answer(org.rendezvous.core.outcome.Outcome<Payout> outcome) {
        return outcome.fold(payout -> (Object) payout.id(), rejected -> rejected.reason());
    }

    private void play(List<Step> steps) {
        Scenario s = Scenario.builder().model(CommercialModel.PLATFORM_COLLECTS)
                .payoutGateway(sandbox -> order -> order.destination() instanceof PayoutDestination.BankAccount
                        ? new PayoutResult.ToBankFile() : sandbox.pay(order))
                .build();
        Money earned = Money.zero("EUR");
        Set<Object> carriedIds = new HashSet<>();
        int carriedMessages = 0;
        int n = 0;
        List<org.rendezvous.core.idempotency.IdempotencyKey> keys = new ArrayList<>();
        java.util.Map<org.rendezvous.core.idempotency.IdempotencyKey, Object> firstAnswers = new java.util.HashMap<>();
        for (Step step : steps) {
            s.setClock(s.now().plus(Duration.ofDays(step.days())).plus(Duration.ofMinutes(1)));
            switch (step.kind()) {
                case EARN -> {
                    Money amount = Money.ofMinor(step.cents(), "EUR");
                    s.stores.ledger().post(new Posting(new PostingId(java.util.UUID.randomUUID()), s.anna, Optional.empty(),
                            Optional.empty(), PostingKind.EARNINGS_RELEASED, "test-earning:" + (n++),
                            List.of(new Leg(Account.HELD_FOR_BOOKINGS, Account.PRACTITIONER_PAYABLE, amount)), s.now()));
                    earned = earned.plus(amount);
                }
                case CYCLE -> s.engine.payouts().runDueCycle();
                case REQUEST -> {
                    org.rendezvous.core.idempotency.IdempotencyKey key = s.key();
                    keys.add(key);
                    firstAnswers.put(key, answer(s.engine.payouts().request(s.anna, key)));
                }
                case REPLAY -> {
                    if (keys.isEmpty()) {
                        break;
                    }
                    org.rendezvous.core.idempotency.IdempotencyKey key = keys.get((int) (step.cents() % keys.size()));
                    int before = s.engine.payouts().ofPractitioner(s.anna).size();
                    Money payable = s.engine.payouts().payableBalance(s.anna);
                    assertThat(answer(s.engine.payouts().request(s.anna, key)))
                            .as("BK-8: a replay of %s answers the first answer, after %s", key, steps)
                            .isEqualTo(firstAnswers.get(key));
                    assertThat(s.engine.payouts().ofPractitioner(s.anna)).as("a replay makes no payout").hasSize(before);
                    assertThat(s.engine.payouts().payableBalance(s.anna)).as("a replay moves no money").isEqualTo(payable);
                }
                case NO_DESTINATION -> s.stores.transactions().inTransaction(() -> {
                    s.stores.payoutAccounts().save(s.anna, new PayoutDestination.ProviderAccount("acct_none", false));
                    return null;
                });
                case PROVIDER_NOT_READY -> s.engine.payouts().setDestination(s.anna,
                        new PayoutDestination.ProviderAccount("acct_anna", false));
                case PROVIDER_READY -> s.engine.payouts().setDestination(s.anna,
                        new PayoutDestination.ProviderAccount("acct_anna", true));
                case BANK -> s.engine.payouts().setDestination(s.anna, new PayoutDestination.BankAccount(
                        BankDetails.of("Anna Martin", "FR76 3000 6000 0112 3456 7890 189")));
                case BANK_FILE_SENT -> {
                    for (PayoutBatch batch : s.engine.payouts().batches(100)) {
                        if (batch.state() != PayoutBatchState.SENT) {
                            Scenario.accepted(s.engine.payouts().exportBatch(batch.id()));
                            Scenario.accepted(s.engine.payouts().markBatchSent(batch.id(), "operator:test", "sent"));
                        }
                    }
                }
                case REFUSE_NEXT -> s.gateway.failNext(SandboxPaymentGateway.Operation.PAYOUT, SandboxPaymentGateway.Failure.DECLINE);
            }

            List<Payout> payouts = s.engine.payouts().ofPractitioner(s.anna);
            Money left = payouts.stream().filter(p -> p.state() == PayoutState.SENT || p.state() == PayoutState.PLANNED
                            || p.state() == PayoutState.AWAITING_BANK_FILE)
                    .map(Payout::amount).reduce(Money.zero("EUR"), Money::plus);
            assertThat(left.plus(s.engine.payouts().payableBalance(s.anna))).as("after %s", step).isEqualTo(earned);
            List<Payout> carried = payouts.stream().filter(p -> p.state() == PayoutState.CARRIED_OVER).toList();
            assertThat(carried).as("at most one carried-over payout, after %s", step).hasSizeLessThanOrEqualTo(1);
            carried.forEach(p -> carriedIds.add(p.id()));
            assertThat(payouts.stream().map(p -> p.trigger().key()).distinct().count()).as("PO-2").isEqualTo(payouts.size());
            carriedMessages += (int) s.stores.outbox().claimDue(Instant.parse("2100-01-01T00:00:00Z"), 1000,
                            new Lease("test", Instant.parse("2100-01-02T00:00:00Z"))).stream()
                    .map(ClaimedMessage::message).filter(m -> m.kind() == MessageKind.PAYOUT_CARRIED_OVER).count();
            assertThat(carriedMessages).as("PO-4: told once per carry-over").isEqualTo(carriedIds.size());
        }
    }
}
