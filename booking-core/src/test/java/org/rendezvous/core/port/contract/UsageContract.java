package org.rendezvous.core.port.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.rendezvous.core.plan.UsageKind.BOOKING;
import static org.rendezvous.core.plan.UsageKind.INVOICE;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.rendezvous.core.plan.UsageMonth;
import org.rendezvous.core.port.Transactions;
import org.rendezvous.core.port.Usage;
import org.rendezvous.core.practitioner.PractitionerId;

/** What every {@link Usage} adapter must do (PLAN-2): count each thing once, in its month, atomically. */
public abstract class UsageContract {

    /** How long a worker thread may take before the test gives up on it: a guard against a deadlock, not a timing. */
    private static final long GUARD_SECONDS = 60;

    protected Usage usage;
    protected PractitionerId anna;
    protected UsageMonth march;
    protected UsageMonth april;
    private ExecutorService pool;

    /** A fresh, empty store for each test. */
    protected abstract Usage newUsage();

    /** The transactions that the store last made by {@link #newUsage()} takes part in. */
    protected abstract Transactions transactions();

    /**
     * A practitioner the store may count for. Adapters whose storage needs the practitioner to
     * exist first (a foreign key) override this to register one.
     */
    protected PractitionerId newPractitioner() {
        return new PractitionerId(UUID.randomUUID());
    }

    @BeforeEach
    void freshStore() {
        usage = newUsage();
        anna = newPractitioner();
        march = new UsageMonth(anna, YearMonth.of(2030, 3));
        april = new UsageMonth(anna, YearMonth.of(2030, 4));
        pool = Executors.newFixedThreadPool(8);
    }

    @AfterEach
    void stopThreads() throws InterruptedException {
        pool.shutdownNow();
        pool.awaitTermination(GUARD_SECONDS, TimeUnit.SECONDS);
    }

    private static String thing() {
        return UUID.randomUUID().toString();
    }

    @Test
    @DisplayName("PLAN-2 a month with nothing recorded counts zero")
    void emptyMonth() {
        assertThat(usage.count(march, BOOKING)).isZero();
        assertThat(usage.count(march, INVOICE)).isZero();
    }

    @Test
    @DisplayName("PLAN-2 each thing recorded counts once in its month and kind")
    void recordsCount() {
        assertThat(usage.record(march, BOOKING, thing())).isTrue();
        assertThat(usage.record(march, BOOKING, thing())).isTrue();
        assertThat(usage.record(march, INVOICE, thing())).isTrue();
        assertThat(usage.record(april, BOOKING, thing())).isTrue();

        assertThat(usage.count(march, BOOKING)).isEqualTo(2);
        assertThat(usage.count(march, INVOICE)).isEqualTo(1);
        assertThat(usage.count(april, BOOKING)).isEqualTo(1);
        assertThat(usage.count(april, INVOICE)).isZero();
    }

    @Test
    @DisplayName("PLAN-2 recording the same thing again answers false and counts nothing more")
    void sameThingCountsOnce() {
        String booking = thing();

        assertThat(usage.record(march, BOOKING, booking)).isTrue();
        assertThat(usage.record(march, BOOKING, booking)).isFalse();

        assertThat(usage.count(march, BOOKING)).isEqualTo(1);
    }

    @Test
    @DisplayName("PLAN-2 a thing counts in the month it was first recorded, whatever happens to it later (a move, a confirmation next month)")
    void countsInItsFirstMonthOnly() {
        String booking = thing();
        usage.record(march, BOOKING, booking);

        assertThat(usage.record(april, BOOKING, booking)).isFalse();

        assertThat(usage.count(march, BOOKING)).isEqualTo(1);
        assertThat(usage.count(april, BOOKING)).isZero();
    }

    @Test
    @DisplayName("PLAN-2 the same id counts separately per kind and per practitioner")
    void kindsAndPractitionersAreSeparate() {
        String id = thing();
        UsageMonth brunosMarch = new UsageMonth(newPractitioner(), YearMonth.of(2030, 3));

        assertThat(usage.record(march, BOOKING, id)).isTrue();
        assertThat(usage.record(march, INVOICE, id)).isTrue();
        assertThat(usage.record(brunosMarch, BOOKING, id)).isTrue();

        assertThat(usage.count(march, BOOKING)).isEqualTo(1);
        assertThat(usage.count(march, INVOICE)).isEqualTo(1);
        assertThat(usage.count(brunosMarch, BOOKING)).isEqualTo(1);
    }

    @Test
    @DisplayName("a blank thing id is refused, naming the field")
    void blankThing() {
        assertThatThrownBy(() -> usage.record(march, BOOKING, " "))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("countedThingId:");
    }

    @Test
    @DisplayName("PLAN-2 a record in a rolled-back transaction is un-counted, and the thing can be counted again")
    void rolledBackRecordIsUncounted() {
        String kept = thing();
        String rolledBack = thing();
        usage.record(march, BOOKING, kept);
        RuntimeException boom = new IllegalStateException("the work failed");

        assertThatThrownBy(() -> transactions().inTransaction(() -> {
            assertThat(usage.record(march, BOOKING, rolledBack)).isTrue();
            assertThat(usage.record(march, BOOKING, kept)).isFalse();
            assertThat(usage.count(march, BOOKING)).isEqualTo(2);
            throw boom;
        })).isSameAs(boom);

        assertThat(usage.count(march, BOOKING)).isEqualTo(1);
        assertThat(usage.record(march, BOOKING, rolledBack)).isTrue();
        assertThat(usage.count(march, BOOKING)).isEqualTo(2);
    }

    @Test
    @DisplayName("PLAN-2 8 threads recording one thing at once: exactly one counts it")
    void concurrentRecordsOfOneThing() throws Exception {
        String booking = thing();
        List<Boolean> answers = runConcurrently(8, thread -> booking);

        assertThat(answers).containsOnlyOnce(true);
        assertThat(usage.count(march, BOOKING)).isEqualTo(1);
    }

    @Test
    @DisplayName("PLAN-2 8 threads recording different things at once: none is lost")
    void concurrentRecordsOfManyThings() throws Exception {
        int threads = 8;
        int perThread = 25;
        List<Future<?>> workers = new ArrayList<>();
        CountDownLatch start = new CountDownLatch(1);
        for (int t = 0; t < threads; t++) {
            workers.add(pool.submit(() -> {
                start.await();
                for (int i = 0; i < perThread; i++) {
                    usage.record(march, BOOKING, thing());
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> worker : workers) {
            worker.get(GUARD_SECONDS, TimeUnit.SECONDS);
        }

        assertThat(usage.count(march, BOOKING)).isEqualTo((long) threads * perThread);
    }

    private List<Boolean> runConcurrently(int threads, java.util.function.IntFunction<String> thingOf) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Boolean>> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            String id = thingOf.apply(t);
            workers.add(pool.submit(() -> {
                start.await();
                return usage.record(march, BOOKING, id);
            }));
        }
        start.countDown();
        List<Boolean> answers = new ArrayList<>();
        for (Future<Boolean> worker : workers) {
            answers.add(worker.get(GUARD_SECONDS, TimeUnit.SECONDS));
        }
        return answers;
    }

    @Test
    @DisplayName("PLAN-2, issue 15: note counts a thing as record does, once, inside a transaction or not")
    void noteCountsOnce() {
        String booking = thing();

        usage.note(march, BOOKING, booking);
        transactions().inTransaction(() -> {
            usage.note(march, BOOKING, booking);
            usage.note(march, BOOKING, thing());
            return null;
        });

        assertThat(usage.count(march, BOOKING)).isEqualTo(2);
        assertThat(usage.record(april, BOOKING, booking)).isFalse();
    }

}
