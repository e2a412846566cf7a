package org.rendezvous.core.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rendezvous.core.port.contract.StoreFixtures.hours;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.rendezvous.core.JobReport;
import org.rendezvous.core.Reminders;
import org.rendezvous.core.agenda.Activity;
import org.rendezvous.core.agenda.AgendaSettings;
import org.rendezvous.core.booking.Actor;
import org.rendezvous.core.booking.Booking;
import org.rendezvous.core.booking.BookingState;
import org.rendezvous.core.booking.Cause;
import org.rendezvous.core.client.Client;
import org.rendezvous.core.inmemory.InMemoryReminderCandidates;
import org.rendezvous.core.inmemory.InMemoryStores;
import org.rendezvous.core.notification.Channel;
import org.rendezvous.core.notification.MessageKind;
import org.rendezvous.core.notification.OutboxMessage;
import org.rendezvous.core.notification.Recipient;
import org.rendezvous.core.port.Stores;
import org.rendezvous.core.port.contract.StoreFixtures;
import org.rendezvous.core.practitioner.PractitionerId;
import org.rendezvous.core.testing.MutableClock;
import org.rendezvous.core.testing.SequentialIds;

class RemindersTest {

    final StoreFixtures fixtures = new StoreFixtures();
    final MutableClock clock = new MutableClock(hours(0));
    Stores stores;
    PractitionerId anna;
    Activity activity;
    Client client;
    Reminders reminders;

    @BeforeEach
    void setUp() {
        stores = InMemoryStores.create();
        anna = fixtures.registerPractitioner(stores);
        activity = fixtures.addActivity(stores, anna);
        client = fixtures.addClient(stores, anna);
        reminders = newReminders();
    }

    Reminders newReminders() {
        return new Reminders(stores, new InMemoryReminderCandidates(stores.bookings()), new SequentialIds(), clock, 500);
    }

    Booking add(Booking booking) {
        stores.bookings().add(booking);
        return booking;
    }

    List<MessageKind.Route> routes(Booking booking, MessageKind kind) {
        return stores.outbox().aboutBooking(booking.id()).stream().filter(m -> m.kind() == kind)
                .map(m -> new MessageKind.Route(m.recipient(), m.channel())).toList();
    }

    @Test
    @DisplayName("NOT-2 the first reminder goes by e-mail 48 h before, to client and practitioner")
    void firstReminder48hByEmail() {
        Booking booking = add(fixtures.booking(activity, client).start(hours(100)).createdAt(hours(0)).build());

        clock.set(hours(100 - 48).minusSeconds(1));
        assertThat(reminders.planDue().changed()).isZero();
        clock.set(hours(100 - 48));
        assertThat(reminders.planDue().changed()).isEqualTo(1);

        assertThat(routes(booking, MessageKind.FIRST_REMINDER)).containsExactlyInAnyOrder(
                new MessageKind.Route(Recipient.CLIENT, Channel.EMAIL),
                new MessageKind.Route(Recipient.PRACTITIONER, Channel.EMAIL));
        OutboxMessage message = stores.outbox().aboutBooking(booking.id()).get(0);
        assertThat(message.parameters()).containsEntry("start", booking.start().toString());
        assertThat(message.deliverAfter()).isEqualTo(hours(52));
    }

    @Test
    @DisplayName("NOT-2 the second reminder goes by SMS and e-mail 24 h before, to client and practitioner")
    void secondReminder24hBySmsAndEmail() {
        Booking booking = add(fixtures.booking(activity, client).start(hours(100)).createdAt(hours(0)).build());
        clock.set(hours(52));
        reminders.planDue();

        clock.set(hours(76));
        assertThat(reminders.planDue().changed()).isEqualTo(1);

        assertThat(routes(booking, MessageKind.SECOND_REMINDER)).containsExactlyInAnyOrder(
                new MessageKind.Route(Recipient.CLIENT, Channel.EMAIL),
                new MessageKind.Route(Recipient.CLIENT, Channel.SMS),
                new MessageKind.Route(Recipient.PRACTITIONER, Channel.EMAIL),
                new MessageKind.Route(Recipient.PRACTITIONER, Channel.SMS));
        assertThat(routes(booking, MessageKind.FIRST_REMINDER)).hasSize(2);
    }

    @Test
    @DisplayName("NOT-2 planning again, or on two instances at once, writes each reminder once")
    void eachReminderWrittenOnce() throws Exception {
        List<Booking> bookings = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            bookings.add(add(fixtures.booking(activity, client).start(hours(60 + i)).createdAt(hours(0)).build()));
        }
        clock.set(hours(40));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<JobReport>> runs = new ArrayList<>();
        try {
            for (int t = 0; t < 8; t++) {
                Reminders instance = newReminders();
                runs.add(pool.submit(() -> {
                    start.await();
                    return instance.planDue();
                }));
            }
            start.countDown();
            for (Future<JobReport> run : runs) {
                assertThat(run.get(60, TimeUnit.SECONDS).examined()).isEqualTo(40);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(reminders.planDue().changed()).isZero();
        for (Booking booking : bookings) {
            long count = stores.outbox().aboutBooking(booking.id()).size();
            // At hour 40: the second reminder (4 messages) for starts up to 64 h, the first (2 e-mails) up to 88 h.
            long expected = !booking.start().isAfter(hours(64)) ? 4 : !booking.start().isAfter(hours(88)) ? 2 : 0;
            assertThat(count).as("booking at " + booking.start()).isEqualTo(expected);
        }
    }

    @Test
    @DisplayName("NOT-2 a reminder already due when the booking was made is not sent; the next one is")
    void reminderDueAtBookingIsNotSent() {
        Booking booking = add(fixtures.booking(activity, client).start(hours(30)).createdAt(hours(0)).build());

        clock.set(hours(1));
        assertThat(reminders.planDue().changed()).isZero();
        clock.set(hours(6));
        assertThat(reminders.planDue().changed()).isEqualTo(1);

        assertThat(routes(booking, MessageKind.FIRST_REMINDER)).isEmpty();
        assertThat(routes(booking, MessageKind.SECOND_REMINDER)).hasSize(4);
    }

    @Test
    @DisplayName("NOT-2 a booking made less than 24 h ahead gets no reminder at all")
    void lastMinuteBookingGetsNoReminder() {
        Booking booking = add(fixtures.booking(activity, client).start(hours(10)).createdAt(hours(0)).build());

        for (int h = 0; h < 10; h++) {
            clock.set(hours(h));
            reminders.planDue();
        }

        assertThat(stores.outbox().aboutBooking(booking.id())).isEmpty();
    }

    @Test
    @DisplayName("NOT-2 a job catching up after an outage sends only the latest due reminder")
    void catchingUpSendsOnlyTheLatest() {
        Booking booking = add(fixtures.booking(activity, client).start(hours(100)).createdAt(hours(0)).build());

        clock.set(hours(80));
        reminders.planDue();

        assertThat(routes(booking, MessageKind.FIRST_REMINDER)).isEmpty();
        assertThat(routes(booking, MessageKind.SECOND_REMINDER)).hasSize(4);
    }

    @Test
    @DisplayName("NOT-2 a moved booking gets its reminders again for its new time")
    void movedBookingGetsRemindersForItsNewTime() {
        Booking booking = add(fixtures.booking(activity, client).start(hours(100)).createdAt(hours(0)).build());
        clock.set(hours(52));
        reminders.planDue();
        Booking moved = booking.movedTo(hours(150), hours(60), Actor.CLIENT);
        stores.bookings().update(moved, booking.version());

        clock.set(hours(76));
        assertThat(reminders.planDue().changed()).as("nothing for the old time").isZero();
        clock.set(hours(102));
        assertThat(reminders.planDue().changed()).isEqualTo(1);

        List<OutboxMessage> firsts = stores.outbox().aboutBooking(booking.id()).stream()
                .filter(m -> m.kind() == MessageKind.FIRST_REMINDER).toList();
        assertThat(firsts).hasSize(4);
        assertThat(firsts).extracting(m -> m.parameters().get("start"))
                .containsOnly(hours(100).toString(), hours(150).toString());
    }

    @Test
    @DisplayName("NOT-2 a reminder already due when the booking was moved is not sent")
    void reminderDueAtMoveIsNotSent() {
        Booking booking = add(fixtures.booking(activity, client).start(hours(100)).createdAt(hours(0)).build());
        Booking moved = booking.movedTo(hours(40), hours(20), Actor.PRACTITIONER);
        stores.bookings().update(moved, booking.version());

        for (int h = 21; h < 40; h++) {
            clock.set(hours(h));
            reminders.planDue();
        }

        assertThat(stores.outbox().aboutBooking(booking.id())).isEmpty();
    }

    @Test
    @DisplayName("NOT-2 the practitioner's own offsets are used")
    void practitionersOwnOffsets() {
        stores.agendas().saveSettings(anna, AgendaSettings.defaults().withReminders(Duration.ofHours(72),
                Duration.ofHours(2)));
        Booking booking = add(fixtures.booking(activity, client).start(hours(100)).createdAt(hours(0)).build());

        clock.set(hours(27));
        reminders.planDue();
        assertThat(routes(booking, MessageKind.FIRST_REMINDER)).isEmpty();
        clock.set(hours(28));
        reminders.planDue();
        assertThat(routes(booking, MessageKind.FIRST_REMINDER)).hasSize(2);
        clock.set(hours(76));
        assertThat(reminders.planDue().changed()).isZero();
        clock.set(hours(98));
        reminders.planDue();
        assertThat(routes(booking, MessageKind.SECOND_REMINDER)).hasSize(4);
    }

    @Test
    @DisplayName("NOT-2 PENDING, cancelled and past bookings get no reminder")
    void onlyConfirmedUpcomingBookings() {
        Booking pending = add(fixtures.booking(activity, client).state(BookingState.PENDING).start(hours(100))
                .createdAt(hours(0)).build());
        Booking cancelled = add(fixtures.booking(activity, client).state(BookingState.CANCELLED_BY_CLIENT)
                .start(hours(100)).createdAt(hours(0)).build());

        clock.set(hours(80));
        reminders.planDue();

        assertThat(stores.outbox().aboutBooking(pending.id())).isEmpty();
        assertThat(stores.outbox().aboutBooking(cancelled.id())).isEmpty();
    }

    @Test
    @DisplayName("NOT-2 a booking confirmed after a reminder fell due gets only the reminders due after its confirmation")
    void confirmationCountsAsMakingTheBooking() {
        Booking pending = add(fixtures.booking(activity, client).state(BookingState.PENDING).start(hours(100))
                .createdAt(hours(0)).build());
        Booking confirmed = pending.transition(BookingState.CONFIRMED, Cause.CONFIRMED_BY_PRACTITIONER,
                Actor.PRACTITIONER, hours(60), java.util.Optional.empty()).orElseThrow();
        stores.bookings().update(confirmed, pending.version());

        clock.set(hours(61));
        reminders.planDue();
        assertThat(stores.outbox().aboutBooking(pending.id())).isEmpty();
        clock.set(hours(76));
        reminders.planDue();
        assertThat(routes(pending, MessageKind.SECOND_REMINDER)).hasSize(4);
    }

    @Test
    @DisplayName("NOT-2 reminder offsets are validated and default to 48 h and 24 h")
    void offsetsValidated() {
        assertThat(AgendaSettings.defaults().firstReminder()).isEqualTo(Duration.ofHours(48));
        assertThat(AgendaSettings.defaults().secondReminder()).isEqualTo(Duration.ofHours(24));
        assertThat(StoreFixtures.customSettings().withSpacing(Duration.ofMinutes(5)).firstReminder())
                .isEqualTo(Duration.ofHours(48));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> AgendaSettings.defaults()
                        .withReminders(Duration.ofHours(24), Duration.ofHours(48)))
                .hasMessageStartingWith("secondReminder:");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> AgendaSettings.defaults()
                        .withReminders(Duration.ofDays(8), Duration.ofHours(48)))
                .hasMessageStartingWith("firstReminder:");
    }

    @Test
    @DisplayName("NOT-2 every upcoming booking is examined, page after page, even when many start at the same instant")
    void pagesThroughEveryCandidate() {
        List<Booking> bookings = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            bookings.add(add(fixtures.booking(activity, client).start(hours(i < 5 ? 70 : 70 + i)).createdAt(hours(0))
                    .build()));
        }
        add(fixtures.booking(activity, client).start(hours(60 + 24 * 8)).createdAt(hours(0)).build());
        Reminders smallPages = new Reminders(stores, new InMemoryReminderCandidates(stores.bookings()),
                new SequentialIds(), clock, 3);
        clock.set(hours(40));

        JobReport report = smallPages.planDue();

        assertThat(report.examined()).as("the one starting beyond a week is not a candidate").isEqualTo(10);
        assertThat(report.changed()).isEqualTo(10);
        assertThat(bookings).allSatisfy(b -> assertThat(routes(b, MessageKind.FIRST_REMINDER)).hasSize(2));
    }

    @Test
    @DisplayName("reminder candidates: CONFIRMED only, in (after, until], by start then id, after the cursor")
    void candidatesQuery() {
        Booking early = add(fixtures.booking(activity, client).start(hours(10)).build());
        Booking sameStartA = add(fixtures.booking(activity, client).start(hours(20)).build());
        Booking sameStartB = add(fixtures.booking(activity, client).start(hours(20)).build());
        add(fixtures.booking(activity, client).state(BookingState.PENDING).start(hours(15)).build());
        add(fixtures.booking(activity, client).start(hours(30)).build());
        InMemoryReminderCandidates candidates = new InMemoryReminderCandidates(stores.bookings());

        List<Booking> all = candidates.confirmedStartingBetween(hours(10), hours(29), java.util.Optional.empty(), 10);
        List<Booking> afterA = candidates.confirmedStartingBetween(hours(0), hours(29),
                java.util.Optional.of(org.rendezvous.core.port.ReminderCandidates.Cursor.after(all.get(0))), 10);

        assertThat(all).extracting(Booking::start).containsExactly(hours(20), hours(20));
        assertThat(all).containsExactlyInAnyOrder(sameStartA, sameStartB);
        assertThat(afterA).containsExactly(all.get(1));
        assertThat(candidates.confirmedStartingBetween(hours(0), hours(29), java.util.Optional.empty(), 1))
                .containsExactly(early);
    }
}
