package org.rendezvous.core.port.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rendezvous.core.notification.Channel.EMAIL;
import static org.rendezvous.core.notification.Channel.SMS;
import static org.rendezvous.core.notification.Recipient.CLIENT;
import static org.rendezvous.core.notification.Recipient.PRACTITIONER;
import static org.rendezvous.core.port.contract.StoreFixtures.hours;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.rendezvous.core.agenda.Activity;
import org.rendezvous.core.booking.Booking;
import org.rendezvous.core.client.Client;
import org.rendezvous.core.notification.ClaimedMessage;
import org.rendezvous.core.notification.DeliveryState;
import org.rendezvous.core.notification.Lease;
import org.rendezvous.core.notification.OutboxEntry;
import org.rendezvous.core.notification.OutboxMessage;
import org.rendezvous.core.notification.OutboxMessageId;
import org.rendezvous.core.port.Outbox;
import org.rendezvous.core.port.Stores;
import org.rendezvous.core.practitioner.PractitionerId;

/** What every {@link Outbox} adapter must do (NOT-3). */
public abstract class OutboxContract {

    protected final StoreFixtures fixtures = new StoreFixtures();
    protected Stores stores;
    protected Outbox outbox;
    protected PractitionerId anna;
    protected Booking booking;
    protected Booking otherBooking;

    /** Fresh, empty stores for each test. */
    protected abstract Stores newStores();

    @BeforeEach
    void freshStores() {
        stores = newStores();
        outbox = stores.outbox();
        anna = fixtures.registerPractitioner(stores);
        Activity activity = fixtures.addActivity(stores, anna);
        Client client = fixtures.addClient(stores, anna);
        booking = fixtures.booking(activity, client).start(hours(48)).build();
        otherBooking = fixtures.booking(activity, client).start(hours(72)).build();
        stores.bookings().add(booking);
        stores.bookings().add(otherBooking);
    }

    @Test
    @DisplayName("NOT-3 a message appended is accepted and read back with every field")
    void messageRoundTrip() {
        OutboxMessage message = fixtures.message(booking, "booking:" + booking.id() + ":confirmed", CLIENT, EMAIL);

        assertThat(outbox.append(message)).isTrue();

        assertThat(outbox.aboutBooking(booking.id())).containsExactly(message);
    }

    @Test
    @DisplayName("NOT-3 a second message with the same cause, recipient and channel is not added: append answers false")
    void deduplicatedOnCauseRecipientChannel() {
        OutboxMessage first = fixtures.message(booking, "cause-1", CLIENT, EMAIL);
        OutboxMessage replay = fixtures.message(booking, "cause-1", CLIENT, EMAIL);

        assertThat(outbox.append(first)).isTrue();
        assertThat(outbox.append(replay)).isFalse();

        assertThat(outbox.aboutBooking(booking.id())).containsExactly(first);
    }

    @Test
    @DisplayName("NOT-3 the same cause for another recipient or by another channel is another message")
    void otherRecipientOrChannelIsAnotherMessage() {
        OutboxMessage clientEmail = fixtures.message(booking, "cause-1", CLIENT, EMAIL);
        OutboxMessage clientSms = fixtures.message(booking, "cause-1", CLIENT, SMS);
        OutboxMessage practitionerEmail = fixtures.message(booking, "cause-1", PRACTITIONER, EMAIL);
        OutboxMessage practitionerSms = fixtures.message(booking, "cause-1", PRACTITIONER, SMS);

        assertThat(outbox.append(clientEmail)).isTrue();
        assertThat(outbox.append(clientSms)).isTrue();
        assertThat(outbox.append(practitionerEmail)).isTrue();
        assertThat(outbox.append(practitionerSms)).isTrue();

        assertThat(outbox.aboutBooking(booking.id()))
                .containsExactly(clientEmail, clientSms, practitionerEmail, practitionerSms);
    }

    @Test
    @DisplayName("NOT-3 another cause for the same recipient and channel is another message")
    void otherCauseIsAnotherMessage() {
        OutboxMessage confirmed = fixtures.message(booking, "cause-1", CLIENT, EMAIL);
        OutboxMessage moved = fixtures.message(booking, "cause-2", CLIENT, EMAIL);

        assertThat(outbox.append(confirmed)).isTrue();
        assertThat(outbox.append(moved)).isTrue();

        assertThat(outbox.aboutBooking(booking.id())).containsExactly(confirmed, moved);
    }

    @Test
    @DisplayName("the messages about a booking are listed in the order they were written, not by id or time")
    void aboutBookingInWriteOrder() {
        OutboxMessage a = fixtures.message(anna, Optional.of(booking.id()), "cause-a", CLIENT, EMAIL, hours(3));
        OutboxMessage b = fixtures.message(anna, Optional.of(booking.id()), "cause-b", CLIENT, EMAIL, hours(1));
        OutboxMessage c = fixtures.message(anna, Optional.of(booking.id()), "cause-c", CLIENT, EMAIL, hours(2));

        outbox.append(c);
        outbox.append(a);
        outbox.append(b);

        assertThat(outbox.aboutBooking(booking.id())).containsExactly(c, a, b);
    }

    @Test
    @DisplayName("the messages about a booking are only that booking's")
    void aboutBookingOnlyThatBooking() {
        OutboxMessage mine = fixtures.message(booking, "cause-1", CLIENT, EMAIL);
        OutboxMessage other = fixtures.message(otherBooking, "cause-2", CLIENT, EMAIL);
        outbox.append(mine);
        outbox.append(other);
        outbox.append(fixtures.message(anna, Optional.empty(), "cause-3", PRACTITIONER, EMAIL, hours(1)));

        assertThat(outbox.aboutBooking(booking.id())).containsExactly(mine);
        assertThat(outbox.aboutBooking(otherBooking.id())).containsExactly(other);
        assertThat(outbox.aboutBooking(fixtures.bookingId())).isEmpty();
    }

    @Test
    @DisplayName("NOT-3 a message about no booking is accepted once and deduplicated like any other")
    void messageAboutNoBooking() {
        OutboxMessage first = fixtures.message(anna, Optional.empty(), "digest:2030-03-04", PRACTITIONER, EMAIL,
                hours(1));
        OutboxMessage replay = fixtures.message(anna, Optional.empty(), "digest:2030-03-04", PRACTITIONER, EMAIL,
                hours(2));

        assertThat(outbox.append(first)).isTrue();
        assertThat(outbox.append(replay)).isFalse();
    }

    // Delivery: claims under a lease, outcomes, parking and operator retries (NOT-3)

    /** When {@link StoreFixtures#message} messages become due: 90 s after they were written. */
    protected static final Instant DUE = StoreFixtures.micros(StoreFixtures.T0.plusNanos(987_654_000)
            .plus(Duration.ofSeconds(90)));

    private static Lease lease(String owner, Instant now) {
        return new Lease(owner, StoreFixtures.micros(now.plus(Duration.ofMinutes(5))));
    }

    private OutboxMessage appended(String cause) {
        OutboxMessage message = fixtures.message(booking, cause, CLIENT, EMAIL);
        assertThat(outbox.append(message)).isTrue();
        return message;
    }

    @Test
    @DisplayName("NOT-3 a new message is PENDING, due at its deliverAfter, with no attempt yet")
    void newMessageIsPending() {
        OutboxMessage message = appended("cause-1");

        OutboxEntry entry = outbox.entry(message.id()).orElseThrow();

        assertThat(entry.message()).isEqualTo(message);
        assertThat(entry.state()).isEqualTo(DeliveryState.PENDING);
        assertThat(entry.attempts()).isZero();
        assertThat(entry.nextAttemptAt()).isEqualTo(message.deliverAfter());
        assertThat(entry.lastError()).isEmpty();
        assertThat(entry.finishedAt()).isEmpty();
        assertThat(entry.providerReference()).isEmpty();
        assertThat(outbox.entry(new OutboxMessageId(fixtures.newId()))).isEmpty();
    }

    @Test
    @DisplayName("NOT-3 a message is not claimed before it is due")
    void notClaimedBeforeDue() {
        appended("cause-1");

        assertThat(outbox.claimDue(DUE.minusNanos(1_000), 10, lease("a", DUE))).isEmpty();
        assertThat(outbox.claimDue(DUE, 10, lease("a", DUE))).hasSize(1);
    }

    @Test
    @DisplayName("NOT-3 due messages are claimed earliest due first, then in write order, up to the limit")
    void claimsInDueOrderUpToLimit() {
        OutboxMessage late = fixtures.message(anna, Optional.of(booking.id()), "late", CLIENT, EMAIL, hours(2));
        OutboxMessage early1 = fixtures.message(anna, Optional.of(booking.id()), "early-1", CLIENT, EMAIL, hours(1));
        OutboxMessage early2 = fixtures.message(anna, Optional.of(booking.id()), "early-2", CLIENT, SMS, hours(1));
        outbox.append(late);
        outbox.append(early1);
        outbox.append(early2);
        Instant now = hours(3);

        List<ClaimedMessage> first = outbox.claimDue(now, 2, lease("a", now));
        List<ClaimedMessage> second = outbox.claimDue(now, 2, lease("b", now));

        assertThat(first).extracting(ClaimedMessage::message).containsExactly(early1, early2);
        assertThat(first).allSatisfy(c -> {
            assertThat(c.attempts()).isZero();
            assertThat(c.lease()).isEqualTo(lease("a", now));
        });
        assertThat(second).extracting(ClaimedMessage::message).containsExactly(late);
    }

    @Test
    @DisplayName("NOT-3 a claimed message is not claimed again while its lease runs; once it lapses it is")
    void leaseExcludesOtherClaimsUntilItLapses() {
        OutboxMessage message = appended("cause-1");
        Lease a = new Lease("dispatcher-a", DUE.plus(Duration.ofMinutes(1)));

        assertThat(outbox.claimDue(DUE, 10, a)).hasSize(1);
        assertThat(outbox.claimDue(DUE.plusSeconds(59), 10, lease("dispatcher-b", DUE))).isEmpty();

        Instant lapsed = a.until();
        List<ClaimedMessage> reclaimed = outbox.claimDue(lapsed, 10, lease("dispatcher-b", lapsed));
        assertThat(reclaimed).extracting(ClaimedMessage::message).containsExactly(message);
        assertThat(reclaimed.get(0).lease().owner()).isEqualTo("dispatcher-b");
    }

    @Test
    @DisplayName("NOT-3 a delivered message is DELIVERED with its provider reference and never claimed again")
    void deliveredIsFinal() {
        OutboxMessage message = appended("cause-1");
        Lease lease = lease("a", DUE);
        outbox.claimDue(DUE, 10, lease);
        Instant at = DUE.plusSeconds(2);

        assertThat(outbox.markDelivered(message.id(), at, "<abc@rendezvous>")).isTrue();
        assertThat(outbox.markDelivered(message.id(), at.plusSeconds(1), "again")).isFalse();

        OutboxEntry entry = outbox.entry(message.id()).orElseThrow();
        assertThat(entry.state()).isEqualTo(DeliveryState.DELIVERED);
        assertThat(entry.providerReference()).contains("<abc@rendezvous>");
        assertThat(entry.finishedAt()).contains(at);
        assertThat(entry.attempts()).isEqualTo(1);
        Instant muchLater = DUE.plus(Duration.ofDays(1));
        assertThat(outbox.claimDue(muchLater, 10, lease("b", muchLater))).isEmpty();
    }

    @Test
    @DisplayName("NOT-3 a delivery learnt after the lease lapsed and the message was reclaimed is still recorded")
    void deliveryRecordedWhateverTheLease() {
        OutboxMessage message = appended("cause-1");
        outbox.claimDue(DUE, 10, new Lease("a", DUE.plusSeconds(10)));
        Instant later = DUE.plusSeconds(10);
        Lease b = lease("b", later);
        outbox.claimDue(later, 10, b);

        assertThat(outbox.markDelivered(message.id(), later.plusSeconds(1), "late-a")).isTrue();
        assertThat(outbox.markFailed(message.id(), b, 1, later.plusSeconds(60), "b failed")).isFalse();
        assertThat(outbox.entry(message.id()).orElseThrow().state()).isEqualTo(DeliveryState.DELIVERED);
    }

    @Test
    @DisplayName("NOT-3 a failed attempt keeps the message PENDING, unclaimed, due at its next attempt, counting attempts")
    void failedAttemptIsRescheduled() {
        OutboxMessage message = appended("cause-1");
        Lease lease = lease("a", DUE);
        outbox.claimDue(DUE, 10, lease);
        Instant next = DUE.plusSeconds(30);

        assertThat(outbox.markFailed(message.id(), lease, 1, next, "temporary: 503")).isTrue();

        OutboxEntry entry = outbox.entry(message.id()).orElseThrow();
        assertThat(entry.state()).isEqualTo(DeliveryState.PENDING);
        assertThat(entry.attempts()).isEqualTo(1);
        assertThat(entry.nextAttemptAt()).isEqualTo(next);
        assertThat(entry.lastError()).contains("temporary: 503");
        assertThat(outbox.claimDue(next.minusNanos(1_000), 10, lease("b", next))).isEmpty();
        List<ClaimedMessage> again = outbox.claimDue(next, 10, lease("b", next));
        assertThat(again).extracting(ClaimedMessage::attempts).containsExactly(1);
    }

    @Test
    @DisplayName("NOT-3 outcomes are refused to a dispatcher whose lease was lost, and to a message never claimed")
    void outcomesNeedTheLease() {
        OutboxMessage message = appended("cause-1");
        Lease a = new Lease("a", DUE.plusSeconds(10));
        assertThat(outbox.markFailed(message.id(), a, 1, DUE, "x")).isFalse();
        outbox.claimDue(DUE, 10, a);
        Instant later = DUE.plusSeconds(10);
        Lease b = lease("b", later);
        outbox.claimDue(later, 10, b);

        assertThat(outbox.markFailed(message.id(), a, 1, later, "stale")).isFalse();
        assertThat(outbox.park(message.id(), a, 1, later, "stale")).isFalse();
        assertThat(outbox.markSkipped(message.id(), a, later, "stale")).isFalse();
        assertThat(outbox.entry(message.id()).orElseThrow().lastError()).isEmpty();
        assertThat(outbox.markFailed(message.id(), b, 1, later.plusSeconds(30), "b's")).isTrue();
    }

    @Test
    @DisplayName("NOT-3 claimed messages released by their lease are claimed again at once, unattempted; others' are left alone")
    void releaseEndsTheLeaseAtOnce() {
        OutboxMessage one = appended("cause-1");
        OutboxMessage two = appended("cause-2");
        OutboxMessage three = appended("cause-3");
        Lease a = new Lease("a", DUE.plus(Duration.ofMinutes(5)));
        assertThat(outbox.claimDue(DUE, 10, a)).hasSize(3);
        assertThat(outbox.markDelivered(one.id(), DUE, "sent")).isTrue();

        assertThat(outbox.release(List.of(one.id(), two.id(), three.id()), new Lease("b", a.until()))).isZero();
        assertThat(outbox.release(List.of(one.id(), two.id(), three.id()), a)).as("not the delivered one").isEqualTo(2);
        assertThat(outbox.release(List.of(two.id()), a)).as("no longer under the lease").isZero();

        List<ClaimedMessage> again = outbox.claimDue(DUE.plusSeconds(1), 10, lease("b", DUE.plusSeconds(1)));
        assertThat(again).extracting(ClaimedMessage::message).containsExactly(two, three);
        assertThat(again).extracting(ClaimedMessage::attempts).containsExactly(0, 0);
        assertThat(outbox.release(List.of(), a)).isZero();
    }

    @Test
    @DisplayName("NOT-3 a skipped message is SKIPPED with its reason and never claimed again")
    void skippedIsFinal() {
        OutboxMessage message = appended("cause-1");
        Lease lease = lease("a", DUE);
        outbox.claimDue(DUE, 10, lease);

        assertThat(outbox.markSkipped(message.id(), lease, DUE, "no phone number")).isTrue();

        OutboxEntry entry = outbox.entry(message.id()).orElseThrow();
        assertThat(entry.state()).isEqualTo(DeliveryState.SKIPPED);
        assertThat(entry.lastError()).contains("no phone number");
        assertThat(entry.finishedAt()).contains(DUE);
        Instant later = DUE.plus(Duration.ofDays(1));
        assertThat(outbox.claimDue(later, 10, lease("b", later))).isEmpty();
        assertThat(outbox.parked(10)).isEmpty();
    }

    @Test
    @DisplayName("NOT-3 a parked message is FAILED, listed for the operator (latest first) and never claimed again")
    void parkedIsListed() {
        OutboxMessage first = appended("cause-1");
        OutboxMessage second = appended("cause-2");
        OutboxMessage delivered = appended("cause-3");
        Lease lease = lease("a", DUE);
        outbox.claimDue(DUE, 10, lease);

        assertThat(outbox.park(first.id(), lease, 5, DUE.plusSeconds(1), "temporary: 503")).isTrue();
        assertThat(outbox.park(second.id(), lease, 1, DUE.plusSeconds(2), "permanent: 21211")).isTrue();
        outbox.markDelivered(delivered.id(), DUE, "ok");

        List<OutboxEntry> parked = outbox.parked(10);
        assertThat(parked).extracting(e -> e.message().id()).containsExactly(second.id(), first.id());
        assertThat(parked.get(1).state()).isEqualTo(DeliveryState.FAILED);
        assertThat(parked.get(1).attempts()).isEqualTo(5);
        assertThat(parked.get(1).lastError()).contains("temporary: 503");
        assertThat(parked.get(1).finishedAt()).contains(DUE.plusSeconds(1));
        assertThat(outbox.parked(1)).hasSize(1);
        Instant later = DUE.plus(Duration.ofDays(1));
        assertThat(outbox.claimDue(later, 10, lease("b", later))).isEmpty();
    }

    @Test
    @DisplayName("NOT-3 an operator's retry makes a parked message PENDING again, due now, attempts from zero")
    void operatorRetry() {
        OutboxMessage message = appended("cause-1");
        OutboxMessage pending = appended("cause-2");
        Lease lease = lease("a", DUE);
        outbox.claimDue(DUE, 1, lease);
        outbox.park(message.id(), lease, 3, DUE, "permanent: refused");
        Instant now = DUE.plus(Duration.ofHours(1));

        assertThat(outbox.retry(message.id(), now)).isTrue();
        assertThat(outbox.retry(message.id(), now)).isFalse();
        assertThat(outbox.retry(pending.id(), now)).isFalse();
        assertThat(outbox.retry(new OutboxMessageId(fixtures.newId()), now)).isFalse();

        OutboxEntry entry = outbox.entry(message.id()).orElseThrow();
        assertThat(entry.state()).isEqualTo(DeliveryState.PENDING);
        assertThat(entry.attempts()).isZero();
        assertThat(entry.nextAttemptAt()).isEqualTo(now);
        assertThat(entry.finishedAt()).isEmpty();
        assertThat(outbox.parked(10)).isEmpty();
        assertThat(outbox.claimDue(now, 10, lease("b", now))).extracting(c -> c.message().id())
                .contains(message.id());
    }

    @Test
    @DisplayName("NOT-3 concurrent claims by eight dispatchers never hand out one message twice")
    void concurrentClaimsAreExclusive() throws Exception {
        List<OutboxMessageId> written = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            OutboxMessage message = fixtures.message(booking, "cause-" + i, i % 2 == 0 ? CLIENT : PRACTITIONER,
                    i % 3 == 0 ? SMS : EMAIL);
            outbox.append(message);
            written.add(message.id());
        }
        Set<OutboxMessageId> claimed = ConcurrentHashMap.newKeySet();
        List<OutboxMessageId> duplicates = java.util.Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<?>> runs = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                String owner = "dispatcher-" + t;
                runs.add(pool.submit(() -> {
                    start.await();
                    List<ClaimedMessage> batch;
                    do {
                        batch = outbox.claimDue(DUE, 7, lease(owner, DUE));
                        for (ClaimedMessage c : batch) {
                            if (!claimed.add(c.message().id())) {
                                duplicates.add(c.message().id());
                            }
                        }
                    } while (!batch.isEmpty());
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
        assertThat(duplicates).isEmpty();
        assertThat(new HashSet<>(claimed)).containsExactlyInAnyOrderElementsOf(written);
    }

    @Test
    @DisplayName("NOT-3, issue 15: appendAll appends every message, with its parameters, and leaves out those already written for their cause, recipient and channel")
    void appendAllAppendsAndDeduplicates() {
        OutboxMessage written = fixtures.message(booking, "cause-all", CLIENT, EMAIL);
        assertThat(outbox.append(written)).isTrue();
        OutboxMessage replay = fixtures.message(booking, "cause-all", CLIENT, EMAIL);
        OutboxMessage sms = fixtures.message(booking, "cause-all", CLIENT, SMS);
        OutboxMessage withParameters = fixtures.message(booking, "cause-all", PRACTITIONER, EMAIL);

        stores.transactions().inTransaction(() -> {
            outbox.appendAll(java.util.List.of(replay, sms, withParameters));
            return null;
        });
        outbox.appendAll(java.util.List.of());

        assertThat(outbox.aboutBooking(booking.id())).containsExactly(written, sms, withParameters);
    }

}
