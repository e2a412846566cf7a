package org.rendezvous.core.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.rendezvous.core.notification.Channel.EMAIL;
import static org.rendezvous.core.notification.Channel.SMS;
import static org.rendezvous.core.notification.Recipient.CLIENT;
import static org.rendezvous.core.notification.Recipient.PRACTITIONER;
import static org.rendezvous.core.port.contract.StoreFixtures.hours;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.rendezvous.core.OutboxDispatcher;
import org.rendezvous.core.agenda.Activity;
import org.rendezvous.core.booking.Actor;
import org.rendezvous.core.booking.Booking;
import org.rendezvous.core.booking.BookingState;
import org.rendezvous.core.booking.Cause;
import org.rendezvous.core.client.Client;
import org.rendezvous.core.contact.Language;
import org.rendezvous.core.inmemory.InMemoryStores;
import org.rendezvous.core.notification.ClaimedMessage;
import org.rendezvous.core.notification.DeliveryReport;
import org.rendezvous.core.notification.DeliverySettings;
import org.rendezvous.core.notification.DeliveryState;
import org.rendezvous.core.notification.Lease;
import org.rendezvous.core.notification.MessageKind;
import org.rendezvous.core.notification.OutboxEntry;
import org.rendezvous.core.notification.OutboxMessage;
import org.rendezvous.core.notification.OutboxMessageId;
import org.rendezvous.core.notification.OutgoingMessage;
import org.rendezvous.core.notification.Recipient;
import org.rendezvous.core.notification.Reminder;
import org.rendezvous.core.notification.RetryPolicy;
import org.rendezvous.core.notification.SendResult;
import org.rendezvous.core.outcome.Reason;
import org.rendezvous.core.port.Outbox;
import org.rendezvous.core.port.Stores;
import org.rendezvous.core.port.contract.StoreFixtures;
import org.rendezvous.core.practitioner.Practitioner;
import org.rendezvous.core.practitioner.PractitionerId;
import org.rendezvous.core.testing.MutableClock;

class OutboxDispatcherTest {

    /** Jitter at its lowest: the next attempt comes after half the base delay. */
    static final RandomGenerator LOWEST = new FixedRandom(false);
    /** Jitter at its highest: the next attempt comes after the whole base delay. */
    static final RandomGenerator HIGHEST = new FixedRandom(true);

    final StoreFixtures fixtures = new StoreFixtures();
    final MutableClock clock = new MutableClock(hours(1));
    Stores stores;
    PractitionerId anna;
    Activity activity;
    Client client;
    Booking booking;

    @BeforeEach
    void setUp() {
        stores = InMemoryStores.create();
        anna = fixtures.registerPractitioner(stores);
        activity = fixtures.addActivity(stores, anna);
        client = fixtures.addClient(stores, anna);
        booking = fixtures.booking(activity, client).start(hours(48)).build();
        stores.bookings().add(booking);
    }

    OutboxDispatcher dispatcher(ScriptedSender sender, RetryPolicy retry, RandomGenerator random) {
        return dispatcher(stores, sender, "dispatcher-a", retry, random);
    }

    OutboxDispatcher dispatcher(Stores on, ScriptedSender sender, String owner, RetryPolicy retry,
                                RandomGenerator random) {
        return new OutboxDispatcher(on, sender, clock,
                DeliverySettings.of(owner).withRetry(retry).withLease(Duration.ofMinutes(5)), random);
    }

    OutboxMessage append(String cause, Recipient recipient, org.rendezvous.core.notification.Channel channel) {
        OutboxMessage message = fixtures.message(anna, Optional.of(booking.id()), cause, recipient, channel, hours(0));
        assertThat(stores.outbox().append(message)).isTrue();
        return message;
    }

    OutboxEntry entry(OutboxMessage message) {
        return stores.outbox().entry(message.id()).orElseThrow();
    }

    @Test
    @DisplayName("NOT-3 NOT-4 a due message is sent to its recipient, in their language, with the practitioner's zone and the booking, then DELIVERED")
    void deliversWithEverythingTheSenderNeeds() {
        OutboxMessage toClient = append("confirmed", CLIENT, EMAIL);
        OutboxMessage toAnna = append("confirmed", PRACTITIONER, SMS);
        ScriptedSender sender = new ScriptedSender();

        DeliveryReport report = dispatcher(sender, RetryPolicy.defaults(), LOWEST).deliverDue();

        assertThat(report).isEqualTo(new DeliveryReport(2, 2, 0, 0, 0));
        Practitioner practitioner = stores.practitioners().find(anna).orElseThrow();
        OutgoingMessage first = sender.accepted().get(0);
        assertThat(first.id()).isEqualTo(toClient.id());
        assertThat(first.kind()).isEqualTo(MessageKind.BOOKING_CONFIRMED);
        assertThat(first.to().email()).isEqualTo(client.details().email());
        assertThat(first.to().language()).isEqualTo(Language.ENGLISH);
        assertThat(first.practitioner().name()).isEqualTo(practitioner.name());
        assertThat(first.zone()).isEqualTo(ZoneId.of("Europe/Paris"));
        assertThat(first.booking().orElseThrow().start()).isEqualTo(booking.start());
        assertThat(first.booking().orElseThrow().activity()).isEqualTo(activity.name());
        assertThat(first.parameters()).containsEntry("activity", "Ostéopathie");
        OutgoingMessage second = sender.accepted().get(1);
        assertThat(second.to().phone()).isEqualTo(practitioner.phone());
        assertThat(second.to().language()).isEqualTo(Language.FRENCH);
        assertThat(entry(toClient).state()).isEqualTo(DeliveryState.DELIVERED);
        assertThat(entry(toClient).providerReference()).contains("ref-" + toClient.id());
        assertThat(entry(toAnna).state()).isEqualTo(DeliveryState.DELIVERED);
        assertThat(dispatcher(sender, RetryPolicy.defaults(), LOWEST).deliverDue().claimed()).isZero();
    }

    @Test
    @DisplayName("NOT-1 an SMS to a practitioner who gave no phone number is skipped, not failed")
    void smsWithoutPhoneIsSkipped() {
        Practitioner john = fixtures.practitionerWithoutPhone();
        stores.practitioners().add(john);
        stores.agendas().saveSettings(john.id(), StoreFixtures.settings());
        OutboxMessage sms = fixtures.message(john.id(), Optional.empty(), "quota", PRACTITIONER, SMS, hours(0));
        stores.outbox().append(sms);
        ScriptedSender sender = new ScriptedSender();

        DeliveryReport report = dispatcher(sender, RetryPolicy.defaults(), LOWEST).deliverDue();

        assertThat(report.skipped()).isEqualTo(1);
        assertThat(sender.accepted()).isEmpty();
        assertThat(entry(sms).state()).isEqualTo(DeliveryState.SKIPPED);
        assertThat(entry(sms).lastError().orElseThrow()).contains("no phone number");
    }

    @Test
    @DisplayName("NOT-3 failed attempts are retried with exponential back-off: half the base delay with the lowest jitter")
    void backOffScheduleLowestJitter() {
        OutboxMessage message = append("c", CLIENT, EMAIL);
        ScriptedSender sender = new ScriptedSender().otherwise(m -> new SendResult.TemporaryFailure("503"));
        OutboxDispatcher dispatcher = dispatcher(sender, new RetryPolicy(6, Duration.ofSeconds(30),
                Duration.ofMinutes(4)), LOWEST);

        List<Duration> waits = new ArrayList<>();
        for (int attempt = 1; attempt <= 5; attempt++) {
            Instant before = clock.instant();
            assertThat(dispatcher.deliverDue().retryLater()).isEqualTo(1);
            OutboxEntry entry = entry(message);
            assertThat(entry.attempts()).isEqualTo(attempt);
            assertThat(entry.lastError().orElseThrow()).contains("503");
            waits.add(Duration.between(before, entry.nextAttemptAt()));
            clock.set(entry.nextAttemptAt().minusMillis(1));
            assertThat(dispatcher.deliverDue().claimed()).as("not due before its next attempt").isZero();
            clock.set(entry.nextAttemptAt());
        }

        assertThat(waits).containsExactly(Duration.ofSeconds(15), Duration.ofSeconds(30), Duration.ofSeconds(60),
                Duration.ofSeconds(120), Duration.ofSeconds(120));
    }

    @Test
    @DisplayName("NOT-3 with the highest jitter the next attempt comes after the whole base delay, capped")
    void backOffScheduleHighestJitter() {
        OutboxMessage message = append("c", CLIENT, EMAIL);
        ScriptedSender sender = new ScriptedSender().otherwise(m -> new SendResult.TemporaryFailure("timeout"));
        OutboxDispatcher dispatcher = dispatcher(sender, new RetryPolicy(6, Duration.ofSeconds(30),
                Duration.ofMinutes(4)), HIGHEST);

        List<Duration> waits = new ArrayList<>();
        for (int attempt = 1; attempt <= 5; attempt++) {
            Instant before = clock.instant();
            dispatcher.deliverDue();
            waits.add(Duration.between(before, entry(message).nextAttemptAt()));
            clock.set(entry(message).nextAttemptAt());
        }

        assertThat(waits).containsExactly(Duration.ofSeconds(30), Duration.ofSeconds(60), Duration.ofSeconds(120),
                Duration.ofSeconds(240), Duration.ofSeconds(240));
    }

    @Test
    @DisplayName("NOT-3 jitter spreads retries between half and all of the base delay")
    void jitterStaysInItsBounds() {
        RetryPolicy policy = new RetryPolicy(10, Duration.ofSeconds(30), Duration.ofHours(1));
        RandomGenerator random = new java.util.SplittableRandom(7);
        Instant now = hours(0);
        java.util.Set<Instant> seen = new java.util.HashSet<>();
        for (int i = 0; i < 200; i++) {
            Instant next = policy.nextAttempt(3, now, random);
            assertThat(next).isBetween(now.plusSeconds(60), now.plusSeconds(120));
            seen.add(next);
        }
        assertThat(seen).as("jittered, not one instant").hasSizeGreaterThan(50);
        assertThat(policy.baseDelay(20)).isEqualTo(Duration.ofHours(1));
    }

    @Test
    @DisplayName("NOT-3 after the last allowed attempt the message is parked as FAILED for an operator")
    void parkedAfterMaxAttempts() {
        OutboxMessage message = append("c", CLIENT, EMAIL);
        ScriptedSender sender = new ScriptedSender().otherwise(m -> new SendResult.TemporaryFailure("503"));
        OutboxDispatcher dispatcher = dispatcher(sender, new RetryPolicy(3, Duration.ofSeconds(10),
                Duration.ofMinutes(1)), LOWEST);

        List<DeliveryReport> reports = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            reports.add(dispatcher.deliverDue());
            clock.advance(Duration.ofMinutes(2));
        }

        assertThat(reports).extracting(DeliveryReport::parked).containsExactly(0, 0, 1);
        assertThat(sender.attempts(message.id())).isEqualTo(3);
        OutboxEntry parked = entry(message);
        assertThat(parked.state()).isEqualTo(DeliveryState.FAILED);
        assertThat(parked.attempts()).isEqualTo(3);
        assertThat(parked.lastError().orElseThrow()).isEqualTo("temporary: 503");
        assertThat(dispatcher.parked(10)).extracting(e -> e.message().id()).containsExactly(message.id());
        clock.advance(Duration.ofDays(1));
        assertThat(dispatcher.deliverDue().claimed()).isZero();
    }

    @Test
    @DisplayName("NOT-3 a permanent refusal (invalid number) parks the message at once; the operator's retry delivers it")
    void permanentFailureParksAtOnceAndOperatorRetries() {
        OutboxMessage message = append("c", CLIENT, SMS);
        ScriptedSender sender = new ScriptedSender().then(new SendResult.PermanentFailure("21211 invalid number"));
        OutboxDispatcher dispatcher = dispatcher(sender, RetryPolicy.defaults(), LOWEST);

        assertThat(dispatcher.deliverDue().parked()).isEqualTo(1);
        assertThat(entry(message).attempts()).isEqualTo(1);
        assertThat(entry(message).lastError().orElseThrow()).isEqualTo("permanent: 21211 invalid number");

        assertThat(dispatcher.retry(message.id()).isAccepted()).isTrue();
        assertThat(dispatcher.retry(message.id()).<Reason>fold(e -> null, r -> r.reason()))
                .isEqualTo(Reason.ILLEGAL_TRANSITION);
        assertThat(dispatcher.retry(new OutboxMessageId(fixtures.newId())).<Reason>fold(e -> null, r -> r.reason()))
                .isEqualTo(Reason.NOT_FOUND);
        assertThat(dispatcher.deliverDue().delivered()).isEqualTo(1);
        assertThat(entry(message).state()).isEqualTo(DeliveryState.DELIVERED);
        assertThat(dispatcher.parked(10)).isEmpty();
    }

    @Test
    @DisplayName("NOT-3 a sender that throws is a temporary failure: the batch goes on and the message is retried")
    void throwingSenderIsTemporary() {
        OutboxMessage broken = append("a", CLIENT, EMAIL);
        OutboxMessage fine = append("b", CLIENT, EMAIL);
        ScriptedSender sender = new ScriptedSender().otherwise(m -> {
            if (m.id().equals(broken.id())) {
                throw new IllegalStateException("adapter bug");
            }
            return new SendResult.Sent("ok");
        });

        DeliveryReport report = dispatcher(sender, RetryPolicy.defaults(), LOWEST).deliverDue();

        assertThat(report).isEqualTo(new DeliveryReport(2, 1, 0, 1, 0));
        assertThat(entry(broken).lastError().orElseThrow()).contains("adapter bug");
        assertThat(entry(fine).state()).isEqualTo(DeliveryState.DELIVERED);
    }

    @Test
    @DisplayName("NOT-2 a reminder of a booking cancelled or moved since it was planned is skipped")
    void staleRemindersAreSkipped() {
        Booking cancelled = booking.transition(BookingState.CANCELLED_BY_CLIENT, Cause.CANCELLED_BY_CLIENT,
                Actor.CLIENT, hours(0), Optional.empty()).orElseThrow();
        Booking other = fixtures.booking(activity, client).start(hours(30)).build();
        stores.bookings().add(other);
        stores.bookings().update(cancelled, booking.version());
        Booking moved = other.movedTo(hours(40), hours(0), Actor.CLIENT);
        stores.bookings().update(moved, other.version());
        OutboxMessage forCancelled = reminder(booking, hours(48));
        OutboxMessage forMoved = reminder(other, hours(30));
        OutboxMessage current = reminder(moved, hours(40));
        ScriptedSender sender = new ScriptedSender();

        DeliveryReport report = dispatcher(sender, RetryPolicy.defaults(), LOWEST).deliverDue();

        assertThat(report.skipped()).isEqualTo(2);
        assertThat(entry(forCancelled).lastError().orElseThrow()).contains("CANCELLED_BY_CLIENT");
        assertThat(entry(forMoved).lastError().orElseThrow()).contains("moved");
        assertThat(entry(current).state()).isEqualTo(DeliveryState.DELIVERED);
    }

    @Test
    @DisplayName("BK-4 NOT-1 the reminder of an unanswered request is skipped once the practitioner answered it")
    void answeredRequestIsNotRemindedOf() {
        Booking pending = fixtures.booking(activity, client).state(BookingState.PENDING).start(hours(30)).build();
        stores.bookings().add(pending);
        OutboxMessage waiting = OutboxMessage.of(new OutboxMessageId(fixtures.newId()), anna,
                Optional.of(pending.id()), MessageKind.REQUEST_UNANSWERED, MessageKind.REQUEST_UNANSWERED.routes().get(1),
                "request-unanswered-2h:" + pending.id(), Map.of(), hours(0));
        stores.outbox().append(waiting);
        Booking confirmed = pending.transition(BookingState.CONFIRMED, Cause.CONFIRMED_BY_PRACTITIONER,
                Actor.PRACTITIONER, hours(0), Optional.empty()).orElseThrow();
        stores.bookings().update(confirmed, pending.version());

        DeliveryReport report = dispatcher(new ScriptedSender(), RetryPolicy.defaults(), LOWEST).deliverDue();

        assertThat(report.skipped()).isEqualTo(1);
        assertThat(entry(waiting).lastError().orElseThrow()).contains("no longer waiting");
    }

    private OutboxMessage reminder(Booking about, Instant start) {
        OutboxMessage message = OutboxMessage.of(new OutboxMessageId(fixtures.newId()), anna,
                Optional.of(about.id()), MessageKind.SECOND_REMINDER, MessageKind.SECOND_REMINDER.routes().get(3),
                Reminder.SECOND.causeKey(about.id(), start), Map.of(Reminder.START_PARAMETER, start.toString()),
                hours(0));
        stores.outbox().append(message);
        return message;
    }

    @Test
    @DisplayName("NOT-3 the duplicate window: a crash between the provider's acceptance and markDelivered sends the message twice, and only then")
    void crashBetweenAcceptanceAndRecordSendsTwice() {
        OutboxMessage message = append("c", CLIENT, EMAIL);
        ScriptedSender sender = new ScriptedSender();
        Stores crashing = new Stores(stores.practitioners(), stores.agendas(), stores.clients(), stores.bookings(),
                stores.waitlists(), new CrashOnMarkDelivered(stores.outbox()), stores.idempotencyKeys(), stores.ledger(),
                stores.paymentInstructions(), stores.payouts(), stores.payoutAccounts(), stores.subscriptions(),
                stores.usage(), stores.profiles(), stores.transactions(), stores.paymentAccounts());
        OutboxDispatcher doomed = dispatcher(crashing, sender, "instance-1", RetryPolicy.defaults(), LOWEST);
        OutboxDispatcher survivor = dispatcher(stores, sender, "instance-2", RetryPolicy.defaults(), LOWEST);

        assertThatThrownBy(doomed::deliverDue).isInstanceOf(ProcessDied.class);
        assertThat(sender.accepted()).hasSize(1);
        assertThat(entry(message).state()).as("the acceptance was never recorded").isEqualTo(DeliveryState.PENDING);

        clock.advance(Duration.ofMinutes(4));
        assertThat(survivor.deliverDue().claimed()).as("not while the dead instance's lease runs").isZero();
        clock.advance(Duration.ofMinutes(1));
        assertThat(survivor.deliverDue().delivered()).isEqualTo(1);

        assertThat(sender.accepted()).extracting(OutgoingMessage::id)
                .as("the recipient got it twice, with the same message id both times")
                .containsExactly(message.id(), message.id());
        assertThat(entry(message).state()).isEqualTo(DeliveryState.DELIVERED);
        clock.advance(Duration.ofDays(1));
        assertThat(survivor.deliverDue().claimed()).isZero();
        assertThat(sender.accepted()).hasSize(2);
    }

    @Test
    @DisplayName("NOT-3 a failed write after a message was sent stops the run and releases the rest of its batch at once; "
            + "only the sent message waits for its lease, and is sent again")
    void failedWriteReleasesTheRestOfTheBatch() {
        OutboxMessage first = append("c1", CLIENT, EMAIL);
        OutboxMessage second = append("c2", CLIENT, EMAIL);
        OutboxMessage third = append("c3", CLIENT, EMAIL);
        ScriptedSender sender = new ScriptedSender();
        Stores failing = new Stores(stores.practitioners(), stores.agendas(), stores.clients(), stores.bookings(),
                stores.waitlists(), new CrashOnMarkDelivered(stores.outbox()), stores.idempotencyKeys(), stores.ledger(),
                stores.paymentInstructions(), stores.payouts(), stores.payoutAccounts(), stores.subscriptions(),
                stores.usage(), stores.profiles(), stores.transactions(), stores.paymentAccounts());
        OutboxDispatcher failingWrites = dispatcher(failing, sender, "instance-1", RetryPolicy.defaults(), LOWEST);
        OutboxDispatcher other = dispatcher(stores, sender, "instance-2", RetryPolicy.defaults(), LOWEST);

        assertThatThrownBy(failingWrites::deliverDue).isInstanceOf(ProcessDied.class);
        assertThat(sender.accepted()).extracting(OutgoingMessage::id).containsExactly(first.id());

        DeliveryReport atOnce = other.deliverDue();
        assertThat(atOnce.claimed()).as("the rest of the batch, without waiting for the lease").isEqualTo(2);
        assertThat(atOnce.delivered()).isEqualTo(2);
        assertThat(entry(second).state()).isEqualTo(DeliveryState.DELIVERED);
        assertThat(entry(third).state()).isEqualTo(DeliveryState.DELIVERED);
        assertThat(entry(first).state()).as("sent, but the write was lost").isEqualTo(DeliveryState.PENDING);

        clock.advance(Duration.ofMinutes(5));
        assertThat(other.deliverDue().delivered()).isEqualTo(1);
        assertThat(sender.accepted()).extracting(OutgoingMessage::id)
                .as("the window: the message whose write failed is sent again once its lease lapses")
                .containsExactly(first.id(), second.id(), third.id(), first.id());
    }

    @Test
    @DisplayName("NOT-3 a crash before the provider accepted the message is no duplicate: it is sent once after the lease lapses")
    void crashBeforeSendingIsNoDuplicate() {
        OutboxMessage message = append("c", CLIENT, EMAIL);
        ScriptedSender sender = new ScriptedSender();
        // The instance claims, then dies before it sends anything.
        stores.outbox().claimDue(clock.instant(), 10, new Lease("instance-1", clock.instant().plusSeconds(300)));
        clock.advance(Duration.ofMinutes(5));

        dispatcher(sender, RetryPolicy.defaults(), LOWEST).deliverDue();

        assertThat(sender.accepted()).extracting(OutgoingMessage::id).containsExactly(message.id());
    }

    @Test
    @DisplayName("NOT-3 two dispatchers on eight threads, with failures and retries: every message delivered exactly once")
    void twoDispatchersEightThreadsExactlyOnce() throws Exception {
        List<OutboxMessage> messages = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            messages.add(append("cause-" + i, i % 2 == 0 ? CLIENT : PRACTITIONER, i % 3 == 0 ? SMS : EMAIL));
        }
        java.util.Set<OutboxMessageId> failOnce = java.util.concurrent.ConcurrentHashMap.newKeySet();
        for (int i = 0; i < messages.size(); i += 7) {
            failOnce.add(messages.get(i).id());
        }
        ScriptedSender sender = new ScriptedSender().otherwise(m ->
                failOnce.remove(m.id()) ? new SendResult.TemporaryFailure("flaky") : new SendResult.Sent("ok-" + m.id()));
        RetryPolicy retry = new RetryPolicy(5, Duration.ofSeconds(10), Duration.ofMinutes(1));
        List<OutboxDispatcher> dispatchers = List.of(
                new OutboxDispatcher(stores, sender, clock, DeliverySettings.of("a").withBatchSize(9).withRetry(retry),
                        new java.util.SplittableRandom(1)),
                new OutboxDispatcher(stores, sender, clock, DeliverySettings.of("b").withBatchSize(9).withRetry(retry),
                        new java.util.SplittableRandom(2)));

        runOnEightThreads(dispatchers);
        clock.advance(Duration.ofMinutes(2));
        runOnEightThreads(dispatchers);

        Map<OutboxMessageId, Long> sends = sender.accepted().stream().collect(
                java.util.stream.Collectors.groupingBy(OutgoingMessage::id, java.util.stream.Collectors.counting()));
        assertThat(sends).hasSize(messages.size());
        assertThat(sends.values()).allMatch(n -> n == 1L);
        assertThat(messages).allSatisfy(m -> assertThat(entry(m).state()).isEqualTo(DeliveryState.DELIVERED));
    }

    private static void runOnEightThreads(List<OutboxDispatcher> dispatchers) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<?>> runs = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                OutboxDispatcher dispatcher = dispatchers.get(t % dispatchers.size());
                runs.add(pool.submit(() -> {
                    start.await();
                    while (dispatcher.deliverDue().claimed() > 0) {
                        Thread.onSpinWait();
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> run : runs) {
                run.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** What a process dying at the worst moment looks like to the code that was running. */
    static final class ProcessDied extends RuntimeException {
        ProcessDied() {
            super("the process died");
        }
    }

    /** An outbox whose markDelivered never happens: the process dies right before it. */
    static final class CrashOnMarkDelivered implements Outbox {
        private final Outbox delegate;

        CrashOnMarkDelivered(Outbox delegate) {
            this.delegate = delegate;
        }

        @Override
        public boolean append(OutboxMessage message) {
            return delegate.append(message);
        }

        @Override
        public List<OutboxMessage> aboutBooking(org.rendezvous.core.booking.BookingId booking) {
            return delegate.aboutBooking(booking);
        }

        @Override
        public List<ClaimedMessage> claimDue(Instant now, int limit, Lease lease) {
            return delegate.claimDue(now, limit, lease);
        }

        @Override
        public boolean markDelivered(OutboxMessageId id, Instant at, String providerReference) {
            throw new ProcessDied();
        }

        @Override
        public int release(List<OutboxMessageId> ids, Lease lease) {
            return delegate.release(ids, lease);
        }

        @Override
        public boolean markSkipped(OutboxMessageId id, Lease lease, Instant at, String reason) {
            return delegate.markSkipped(id, lease, at, reason);
        }

        @Override
        public boolean markFailed(OutboxMessageId id, Lease lease, int attempts, Instant nextAttemptAt, String error) {
            return delegate.markFailed(id, lease, attempts, nextAttemptAt, error);
        }

        @Override
        public boolean park(OutboxMessageId id, Lease lease, int attempts, Instant at, String error) {
            return delegate.park(id, lease, attempts, at, error);
        }

        @Override
        public List<OutboxEntry> parked(int limit) {
            return delegate.parked(limit);
        }

        @Override
        public boolean retry(OutboxMessageId id, Instant now) {
            return delegate.retry(id, now);
        }

        @Override
        public Optional<OutboxEntry> entry(OutboxMessageId id) {
            return delegate.entry(id);
        }
    }

    /** A random generator stuck at the bottom or the top of every bounded draw. */
    static final class FixedRandom implements RandomGenerator {
        private final boolean highest;

        FixedRandom(boolean highest) {
            this.highest = highest;
        }

        @Override
        public long nextLong() {
            return 0;
        }

        @Override
        public long nextLong(long bound) {
            return highest ? bound - 1 : 0;
        }
    }
}
