package org.rendezvous.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rendezvous.core.port.contract.StoreFixtures.hours;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.rendezvous.core.JobReport;
import org.rendezvous.core.OutboxDispatcher;
import org.rendezvous.core.Reminders;
import org.rendezvous.core.agenda.Activity;
import org.rendezvous.core.booking.Booking;
import org.rendezvous.core.client.Client;
import org.rendezvous.core.inmemory.SecureRandomIds;
import org.rendezvous.core.notification.Channel;
import org.rendezvous.core.notification.DeliverySettings;
import org.rendezvous.core.notification.DeliveryState;
import org.rendezvous.core.notification.MessageKind;
import org.rendezvous.core.notification.OutboxEntry;
import org.rendezvous.core.notification.OutboxMessage;
import org.rendezvous.core.notification.OutboxMessageId;
import org.rendezvous.core.notification.OutgoingMessage;
import org.rendezvous.core.notification.Recipient;
import org.rendezvous.core.notification.RetryPolicy;
import org.rendezvous.core.notification.SendResult;
import org.rendezvous.core.port.MessageSender;
import org.rendezvous.core.port.Stores;
import org.rendezvous.core.port.contract.StoreFixtures;
import org.rendezvous.core.practitioner.PractitionerId;
import org.rendezvous.core.testing.MutableClock;

/**
 * NOT-3 and NOT-2 on a real database: two application instances, each with its own connection pool
 * and several dispatcher threads running the core's {@link OutboxDispatcher} against the same outbox;
 * then two instances planning reminders at the same moment and delivering them.
 */
class TwoInstancesDeliveryTest {

    private static final int THREADS_PER_INSTANCE = 3;
    /** Short back-off, so that messages failing once come back within the test. */
    private static final RetryPolicy QUICK_RETRY = new RetryPolicy(5, Duration.ofMillis(200), Duration.ofSeconds(1));
    /** A ceiling for a machine shared with other builds: the runs take a few seconds when it is not. */
    private static final Duration TIME_LIMIT = Duration.ofSeconds(60);

    private final StoreFixtures fixtures = new StoreFixtures();
    private Stores shared;
    private PractitionerId anna;
    private Activity activity;
    private Client client;

    @BeforeEach
    void setUp() {
        shared = TestDatabase.freshStores();
        anna = fixtures.registerPractitioner(shared);
        activity = fixtures.addActivity(shared, anna);
        client = fixtures.addClient(shared, anna);
    }

    @Test
    @DisplayName("NOT-3 two instances with three dispatchers each deliver every message exactly once, failed attempts included")
    void everyMessageDeliveredExactlyOnce() throws Exception {
        Booking booking = fixtures.booking(activity, client).start(hours(48)).build();
        shared.bookings().add(booking);
        List<OutboxMessage> written = new ArrayList<>();
        Set<OutboxMessageId> failFirst = ConcurrentHashMap.newKeySet();
        for (int i = 0; i < 160; i++) {
            OutboxMessage message = fixtures.message(anna, Optional.of(booking.id()), "cause-" + i,
                    i % 2 == 0 ? Recipient.CLIENT : Recipient.PRACTITIONER, i % 3 == 0 ? Channel.SMS : Channel.EMAIL,
                    hours(0));
            assertThat(shared.outbox().append(message)).isTrue();
            written.add(message);
            if (i % 8 == 0) {
                failFirst.add(message.id());
            }
        }
        Clock clock = flowingFrom(hours(1));

        Map<String, Integer> sentBy = deliverOnTwoInstances(clock, written.size(), failFirst);

        for (OutboxMessage message : written) {
            OutboxEntry entry = shared.outbox().entry(message.id()).orElseThrow();
            assertThat(entry.state()).as(message.causeKey()).isEqualTo(DeliveryState.DELIVERED);
            assertThat(entry.providerReference()).contains("ref-" + message.id());
            assertThat(entry.attempts()).as(message.causeKey()).isEqualTo(failFirst.contains(message.id()) ? 2 : 1);
        }
        assertThat(sentBy.get("instance-a")).as("instance a delivered some").isPositive();
        assertThat(sentBy.get("instance-b")).as("instance b delivered some").isPositive();
    }

    @Test
    @DisplayName("NOT-2 NOT-3 two instances planning reminders at once write each reminder once, and it is delivered once")
    void remindersPlannedAndDeliveredOnce() throws Exception {
        List<Booking> bookings = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            Booking booking = fixtures.booking(activity, client).start(hours(60 + i)).createdAt(hours(0)).build();
            shared.bookings().add(booking);
            bookings.add(booking);
        }
        MutableClock planningClock = new MutableClock(hours(40));
        Stores a = PostgresStores.open(TestDatabase.newPool(4, "reminders-a"));
        Stores b = PostgresStores.open(TestDatabase.newPool(4, "reminders-b"));
        List<Callable<JobReport>> runs = new ArrayList<>();
        for (Stores instance : List.of(a, b)) {
            for (int t = 0; t < 2; t++) {
                // Small pages, so that the runs page through the candidates side by side.
                Reminders reminders = new Reminders(instance, PostgresStores.reminderCandidates(instance),
                        new SecureRandomIds(), planningClock, 7);
                runs.add(reminders::planDue);
            }
        }

        List<JobReport> reports = runTogether(runs);

        // At hour 40: the second reminder (4 messages) for starts up to 64 h, the first (2 e-mails) up to 88 h.
        int expectedMessages = 0;
        for (Booking booking : bookings) {
            List<OutboxMessage> messages = shared.outbox().aboutBooking(booking.id());
            int expected = !booking.start().isAfter(hours(64)) ? 4 : !booking.start().isAfter(hours(88)) ? 2 : 0;
            assertThat(messages).as("booking at " + booking.start()).hasSize(expected);
            MessageKind kind = !booking.start().isAfter(hours(64)) ? MessageKind.SECOND_REMINDER
                    : MessageKind.FIRST_REMINDER;
            assertThat(messages).allSatisfy(m -> assertThat(m.kind()).isEqualTo(kind));
            expectedMessages += expected;
        }
        assertThat(reports).allSatisfy(r -> assertThat(r.examined()).isEqualTo(40));
        assertThat(reports.stream().mapToInt(JobReport::changed).sum())
                .as("each booking's reminder is reported written by one run only").isEqualTo(5 + 24);
        assertThat(expectedMessages).isEqualTo(5 * 4 + 24 * 2);

        Map<String, Integer> sentBy = deliverOnTwoInstances(flowingFrom(hours(40).plusSeconds(1)), expectedMessages,
                Set.of());

        assertThat(sentBy.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(expectedMessages);
    }

    /**
     * Runs three dispatcher threads on each of two instances (own pools, own stores) until the provider
     * accepted {@code total} distinct messages, the first attempt of those in {@code failFirst} answered
     * with a temporary failure; checks that none was accepted twice. Answers how many each instance sent.
     */
    private Map<String, Integer> deliverOnTwoInstances(Clock clock, int total, Set<OutboxMessageId> failFirst)
            throws Exception {
        Map<OutboxMessageId, AtomicInteger> accepted = new ConcurrentHashMap<>();
        Set<OutboxMessageId> failOnce = ConcurrentHashMap.newKeySet();
        failOnce.addAll(failFirst);
        Map<String, AtomicInteger> sentBy = new ConcurrentHashMap<>();
        List<Callable<JobReport>> workers = new ArrayList<>();
        Instant deadline = Instant.now().plus(TIME_LIMIT);
        for (String instance : List.of("instance-a", "instance-b")) {
            Stores stores = PostgresStores.open(TestDatabase.newPool(THREADS_PER_INSTANCE + 1, instance));
            MessageSender sender = message -> {
                if (failOnce.remove(message.id())) {
                    return new SendResult.TemporaryFailure("503 Service Unavailable");
                }
                accepted.computeIfAbsent(message.id(), k -> new AtomicInteger()).incrementAndGet();
                sentBy.computeIfAbsent(instance, k -> new AtomicInteger()).incrementAndGet();
                return new SendResult.Sent("ref-" + message.id());
            };
            for (int t = 0; t < THREADS_PER_INSTANCE; t++) {
                OutboxDispatcher dispatcher = new OutboxDispatcher(stores, sender, clock,
                        DeliverySettings.of(instance + "/dispatcher-" + t).withBatchSize(5)
                                .withLease(Duration.ofMinutes(1)).withRetry(QUICK_RETRY));
                workers.add(() -> {
                    int claimed = 0;
                    while (accepted.size() < total && Instant.now().isBefore(deadline)) {
                        int batch = dispatcher.deliverDue().claimed();
                        claimed += batch;
                        if (batch == 0) {
                            Thread.sleep(20);
                        }
                    }
                    return new JobReport(claimed, 0, 0);
                });
            }
        }

        runTogether(workers);

        assertThat(accepted).as("every message was accepted").hasSize(total);
        assertThat(accepted.entrySet()).allSatisfy(e -> assertThat(e.getValue().get())
                .as("times message %s was accepted", e.getKey()).isEqualTo(1));
        Map<String, Integer> counts = new HashMap<>();
        sentBy.forEach((instance, count) -> counts.put(instance, count.get()));
        return counts;
    }

    /** Starts every task at the same moment and waits for all of them. */
    private static <T> List<T> runTogether(List<Callable<T>> tasks) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(tasks.size());
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (Callable<T> task : tasks) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return task.call();
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get(TIME_LIMIT.toSeconds() + 10, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    /** A clock that reads {@code start} now and runs at the real pace from there, so back-off delays pass. */
    private static Clock flowingFrom(Instant start) {
        return Clock.offset(Clock.systemUTC(), Duration.between(Instant.now(), start));
    }
}
