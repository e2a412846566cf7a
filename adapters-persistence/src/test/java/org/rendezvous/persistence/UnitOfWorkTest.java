package org.rendezvous.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.rendezvous.core.notification.Channel.EMAIL;
import static org.rendezvous.core.notification.Channel.SMS;
import static org.rendezvous.core.notification.Recipient.CLIENT;
import static org.rendezvous.core.notification.Recipient.PRACTITIONER;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
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
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
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
import org.rendezvous.core.client.Client;
import org.rendezvous.core.client.ClientDetails;
import org.rendezvous.core.idempotency.IdempotencyKey;
import org.rendezvous.core.idempotency.IdempotencyRecord;
import org.rendezvous.core.money.Money;
import org.rendezvous.core.notification.ClaimedMessage;
import org.rendezvous.core.notification.Lease;
import org.rendezvous.core.notification.OutboxEntry;
import org.rendezvous.core.notification.OutboxMessage;
import org.rendezvous.core.notification.OutboxMessageId;
import org.rendezvous.core.port.Outbox;
import org.rendezvous.core.port.Stores;
import org.rendezvous.core.port.contract.StoreFixtures;
import org.rendezvous.core.practitioner.Practitioner;
import org.rendezvous.core.practitioner.PractitionerId;
import org.rendezvous.core.practitioner.RegisterPractitionerCommand;
import org.rendezvous.core.testing.MutableClock;

/** What a unit of work on PostgreSQL guarantees beyond the port contracts: atomicity, retries, no SQLException. */
class UnitOfWorkTest {

    private final StoreFixtures fixtures = new StoreFixtures();
    private Stores stores;
    private PractitionerId anna;
    private Activity activity;
    private Client client;
    private ExecutorService pool;

    @BeforeEach
    void freshStores() {
        stores = TestDatabase.freshStores();
        anna = fixtures.registerPractitioner(stores);
        activity = fixtures.addActivity(stores, anna);
        client = fixtures.addClient(stores, anna);
        pool = Executors.newFixedThreadPool(2);
    }

    @AfterEach
    void stopThreads() throws InterruptedException {
        pool.shutdownNow();
        pool.awaitTermination(30, TimeUnit.SECONDS);
    }

    @Test
    @DisplayName("NOT-3 a booking and its outbox messages roll back together when the work fails after both were written")
    void bookingAndMessagesRollBackTogether() {
        Booking booking = fixtures.booking(activity, client).build();
        IllegalStateException failure = new IllegalStateException("the work failed after saving");

        assertThatThrownBy(() -> stores.transactions().inAgenda(anna, () -> {
            stores.bookings().add(booking);
            stores.outbox().append(fixtures.message(booking, "booked", CLIENT, EMAIL));
            stores.outbox().append(fixtures.message(booking, "booked", PRACTITIONER, SMS));
            assertThat(stores.outbox().aboutBooking(booking.id())).hasSize(2);
            throw failure;
        })).isSameAs(failure);

        assertThat(stores.bookings().find(booking.id())).isEmpty();
        assertThat(stores.outbox().aboutBooking(booking.id())).isEmpty();
        assertThat(rows("bookings")).isZero();
        assertThat(rows("booking_transitions")).isZero();
        assertThat(rows("outbox")).isZero();
        assertThat(rows("outbox_parameters")).isZero();
    }

    @Test
    @DisplayName("a unit of work opened inside another joins it: the inner one's writes go when the outer one fails")
    void nestedUnitOfWorkJoinsTheOuterOne() {
        Booking booking = fixtures.booking(activity, client).build();
        IllegalStateException failure = new IllegalStateException("the outer work failed");

        assertThatThrownBy(() -> stores.transactions().inTransaction(() -> {
            stores.transactions().inAgenda(anna, () -> {
                stores.bookings().add(booking);
                return stores.transactions().inTransaction(
                        () -> stores.outbox().append(fixtures.message(booking, "booked", CLIENT, EMAIL)));
            });
            throw failure;
        })).isSameAs(failure);

        assertThat(rows("bookings")).isZero();
        assertThat(rows("outbox")).isZero();
    }

    @Test
    @DisplayName("NOT-3 BK-8 CLI-1 a duplicate refused by a store leaves the unit of work usable: later writes commit")
    void refusedDuplicatesDoNotSpoilTheTransaction() {
        Booking first = fixtures.booking(activity, client).build();
        Booking second = fixtures.booking(activity, client).start(StoreFixtures.hours(72)).build();
        OutboxMessage message = fixtures.message(first, "booked", CLIENT, EMAIL);
        IdempotencyRecord record = fixtures.succeeded(anna, "key-1");

        List<Object> answers = stores.transactions().inAgenda(anna, () -> {
            stores.bookings().add(first);
            boolean appended = stores.outbox().append(message);
            boolean appendedAgain = stores.outbox().append(fixtures.message(first, "booked", CLIENT, EMAIL));
            stores.idempotencyKeys().remember(record);
            String refusal;
            try {
                stores.idempotencyKeys().remember(fixtures.refused(anna, "key-1"));
                refusal = "none";
            } catch (IllegalStateException e) {
                refusal = "refused";
            }
            String clientRefusal;
            try {
                stores.clients().add(fixtures.client(anna, "Twin", client.details().email().value()));
                clientRefusal = "none";
            } catch (IllegalStateException e) {
                clientRefusal = "refused";
            }
            stores.bookings().add(second);
            return List.of(appended, appendedAgain, refusal, clientRefusal);
        });

        assertThat(answers).containsExactly(true, false, "refused", "refused");
        assertThat(stores.bookings().find(first.id())).contains(first);
        assertThat(stores.bookings().find(second.id())).contains(second);
        assertThat(stores.outbox().aboutBooking(first.id())).containsExactly(message);
        assertThat(stores.idempotencyKeys().find(anna, IdempotencyKey.of("key-1"))).contains(record);
        assertThat(stores.clients().of(anna)).containsExactly(client);
    }

    @Test
    @DisplayName("NOT-3 a booking and its outbox messages commit together")
    void bookingAndMessagesCommitTogether() {
        Booking booking = fixtures.booking(activity, client).build();
        OutboxMessage message = fixtures.message(booking, "booked", CLIENT, EMAIL);

        stores.transactions().inAgenda(anna, () -> {
            stores.bookings().add(booking);
            return stores.outbox().append(message);
        });

        assertThat(stores.bookings().find(booking.id())).contains(booking);
        assertThat(stores.outbox().aboutBooking(booking.id())).containsExactly(message);
    }

    @Test
    @DisplayName("NOT-3 BK-8 a booking through the engine whose outbox fails after the booking is saved leaves no booking, client, message or idempotency key")
    void failingOutboxThroughTheEngineLeavesNothing() {
        Stores real = TestDatabase.freshStores();
        AtomicInteger appended = new AtomicInteger();
        Outbox failingAfterTheFirst = new Outbox() {
            @Override
            public boolean append(OutboxMessage message) {
                boolean added = real.outbox().append(message);
                if (appended.incrementAndGet() == 2) {
                    throw new IllegalStateException("the outbox broke down after one message");
                }
                return added;
            }

            @Override
            public List<OutboxMessage> aboutBooking(BookingId booking) {
                return real.outbox().aboutBooking(booking);
            }

            // Delivery is not what this test is about: the rest goes to the real outbox.

            @Override
            public List<ClaimedMessage> claimDue(Instant now, int limit, Lease lease) {
                return real.outbox().claimDue(now, limit, lease);
            }

            @Override
            public boolean markDelivered(OutboxMessageId id, Instant at, String providerReference) {
                return real.outbox().markDelivered(id, at, providerReference);
            }

            @Override
            public boolean markSkipped(OutboxMessageId id, Lease lease, Instant at, String reason) {
                return real.outbox().markSkipped(id, lease, at, reason);
            }

            @Override
            public boolean markFailed(OutboxMessageId id, Lease lease, int attempts, Instant nextAttemptAt,
                                      String error) {
                return real.outbox().markFailed(id, lease, attempts, nextAttemptAt, error);
            }

            @Override
            public boolean park(OutboxMessageId id, Lease lease, int attempts, Instant at, String error) {
                return real.outbox().park(id, lease, attempts, at, error);
            }

            @Override
            public int release(List<OutboxMessageId> ids, Lease lease) {
                return real.outbox().release(ids, lease);
            }

            @Override
            public List<OutboxEntry> parked(int limit) {
                return real.outbox().parked(limit);
            }

            @Override
            public boolean retry(OutboxMessageId id, Instant now) {
                return real.outbox().retry(id, now);
            }

            @Override
            public Optional<OutboxEntry> entry(OutboxMessageId id) {
                return real.outbox().entry(id);
            }
        };
        Stores failing = new Stores(real.practitioners(), real.agendas(), real.clients(), real.bookings(),
                real.waitlists(), failingAfterTheFirst, real.idempotencyKeys(), real.ledger(),
                real.paymentInstructions(), real.payouts(), real.payoutAccounts(), real.subscriptions(), real.usage(), real.profiles(),
                real.transactions(), real.paymentAccounts());
        ZoneId paris = ZoneId.of("Europe/Paris");
        LocalDate day = LocalDate.of(2030, 3, 6);
        Rendezvous engine = Rendezvous.builder().stores(failing).clock(new MutableClock(StoreFixtures.T0)).build();
        PractitionerId practitioner = engine.practitioners()
                .register(RegisterPractitionerCommand.of("Anna Martin", "anna@example.org", paris)).id();
        Activity massage = engine.agenda().addActivity(new AddActivityCommand(practitioner, "Massage",
                Duration.ofMinutes(60), Money.of("40.00", "EUR"), Set.of(ConsultationMode.IN_PERSON))).orElseThrow();
        engine.agenda().addOpening(practitioner, OpeningSpec.weekly(DayOfWeek.WEDNESDAY, day.minusDays(7),
                LocalTime.of(9, 0), LocalTime.of(12, 0))).orElseThrow();
        Instant start = day.atTime(9, 0).atZone(paris).toInstant();
        int bookingsBefore = rows("bookings");

        assertThatThrownBy(() -> engine.bookings().book(new BookCommand(practitioner, massage.id(), start,
                ConsultationMode.IN_PERSON, ClientDetails.of("Chloe Durand", "chloe@example.net", "+33612345678"),
                new TreeMap<>(), false, IdempotencyKey.of("book-1"))))
                .hasMessageContaining("outbox broke down");

        assertThat(appended.get()).as("the booking was saved and one message appended before the failure").isEqualTo(2);
        assertThat(rows("bookings")).isEqualTo(bookingsBefore).isZero();
        assertThat(rows("outbox")).isZero();
        assertThat(rows("clients")).isZero();
        assertThat(rows("idempotency_keys")).isZero();
    }

    @Test
    @DisplayName("a constraint the domain does not expect fails the unit of work as a PersistenceFailure, never an SQLException, and rolls it back")
    void databaseFailureIsAPersistenceFailure() {
        Booking booking = fixtures.booking(activity, client).build();
        Practitioner unknown = fixtures.practitioner();

        assertThatThrownBy(() -> stores.transactions().inTransaction(() -> {
            stores.bookings().add(booking);
            // No such practitioner: the foreign key refuses the message.
            stores.outbox().append(fixtures.message(unknown.id(), Optional.empty(), "orphan", CLIENT, EMAIL,
                    StoreFixtures.T0));
            return null;
        })).isInstanceOf(PersistenceFailure.class)
                .satisfies(e -> assertThat(((PersistenceFailure) e).sqlState()).contains("23503"))
                .satisfies(e -> assertThat(((PersistenceFailure) e).isTransient()).isFalse())
                .satisfies(e -> assertThat(((PersistenceFailure) e).isUnavailable()).as("a bug, not an outage").isFalse())
                .satisfies(e -> assertThat(e.getMessage()).as("no bound value, such as a client's name, in the message")
                        .doesNotContain(client.details().name().value()).doesNotContain("orphan"));

        assertThat(stores.bookings().find(booking.id())).isEmpty();
    }

    @Test
    @DisplayName("an unreachable database is a PersistenceFailure that says the database is unavailable, for a store call and for a unit of work")
    void unreachableDatabaseIsAPersistenceFailure() {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl("jdbc:postgresql://127.0.0.1:1/nowhere");
        config.setUsername("postgres");
        config.setConnectionTimeout(250);
        config.setInitializationFailTimeout(-1);
        try (HikariDataSource nowhere = new HikariDataSource(config)) {
            Stores unreachable = PostgresStores.open(nowhere);

            assertThatThrownBy(() -> unreachable.practitioners().find(anna)).isInstanceOf(PersistenceFailure.class)
                    .satisfies(e -> assertThat(((PersistenceFailure) e).isUnavailable()).isTrue());
            assertThatThrownBy(() -> unreachable.transactions().inAgenda(anna, () -> "never run"))
                    .isInstanceOf(PersistenceFailure.class)
                    .satisfies(e -> assertThat(((PersistenceFailure) e).isUnavailable()).isTrue());
        }
    }

    @Test
    @DisplayName("BK-2 BK-7 a booking read in a unit of work while others keep moving it is always one whole version: row, history and moves agree")
    void readsInsideAUnitOfWorkAreNeverTorn() throws Exception {
        Booking booking = fixtures.booking(activity, client).build();
        stores.bookings().add(booking);
        long deadline = System.nanoTime() + Duration.ofSeconds(2).toNanos();
        List<String> torn = new CopyOnWriteArrayList<>();
        AtomicInteger reads = new AtomicInteger();

        Future<Integer> mover = pool.submit(() -> {
            int moves = 0;
            Booking current = booking;
            while (System.nanoTime() < deadline) {
                Booking read = current;
                Booking moved = read.movedTo(read.start().plus(Duration.ofMinutes(30)), StoreFixtures.hours(1),
                        Actor.PRACTITIONER);
                if (stores.transactions().inTransaction(() -> stores.bookings().update(moved, read.version()))) {
                    current = moved;
                    moves++;
                }
            }
            return moves;
        });
        Future<?> reader = pool.submit(() -> {
            while (System.nanoTime() < deadline) {
                Booking read = stores.transactions().inTransaction(() -> stores.bookings().find(booking.id()))
                        .orElseThrow();
                reads.incrementAndGet();
                boolean whole = read.version() == booking.version() + read.moves().size()
                        && (read.moves().isEmpty() || read.moves().get(read.moves().size() - 1).newStart().equals(read.start()));
                if (!whole) {
                    torn.add("v" + read.version() + " with " + read.moves().size() + " moves, start " + read.start());
                }
            }
            return null;
        });

        assertThat(mover.get(30, TimeUnit.SECONDS)).as("moves made").isPositive();
        reader.get(30, TimeUnit.SECONDS);
        assertThat(reads.get()).isPositive();
        assertThat(torn).as("torn reads among " + reads.get()).isEmpty();
    }

    @Test
    @DisplayName("a deadlock between two units of work is retried: both complete, one of them having run twice")
    void deadlockIsRetried() throws Exception {
        PractitionerId bruno = fixtures.registerPractitioner(stores);
        Practitioner annaRecord = stores.practitioners().find(anna).orElseThrow();
        Practitioner brunoRecord = stores.practitioners().find(bruno).orElseThrow();
        CountDownLatch bothHoldTheirFirstRow = new CountDownLatch(2);
        AtomicInteger runs = new AtomicInteger();

        Future<String> annaThenBruno = pool.submit(() -> stores.transactions().inTransaction(() -> {
            runs.incrementAndGet();
            stores.practitioners().update(annaRecord);
            awaitOnFirstRun(bothHoldTheirFirstRow);
            stores.practitioners().update(brunoRecord);
            return "anna then bruno";
        }));
        Future<String> brunoThenAnna = pool.submit(() -> stores.transactions().inTransaction(() -> {
            runs.incrementAndGet();
            stores.practitioners().update(brunoRecord);
            awaitOnFirstRun(bothHoldTheirFirstRow);
            stores.practitioners().update(annaRecord);
            return "bruno then anna";
        }));

        assertThat(annaThenBruno.get(30, TimeUnit.SECONDS)).isEqualTo("anna then bruno");
        assertThat(brunoThenAnna.get(30, TimeUnit.SECONDS)).isEqualTo("bruno then anna");
        assertThat(runs.get()).as("two units of work, one re-run after PostgreSQL broke the deadlock").isEqualTo(3);
    }

    private static void awaitOnFirstRun(CountDownLatch latch) {
        latch.countDown();
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static int rows(String table) {
        try (Connection connection = TestDatabase.dataSource().getConnection();
             Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("SELECT count(*) FROM " + table)) {
            result.next();
            return result.getInt(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
