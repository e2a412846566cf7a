package org.rendezvous.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.rendezvous.core.notification.Channel.EMAIL;
import static org.rendezvous.core.notification.Recipient.CLIENT;
import static org.rendezvous.core.notification.Recipient.PRACTITIONER;
import static org.rendezvous.core.port.contract.StoreFixtures.eur;
import static org.rendezvous.core.port.contract.StoreFixtures.hours;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.rendezvous.core.Rendezvous;
import org.rendezvous.core.agenda.Activity;
import org.rendezvous.core.agenda.AddActivityCommand;
import org.rendezvous.core.agenda.ConsultationMode;
import org.rendezvous.core.agenda.OpeningSpec;
import org.rendezvous.core.booking.Actor;
import org.rendezvous.core.booking.BookCommand;
import org.rendezvous.core.booking.Booking;
import org.rendezvous.core.booking.BookingId;
import org.rendezvous.core.booking.BookingState;
import org.rendezvous.core.booking.Cause;
import org.rendezvous.core.client.Client;
import org.rendezvous.core.client.ClientDetails;
import org.rendezvous.core.idempotency.IdempotencyKey;
import org.rendezvous.core.ledger.Account;
import org.rendezvous.core.ledger.Leg;
import org.rendezvous.core.ledger.Posting;
import org.rendezvous.core.ledger.PostingId;
import org.rendezvous.core.ledger.PostingKind;
import org.rendezvous.core.money.Money;
import org.rendezvous.core.notification.MessageKind;
import org.rendezvous.core.notification.OutboxMessage;
import org.rendezvous.core.payment.CheckoutSession;
import org.rendezvous.core.payment.InstructionKind;
import org.rendezvous.core.payment.PaymentEvent;
import org.rendezvous.core.payment.PaymentInstruction;
import org.rendezvous.core.payment.PaymentInstructionId;
import org.rendezvous.core.payout.Payout;
import org.rendezvous.core.payout.PayoutDestination;
import org.rendezvous.core.payout.PayoutId;
import org.rendezvous.core.payout.PayoutState;
import org.rendezvous.core.payout.PayoutTrigger;
import org.rendezvous.core.payout.StatementLine;
import org.rendezvous.core.policy.CommercialModel;
import org.rendezvous.core.port.Stores;
import org.rendezvous.core.port.Transactions;
import org.rendezvous.core.port.contract.StoreFixtures;
import org.rendezvous.core.practitioner.PractitionerId;
import org.rendezvous.core.practitioner.RegisterPractitionerCommand;
import org.rendezvous.core.sandbox.SandboxPaymentGateway;
import org.rendezvous.core.testing.MutableClock;

/**
 * Issue 4, item 6, for money: a booking change, its outbox messages and its ledger postings commit or roll
 * back together; a payout per practitioner and cycle (PO-2) is guarded by the database across instances.
 */
class MoneyAtomicityTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final LocalDate MONDAY = LocalDate.of(2025, 6, 2);
    private static final long GUARD_SECONDS = 30;

    private final StoreFixtures fixtures = new StoreFixtures();
    private Stores stores;
    private PractitionerId anna;
    private ExecutorService pool;

    @BeforeEach
    void freshStores() {
        stores = TestDatabase.freshStores();
        anna = fixtures.registerPractitioner(stores);
        pool = Executors.newFixedThreadPool(2);
    }

    @AfterEach
    void stopThreads() throws InterruptedException {
        pool.shutdownNow();
        pool.awaitTermination(GUARD_SECONDS, TimeUnit.SECONDS);
    }

    @Test
    @DisplayName("FEE-4 NOT-3 a booking change, its outbox messages, ledger postings and payment instruction roll back together when the work fails after all were written")
    void bookingMessagesPostingsAndInstructionRollBackTogether() {
        Activity activity = fixtures.addActivity(stores, anna);
        Client client = fixtures.addClient(stores, anna);
        Booking booking = fixtures.booking(activity, client).state(BookingState.HELD).build();
        stores.bookings().add(booking);
        Booking changed = booking.withPayment(eur("60.00"), "pi_1")
                .transition(BookingState.CONFIRMED, Cause.PAYMENT_RECEIVED, Actor.PAYMENT_PROVIDER, hours(1),
                        Optional.empty()).orElseThrow();
        IllegalStateException failure = new IllegalStateException("the work failed after writing everything");

        assertThatThrownBy(() -> stores.transactions().inAgenda(anna, () -> {
            assertThat(stores.bookings().update(changed, booking.version())).isTrue();
            stores.outbox().append(fixtures.message(booking, "paid", CLIENT, EMAIL));
            stores.outbox().append(fixtures.message(booking, "paid", PRACTITIONER, EMAIL));
            stores.ledger().post(posting(anna, booking, "payment:pi_1", PostingKind.PAYMENT_RECEIVED,
                    new Leg(Account.CLIENT_PAYMENTS, Account.HELD_FOR_BOOKINGS, eur("60.00"))));
            stores.ledger().post(posting(anna, booking, "payment:pi_1:fee", PostingKind.PROVIDER_FEE,
                    new Leg(Account.PLATFORM_REVENUE, Account.PROVIDER_FEES, eur("1.15"))));
            stores.paymentInstructions().add(PaymentInstruction.due(new PaymentInstructionId(fixtures.newId()), anna,
                    booking.id(), InstructionKind.REFUND, eur("60.00"), "refund:" + booking.id(), hours(1), hours(0)));
            assertThat(stores.ledger().ofBooking(booking.id())).hasSize(2);
            assertThat(stores.ledger().balances(anna, eur("0.00").currency(), hours(100)).moneyIn()).isEqualTo(eur("60.00"));
            throw failure;
        })).isSameAs(failure);

        assertThat(stores.bookings().find(booking.id())).contains(booking);
        assertThat(stores.outbox().aboutBooking(booking.id())).isEmpty();
        assertThat(stores.ledger().ofBooking(booking.id())).isEmpty();
        assertThat(stores.ledger().totals(eur("0.00").currency()).moneyIn()).isEqualTo(eur("0.00"));
        assertThat(stores.paymentInstructions().ofBooking(booking.id())).isEmpty();
        assertThat(rows("outbox")).isZero();
        assertThat(rows("ledger_postings")).isZero();
        assertThat(rows("ledger_legs")).isZero();
        assertThat(rows("payment_instructions")).isZero();
    }

    @Test
    @DisplayName("FEE-4 NOT-3 PAY-5 a payment event whose unit of work fails after the booking, its messages and its postings were written leaves nothing; delivered again, it is applied once")
    void failedPaymentEventLeavesNothingAndIsAppliedOnceWhenDeliveredAgain() {
        AtomicBoolean crashAfterTheWork = new AtomicBoolean();
        AtomicReference<String> seenInsideTheWork = new AtomicReference<>();
        AtomicReference<BookingId> target = new AtomicReference<>();
        // The engine's units of work, with a crash at their very end, inside the transaction: after every write.
        Transactions crashing = new Transactions() {
            @Override
            public <T> T inTransaction(Supplier<T> work) {
                return stores.transactions().inTransaction(work);
            }

            @Override
            public <T> T inAgenda(PractitionerId practitioner, Supplier<T> work) {
                return stores.transactions().inAgenda(practitioner, () -> {
                    T result = work.get();
                    if (crashAfterTheWork.get() && !stores.ledger().ofBooking(target.get()).isEmpty()) {
                        crashAfterTheWork.set(false);
                        seenInsideTheWork.set(written(target.get()));
                        throw new IllegalStateException("the instance crashed before committing");
                    }
                    return result;
                });
            }
        };
        Stores crashable = new Stores(stores.practitioners(), stores.agendas(), stores.clients(), stores.bookings(),
                stores.waitlists(), stores.outbox(), stores.idempotencyKeys(), stores.ledger(),
                stores.paymentInstructions(), stores.payouts(), stores.payoutAccounts(), stores.subscriptions(),
                stores.usage(), stores.profiles(), crashing, stores.paymentAccounts());
        MutableClock clock = new MutableClock(MONDAY.atTime(10, 0).atZone(PARIS).toInstant());
        SandboxPaymentGateway sandbox = new SandboxPaymentGateway();
        Rendezvous engine = Rendezvous.builder().stores(crashable).clock(clock).paymentGateway(sandbox)
                .model(CommercialModel.PLATFORM_COLLECTS).build();
        PractitionerId bruno = engine.practitioners()
                .register(RegisterPractitionerCommand.of("Bruno Petit", "bruno@example.org", PARIS)).id();
        Activity video = engine.agenda().addActivity(new AddActivityCommand(bruno, "Consultation", Duration.ofMinutes(60),
                Money.of("60.00", "EUR"), Set.of(ConsultationMode.VIDEO))).orElseThrow();
        engine.agenda().addOpening(bruno, OpeningSpec.weekly(DayOfWeek.WEDNESDAY, MONDAY, LocalTime.of(9, 0),
                LocalTime.of(12, 0))).orElseThrow();
        Booking held = engine.bookings().book(BookCommand.of(bruno, video.id(),
                MONDAY.plusDays(2).atTime(9, 0).atZone(PARIS).toInstant(), ConsultationMode.VIDEO,
                ClientDetails.of("Chloe Durand", "chloe@example.net", "+33612345678"), Map.of(),
                IdempotencyKey.of("book-1"))).orElseThrow();
        assertThat(held.state()).isEqualTo(BookingState.HELD);
        target.set(held.id());
        CheckoutSession.Started session = engine.payments().checkout(held.accessToken()).orElseThrow();
        PaymentEvent paid = sandbox.completePayment(session.reference()).orElseThrow();
        int messagesBefore = stores.outbox().aboutBooking(held.id()).size();
        int keysBefore = rows("idempotency_keys");

        crashAfterTheWork.set(true);
        assertThatThrownBy(() -> engine.payments().apply(paid)).hasMessageContaining("crashed before committing");

        assertThat(seenInsideTheWork.get()).as("what the unit of work had written when it failed")
                .isEqualTo("booking PENDING, 2 postings, messages " + List.of(MessageKind.PAYMENT_RECEIVED));
        Booking after = stores.bookings().find(held.id()).orElseThrow();
        assertThat(after.state()).isEqualTo(BookingState.HELD);
        assertThat(after.version()).isEqualTo(held.version());
        assertThat(stores.ledger().ofBooking(held.id())).isEmpty();
        assertThat(rows("ledger_postings")).isZero();
        assertThat(rows("ledger_legs")).isZero();
        assertThat(stores.outbox().aboutBooking(held.id())).hasSize(messagesBefore);
        assertThat(rows("idempotency_keys")).as("BK-8: the event is not remembered as applied").isEqualTo(keysBefore);

        Booking applied = engine.payments().apply(paid).orElseThrow();
        engine.payments().apply(paid).orElseThrow();

        assertThat(applied.state()).isEqualTo(BookingState.PENDING);
        assertThat(stores.ledger().ofBooking(held.id())).extracting(Posting::kind)
                .containsExactly(PostingKind.PAYMENT_RECEIVED, PostingKind.PROVIDER_FEE);
        assertThat(engine.payments().balances(bruno).orElseThrow().of(Account.HELD_FOR_BOOKINGS)).isEqualTo(eur("60.00"));
        Map<String, Money> totals = Map.of("in", engine.payments().platformTotals(eur("0.00").currency()).moneyIn(),
                "accounted", engine.payments().platformTotals(eur("0.00").currency()).accountedFor());
        assertThat(totals).containsEntry("in", eur("60.00")).containsEntry("accounted", eur("60.00"));
        assertThat(stores.outbox().aboutBooking(held.id()).stream().filter(m -> m.kind() == MessageKind.PAYMENT_RECEIVED))
                .isNotEmpty();
    }

    /** What the unit of work on this thread has written so far about the booking. */
    private String written(BookingId booking) {
        return "booking " + stores.bookings().find(booking).orElseThrow().state() + ", "
                + stores.ledger().ofBooking(booking).size() + " postings, messages "
                + stores.outbox().aboutBooking(booking).stream().map(OutboxMessage::kind)
                .filter(k -> k == MessageKind.PAYMENT_RECEIVED).distinct().toList();
    }

    @Test
    @DisplayName("PO-2 a second payout for the same practitioner and cycle, added at the same time from a second connection pool, is refused by the unique constraint; both see the first")
    void secondPayoutFromAnotherPoolIsRefused() throws Exception {
        Stores first = PostgresStores.open(TestDatabase.newPool(2, "po2-instance-1"));
        Stores second = PostgresStores.open(TestDatabase.newPool(2, "po2-instance-2"));
        PayoutTrigger cycle = new PayoutTrigger.Cycle(LocalDate.of(2030, 3, 15));
        Payout firstPayout = payout(cycle, "57.00");
        Payout secondPayout = payout(cycle, "58.00");
        CountDownLatch firstAdded = new CountDownLatch(1);

        Future<Boolean> one = pool.submit(() -> first.transactions().inTransaction(() -> {
            boolean added = first.payouts().add(firstPayout);
            firstAdded.countDown();
            // Commit only once the second instance is seen waiting on the unique index for this transaction.
            awaitAWaitingInsert();
            return added;
        }));
        Future<Optional<Payout>> two = pool.submit(() -> {
            assertThat(firstAdded.await(GUARD_SECONDS, TimeUnit.SECONDS)).isTrue();
            return second.transactions().inTransaction(() -> {
                if (second.payouts().add(secondPayout)) {
                    return Optional.<Payout>empty();
                }
                return second.payouts().forTrigger(anna, cycle.key());
            });
        });

        assertThat(one.get(GUARD_SECONDS, TimeUnit.SECONDS)).isTrue();
        assertThat(two.get(GUARD_SECONDS, TimeUnit.SECONDS)).as("refused, and what the second instance then reads")
                .contains(firstPayout);
        assertThat(first.payouts().forTrigger(anna, cycle.key())).contains(firstPayout);
        assertThat(second.payouts().forTrigger(anna, cycle.key())).contains(firstPayout);
        assertThat(second.payouts().find(secondPayout.id())).isEmpty();
        assertThat(rows("payouts")).isEqualTo(1);
        assertThat(rows("payout_statement_lines")).isEqualTo(1);
    }

    @Test
    @DisplayName("PO-2 two instances on two connection pools running the same payout cycle at once pay the practitioner once")
    void twoInstancesRunningOneCyclePayOnce() throws Exception {
        stores.ledger().post(new Posting(new PostingId(fixtures.newId()), anna, Optional.empty(), Optional.empty(),
                PostingKind.EARNINGS_RELEASED, "earnings:1", List.of(new Leg(Account.HELD_FOR_BOOKINGS,
                Account.PRACTITIONER_PAYABLE, eur("57.00"))), Instant.parse("2030-03-10T10:00:00Z")));
        stores.payoutAccounts().save(anna, new PayoutDestination.ProviderAccount("acct_anna", true));
        MutableClock clock = new MutableClock(Instant.parse("2030-03-15T08:00:00Z"));
        SandboxPaymentGateway bank = new SandboxPaymentGateway();
        List<Rendezvous> instances = List.of(
                Rendezvous.builder().stores(PostgresStores.open(TestDatabase.newPool(2, "cycle-instance-1")))
                        .clock(clock).paymentGateway(bank).build(),
                Rendezvous.builder().stores(PostgresStores.open(TestDatabase.newPool(2, "cycle-instance-2")))
                        .clock(clock).paymentGateway(bank).build());
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> runs = instances.stream().<Future<?>>map(engine -> pool.submit(() -> {
            start.await();
            return engine.payouts().runDueCycle();
        })).toList();

        start.countDown();
        for (Future<?> run : runs) {
            run.get(GUARD_SECONDS, TimeUnit.SECONDS);
        }

        assertThat(stores.payouts().ofPractitioner(anna)).singleElement().satisfies(p -> {
            assertThat(p.trigger()).isEqualTo(new PayoutTrigger.Cycle(LocalDate.of(2030, 3, 15)));
            assertThat(p.amount()).isEqualTo(eur("57.00"));
            assertThat(p.state()).isEqualTo(PayoutState.SENT);
        });
        assertThat(bank.movements()).extracting(SandboxPaymentGateway.Movement::kind).containsExactly("payout");
        assertThat(stores.ledger().ofPractitioner(anna)).extracting(Posting::kind)
                .containsExactly(PostingKind.EARNINGS_RELEASED, PostingKind.PAYOUT);
        assertThat(stores.ledger().balances(anna, eur("0.00").currency(), Instant.parse("2030-03-16T00:00:00Z"))
                .of(Account.PRACTITIONER_PAYABLE)).isEqualTo(eur("0.00"));
    }

    @Test
    @DisplayName("FEE-4 the ledger is append-only in the database too: an UPDATE or DELETE of a posting or a leg is refused")
    void ledgerRowsCannotBeChangedNorRemoved() {
        stores.ledger().post(new Posting(new PostingId(fixtures.newId()), anna, Optional.empty(), Optional.empty(),
                PostingKind.PAYMENT_RECEIVED, "payment:pi_9", List.of(new Leg(Account.CLIENT_PAYMENTS,
                Account.HELD_FOR_BOOKINGS, eur("60.00"))), hours(1)));

        for (String sql : List.of("UPDATE ledger_postings SET cause_key = 'other'", "DELETE FROM ledger_postings",
                "UPDATE ledger_legs SET amount_minor = 1", "DELETE FROM ledger_legs")) {
            assertThatThrownBy(() -> execute(sql)).as(sql).isInstanceOf(SQLException.class)
                    .hasMessageContaining("the ledger is append-only");
        }
        assertThat(stores.ledger().ofPractitioner(anna)).singleElement()
                .satisfies(p -> assertThat(p.amount()).isEqualTo(eur("60.00")));
    }

    private static void execute(String sql) throws SQLException {
        try (Connection connection = TestDatabase.dataSource().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private Payout payout(PayoutTrigger trigger, String amount) {
        return new Payout(new PayoutId(fixtures.newId()), anna, trigger, hours(0), eur(amount), PayoutState.PLANNED,
                List.of(new StatementLine(hours(-5), "EARNINGS_RELEASED", Optional.empty(), eur(amount))),
                Optional.empty(), Optional.empty(), hours(1), hours(1));
    }

    private Posting posting(PractitionerId practitioner, Booking booking, String cause, PostingKind kind, Leg leg) {
        return new Posting(new PostingId(fixtures.newId()), practitioner, Optional.of(booking.id()), Optional.empty(), kind,
                cause, List.of(leg), hours(1));
    }

    /** Waits until another session of this database waits for a lock while inserting a payout. */
    private static void awaitAWaitingInsert() {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(GUARD_SECONDS);
        while (System.nanoTime() < deadline) {
            try (Connection connection = TestDatabase.dataSource().getConnection();
                 Statement statement = connection.createStatement();
                 ResultSet result = statement.executeQuery("""
                         SELECT count(*) FROM pg_stat_activity
                         WHERE datname = current_database() AND wait_event_type = 'Lock'
                           AND query LIKE '%INSERT INTO payouts%'""")) {
                result.next();
                if (result.getInt(1) > 0) {
                    return;
                }
                Thread.sleep(20);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("the second instance never waited on the first one's payout");
    }

    private static int rows(String table) {
        return MoneyFlowsOnPostgresTest.rows(table);
    }
}
