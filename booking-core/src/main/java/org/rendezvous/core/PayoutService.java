package org.rendezvous.core;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.rendezvous.core.idempotency.Fingerprint;
import org.rendezvous.core.idempotency.IdempotencyKey;
import org.rendezvous.core.idempotency.IdempotencyRecord;
import org.rendezvous.core.ledger.Account;
import org.rendezvous.core.ledger.Leg;
import org.rendezvous.core.ledger.Posting;
import org.rendezvous.core.ledger.PostingId;
import org.rendezvous.core.ledger.PostingKind;
import org.rendezvous.core.money.Money;
import org.rendezvous.core.notification.MessageKind;
import org.rendezvous.core.outcome.Outcome;
import org.rendezvous.core.outcome.Reason;
import org.rendezvous.core.payment.PaymentEvent;
import org.rendezvous.core.payout.BatchItem;
import org.rendezvous.core.payout.BatchSending;
import org.rendezvous.core.payout.Payout;
import org.rendezvous.core.payout.PayoutBatch;
import org.rendezvous.core.payout.PayoutBatchId;
import org.rendezvous.core.payout.PayoutBatchState;
import org.rendezvous.core.payout.PayoutCycles;
import org.rendezvous.core.payout.PayoutDestination;
import org.rendezvous.core.payout.PayoutId;
import org.rendezvous.core.payout.PayoutOrder;
import org.rendezvous.core.payout.PayoutResult;
import org.rendezvous.core.payout.PayoutState;
import org.rendezvous.core.payout.PayoutTrigger;
import org.rendezvous.core.payout.StatementLine;
import org.rendezvous.core.policy.CommercialModel;
import org.rendezvous.core.port.Agendas;
import org.rendezvous.core.port.IdempotencyKeys;
import org.rendezvous.core.port.Ids;
import org.rendezvous.core.port.Ledger;
import org.rendezvous.core.port.Outbox;
import org.rendezvous.core.port.PayoutAccounts;
import org.rendezvous.core.port.PayoutGateway;
import org.rendezvous.core.port.Payouts;
import org.rendezvous.core.port.Practitioners;
import org.rendezvous.core.port.Transactions;
import org.rendezvous.core.practitioner.PractitionerId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Payouts in model PLATFORM_COLLECTS (PO-1 … PO-5). A payout is decided and booked in the ledger in
 * one transaction, under a uniqueness per practitioner and trigger (PO-2), then sent through the
 * payout gateway with the payout's id as the idempotency key; a payout a crash left PLANNED is sent
 * again with the same key by {@link #resumePlanned()}.
 *
 * <p>A gateway may answer that the operator pays a payout by bank file ({@link PayoutResult.ToBankFile}): the payout
 * then waits in its cycle's {@link PayoutBatch} (AWAITING_BANK_FILE) until the operator has downloaded the batch's file
 * ({@link #exportBatch}) and marked it sent ({@link #markBatchSent}).
 *
 * <p>PO-4: without a destination ready, the balance is carried over by one CARRIED_OVER payout per practitioner, which
 * later cycles and requests move forward (trigger, cut-off, amount, statement) and which is the payout planned once a
 * destination is ready; the practitioner is told once per carry-over.
 */
public final class PayoutService {

    private static final Logger LOG = LoggerFactory.getLogger(PayoutService.class);
    private static final String PAYOUT_REQUEST = "payout-request";

    private final Practitioners practitioners;
    private final Agendas agendas;
    private final Outbox outbox;
    private final IdempotencyKeys idempotencyKeys;
    private final Ledger ledger;
    private final Payouts payouts;
    private final PayoutAccounts payoutAccounts;
    private final Transactions transactions;
    private final Ids ids;
    private final Now clock;
    private final EngineSettings engineSettings;
    private final PayoutGateway payoutGateway;
    private final Announcements announcements;
    private final int batchSize;
    private final int parallelism;

    PayoutService(Practitioners practitioners, Agendas agendas, Outbox outbox, IdempotencyKeys idempotencyKeys,
                  Ledger ledger, Payouts payouts, PayoutAccounts payoutAccounts, Transactions transactions, Ids ids,
                  Now clock, EngineSettings engineSettings, PayoutGateway payoutGateway, Announcements announcements,
                  int batchSize, int parallelism) {
        this.practitioners = practitioners;
        this.agendas = agendas;
        this.outbox = outbox;
        this.idempotencyKeys = idempotencyKeys;
        this.ledger = ledger;
        this.payouts = payouts;
        this.payoutAccounts = payoutAccounts;
        this.transactions = transactions;
        this.ids = ids;
        this.clock = clock;
        this.engineSettings = engineSettings;
        this.payoutGateway = payoutGateway;
        this.announcements = announcements;
        this.batchSize = batchSize;
        this.parallelism = parallelism;
    }

    /** PO-4: sets where the practitioner's money goes; bank details exist only with a valid IBAN. NOT_FOUND for no such practitioner. */
    public Outcome<PayoutDestination> setDestination(PractitionerId practitioner, PayoutDestination destination) {
        if (practitioners.find(practitioner).isEmpty()) {
            return Outcome.rejected(Reason.NOT_FOUND, "practitionerId: no such practitioner");
        }
        transactions.inTransaction(() -> {
            payoutAccounts.save(practitioner, destination);
            return null;
        });
        return Outcome.accepted(destination);
    }

    public Optional<PayoutDestination> destination(PractitionerId practitioner) {
        return payoutAccounts.find(practitioner);
    }

    /**
     * Runs the latest cycle at or before now (the 1st or the 15th in the operator's zone). Safe to run as
     * often as a scheduler likes, from as many instances as there are: each practitioner is paid at most
     * once per cycle (PO-2).
     */
    public JobReport runDueCycle() {
        return runCycle(PayoutCycles.latestCycle(clock.instant(), engineSettings.operatorZone()));
    }

    /** PO-1: pays every practitioner what became payable before 00:00 on {@code date} in the operator's zone. */
    public JobReport runCycle(LocalDate date) {
        if (engineSettings.model() != CommercialModel.PLATFORM_COLLECTS) {
            return new JobReport(0, 0, 0);
        }
        PayoutTrigger.Cycle trigger = new PayoutTrigger.Cycle(date);
        Instant cutoff = PayoutCycles.cutoff(date, engineSettings.operatorZone());
        Currency currency = engineSettings.commissions().currency();
        java.util.concurrent.atomic.AtomicInteger seen = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicInteger paid = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicInteger deferred = new java.util.concurrent.atomic.AtomicInteger();
        Phases phases = new Phases();
        long started = System.nanoTime();
        // Each payout is its own short transaction and provider call: several run at once, so that a cycle of
        // thousands of practitioners is bound by the database's throughput, not by one commit after another.
        java.util.concurrent.ExecutorService workers = java.util.concurrent.Executors.newFixedThreadPool(parallelism);
        try {
            Optional<PractitionerId> after = Optional.empty();
            while (true) {
                List<PractitionerId> owed = ledger.withPositiveBalance(Account.PRACTITIONER_PAYABLE,
                        currency, cutoff, after, batchSize);
                List<java.util.concurrent.Future<?>> running = new ArrayList<>();
                for (int from = 0; from < owed.size(); from += CHUNK) {
                    List<PractitionerId> chunk = owed.subList(from, Math.min(owed.size(), from + CHUNK));
                    running.add(workers.submit(() -> {
                        seen.addAndGet(chunk.size());
                        for (Payout payout : payChunk(chunk, trigger, cutoff, phases)) {
                            PayoutState state = payout.state();
                            if (state == PayoutState.SENT || state == PayoutState.AWAITING_BANK_FILE) {
                                paid.incrementAndGet();
                            } else if (state != PayoutState.FAILED) {
                                deferred.incrementAndGet();
                            }
                        }
                    }));
                }
                for (java.util.concurrent.Future<?> payout : running) {
                    awaitPayout(payout);
                }
                if (owed.size() < batchSize) {
                    break;
                }
                after = Optional.of(owed.get(owed.size() - 1));
            }
        } finally {
            workers.shutdown();
        }
        LOG.info("payout cycle {}: {} practitioners, {} paid, {} deferred in {} ms; summed over the workers: decide {} ms,"
                        + " gateway {} ms, record {} ms", date, seen.get(), paid.get(), deferred.get(),
                (System.nanoTime() - started) / 1_000_000, phases.decide.get() / 1_000_000,
                phases.gateway.get() / 1_000_000, phases.record.get() / 1_000_000);
        return new JobReport(seen.get(), paid.get(), deferred.get());
    }

    /**
     * How many practitioners of a cycle are decided in one transaction, and whose providers' answers are then
     * recorded in one more: two commits for the chunk instead of two per practitioner, which bound the cycle
     * (about 400 synchronous commits a second on a small machine). Since issue 15 a chunk costs about twenty
     * statements whatever its size (its reads and writes are made together), so chunks are larger: a page of the
     * default 500 practitioners makes four, for four of the workers. The chunk's agenda locks are taken in the
     * order of the practitioners' ids, as every run of the cycle takes them, and held until that commit.
     */
    static final int CHUNK = 125;

    /** Where a cycle's time goes, summed over its workers (logged at the end of the cycle; issue 15). */
    private static final class Phases {
        final java.util.concurrent.atomic.AtomicLong decide = new java.util.concurrent.atomic.AtomicLong();
        final java.util.concurrent.atomic.AtomicLong gateway = new java.util.concurrent.atomic.AtomicLong();
        final java.util.concurrent.atomic.AtomicLong record = new java.util.concurrent.atomic.AtomicLong();
    }

    /**
     * The chunk's payouts for this cycle, each decided and booked once under its practitioner's lock (PO-2), the
     * planned ones sent; the payouts of this trigger they already had are left out (an earlier run paid them).
     * If the chunk's transaction fails, its practitioners are decided one by one, so that one practitioner's
     * failure does not hold back the others.
     */
    private List<Payout> payChunk(List<PractitionerId> chunk, PayoutTrigger trigger, Instant cutoff, Phases phases) {
        long decideStarted = System.nanoTime();
        List<Payout> decided = new ArrayList<>();
        try {
            decided.addAll(transactions.inAgendas(chunk, () -> decideChunk(chunk, trigger, cutoff)));
        } catch (RuntimeException failure) {
            LOG.warn("the payouts of {} practitioners could not be decided together; deciding them one by one",
                    chunk.size(), failure);
            for (PractitionerId practitioner : chunk) {
                try {
                    transactions.inTransaction(() -> decideNew(practitioner, trigger, cutoff))
                            .ifPresent(decided::add);
                } catch (RuntimeException e) {
                    LOG.error("the payout of practitioner {} failed; the next run tries again", practitioner, e);
                }
            }
        }
        long gatewayStarted = System.nanoTime();
        phases.decide.addAndGet(gatewayStarted - decideStarted);
        List<Payout> result = new ArrayList<>();
        List<Asked> asked = new ArrayList<>();
        // The destinations of the chunk's planned payouts in one read, outside any lock, as ask reads each.
        Map<PractitionerId, PayoutDestination> destinations = payoutAccounts.findAll(decided.stream()
                .filter(p -> p.state() == PayoutState.PLANNED).map(Payout::practitionerId).toList());
        for (Payout payout : decided) {
            if (payout.state() != PayoutState.PLANNED) {
                result.add(payout);
                continue;
            }
            Optional<Asked> answer = ask(payout, Optional.ofNullable(destinations.get(payout.practitionerId())));
            if (answer.isPresent()) {
                asked.add(answer.get());
            } else {
                result.add(payout);
            }
        }
        long recordStarted = System.nanoTime();
        phases.gateway.addAndGet(recordStarted - gatewayStarted);
        try {
            // The locks in the chunk's order (the practitioners' ids), as the decisions take them: never in a circle.
            java.util.Set<PractitionerId> askedFor = new java.util.HashSet<>();
            asked.forEach(a -> askedFor.add(a.planned().practitionerId()));
            List<PractitionerId> owners = chunk.stream().filter(askedFor::contains).toList();
            result.addAll(transactions.inAgendas(owners, () -> recordChunk(asked)));
        } catch (RuntimeException failure) {
            LOG.warn("the answers for {} payouts could not be recorded together; recording them one by one",
                    asked.size(), failure);
            for (Asked answer : asked) {
                try {
                    result.add(record(answer));
                } catch (RuntimeException e) {
                    // Left PLANNED: resumePlanned sends it again with the same idempotency key.
                    LOG.error("the provider's answer for payout {} could not be recorded", answer.planned().id(), e);
                }
            }
        }
        phases.record.addAndGet(System.nanoTime() - recordStarted);
        return result;
    }

    /**
     * Under the chunk's agenda locks: what {@link #decideNew} decides for each practitioner, with the chunk's reads
     * and writes made together (issue 15): one read each of the payouts for the trigger and carried over, the
     * currencies, the balances at the cut-off and today, the statements' postings and the destinations; one write each
     * of the new payouts (with their statements), the postings and the messages. A carried-over payout moving forward
     * is revised on its own, as {@link #decide} does.
     */
    private List<Payout> decideChunk(List<PractitionerId> chunk, PayoutTrigger trigger, Instant cutoff) {
        Instant now = clock.instant();
        Map<PractitionerId, org.rendezvous.core.port.Payouts.CycleView> views =
                payouts.cycleViews(chunk, trigger.key());
        // PO-2: a practitioner paid (or carried over) for this trigger by an earlier run or another instance is left out.
        List<PractitionerId> open = chunk.stream().filter(p -> views.get(p).forTrigger().isEmpty()).toList();
        Map<PractitionerId, Currency> agendaCurrencies = agendas.currencies(open);
        Currency fallback = engineSettings.commissions().currency();
        Map<Currency, List<PractitionerId>> byCurrency = new java.util.LinkedHashMap<>();
        for (PractitionerId practitioner : open) {
            byCurrency.computeIfAbsent(agendaCurrencies.getOrDefault(practitioner, fallback), c -> new ArrayList<>())
                    .add(practitioner);
        }
        Money minimum = engineSettings.payoutMinimum();
        Map<PractitionerId, Money> amounts = new java.util.LinkedHashMap<>();
        for (Map.Entry<Currency, List<PractitionerId>> group : byCurrency.entrySet()) {
            Currency currency = group.getKey();
            Map<PractitionerId, Money> atCutoff = ledger.balancesOf(group.getValue(),
                    Account.PRACTITIONER_PAYABLE, currency, cutoff);
            Map<PractitionerId, Money> today = ledger.balancesOf(group.getValue(),
                    Account.PRACTITIONER_PAYABLE, currency, now.plus(Duration.ofDays(1)));
            for (PractitionerId practitioner : group.getValue()) {
                // A cycle run late never pays what a request already paid since its cut-off.
                Money amount = atCutoff.getOrDefault(practitioner, Money.zero(currency))
                        .min(today.getOrDefault(practitioner, Money.zero(currency)));
                if (!amount.isLessThan(minimum.currency().equals(currency) ? minimum : Money.zero(currency))
                        && amount.isPositive()) {
                    amounts.put(practitioner, amount);
                }
            }
        }
        Map<PractitionerId, Instant> since = new java.util.LinkedHashMap<>();
        amounts.keySet().forEach(p -> since.put(p, views.get(p).paidUpTo()));
        Map<PractitionerId, List<Posting>> postings = ledger.ofPractitioners(since, cutoff);
        Map<PractitionerId, PayoutDestination> destinations = payoutAccounts.findAll(amounts.keySet());

        List<Payout> decided = new ArrayList<>();
        List<Payout> fresh = new ArrayList<>();
        List<Payout> toPost = new ArrayList<>();
        for (Map.Entry<PractitionerId, Money> owed : amounts.entrySet()) {
            PractitionerId practitioner = owed.getKey();
            Money amount = owed.getValue();
            List<StatementLine> statement = statement(postings.getOrDefault(practitioner, List.of()),
                    amount.currency(), since.get(practitioner), cutoff);
            boolean ready = Optional.ofNullable(destinations.get(practitioner)).filter(PayoutDestination::ready).isPresent();
            Optional<Payout> carried = views.get(practitioner).carriedOver();
            if (!ready) {
                if (carried.isPresent()) {
                    Payout current = carried.get();
                    if (!cutoff.isAfter(current.cutoff())) {
                        decided.add(current); // an older trigger run late never moves it back
                        continue;
                    }
                    Payout moved = current.movedTo(trigger, cutoff, amount, statement, PayoutState.CARRIED_OVER,
                            Optional.of("no payout destination ready"), now);
                    payouts.revise(moved, PayoutState.CARRIED_OVER);
                    decided.add(moved);
                    continue;
                }
                fresh.add(new Payout(new PayoutId(ids.newId()), practitioner, trigger, cutoff, amount,
                        PayoutState.CARRIED_OVER, statement, Optional.empty(), Optional.of("no payout destination ready"),
                        now, now));
                continue;
            }
            if (carried.isPresent()) {
                // The carried-over payout is the one that goes now: never a second record for the same money.
                Payout planned = carried.get().movedTo(trigger, cutoff, amount, statement, PayoutState.PLANNED,
                        Optional.empty(), now);
                if (!payouts.revise(planned, PayoutState.CARRIED_OVER)) {
                    throw new IllegalStateException("carried-over payout " + planned.id() + " changed under the agenda lock");
                }
                decided.add(planned);
                toPost.add(planned);
                continue;
            }
            fresh.add(new Payout(new PayoutId(ids.newId()), practitioner, trigger, cutoff, amount,
                    PayoutState.PLANNED, statement, Optional.empty(), Optional.empty(), now, now));
        }
        java.util.Set<PayoutId> added = payouts.addAll(fresh);
        List<org.rendezvous.core.notification.OutboxMessage> messages = new ArrayList<>();
        for (Payout payout : fresh) {
            if (!added.contains(payout.id())) {
                // PO-2: another run added this trigger's payout first; its own transaction booked it.
                payouts.forTrigger(payout.practitionerId(), trigger.key()).ifPresent(decided::add);
                continue;
            }
            decided.add(payout);
            if (payout.state() == PayoutState.PLANNED) {
                toPost.add(payout);
            } else {
                messages.addAll(announcements.messagesToPractitioner(MessageKind.PAYOUT_CARRIED_OVER, payout.practitionerId(),
                        "payout-carried:" + payout.id(), Map.of("amount", payout.amount().toString()), now));
            }
        }
        ledger.postAll(toPost.stream().map(payout -> new Posting(new PostingId(ids.newId()),
                payout.practitionerId(), Optional.empty(), Optional.of(payout.id()), PostingKind.PAYOUT,
                "payout:" + payout.id(), List.of(new Leg(Account.PRACTITIONER_PAYABLE, Account.PAYOUTS, payout.amount())),
                now)).toList());
        outbox.appendAll(messages);
        return decided;
    }

    /**
     * Under the agenda locks of the asked payouts' practitioners: the gateway's answers recorded as {@link #record}
     * does, the payouts SENT with one update and their messages with one write; other answers one by one.
     */
    private List<Payout> recordChunk(List<Asked> asked) {
        Instant now = clock.instant();
        List<Payout> result = new ArrayList<>();
        List<Payout> sent = new ArrayList<>();
        for (Asked answer : asked) {
            if (answer.result() instanceof PayoutResult.Sent done) {
                sent.add(answer.planned().sent(done.reference(), now));
            } else {
                result.add(record(answer));
            }
        }
        java.util.Set<PayoutId> updated = payouts.updateAll(sent, PayoutState.PLANNED);
        List<org.rendezvous.core.notification.OutboxMessage> messages = new ArrayList<>();
        for (Payout done : sent) {
            if (!updated.contains(done.id())) {
                result.add(payouts.find(done.id()).orElseThrow());
                continue;
            }
            result.add(done);
            messages.addAll(announcements.messagesToPractitioner(MessageKind.PAYOUT_SENT, done.practitionerId(),
                    "payout-sent:" + done.id(), Map.of("amount", done.amount().toString(), "payoutId", done.id().toString()),
                    now));
        }
        outbox.appendAll(messages);
        return result;
    }

    /** The payout decided now for this trigger under the practitioner's lock, unless the trigger already had one. */
    private Optional<Payout> decideNew(PractitionerId practitioner, PayoutTrigger trigger, Instant cutoff) {
        return transactions.inAgenda(practitioner, () -> {
            if (payouts.forTrigger(practitioner, trigger.key()).isPresent()) {
                return Optional.<Payout>empty(); // PO-2: paid (or carried over) by an earlier run or another instance
            }
            Outcome<Payout> outcome = decide(practitioner, trigger, cutoff);
            return outcome.isAccepted() ? Optional.of(outcome.orElseThrow()) : Optional.<Payout>empty();
        });
    }

    private static void awaitPayout(java.util.concurrent.Future<?> payout) {
        try {
            payout.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("payout cycle interrupted", e);
        } catch (java.util.concurrent.ExecutionException e) {
            // One practitioner's failure (a database error, say) must not stop the others: logged, retried next run.
            LOG.error("a payout of the cycle failed; the next run tries again", e.getCause());
        }
    }

    /** PO-3: the practitioner asks for their payable balance now, outside the cycle. */
    public Outcome<Payout> request(PractitionerId practitioner, IdempotencyKey key) {
        if (engineSettings.model() != CommercialModel.PLATFORM_COLLECTS) {
            return Outcome.rejected(Reason.NO_PAYOUTS_IN_THIS_MODEL,
                    "practitionerId: payouts are made by the payment provider in this platform's model");
        }
        if (practitioners.find(practitioner).isEmpty()) {
            return Outcome.rejected(Reason.NOT_FOUND, "practitionerId: no such practitioner");
        }
        // A microsecond ahead, so that what became payable at this very instant is included.
        return payOut(practitioner, new PayoutTrigger.Request(key.value()), clock.instant().plusNanos(1_000), Optional.of(key));
    }

    /** Sends again, with the same idempotency key, the payouts a crash or an unreachable gateway left PLANNED. */
    public JobReport resumePlanned() {
        List<Payout> planned = payouts.inState(PayoutState.PLANNED, batchSize);
        int sent = 0;
        int deferred = 0;
        for (Payout payout : planned) {
            Payout after = send(payout);
            if (after.state() == PayoutState.SENT) {
                sent++;
            } else if (after.state() == PayoutState.PLANNED) {
                deferred++;
            }
        }
        return new JobReport(planned.size(), sent, deferred);
    }

    /** A payout the provider returned after accepting it: the money is owed again, once per event. */
    public Outcome<Payout> apply(PaymentEvent.PayoutFailed event) {
        Optional<Payout> found = payouts.find(event.payoutId());
        if (found.isEmpty()) {
            return Outcome.rejected(Reason.NOT_FOUND, "payoutId: no such payout");
        }
        return transactions.inAgenda(found.get().practitionerId(), () -> {
            Payout current = payouts.find(event.payoutId()).orElseThrow();
            if (current.state() != PayoutState.SENT && current.state() != PayoutState.PLANNED) {
                return Outcome.accepted(current);
            }
            Instant now = clock.instant();
            Payout failed = current.failed(event.reason(), now);
            payouts.update(failed, current.state());
            reverse(failed, now);
            return Outcome.accepted(failed);
        });
    }

    public List<Payout> ofPractitioner(PractitionerId practitioner) {
        return payouts.ofPractitioner(practitioner);
    }

    public Optional<Payout> find(PractitionerId practitioner, PayoutId id) {
        return payouts.find(id).filter(p -> p.practitionerId().equals(practitioner));
    }

    /** What the practitioner is owed now, in their currency. */
    public Money payableBalance(PractitionerId practitioner) {
        Currency currency = currencyOf(practitioner);
        return ledger.balances(practitioner, currency, clock.instant().plus(Duration.ofDays(1)))
                .of(Account.PRACTITIONER_PAYABLE);
    }

    private Currency currencyOf(PractitionerId practitioner) {
        return agendas.settings(practitioner).map(s -> s.currency())
                .orElseGet(() -> engineSettings.commissions().currency());
    }

    private Outcome<Payout> payOut(PractitionerId practitioner, PayoutTrigger trigger, Instant cutoff) {
        return payOut(practitioner, trigger, cutoff, Optional.empty());
    }

    private Outcome<Payout> payOut(PractitionerId practitioner, PayoutTrigger trigger, Instant cutoff,
                                   Optional<IdempotencyKey> key) {
        Outcome<Payout> decided = transactions.inAgenda(practitioner,
                () -> key.isPresent() ? decideOnce(practitioner, trigger, cutoff, key.get()) : decide(practitioner, trigger, cutoff));
        if (!decided.isAccepted() || decided.orElseThrow().state() != PayoutState.PLANNED) {
            return decided;
        }
        return Outcome.accepted(send(decided.orElseThrow()));
    }

    /**
     * Under the practitioner's lock, a request's decision once per idempotency key (BK-8): the key's first answer is
     * remembered (the payout's id, or the refusal), so that a replay finds the same payout even after a carried-over
     * payout moved forward to a later trigger (PO-4), and never decides a second payout.
     */
    private Outcome<Payout> decideOnce(PractitionerId practitioner, PayoutTrigger trigger, Instant cutoff,
                                       IdempotencyKey key) {
        String fingerprint = Fingerprint.of(PAYOUT_REQUEST, practitioner);
        Optional<IdempotencyRecord> earlier = idempotencyKeys.find(practitioner, key);
        if (earlier.isPresent()) {
            IdempotencyRecord record = earlier.get();
            if (!record.sameCommand(PAYOUT_REQUEST, fingerprint)) {
                return Outcome.rejected(Reason.IDEMPOTENCY_KEY_REUSED, "idempotencyKey: already used for another command");
            }
            if (record.rejection().isPresent()) {
                return Outcome.rejected(record.rejection().get(), record.detail());
            }
            return Outcome.accepted(payouts.find(PayoutId.of(record.subjectId().orElseThrow()))
                    .orElseThrow(() -> new IllegalStateException("remembered payout " + record.subjectId() + " is gone")));
        }
        // A request decided before keys were remembered is still found by its trigger.
        Optional<Payout> byTrigger = payouts.forTrigger(practitioner, trigger.key());
        Outcome<Payout> result = byTrigger.isPresent() ? Outcome.accepted(byTrigger.get()) : decide(practitioner, trigger, cutoff);
        Instant now = clock.instant();
        idempotencyKeys.remember(result.fold(
                payout -> new IdempotencyRecord(practitioner, key, PAYOUT_REQUEST, fingerprint,
                        Optional.of(payout.id().toString()), Optional.empty(), "", now),
                rejected -> new IdempotencyRecord(practitioner, key, PAYOUT_REQUEST, fingerprint, Optional.empty(),
                        Optional.of(rejected.reason()), rejected.detail(), now)));
        return result;
    }

    /** Under the practitioner's lock: the payout for this trigger, decided and booked once (PO-2). */
    private Outcome<Payout> decide(PractitionerId practitioner, PayoutTrigger trigger, Instant cutoff) {
        Optional<Payout> existing = payouts.forTrigger(practitioner, trigger.key());
        if (existing.isPresent()) {
            return Outcome.accepted(existing.get());
        }
        Instant now = clock.instant();
        Currency currency = currencyOf(practitioner);
        Money atCutoff = ledger.balances(practitioner, currency, cutoff).of(Account.PRACTITIONER_PAYABLE);
        Money today = ledger.balances(practitioner, currency, now.plus(Duration.ofDays(1)))
                .of(Account.PRACTITIONER_PAYABLE);
        // A cycle run late never pays what a request already paid since its cut-off.
        Money amount = atCutoff.min(today);
        Money minimum = engineSettings.payoutMinimum();
        if (amount.isLessThan(minimum.currency().equals(currency) ? minimum : Money.zero(currency)) || !amount.isPositive()) {
            return Outcome.rejected(Reason.BELOW_PAYOUT_MINIMUM, "amount: the payable balance of " + amount
                    + " is below the minimum payout of " + minimum);
        }
        List<StatementLine> statement = statement(practitioner, currency, cutoff);
        Optional<PayoutDestination> destination = payoutAccounts.find(practitioner)
                .filter(PayoutDestination::ready);
        Optional<Payout> carried = payouts.carriedOver(practitioner);
        if (destination.isEmpty()) {
            // PO-4: nothing leaves; the balance stays payable and goes with a later payout once details exist.
            if (carried.isPresent()) {
                Payout current = carried.get();
                if (!cutoff.isAfter(current.cutoff())) {
                    return Outcome.accepted(current); // an older trigger run late never moves it back
                }
                // The one carried-over payout moves forward; the practitioner was told when it was made.
                Payout moved = current.movedTo(trigger, cutoff, amount, statement, PayoutState.CARRIED_OVER,
                        Optional.of("no payout destination ready"), now);
                payouts.revise(moved, PayoutState.CARRIED_OVER);
                return Outcome.accepted(moved);
            }
            PayoutId id = new PayoutId(ids.newId());
            Payout fresh = new Payout(id, practitioner, trigger, cutoff, amount, PayoutState.CARRIED_OVER, statement,
                    Optional.empty(), Optional.of("no payout destination ready"), now, now);
            payouts.add(fresh);
            announcements.announceToPractitioner(MessageKind.PAYOUT_CARRIED_OVER, practitioner, "payout-carried:" + id,
                    Map.of("amount", amount.toString()), now);
            return Outcome.accepted(fresh);
        }
        Payout planned;
        if (carried.isPresent()) {
            // The carried-over payout is the one that goes now: never a second record for the same money.
            planned = carried.get().movedTo(trigger, cutoff, amount, statement, PayoutState.PLANNED, Optional.empty(), now);
            if (!payouts.revise(planned, PayoutState.CARRIED_OVER)) {
                throw new IllegalStateException("carried-over payout " + planned.id() + " changed under the agenda lock");
            }
        } else {
            planned = new Payout(new PayoutId(ids.newId()), practitioner, trigger, cutoff, amount,
                    PayoutState.PLANNED, statement, Optional.empty(), Optional.empty(), now, now);
            if (!payouts.add(planned)) {
                return Outcome.accepted(payouts.forTrigger(practitioner, trigger.key()).orElseThrow());
            }
        }
        PayoutId id = planned.id();
        ledger.post(new Posting(new PostingId(ids.newId()), practitioner, Optional.empty(),
                Optional.of(id), PostingKind.PAYOUT, "payout:" + id,
                List.of(new Leg(Account.PRACTITIONER_PAYABLE, Account.PAYOUTS, amount)), now));
        return Outcome.accepted(planned);
    }

    /**
     * PO-5: what changed the payable balance since the previous payout's cut-off, up to this one. Payouts
     * themselves are not items; a reversed payout is, since its money is owed again.
     */
    private List<StatementLine> statement(PractitionerId practitioner, Currency currency, Instant cutoff) {
        Instant since = payouts.ofPractitioner(practitioner).stream()
                .filter(p -> p.state() == PayoutState.SENT || p.state() == PayoutState.PLANNED
                        || p.state() == PayoutState.AWAITING_BANK_FILE)
                .map(Payout::cutoff).max(Instant::compareTo).orElse(Instant.EPOCH);
        return statement(ledger.ofPractitioner(practitioner), currency, since, cutoff);
    }

    /** PO-5: the statement's items among these postings (oldest first), from {@code since} up to the cut-off. */
    private static List<StatementLine> statement(List<Posting> postings, Currency currency, Instant since, Instant cutoff) {
        List<StatementLine> lines = new ArrayList<>();
        for (Posting posting : postings) {
            if (posting.kind() == PostingKind.PAYOUT || !posting.currency().equals(currency)
                    || posting.at().isBefore(since) || !posting.at().isBefore(cutoff)) {
                continue;
            }
            Money change = posting.change(Account.PRACTITIONER_PAYABLE);
            if (!change.isZero()) {
                lines.add(new StatementLine(posting.at(), posting.kind().name(), posting.bookingId(), change));
            }
        }
        return lines;
    }

    /** Outside any lock: asks the gateway, then records its answer if the payout is still PLANNED. */
    private Payout send(Payout planned) {
        return ask(planned).map(this::record).orElse(planned);
    }

    /** A planned payout, where it goes and what the gateway answered. */
    private record Asked(Payout planned, PayoutDestination destination, PayoutResult result) {
    }

    /** Outside any lock: the gateway asked to pay the planned payout; nothing when no destination is set. */
    private Optional<Asked> ask(Payout planned) {
        return ask(planned, payoutAccounts.find(planned.practitionerId()));
    }

    private Optional<Asked> ask(Payout planned, Optional<PayoutDestination> destination) {
        if (destination.isEmpty()) {
            return Optional.empty();
        }
        PayoutResult result = payoutGateway.pay(new PayoutOrder(planned.id(), planned.practitionerId(), planned.amount(),
                destination.get(), "rdv:payout:" + planned.id(), "Rendezvous payout " + planned.trigger().key(),
                planned.statement()));
        return Optional.of(new Asked(planned, destination.get(), result));
    }

    /** The gateway's answer recorded under the practitioner's lock, if the payout is still PLANNED. */
    private Payout record(Asked asked) {
        Payout planned = asked.planned();
        PayoutResult result = asked.result();
        if (result instanceof PayoutResult.Unreachable unreachable) {
            LOG.warn("payout {} kept PLANNED: gateway unreachable ({})", planned.id(), unreachable.why());
            return planned;
        }
        if (result instanceof PayoutResult.ToBankFile) {
            return toBankFile(planned, asked.destination());
        }
        return transactions.inAgenda(planned.practitionerId(), () -> {
            Instant now = clock.instant();
            if (result instanceof PayoutResult.Sent sent) {
                Payout done = planned.sent(sent.reference(), now);
                if (!payouts.update(done, PayoutState.PLANNED)) {
                    return payouts.find(planned.id()).orElseThrow();
                }
                announcements.announceToPractitioner(MessageKind.PAYOUT_SENT, planned.practitionerId(), "payout-sent:" + planned.id(),
                        Map.of("amount", planned.amount().toString(), "payoutId", planned.id().toString()), now);
                return done;
            }
            Payout failed = planned.failed(((PayoutResult.Refused) result).reason(), now);
            if (!payouts.update(failed, PayoutState.PLANNED)) {
                return payouts.find(planned.id()).orElseThrow();
            }
            reverse(failed, now);
            return failed;
        });
    }

    private void reverse(Payout failed, Instant now) {
        ledger.post(new Posting(new PostingId(ids.newId()), failed.practitionerId(), Optional.empty(),
                Optional.of(failed.id()), PostingKind.PAYOUT_REVERSED, "payout-reversed:" + failed.id(),
                List.of(new Leg(Account.PAYOUTS, Account.PRACTITIONER_PAYABLE, failed.amount())), now));
    }

    /** Under the practitioner's lock: the PLANNED payout joins its cycle's bank-file batch and waits for the file. */
    private Payout toBankFile(Payout planned, PayoutDestination destination) {
        return transactions.inAgenda(planned.practitionerId(), () -> {
            Instant now = clock.instant();
            if (!(destination instanceof PayoutDestination.BankAccount bank)) {
                Payout failed = planned.failed("a bank file pays bank accounts only", now);
                if (!payouts.update(failed, PayoutState.PLANNED)) {
                    return payouts.find(planned.id()).orElseThrow();
                }
                reverse(failed, now);
                return failed;
            }
            Payout awaiting = planned.awaitingBankFile(now);
            if (!payouts.update(awaiting, PayoutState.PLANNED)) {
                return payouts.find(planned.id()).orElseThrow();
            }
            // What the practitioner's bank shows: the trigger (a request's key is the client's, up to 255 characters).
            String remittance = "Rendezvous payout " + planned.trigger().key();
            BatchItem item = new BatchItem(planned.id(), planned.practitionerId(), bank.details(), planned.amount(),
                    remittance.length() > 140 ? remittance.substring(0, 140) : remittance);
            Optional<LocalDate> cycle = planned.trigger() instanceof PayoutTrigger.Cycle c ? Optional.of(c.date()) : Optional.empty();
            // A cycle's payouts go in its batch; one whose cycle batch was already downloaded, or a payout on request,
            // goes in the open batch of payouts on request.
            for (int attempt = 0; attempt < 3; attempt++) {
                PayoutBatch batch = batchFor(cycle, planned.amount().currency(), now);
                if (payouts.addToBatch(batch.id(), item)) {
                    return awaiting;
                }
                cycle = Optional.empty();
            }
            throw new IllegalStateException("payout " + planned.id() + ": no open bank-file batch could take it");
        });
    }

    private PayoutBatch batchFor(Optional<LocalDate> cycle, Currency currency, Instant now) {
        Optional<PayoutBatch> found = payouts.batchOf(cycle);
        if (found.isPresent()) {
            return found.get().state() == PayoutBatchState.OPEN ? found.get() : batchFor(Optional.empty(), currency, now);
        }
        PayoutBatch fresh = PayoutBatch.open(new PayoutBatchId(ids.newId()), cycle, currency, now);
        if (payouts.addBatch(fresh)) {
            return fresh;
        }
        return payouts.batchOf(cycle).orElseThrow(); // another instance made it first
    }

    /** The latest bank-file batches, newest first. */
    public List<PayoutBatch> batches(int limit) {
        return payouts.batches(limit);
    }

    public Optional<PayoutBatch> batch(PayoutBatchId id) {
        return payouts.batch(id);
    }

    /**
     * The batch whose file the operator downloads: the first download fixes its content (EXPORTED), so that a payout
     * joining later goes in another batch and every download of this one gives the same file.
     */
    public Outcome<PayoutBatch> exportBatch(PayoutBatchId id) {
        return exportBatch(id, batch -> { });
    }

    /** As {@link #exportBatch(PayoutBatchId)}; {@code fixed} runs in the transaction that fixes the batch, once. */
    Outcome<PayoutBatch> exportBatch(PayoutBatchId id, java.util.function.Consumer<PayoutBatch> fixed) {
        return transactions.inTransaction(() -> {
            Optional<PayoutBatch> found = payouts.batch(id);
            if (found.isEmpty()) {
                return Outcome.rejected(Reason.NOT_FOUND, "batchId: no such payout batch");
            }
            if (found.get().state() == PayoutBatchState.OPEN) {
                PayoutBatch exported = found.get().exported(clock.instant());
                if (payouts.updateBatch(exported, PayoutBatchState.OPEN)) {
                    fixed.accept(exported);
                }
            }
            return Outcome.accepted(payouts.batch(id).orElseThrow());
        });
    }

    /**
     * The operator says the bank has the batch's file: its payouts become SENT and each practitioner is told, with
     * the statement (PO-5). Records who and when and why, once; marking it again changes nothing (and finishes what a
     * crash left undone).
     */
    public Outcome<PayoutBatch> markBatchSent(PayoutBatchId id, String by, String reason) {
        return markBatchSent(id, by, reason, batch -> { });
    }

    /** As {@link #markBatchSent(PayoutBatchId, String, String)}; {@code marked} runs in the transaction that marks it, once. */
    Outcome<PayoutBatch> markBatchSent(PayoutBatchId id, String by, String reason,
                                       java.util.function.Consumer<PayoutBatch> marked) {
        BatchSending sending = new BatchSending(by, clock.instant(), reason);
        Outcome<PayoutBatch> outcome = transactions.inTransaction(() -> {
            Optional<PayoutBatch> found = payouts.batch(id);
            if (found.isEmpty()) {
                return Outcome.rejected(Reason.NOT_FOUND, "batchId: no such payout batch");
            }
            if (found.get().state() == PayoutBatchState.OPEN) {
                return Outcome.rejected(Reason.ILLEGAL_TRANSITION,
                        "batchId: download the batch's file before marking it sent");
            }
            if (found.get().state() == PayoutBatchState.EXPORTED) {
                PayoutBatch sent = found.get().sent(sending);
                if (payouts.updateBatch(sent, PayoutBatchState.EXPORTED)) {
                    marked.accept(sent);
                }
            }
            return Outcome.accepted(payouts.batch(id).orElseThrow());
        });
        if (!outcome.isAccepted()) {
            return outcome;
        }
        PayoutBatch batch = outcome.orElseThrow();
        for (BatchItem item : batch.items()) {
            transactions.inAgenda(item.practitionerId(), () -> {
                Optional<Payout> payout = payouts.find(item.payoutId())
                        .filter(p -> p.state() == PayoutState.AWAITING_BANK_FILE);
                if (payout.isEmpty()) {
                    return null;
                }
                Instant now = clock.instant();
                Payout done = payout.get().sent(PayoutBatch.endToEndId(item.payoutId()), now);
                if (payouts.update(done, PayoutState.AWAITING_BANK_FILE)) {
                    announcements.announceToPractitioner(MessageKind.PAYOUT_SENT, item.practitionerId(), "payout-sent:" + item.payoutId(),
                            Map.of("amount", done.amount().toString(), "payoutId", done.id().toString()), now);
                }
                return null;
            });
        }
        return outcome;
    }
}
