package org.rendezvous.core.properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.core.RandomnessSource;
import org.rendezvous.core.Rendezvous;
import org.rendezvous.core.agenda.Activity;
import org.rendezvous.core.agenda.AddActivityCommand;
import org.rendezvous.core.agenda.AgendaSettings;
import org.rendezvous.core.agenda.AvailabilityQuery;
import org.rendezvous.core.agenda.ConfirmationMode;
import org.rendezvous.core.agenda.ConsultationMode;
import org.rendezvous.core.agenda.OnlinePayment;
import org.rendezvous.core.agenda.OpeningSpec;
import org.rendezvous.core.agenda.Slot;
import org.rendezvous.core.booking.BookCommand;
import org.rendezvous.core.booking.Booking;
import org.rendezvous.core.booking.BookingId;
import org.rendezvous.core.booking.BookingState;
import org.rendezvous.core.booking.CancelByClientCommand;
import org.rendezvous.core.booking.CancelByPractitionerCommand;
import org.rendezvous.core.booking.ConfirmBookingCommand;
import org.rendezvous.core.booking.MoveByClientCommand;
import org.rendezvous.core.booking.MoveByPractitionerCommand;
import org.rendezvous.core.booking.RecordPaymentCommand;
import org.rendezvous.core.booking.RefuseBookingCommand;
import org.rendezvous.core.client.ClientDetails;
import org.rendezvous.core.idempotency.IdempotencyKey;
import org.rendezvous.core.sandbox.SandboxPaymentGateway;
import org.rendezvous.core.inmemory.InMemoryStores;
import org.rendezvous.core.money.Money;
import org.rendezvous.core.money.Percent;
import org.rendezvous.core.outcome.Outcome;
import org.rendezvous.core.policy.CommercialModel;
import org.rendezvous.core.port.Stores;
import org.rendezvous.core.practitioner.PractitionerId;
import org.rendezvous.core.practitioner.RegisterPractitionerCommand;
import org.rendezvous.core.testing.MutableClock;
import org.rendezvous.core.testing.SequentialIds;

/**
 * AG-10 with in-memory adapters: 16 threads hammer one agenda at once — booking, cancelling, moving,
 * confirming, refusing, paying, running the expiry job and reading availability on a handful of
 * overlapping start times. While they run, audits taken under the agenda lock and the final state
 * must show no start time beyond its capacity, every booking acknowledged as accepted must be stored
 * where and as the latest answer about it said, and nothing may be stored that nobody was told about.
 * Run with {@code -Dproperties.verbose=true} to see what each run went through; the wall-clock time is
 * never asserted.
 */
class ConcurrentCapacityTest {

    private static final int THREADS = 16;
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final Instant T0 = Instant.parse("2026-03-02T08:00:00Z");
    /** A Wednesday two days after T0, far beyond the notice and the clock's drift during a run. */
    private static final LocalDate DAY = LocalDate.of(2026, 3, 4);
    private static final Money PRICE = Money.of("40.00", "EUR");
    private static final int DURATION = 60;
    private static final int SPACING = 10;
    /** The contested starts: overlapping 30-minute grid starts, plus 09:15 that only the practitioner may use. */
    private static final List<LocalTime> STARTS = List.of(LocalTime.of(9, 0), LocalTime.of(9, 30), LocalTime.of(10, 0),
            LocalTime.of(10, 30), LocalTime.of(9, 15));
    /** Commands every thread may send with the same key, as a client retrying from two tabs (BK-8). */
    private static final int SHARED_KEYS = 4;

    enum Kind { BOOK, BOOK_SHARED, CANCEL_BY_CLIENT, CANCEL_BY_PRACTITIONER, MOVE_BY_CLIENT, MOVE_BY_PRACTITIONER,
        CONFIRM, REFUSE, PAY, TICK, READ_AVAILABILITY, AUDIT }

    /** start indexes STARTS; booking picks one of the bookings acknowledged so far, the most recent first. */
    record Op(Kind kind, int start, int booking, boolean payOnline) {
    }

    record Plan(int capacity, boolean automatic, List<List<Op>> threads) {
    }

    @Test
    @DisplayName("AG-10 16 threads booking, cancelling and moving on the same start times never overbook, and every accepted booking is stored")
    void concurrentRequestsNeverOverbook() {
        AtomicInteger accepted = new AtomicInteger();
        AtomicInteger moves = new AtomicInteger();
        qt().withExamples(6).withShrinkCycles(0)
                .forAll(plans())
                .checkAssert(plan -> new Run(plan, accepted, moves).play());
        assertThat(accepted.get()).as("bookings accepted over all runs").isGreaterThan(20);
        assertThat(moves.get()).as("moves accepted over all runs").isGreaterThan(5);
    }

    private static Gen<Plan> plans() {
        return in -> {
            int capacity = Draw.oneOf(in, List.of(1, 2, 3));
            boolean automatic = Draw.bool(in);
            List<List<Op>> threads = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                List<Op> ops = new ArrayList<>();
                int count = Draw.between(in, 60, 120);
                for (int i = 0; i < count; i++) {
                    ops.add(op(in));
                }
                threads.add(ops);
            }
            return new Plan(capacity, automatic, threads);
        };
    }

    private static Op op(RandomnessSource in) {
        Kind kind = Kind.values()[Draw.weighted(in, 30, 3, 12, 8, 10, 8, 8, 3, 8, 4, 4, 3)];
        return new Op(kind, Draw.between(in, 0, STARTS.size() - 1), Draw.between(in, 0, 20), Draw.bool(in));
    }

    private static final class Run {
        private final Plan plan;
        private final MutableClock clock = new MutableClock(T0);
        private final Stores stores = InMemoryStores.create();
        private final SandboxPaymentGateway gateway = new SandboxPaymentGateway();
        private final Rendezvous engine;
        private final PractitionerId practitioner;
        private final Activity activity;
        private final Duration spacing = Duration.ofMinutes(SPACING);
        /** Every booking id any thread was told was created, in the order they were told. */
        private final List<BookingId> acknowledged = new CopyOnWriteArrayList<>();
        private final Set<BookingId> acknowledgedOnce = ConcurrentHashMap.newKeySet();
        /** For each booking, the latest version (highest version number) any thread was answered with. */
        private final Map<BookingId, Booking> latestTold = new ConcurrentHashMap<>();
        private final Map<String, Set<BookingId>> sharedAnswers = new ConcurrentHashMap<>();
        private final List<String> auditProblems = new CopyOnWriteArrayList<>();
        private final AtomicInteger accepted = new AtomicInteger();
        /** Why requests were refused, by reason: shown with -Dproperties.verbose=true to see what a run exercised. */
        private final Map<String, Integer> rejections = new ConcurrentHashMap<>();

        private final AtomicInteger totalAccepted;
        private final AtomicInteger totalMoves;

        Run(Plan plan, AtomicInteger totalAccepted, AtomicInteger totalMoves) {
            this.plan = plan;
            this.totalAccepted = totalAccepted;
            this.totalMoves = totalMoves;
            this.engine = Rendezvous.builder().stores(stores).paymentGateway(gateway).ids(new SequentialIds())
                    .clock(clock).model(CommercialModel.DIRECT_CONNECT).build();
            this.practitioner = engine.practitioners()
                    .register(RegisterPractitionerCommand.of("Anna Martin", "anna@example.org", PARIS)).id();
            AgendaSettings settings = engine.practitioners().settings(practitioner).orElseThrow()
                    .withSpacing(spacing)
                    .withDefaultCapacity(plan.capacity())
                    .withConfirmation(plan.automatic() ? ConfirmationMode.AUTOMATIC : ConfirmationMode.MANUAL)
                    .withOnlinePayment(OnlinePayment.OPTIONAL)
                    .withNoShowPercentage(Percent.ZERO)
                    .withPaymentWindow(Duration.ofMinutes(5));
            // DIRECT_CONNECT: online payment needs an account that can take payments (issue 12).
            engine.payouts().setDestination(practitioner, new org.rendezvous.core.payout.PayoutDestination.ProviderAccount("acct_anna", true));
            engine.practitioners().changeSettings(practitioner, settings).orElseThrow();
            this.activity = engine.agenda().addActivity(new AddActivityCommand(practitioner, "Group session",
                    Duration.ofMinutes(DURATION), PRICE, Set.of(ConsultationMode.IN_PERSON))).orElseThrow();
            engine.agenda().addOpening(practitioner, OpeningSpec.weekly(DayOfWeek.WEDNESDAY, DAY.minusDays(7),
                    LocalTime.of(9, 0), LocalTime.of(12, 0)).withStep(Duration.ofMinutes(30))).orElseThrow();
        }

        void play() {
            ExecutorService pool = Executors.newFixedThreadPool(THREADS);
            CountDownLatch ready = new CountDownLatch(THREADS);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Integer>> results = new ArrayList<>();
            try {
                for (int t = 0; t < THREADS; t++) {
                    int thread = t;
                    results.add(pool.submit(() -> {
                        ready.countDown();
                        go.await();
                        return runThread(thread, plan.threads().get(thread));
                    }));
                }
                await(ready);
                go.countDown();
                for (Future<Integer> result : results) {
                    // A thread that threw fails the test here, with its exception as the cause.
                    result.get(60, TimeUnit.SECONDS);
                }
                verify();
            } catch (Exception e) {
                throw new AssertionError("a worker failed: " + e, e);
            } finally {
                pool.shutdownNow();
            }
        }

        private static void await(CountDownLatch latch) throws InterruptedException {
            if (!latch.await(30, TimeUnit.SECONDS)) {
                throw new AssertionError("the workers did not start");
            }
        }

        private int runThread(int thread, List<Op> ops) {
            ClientDetails client = ClientDetails.of("Client " + thread, "client" + thread + "@example.org",
                    "+336123456" + String.format("%02d", thread));
            int n = 0;
            for (Op op : ops) {
                n++;
                String key = "t" + thread + "-" + n;
                // Any thread may act on any booking: clients retry from several devices, the practitioner works
                // from a phone and a laptop.
                List<BookingId> known = List.copyOf(acknowledged);
                Optional<BookingId> target = known.isEmpty() ? Optional.empty()
                        : Optional.of(known.get(known.size() - 1 - op.booking() % known.size()));
                switch (op.kind()) {
                    case BOOK -> told(engine.bookings().book(new BookCommand(practitioner, activity.id(),
                            start(op.start()), ConsultationMode.IN_PERSON, client, new TreeMap<>(), op.payOnline(),
                            IdempotencyKey.of(key))), true);
                    case BOOK_SHARED -> {
                        int shared = op.booking() % SHARED_KEYS;
                        ClientDetails sharedClient = ClientDetails.of("Shared " + shared, "shared" + shared + "@example.org",
                                "+3370000000" + shared);
                        Outcome<Booking> answer = engine.bookings().book(new BookCommand(practitioner, activity.id(),
                                start(shared % 4), ConsultationMode.IN_PERSON, sharedClient, new TreeMap<>(), false,
                                IdempotencyKey.of("shared-" + shared)));
                        told(answer, true);
                        answer.fold(b -> sharedAnswers.computeIfAbsent("shared-" + shared,
                                k -> ConcurrentHashMap.newKeySet()).add(b.id()), r -> false);
                    }
                    case CANCEL_BY_CLIENT -> target.ifPresent(id -> told(engine.clientBookings().cancelByClient(
                            new CancelByClientCommand(find(id).accessToken(), IdempotencyKey.of(key))), false));
                    case CANCEL_BY_PRACTITIONER -> target.ifPresent(id -> told(engine.bookings().cancelByPractitioner(
                            new CancelByPractitionerCommand(practitioner, id, IdempotencyKey.of(key))), false));
                    case REFUSE -> target.ifPresent(id -> told(engine.bookings().refuse(
                            new RefuseBookingCommand(practitioner, id, IdempotencyKey.of(key))), false));
                    case CONFIRM -> target.ifPresent(id -> told(engine.bookings().confirm(
                            new ConfirmBookingCommand(practitioner, id, IdempotencyKey.of(key))), false));
                    case MOVE_BY_CLIENT -> target.ifPresent(id -> told(engine.clientBookings().moveByClient(
                            new MoveByClientCommand(find(id).accessToken(), start(op.start()), IdempotencyKey.of(key))), false));
                    case MOVE_BY_PRACTITIONER -> target.ifPresent(id -> told(engine.bookings().moveByPractitioner(
                            new MoveByPractitionerCommand(practitioner, id, start(op.start()), IdempotencyKey.of(key))), false));
                    case PAY -> target.ifPresent(id -> told(engine.payments().recordPayment(
                            new RecordPaymentCommand(id, PRICE, "payment-" + key, IdempotencyKey.of(key))), false));
                    case TICK -> {
                        clock.advance(Duration.ofMinutes(1));
                        engine.jobs().expireOverdue();
                    }
                    case READ_AVAILABILITY -> {
                        for (Slot slot : engine.agenda().availability(AvailabilityQuery.of(practitioner, activity.id(), DAY, DAY))
                                .orElseThrow()) {
                            if (slot.seatsLeft() > plan.capacity()) {
                                auditProblems.add("availability offers " + slot.seatsLeft() + " seats at " + slot.start());
                            }
                        }
                    }
                    case AUDIT -> audit();
                    default -> throw new AssertionError(op);
                }
            }
            return n;
        }

        /** Remembers what a thread was answered: a new booking, or the latest version of one. */
        private void told(Outcome<Booking> answer, boolean creates) {
            Draw.rejection(answer).ifPresent(reason -> rejections.merge(reason + (creates ? " (book)" : ""), 1, Integer::sum));
            answer.fold(b -> {
                if (creates) {
                    accepted.incrementAndGet();
                    if (acknowledgedOnce.add(b.id())) {
                        acknowledged.add(b.id());
                    }
                }
                latestTold.merge(b.id(), b, (x, y) -> x.version() >= y.version() ? x : y);
                return null;
            }, r -> null);
        }

        /** Reads the seat-holding bookings under the agenda lock, so that the read is one consistent state. */
        private void audit() {
            List<Booking> holding = stores.transactions().inAgenda(practitioner, this::seatHolding);
            auditProblems.addAll(SeatCounter.violations(holding, plan.capacity(), spacing));
        }

        private void verify() {
            assertThat(auditProblems).as("AG-10 problems seen while the threads ran").isEmpty();
            List<Booking> all = engine.agenda().bookingsBetween(practitioner, DAY.minusDays(1), DAY.plusDays(1)).orElseThrow();
            List<Booking> holding = seatHolding();
            assertThat(SeatCounter.violations(holding, plan.capacity(), spacing))
                    .as("AG-10 final seat-holding bookings within capacity " + plan.capacity()).isEmpty();
            for (BookingId id : acknowledged) {
                assertThat(engine.bookings().find(practitioner, id)).as("acknowledged booking " + id + " is stored").isPresent();
            }
            assertThat(all.stream().map(Booking::id).toList()).as("nothing is stored that no thread was told about")
                    .containsExactlyInAnyOrderElementsOf(acknowledged);
            for (Booking told : latestTold.values()) {
                Booking stored = find(told.id());
                // Only the expiry job changes a booking without answering anyone, and it never moves one.
                assertThat(stored.version()).as("booking " + told.id() + " is at least as recent as the latest answer")
                        .isGreaterThanOrEqualTo(told.version());
                assertThat(stored.start()).as("booking " + told.id() + " is where the last acknowledged move put it")
                        .isEqualTo(told.start());
                if (stored.version() == told.version() || told.state().isFinal()) {
                    assertThat(stored.state()).as("booking " + told.id() + " is in the state last acknowledged")
                            .isEqualTo(told.state());
                }
            }
            for (Map.Entry<String, Set<BookingId>> shared : sharedAnswers.entrySet()) {
                assertThat(shared.getValue()).as("BK-8 every sender of " + shared.getKey() + " got the same booking").hasSize(1);
            }
            totalAccepted.addAndGet(accepted.get());
            totalMoves.addAndGet(all.stream().mapToInt(b -> b.moves().size()).sum());
            if (Boolean.getBoolean("properties.verbose")) {
                Map<BookingState, Integer> states = new TreeMap<>();
                all.forEach(b -> states.merge(b.state(), 1, Integer::sum));
                System.out.println("capacity " + plan.capacity() + ": " + accepted.get() + " accepted answers, "
                        + all.size() + " bookings, moves " + all.stream().mapToInt(b -> b.moves().size()).sum()
                        + ", states " + states + ", refusals " + new TreeMap<>(rejections));
            }
        }

        private List<Booking> seatHolding() {
            return engine.agenda().bookingsBetween(practitioner, DAY.minusDays(1), DAY.plusDays(1)).orElseThrow().stream()
                    .filter(Booking::holdsSeat).toList();
        }

        private Booking find(BookingId id) {
            return engine.bookings().find(practitioner, id).orElseThrow();
        }

        private static Instant start(int index) {
            return DAY.atTime(STARTS.get(index)).atZone(PARIS).toInstant();
        }
    }
}
