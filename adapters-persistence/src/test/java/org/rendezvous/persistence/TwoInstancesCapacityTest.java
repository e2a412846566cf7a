package org.rendezvous.persistence;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.rendezvous.core.Rendezvous;
import org.rendezvous.core.agenda.Activity;
import org.rendezvous.core.agenda.AddActivityCommand;
import org.rendezvous.core.agenda.AgendaSettings;
import org.rendezvous.core.agenda.ConfirmationMode;
import org.rendezvous.core.agenda.ConsultationMode;
import org.rendezvous.core.agenda.OnlinePayment;
import org.rendezvous.core.agenda.OpeningSpec;
import org.rendezvous.core.booking.BookCommand;
import org.rendezvous.core.booking.Booking;
import org.rendezvous.core.booking.BookingId;
import org.rendezvous.core.booking.CancelByPractitionerCommand;
import org.rendezvous.core.booking.ConfirmBookingCommand;
import org.rendezvous.core.booking.MoveByPractitionerCommand;
import org.rendezvous.core.booking.RecordPaymentCommand;
import org.rendezvous.core.client.ClientDetails;
import org.rendezvous.core.idempotency.IdempotencyKey;
import org.rendezvous.core.inmemory.InMemoryStores;
import org.rendezvous.core.money.Money;
import org.rendezvous.core.money.Percent;
import org.rendezvous.core.outcome.Outcome;
import org.rendezvous.core.policy.CommercialModel;
import org.rendezvous.core.port.Stores;
import org.rendezvous.core.practitioner.PractitionerId;
import org.rendezvous.core.practitioner.RegisterPractitionerCommand;
import org.rendezvous.core.sandbox.SandboxPaymentGateway;
import org.rendezvous.core.testing.MutableClock;

/**
 * AG-10 on a real database: two engines, each on its own connection pool (as two application
 * instances on one database), and 32 threads booking, moving, cancelling, paying, confirming and
 * expiring holds on overlapping start times, all at once. Audits taken under the agenda lock while
 * they run, and the final state, show no instant holding more seat-holding bookings than the capacity
 * (nor, with one seat, two closer than the spacing); every booking some thread was told was made is
 * stored, and nothing else. The same test runs the in-memory adapters,
 * where "two instances" share one set of stores.
 */
class TwoInstancesCapacityTest {

    private static final int THREADS = 32;
    private static final int OPERATIONS_PER_THREAD = 16;
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final Instant T0 = Instant.parse("2030-03-04T08:00:00Z");
    /** The Wednesday after T0. */
    private static final LocalDate DAY = LocalDate.of(2030, 3, 6);
    private static final Money PRICE = Money.of("40.00", "EUR");
    private static final Duration SPACING = Duration.ofMinutes(10);
    /** Overlapping starts on a 30-minute grid for a 60-minute activity: each contests its neighbours' seats. */
    private static final List<LocalTime> STARTS = List.of(LocalTime.of(9, 0), LocalTime.of(9, 30),
            LocalTime.of(10, 0), LocalTime.of(10, 30), LocalTime.of(11, 0));

    static Stream<Arguments> backends() {
        return Stream.of(Arguments.of("PostgreSQL, two pools", 1), Arguments.of("PostgreSQL, two pools", 3),
                Arguments.of("in memory", 1), Arguments.of("in memory", 3));
    }

    @ParameterizedTest(name = "{0}, capacity {1}")
    @MethodSource("backends")
    @DisplayName("AG-10 32 threads on two instances booking, moving, cancelling and expiring never overbook, and every acknowledged booking is stored")
    void twoInstancesNeverOverbook(String backend, int capacity) throws Exception {
        Stores first;
        Stores second;
        if (backend.startsWith("PostgreSQL")) {
            TestDatabase.freshStores();
            first = PostgresStores.open(TestDatabase.newPool(6, "instance-1-capacity-" + capacity));
            second = PostgresStores.open(TestDatabase.newPool(6, "instance-2-capacity-" + capacity));
        } else {
            first = InMemoryStores.create();
            second = first;
        }
        new Run(first, second, capacity).play();
    }

    private static final class Run {
        private final MutableClock clock = new MutableClock(T0);
        private final SandboxPaymentGateway gateway = new SandboxPaymentGateway();
        private final Rendezvous[] instances;
        private final Stores[] stores;
        private final Stores auditStores;
        /** What audits taken under the agenda lock while the threads ran found wrong. */
        private final List<String> auditProblems = new CopyOnWriteArrayList<>();
        private final int capacity;
        private final PractitionerId practitioner;
        private final Activity activity;
        private final List<BookingId> acknowledged = new CopyOnWriteArrayList<>();
        private final Map<String, AtomicInteger> accepted = new ConcurrentHashMap<>();

        Run(Stores first, Stores second, int capacity) {
            this.capacity = capacity;
            this.auditStores = first;
            this.stores = new Stores[] {first, second};
            this.instances = new Rendezvous[] {engine(first), engine(second)};
            Rendezvous setUp = instances[0];
            this.practitioner = setUp.practitioners()
                    .register(RegisterPractitionerCommand.of("Anna Martin", "anna@example.org", PARIS)).id();
            AgendaSettings settings = setUp.practitioners().settings(practitioner).orElseThrow()
                    .withSpacing(SPACING)
                    .withDefaultCapacity(capacity)
                    .withConfirmation(ConfirmationMode.MANUAL)
                    .withOnlinePayment(OnlinePayment.OPTIONAL)
                    .withNoShowPercentage(Percent.ZERO)
                    .withPaymentWindow(Duration.ofMinutes(5));
            // DIRECT_CONNECT: online payment needs an account that can take payments (issue 12).
            setUp.payouts().setDestination(practitioner, new org.rendezvous.core.payout.PayoutDestination.ProviderAccount("acct_anna", true));
            setUp.practitioners().changeSettings(practitioner, settings).orElseThrow();
            this.activity = setUp.agenda().addActivity(new AddActivityCommand(practitioner, "Group session",
                    Duration.ofMinutes(60), PRICE, Set.of(ConsultationMode.IN_PERSON))).orElseThrow();
            setUp.agenda().addOpening(practitioner, OpeningSpec.weekly(DayOfWeek.WEDNESDAY, DAY.minusDays(7),
                    LocalTime.of(9, 0), LocalTime.of(12, 30)).withStep(Duration.ofMinutes(30))).orElseThrow();
        }

        private Rendezvous engine(Stores stores) {
            return Rendezvous.builder().stores(stores).paymentGateway(gateway).clock(clock)
                    .model(CommercialModel.DIRECT_CONNECT).build();
        }

        void play() throws Exception {
            ExecutorService pool = Executors.newFixedThreadPool(THREADS);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<?>> workers = new ArrayList<>();
            try {
                for (int t = 0; t < THREADS; t++) {
                    int thread = t;
                    workers.add(pool.submit(() -> {
                        go.await();
                        work(thread);
                        return null;
                    }));
                }
                go.countDown();
                for (Future<?> worker : workers) {
                    worker.get(60, TimeUnit.SECONDS);
                }
            } finally {
                pool.shutdownNow();
            }
            verify();
        }

        private void work(int thread) {
            Rendezvous engine = instances[thread % 2];
            SplittableRandom random = new SplittableRandom(thread * 7919L + capacity);
            ClientDetails client = ClientDetails.of("Client " + thread, "client" + thread + "@example.org",
                    "+336123456" + String.format("%02d", thread));
            for (int n = 0; n < OPERATIONS_PER_THREAD; n++) {
                IdempotencyKey key = IdempotencyKey.of("t" + thread + "-" + n);
                Instant start = DAY.atTime(STARTS.get(random.nextInt(STARTS.size()))).atZone(PARIS).toInstant();
                Optional<BookingId> target = acknowledged.isEmpty() ? Optional.empty()
                        : Optional.of(acknowledged.get(random.nextInt(acknowledged.size())));
                int dice = random.nextInt(100);
                if (dice < 40 || target.isEmpty()) {
                    Outcome<Booking> booked = count("book", engine.bookings().book(new BookCommand(practitioner,
                            activity.id(), start, ConsultationMode.IN_PERSON, client, new TreeMap<>(),
                            random.nextBoolean(), key)));
                    booked.fold(b -> acknowledged.add(b.id()), r -> false);
                } else if (dice < 58) {
                    count("move", engine.bookings().moveByPractitioner(
                            new MoveByPractitionerCommand(practitioner, target.get(), start, key)));
                } else if (dice < 70) {
                    count("cancel", engine.bookings().cancelByPractitioner(
                            new CancelByPractitionerCommand(practitioner, target.get(), key)));
                } else if (dice < 78) {
                    count("confirm", engine.bookings().confirm(
                            new ConfirmBookingCommand(practitioner, target.get(), key)));
                } else if (dice < 86) {
                    count("pay", engine.payments().recordPayment(
                            new RecordPaymentCommand(target.get(), PRICE, "payment-" + key, key)));
                } else if (dice < 94) {
                    clock.advance(Duration.ofMinutes(2));
                    int expired = engine.jobs().expireOverdue().changed();
                    accepted.computeIfAbsent("expire", k -> new AtomicInteger()).addAndGet(expired);
                } else {
                    audit(stores[thread % 2]);
                }
            }
        }

        /** Reads the seat-holding bookings under the agenda lock: one consistent state, mid-run. */
        private void audit(Stores through) {
            List<Booking> holding = through.transactions().inAgenda(practitioner,
                    () -> through.bookings().seatHolding(practitioner, dayStart(), dayEnd()));
            auditProblems.addAll(violations(holding));
            accepted.computeIfAbsent("audit", k -> new AtomicInteger()).incrementAndGet();
        }

        private static Instant dayStart() {
            return DAY.atStartOfDay(PARIS).toInstant();
        }

        private static Instant dayEnd() {
            return DAY.plusDays(1).atStartOfDay(PARIS).toInstant();
        }

        private int count(String what) {
            return accepted.getOrDefault(what, new AtomicInteger()).get();
        }

        private <T> Outcome<T> count(String what, Outcome<T> outcome) {
            if (outcome.isAccepted()) {
                accepted.computeIfAbsent(what, k -> new AtomicInteger()).incrementAndGet();
            }
            return outcome;
        }

        private void verify() {
            assertThat(auditProblems).as("AG-10 problems seen by audits while the threads ran").isEmpty();
            Instant from = dayStart();
            Instant to = dayEnd();
            List<Booking> holding = auditStores.transactions().inAgenda(practitioner,
                    () -> auditStores.bookings().seatHolding(practitioner, from, to));
            assertThat(violations(holding)).as("AG-10 seat-holding bookings within capacity " + capacity).isEmpty();
            for (BookingId id : acknowledged) {
                assertThat(instances[1].bookings().find(practitioner, id))
                        .as("acknowledged booking " + id + " is stored").isPresent();
            }
            assertThat(auditStores.bookings().ofPractitioner(practitioner, from, to)).extracting(Booking::id)
                    .as("nothing is stored that no thread was told about")
                    .containsExactlyInAnyOrderElementsOf(acknowledged);
            // The run must have exercised the agenda: seats taken beyond one round, and seats freed or moved.
            assertThat(count("book")).as("bookings accepted " + accepted).isGreaterThan(capacity);
            assertThat(count("move") + count("cancel") + count("expire")).as("seats moved or freed " + accepted)
                    .isPositive();
        }

        /**
         * An independent count (AG-7): at each booking's start no more than the capacity overlap it, and
         * with one seat no two bookings are closer than the spacing.
         */
        private List<String> violations(List<Booking> holding) {
            List<String> problems = new ArrayList<>();
            for (Booking booking : holding) {
                long covering = holding.stream().filter(other -> !other.start().isAfter(booking.start())
                        && other.end().isAfter(booking.start())).count();
                if (covering > capacity) {
                    problems.add(covering + " seat-holding bookings at " + booking.start() + " for capacity " + capacity);
                }
                if (capacity == 1) {
                    for (Booking other : holding) {
                        if (!other.id().equals(booking.id()) && booking.start().isBefore(other.end().plus(SPACING))
                                && other.start().isBefore(booking.end().plus(SPACING))) {
                            problems.add(booking.occupied() + " and " + other.occupied() + " closer than the spacing");
                        }
                    }
                }
            }
            return problems;
        }
    }

}
