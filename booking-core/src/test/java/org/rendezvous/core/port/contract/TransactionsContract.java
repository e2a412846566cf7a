package org.rendezvous.core.port.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.rendezvous.core.notification.Channel.EMAIL;
import static org.rendezvous.core.notification.Recipient.CLIENT;
import static org.rendezvous.core.port.contract.StoreFixtures.hours;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.rendezvous.core.agenda.Activity;
import org.rendezvous.core.agenda.AgendaSettings;
import org.rendezvous.core.agenda.Opening;
import org.rendezvous.core.agenda.Unavailability;
import org.rendezvous.core.booking.Actor;
import org.rendezvous.core.booking.Booking;
import org.rendezvous.core.booking.BookingState;
import org.rendezvous.core.booking.Cause;
import org.rendezvous.core.client.Client;
import org.rendezvous.core.client.ClientDetails;
import org.rendezvous.core.contact.PersonName;
import org.rendezvous.core.idempotency.IdempotencyKey;
import org.rendezvous.core.idempotency.IdempotencyRecord;
import org.rendezvous.core.notification.OutboxMessage;
import org.rendezvous.core.port.Stores;
import org.rendezvous.core.port.Transactions;
import org.rendezvous.core.practitioner.Practitioner;
import org.rendezvous.core.practitioner.PractitionerId;
import org.rendezvous.core.waitlist.WaitlistEntry;

/**
 * What every {@link Transactions} adapter must do: all the writes of a unit of work or none, and
 * one unit of work at a time on a practitioner's agenda (AG-10).
 */
public abstract class TransactionsContract {

    /** How long a worker thread may take before the test gives up on it: a guard against a deadlock, not a timing. */
    private static final long GUARD_SECONDS = 60;

    protected final StoreFixtures fixtures = new StoreFixtures();
    protected Stores stores;
    protected Transactions transactions;
    protected PractitionerId anna;
    protected Activity activity;
    protected Client client;
    private ExecutorService pool;

    /** Fresh, empty stores for each test. */
    protected abstract Stores newStores();

    @BeforeEach
    void freshStores() {
        stores = newStores();
        transactions = stores.transactions();
        anna = fixtures.registerPractitioner(stores);
        activity = fixtures.addActivity(stores, anna);
        client = fixtures.addClient(stores, anna);
        pool = Executors.newFixedThreadPool(10);
    }

    @AfterEach
    void stopThreads() throws InterruptedException {
        pool.shutdownNow();
        pool.awaitTermination(GUARD_SECONDS, TimeUnit.SECONDS);
    }

    /** Thrown by the work of a failing transaction. */
    private static final class Boom extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Boom() {
            super("the work failed");
        }
    }

    /** Runs the writes in a transaction that then fails, and checks the failure comes out unchanged. */
    private void failingTransaction(Runnable writes) {
        Boom boom = new Boom();
        assertThatThrownBy(() -> transactions.inTransaction(() -> {
            writes.run();
            throw boom;
        })).isSameAs(boom);
    }

    private <T> T onAnotherThread(Callable<T> work) throws Exception {
        return pool.submit(work).get(GUARD_SECONDS, TimeUnit.SECONDS);
    }

    private Booking booking() {
        return fixtures.booking(activity, client).build();
    }

    // inTransaction

    @Test
    @DisplayName("inTransaction returns what the work returns and commits its writes, seen from another thread")
    void inTransactionCommits() throws Exception {
        Booking booking = booking();
        OutboxMessage message = fixtures.message(booking, "cause-1", CLIENT, EMAIL);

        String result = transactions.inTransaction(() -> {
            stores.bookings().add(booking);
            stores.outbox().append(message);
            return "done";
        });

        assertThat(result).isEqualTo("done");
        assertThat(onAnotherThread(() -> stores.bookings().find(booking.id()))).contains(booking);
        assertThat(onAnotherThread(() -> stores.outbox().aboutBooking(booking.id()))).containsExactly(message);
    }

    @Test
    @DisplayName("inside a transaction, its own writes are read back")
    void readsOwnWrites() {
        Booking booking = booking();

        Optional<Booking> seen = transactions.inTransaction(() -> {
            stores.bookings().add(booking);
            return stores.bookings().find(booking.id());
        });

        assertThat(seen).contains(booking);
    }

    @Test
    @DisplayName("NOT-3 a failing transaction rethrows its exception and leaves none of its writes behind")
    void failureRollsBackEveryWrite() {
        Booking existing = booking();
        stores.bookings().add(existing);
        Booking added = fixtures.booking(activity, client).start(hours(72)).build();
        Booking cancelledExisting = existing.transition(BookingState.CANCELLED_BY_CLIENT, Cause.CANCELLED_BY_CLIENT,
                Actor.CLIENT, hours(1), Optional.empty()).orElseThrow();
        OutboxMessage message = fixtures.message(existing, "cause-1", CLIENT, EMAIL);
        IdempotencyRecord record = fixtures.succeeded(anna, "key-1");
        Client newClient = fixtures.client(anna);
        List<Boolean> seenInside = new ArrayList<>();

        failingTransaction(() -> {
            stores.bookings().add(added);
            stores.bookings().update(cancelledExisting, existing.version());
            stores.outbox().append(message);
            stores.idempotencyKeys().remember(record);
            stores.clients().add(newClient);
            seenInside.add(stores.bookings().find(added.id()).isPresent());
        });

        assertThat(seenInside).containsExactly(true);
        assertThat(stores.bookings().find(added.id())).isEmpty();
        assertThat(stores.bookings().find(existing.id())).contains(existing);
        assertThat(stores.outbox().aboutBooking(existing.id())).isEmpty();
        assertThat(stores.idempotencyKeys().find(anna, IdempotencyKey.of("key-1"))).isEmpty();
        assertThat(stores.clients().find(anna, newClient.id())).isEmpty();
    }

    @Test
    @DisplayName("a rolled-back booking leaves no trace in any query: not by id, token, range, client or job")
    void rolledBackBookingIsNowhere() {
        Booking held = fixtures.booking(activity, client).state(BookingState.HELD).createdAt(hours(-1)).build();

        failingTransaction(() -> stores.bookings().add(held));

        assertThat(stores.bookings().find(held.id())).isEmpty();
        assertThat(stores.bookings().findByAccessToken(held.accessToken())).isEmpty();
        assertThat(stores.bookings().seatHolding(anna, hours(-1000), hours(1000))).isEmpty();
        assertThat(stores.bookings().ofPractitioner(anna, hours(-1000), hours(1000))).isEmpty();
        assertThat(stores.bookings().ofClient(anna, client.id())).isEmpty();
        assertThat(stores.bookings().expiringBy(hours(1000), 10)).isEmpty();
    }

    @Test
    @DisplayName("BK-2 a rolled-back update leaves the stored version, which can still be updated")
    void rolledBackUpdate() {
        Booking pending = fixtures.booking(activity, client).state(BookingState.PENDING).build();
        stores.bookings().add(pending);
        Booking confirmed = pending.transition(BookingState.CONFIRMED, Cause.CONFIRMED_BY_PRACTITIONER,
                Actor.PRACTITIONER, hours(1), Optional.empty()).orElseThrow();

        failingTransaction(() -> assertThat(stores.bookings().update(confirmed, pending.version())).isTrue());

        assertThat(stores.bookings().find(pending.id())).contains(pending);
        assertThat(stores.bookings().update(confirmed, pending.version())).isTrue();
        assertThat(stores.bookings().find(pending.id())).contains(confirmed);
    }

    @Test
    @DisplayName("NOT-3 a rolled-back message was never sent: the same message can be appended again")
    void rolledBackOutbox() {
        Booking booking = booking();
        stores.bookings().add(booking);
        OutboxMessage message = fixtures.message(booking, "cause-1", CLIENT, EMAIL);

        failingTransaction(() -> stores.outbox().append(message));

        assertThat(stores.outbox().aboutBooking(booking.id())).isEmpty();
        assertThat(stores.outbox().append(message)).isTrue();
        assertThat(stores.outbox().aboutBooking(booking.id())).containsExactly(message);
    }

    @Test
    @DisplayName("BK-8 a rolled-back idempotency record is forgotten: the key can be remembered again")
    void rolledBackIdempotencyKey() {
        IdempotencyRecord record = fixtures.succeeded(anna, "key-1");

        failingTransaction(() -> stores.idempotencyKeys().remember(record));

        assertThat(stores.idempotencyKeys().find(anna, IdempotencyKey.of("key-1"))).isEmpty();
        stores.idempotencyKeys().remember(record);
        assertThat(stores.idempotencyKeys().find(anna, IdempotencyKey.of("key-1"))).contains(record);
    }

    @Test
    @DisplayName("CLI-1 rolled-back client writes: a client added is gone with its e-mail, an update is undone")
    void rolledBackClients() {
        Client added = fixtures.client(anna);
        Client renamed = client.withDetails(new ClientDetails(PersonName.of("Renamed Client"),
                client.details().email(), client.details().phone(), client.details().language()));

        failingTransaction(() -> {
            stores.clients().add(added);
            stores.clients().update(renamed);
        });

        assertThat(stores.clients().find(anna, added.id())).isEmpty();
        assertThat(stores.clients().findByEmail(anna, added.details().email())).isEmpty();
        assertThat(stores.clients().find(anna, client.id())).contains(client);
        assertThat(stores.clients().of(anna)).containsExactly(client);
        stores.clients().add(added);
        assertThat(stores.clients().findByEmail(anna, added.details().email())).contains(added);
    }

    @Test
    @DisplayName("rolled-back practitioner writes: a practitioner registered is gone with their settings, an update is undone")
    void rolledBackPractitioners() {
        Practitioner newcomer = fixtures.practitioner();
        Practitioner annaBefore = stores.practitioners().find(anna).orElseThrow();
        Practitioner annaChanged = new Practitioner(anna, annaBefore.name(), annaBefore.email(), Optional.empty(),
                annaBefore.language(), annaBefore.registeredAt());

        failingTransaction(() -> {
            stores.practitioners().add(newcomer);
            stores.agendas().saveSettings(newcomer.id(), AgendaSettings.defaults());
            stores.practitioners().update(annaChanged);
        });

        assertThat(stores.practitioners().find(newcomer.id())).isEmpty();
        assertThat(stores.agendas().settings(newcomer.id())).isEmpty();
        assertThat(stores.practitioners().find(anna)).contains(annaBefore);
    }

    @Test
    @DisplayName("AG-4 AG-5 rolled-back agenda writes: settings, activities, openings and unavailabilities are as before")
    void rolledBackAgenda() {
        Opening kept = fixtures.openingOn(anna, LocalDate.of(2030, 3, 8));
        Unavailability keptUnavailability = fixtures.unavailability(anna, hours(10), hours(11));
        stores.agendas().saveOpening(kept);
        stores.agendas().saveUnavailability(keptUnavailability);
        Activity newActivity = fixtures.activity(anna);
        Opening newOpening = fixtures.weeklyOpening(anna);
        Unavailability newUnavailability = fixtures.unavailability(anna, hours(20), hours(21));

        failingTransaction(() -> {
            stores.agendas().saveSettings(anna, StoreFixtures.customSettings());
            stores.agendas().saveActivity(activity.withActive(false));
            stores.agendas().saveActivity(newActivity);
            stores.agendas().saveOpening(newOpening);
            stores.agendas().deleteOpening(anna, kept.id());
            stores.agendas().saveUnavailability(newUnavailability);
            stores.agendas().deleteUnavailability(anna, keptUnavailability.id());
        });

        assertThat(stores.agendas().settings(anna)).contains(AgendaSettings.defaults());
        assertThat(stores.agendas().activities(anna)).containsExactly(activity);
        assertThat(stores.agendas().openings(anna)).containsExactly(kept);
        assertThat(stores.agendas().unavailabilities(anna, hours(0), hours(100))).containsExactly(keptUnavailability);
    }

    @Test
    @DisplayName("CX-7 rolled-back waitlist writes: an entry added is gone, an entry removed is back")
    void rolledBackWaitlist() {
        Booking onList = booking();
        Booking joining = fixtures.booking(activity, client).start(hours(72)).build();
        stores.bookings().add(onList);
        stores.bookings().add(joining);
        WaitlistEntry existing = fixtures.waitlistEntry(onList, hours(-5));
        stores.waitlists().add(existing);
        WaitlistEntry added = fixtures.waitlistEntry(joining, hours(-1));

        failingTransaction(() -> {
            stores.waitlists().add(added);
            stores.waitlists().remove(onList.id());
        });

        assertThat(stores.waitlists().ofBooking(joining.id())).isEmpty();
        assertThat(stores.waitlists().ofBooking(onList.id())).contains(existing);
        assertThat(stores.waitlists().forActivity(anna, activity.id())).containsExactly(existing);
    }

    @Test
    @DisplayName("a failing transaction undoes only its own writes, not those of an earlier committed one")
    void failureKeepsEarlierCommits() {
        Booking committed = booking();
        Booking rolledBack = fixtures.booking(activity, client).start(hours(72)).build();
        transactions.inTransaction(() -> {
            stores.bookings().add(committed);
            return null;
        });

        failingTransaction(() -> stores.bookings().add(rolledBack));

        assertThat(stores.bookings().find(committed.id())).contains(committed);
        assertThat(stores.bookings().find(rolledBack.id())).isEmpty();
    }

    // inAgenda

    @Test
    @DisplayName("AG-10 inAgenda returns what the work returns and commits its writes")
    void inAgendaCommits() throws Exception {
        Booking booking = booking();

        Integer result = transactions.inAgenda(anna, () -> {
            stores.bookings().add(booking);
            return 42;
        });

        assertThat(result).isEqualTo(42);
        assertThat(onAnotherThread(() -> stores.bookings().find(booking.id()))).contains(booking);
    }

    @Test
    @DisplayName("AG-10 inAgenda is a transaction: a failure rethrows and leaves none of its writes")
    void inAgendaRollsBack() {
        Booking booking = booking();
        OutboxMessage message = fixtures.message(booking, "cause-1", CLIENT, EMAIL);
        Boom boom = new Boom();

        assertThatThrownBy(() -> transactions.inAgenda(anna, () -> {
            stores.bookings().add(booking);
            stores.outbox().append(message);
            throw boom;
        })).isSameAs(boom);

        assertThat(stores.bookings().find(booking.id())).isEmpty();
        assertThat(stores.outbox().aboutBooking(booking.id())).isEmpty();
    }

    @Test
    @DisplayName("AG-10 a failed inAgenda lets go of the agenda: other threads can work on it afterwards")
    void inAgendaReleasesTheAgendaAfterAFailure() throws Exception {
        Booking booking = booking();
        assertThatThrownBy(() -> transactions.inAgenda(anna, () -> {
            throw new Boom();
        })).isInstanceOf(Boom.class);

        onAnotherThread(() -> transactions.inAgenda(anna, () -> {
            stores.bookings().add(booking);
            return null;
        }));

        assertThat(stores.bookings().find(booking.id())).contains(booking);
    }

    @Test
    @DisplayName("AG-10 8 threads reading the agenda then writing in inAgenda on one practitioner never lose an update")
    void inAgendaSerialisesOnePractitioner() throws Exception {
        int threads = 8;
        int rounds = 5;

        runConcurrently(threads, rounds, thread -> anna, thread -> activity, thread -> client);

        assertThat(stores.bookings().ofPractitioner(anna, hours(-1), hours(10_000)))
                .extracting(Booking::start)
                .containsExactlyElementsOf(IntStream.range(0, threads * rounds).mapToObj(StoreFixtures::hours).toList());
    }

    @Test
    @DisplayName("AG-10 inAgenda on two practitioners at once: each agenda gets every one of its own writes")
    void inAgendaOnTwoPractitioners() throws Exception {
        PractitionerId bruno = fixtures.registerPractitioner(stores);
        Activity brunosActivity = fixtures.addActivity(stores, bruno);
        Client brunosClient = fixtures.addClient(stores, bruno);
        int threads = 8;
        int rounds = 4;

        runConcurrently(threads, rounds, thread -> thread % 2 == 0 ? anna : bruno,
                thread -> thread % 2 == 0 ? activity : brunosActivity, thread -> thread % 2 == 0 ? client : brunosClient);

        List<Instant> expected = IntStream.range(0, threads / 2 * rounds).mapToObj(StoreFixtures::hours).toList();
        assertThat(stores.bookings().ofPractitioner(anna, hours(-1), hours(10_000)))
                .extracting(Booking::start).containsExactlyElementsOf(expected);
        assertThat(stores.bookings().ofPractitioner(bruno, hours(-1), hours(10_000)))
                .extracting(Booking::start).containsExactlyElementsOf(expected);
    }

    @Test
    @DisplayName("AG-10 inAgenda on one practitioner does not block inAgenda on another")
    void differentPractitionersDoNotBlockEachOther() throws Exception {
        PractitionerId bruno = fixtures.registerPractitioner(stores);
        Activity brunosActivity = fixtures.addActivity(stores, bruno);
        Client brunosClient = fixtures.addClient(stores, bruno);
        Booking brunosBooking = fixtures.booking(brunosActivity, brunosClient).build();
        Booking annasBooking = booking();
        CountDownLatch annaInside = new CountDownLatch(1);
        CountDownLatch brunoDone = new CountDownLatch(1);

        // Anna's unit of work holds her agenda until Bruno's has finished: were Bruno's blocked by
        // Anna's, neither could finish and the guards below would give up.
        Future<Boolean> annasWork = pool.submit(() -> transactions.inAgenda(anna, () -> {
            stores.bookings().add(annasBooking);
            annaInside.countDown();
            return awaitGuarded(brunoDone);
        }));
        assertThat(annaInside.await(GUARD_SECONDS, TimeUnit.SECONDS)).isTrue();
        Future<String> brunosWork = pool.submit(() -> transactions.inAgenda(bruno, () -> {
            stores.bookings().add(brunosBooking);
            brunoDone.countDown();
            return "bruno done";
        }));

        assertThat(brunosWork.get(GUARD_SECONDS, TimeUnit.SECONDS)).isEqualTo("bruno done");
        assertThat(annasWork.get(GUARD_SECONDS, TimeUnit.SECONDS)).isTrue();
        assertThat(stores.bookings().find(brunosBooking.id())).contains(brunosBooking);
        assertThat(stores.bookings().find(annasBooking.id())).contains(annasBooking);
    }

    private static boolean awaitGuarded(CountDownLatch latch) {
        try {
            return latch.await(GUARD_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * Each thread, {@code rounds} times and all at once: in its practitioner's inAgenda, counts the
     * bookings of the agenda, then adds one starting that many hours after {@link StoreFixtures#T0}.
     * A lost update shows as two bookings at one start and a missing one at the end.
     */
    private void runConcurrently(int threads, int rounds, java.util.function.IntFunction<PractitionerId> practitioner,
                                 java.util.function.IntFunction<Activity> activityOf,
                                 java.util.function.IntFunction<Client> clientOf) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            PractitionerId whose = practitioner.apply(t);
            Activity what = activityOf.apply(t);
            Client who = clientOf.apply(t);
            workers.add(pool.submit(() -> {
                start.await();
                for (int r = 0; r < rounds; r++) {
                    transactions.inAgenda(whose, () -> {
                        int count = stores.bookings().ofPractitioner(whose, hours(-1), hours(10_000)).size();
                        pauseBriefly();
                        stores.bookings().add(fixtures.booking(what, who).start(hours(count)).build());
                        return null;
                    });
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> worker : workers) {
            worker.get(GUARD_SECONDS, TimeUnit.SECONDS);
        }
    }

    /** Widens the window between the read and the write, so that a missing lock shows. */
    private static void pauseBriefly() {
        try {
            Thread.sleep(Duration.ofMillis(1).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
