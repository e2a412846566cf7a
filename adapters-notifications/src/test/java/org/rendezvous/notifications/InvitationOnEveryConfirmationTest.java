package org.rendezvous.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.DtEnd;
import net.fortuna.ical4j.model.property.DtStart;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.rendezvous.core.EngineSettings;
import org.rendezvous.core.OutboxDispatcher;
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
import org.rendezvous.core.booking.BookingState;
import org.rendezvous.core.booking.CancelByClientCommand;
import org.rendezvous.core.booking.ConfirmBookingCommand;
import org.rendezvous.core.booking.MoveByClientCommand;
import org.rendezvous.core.booking.MoveByPractitionerCommand;
import org.rendezvous.core.booking.RecordGuaranteeCommand;
import org.rendezvous.core.booking.RecordPaymentCommand;
import org.rendezvous.core.booking.TakeWaitlistOfferCommand;
import org.rendezvous.core.client.ClientDetails;
import org.rendezvous.core.idempotency.IdempotencyKey;
import org.rendezvous.core.inmemory.InMemoryStores;
import org.rendezvous.core.money.Money;
import org.rendezvous.core.money.Percent;
import org.rendezvous.core.notification.Channel;
import org.rendezvous.core.notification.DeliverySettings;
import org.rendezvous.core.notification.MessageKind;
import org.rendezvous.core.notification.OutboxMessage;
import org.rendezvous.core.notification.Recipient;
import org.rendezvous.core.outcome.Outcome;
import org.rendezvous.core.policy.CommercialModel;
import org.rendezvous.core.port.Stores;
import org.rendezvous.core.practitioner.PractitionerId;
import org.rendezvous.core.practitioner.RegisterPractitionerCommand;
import org.rendezvous.core.sandbox.SandboxPaymentGateway;
import org.rendezvous.core.testing.MutableClock;
import org.rendezvous.core.testing.SequentialIds;

/**
 * CAL-1 (issue 14): every way a booking becomes CONFIRMED, or a confirmed booking moves, ends in an e-mail to the
 * client that carries the {@code text/calendar} invitation ({@code METHOD:REQUEST}) of the booking as that event
 * left it, delivered by the core's dispatcher through SMTP to GreenMail, even when the booking changed before the
 * e-mail left.
 */
class InvitationOnEveryConfirmationTest {

    @RegisterExtension
    static final GreenMailExtension GREEN_MAIL = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    static final LocalDate MONDAY = LocalDate.of(2025, 6, 2);

    /** Anna in Paris, one in-person Shiatsu (60 min, 60.00 EUR), open Monday to Friday 09:00–12:00. */
    static final class Agenda {
        final MutableClock clock = new MutableClock(MONDAY.atTime(10, 0).atZone(PARIS).toInstant());
        final Stores stores = InMemoryStores.create();
        final Rendezvous engine;
        final PractitionerId anna;
        final Activity shiatsu;
        private final AtomicInteger counter = new AtomicInteger();

        Agenda(UnaryOperator<AgendaSettings> settings) {
            SandboxPaymentGateway gateway = new SandboxPaymentGateway(java.net.URI.create("http://localhost/sandbox/checkout/"),
                    clock);
            engine = Rendezvous.builder().clock(clock).ids(new SequentialIds()).stores(stores).paymentGateway(gateway)
                    .payoutGateway(gateway).settings(EngineSettings.of(CommercialModel.PLATFORM_COLLECTS))
                    .billingGateway(new org.rendezvous.core.sandbox.SandboxBillingGateway(clock)).build();
            anna = engine.practitioners().register(RegisterPractitionerCommand.of("Anna Martin", "anna@example.org", PARIS))
                    .id();
            AgendaSettings current = engine.practitioners().settings(anna).orElseThrow();
            accepted(engine.practitioners().changeSettings(anna, settings.apply(current
                    .withOnlinePayment(OnlinePayment.NONE).withNoShowPercentage(Percent.ZERO))));
            shiatsu = accepted(engine.agenda().addActivity(new AddActivityCommand(anna, "Shiatsu", Duration.ofMinutes(60),
                    Money.of("60.00", "EUR"), Set.of(ConsultationMode.IN_PERSON, ConsultationMode.VIDEO))));
            for (DayOfWeek day : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY,
                    DayOfWeek.FRIDAY)) {
                accepted(engine.agenda().addOpening(anna, OpeningSpec.weekly(day, MONDAY, java.time.LocalTime.of(9, 0),
                        java.time.LocalTime.of(12, 0))));
            }
        }

        Instant at(DayOfWeek day, int hour) {
            return MONDAY.with(TemporalAdjusters.nextOrSame(day)).atTime(hour, 0).atZone(PARIS).toInstant();
        }

        IdempotencyKey key() {
            return IdempotencyKey.of("key-" + counter.incrementAndGet());
        }

        Booking book(Instant start) {
            return book(start, ConsultationMode.IN_PERSON);
        }

        /** A video consultation is paid when booked (PLATFORM_COLLECTS): the booking is HELD until then. */
        Booking book(Instant start, ConsultationMode mode) {
            int n = counter.incrementAndGet();
            return accepted(engine.bookings().book(BookCommand.of(anna, shiatsu.id(), start, mode,
                    ClientDetails.of("Client " + n, "client" + n + "@example.org", "+33 6 12 34 56 78"), Map.of(), key())));
        }

        Booking confirm(Booking pending) {
            return accepted(engine.bookings().confirm(new ConfirmBookingCommand(anna, pending.id(), key())));
        }

        void later() {
            clock.advance(Duration.ofMinutes(3));
        }

        /** Delivers everything due through SMTP to GreenMail. */
        void deliver() {
            SmtpMessageSender smtp = new SmtpMessageSender(SmtpSettings.of("127.0.0.1", GREEN_MAIL.getSmtp().getPort(),
                    SmtpSettings.Security.NONE), Samples.SENDER, Samples.templates(), Samples.invitations(), clock);
            new OutboxDispatcher(stores, smtp, clock, DeliverySettings.of("invitations")).deliverDue();
        }

        /** The e-mails of this kind to the booking's client, in the order the events wrote them. */
        List<MimeMessage> emails(Booking booking, MessageKind kind) {
            List<String> ids = stores.outbox().aboutBooking(booking.id()).stream()
                    .filter(m -> m.kind() == kind && m.recipient() == Recipient.CLIENT && m.channel() == Channel.EMAIL)
                    .map(OutboxMessage::id).map(id -> "<" + id + "@rendezvous.test>").toList();
            assertThat(ids).as("%s e-mails written", kind).isNotEmpty();
            return ids.stream().map(id -> java.util.Arrays.stream(GREEN_MAIL.getReceivedMessages())
                    .filter(mail -> id.equals(messageId(mail))).findFirst()
                    .orElseThrow(() -> new AssertionError("no e-mail " + id + " received"))).toList();
        }

        MimeMessage email(Booking booking, MessageKind kind) {
            List<MimeMessage> all = emails(booking, kind);
            assertThat(all).hasSize(1);
            return all.get(0);
        }
    }

    static String messageId(MimeMessage mail) {
        try {
            return mail.getMessageID();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    static <T> T accepted(Outcome<T> outcome) {
        return outcome.fold(value -> value, rejected -> {
            throw new AssertionError("rejected: " + rejected.reason() + " — " + rejected.detail());
        });
    }

    /** The invitation of an e-mail: the {@code text/calendar} alternative, the same as the attached file. */
    static Calendar invitation(MimeMessage mail) throws Exception {
        assertThat(mail.isMimeType("multipart/mixed")).as("an e-mail with an invitation attached").isTrue();
        Multipart mixed = (Multipart) mail.getContent();
        Multipart alternative = (Multipart) mixed.getBodyPart(0).getContent();
        BodyPart calendarPart = alternative.getBodyPart(alternative.getCount() - 1);
        assertThat(calendarPart.getContentType()).contains("text/calendar");
        Calendar calendar = SmtpMessageSenderTest.parse(calendarPart.getInputStream());
        assertThat(calendarPart.getContentType()).containsIgnoringCase("method=" + SmtpMessageSenderTest.value(calendar,
                Property.METHOD));
        assertThat(SmtpMessageSenderTest.parse(mixed.getBodyPart(1).getInputStream()).toString())
                .isEqualTo(calendar.toString());
        return calendar;
    }

    /** The invitation is METHOD:REQUEST for a CONFIRMED event at these times with this SEQUENCE. */
    static void assertInvites(MimeMessage mail, Instant start, Instant end, int sequence) throws Exception {
        Calendar calendar = invitation(mail);
        assertThat(SmtpMessageSenderTest.value(calendar, Property.METHOD)).isEqualTo("REQUEST");
        VEvent event = calendar.<VEvent>getComponent("VEVENT").orElseThrow();
        assertThat(SmtpMessageSenderTest.value(event, Property.STATUS)).isEqualTo("CONFIRMED");
        assertThat(SmtpMessageSenderTest.value(event, Property.SEQUENCE)).isEqualTo(Integer.toString(sequence));
        assertThat(ZonedDateTime.from(event.<DtStart<?>>getProperty(Property.DTSTART).orElseThrow().getDate()).toInstant())
                .isEqualTo(start);
        assertThat(ZonedDateTime.from(event.<DtEnd<?>>getProperty(Property.DTEND).orElseThrow().getDate()).toInstant())
                .isEqualTo(end);
    }

    @Test
    @DisplayName("CAL-1 confirmed directly (automatic confirmation): the e-mail carries METHOD:REQUEST at the booked time, SEQUENCE 0")
    void confirmedDirectly() throws Exception {
        Agenda a = new Agenda(s -> s.withConfirmation(ConfirmationMode.AUTOMATIC));
        Booking booking = a.book(a.at(DayOfWeek.WEDNESDAY, 9));
        assertThat(booking.state()).isEqualTo(BookingState.CONFIRMED);

        a.deliver();

        assertInvites(a.email(booking, MessageKind.BOOKING_CONFIRMED_AUTOMATICALLY), a.at(DayOfWeek.WEDNESDAY, 9),
                a.at(DayOfWeek.WEDNESDAY, 10), 0);
    }

    @Test
    @DisplayName("CAL-1 confirmed by the practitioner after a request: the request e-mail has no invitation, the confirmation has")
    void confirmedAfterRequest() throws Exception {
        Agenda a = new Agenda(s -> s.withConfirmation(ConfirmationMode.MANUAL));
        Booking booking = a.book(a.at(DayOfWeek.WEDNESDAY, 9));
        a.deliver();
        a.later();
        a.confirm(booking);

        a.deliver();

        assertThat(a.email(booking, MessageKind.BOOKING_REQUESTED).isMimeType("multipart/alternative")).isTrue();
        assertInvites(a.email(booking, MessageKind.BOOKING_CONFIRMED), a.at(DayOfWeek.WEDNESDAY, 9),
                a.at(DayOfWeek.WEDNESDAY, 10), 0);
    }

    @Test
    @DisplayName("CAL-1 BK-3 a prepaid video consultation confirmed once the payment arrived: the confirmation e-mail carries the invitation")
    void confirmedAfterPayment() throws Exception {
        Agenda a = new Agenda(s -> s.withConfirmation(ConfirmationMode.AUTOMATIC));
        Booking held = a.book(a.at(DayOfWeek.WEDNESDAY, 9), ConsultationMode.VIDEO);
        assertThat(held.state()).isEqualTo(BookingState.HELD);
        a.later();
        Booking paid = accepted(a.engine.payments().recordPayment(new RecordPaymentCommand(held.id(), held.price(),
                "pi_" + held.id(), a.key())));
        assertThat(paid.state()).isEqualTo(BookingState.CONFIRMED);

        a.deliver();

        assertInvites(a.email(held, MessageKind.BOOKING_CONFIRMED_AUTOMATICALLY), a.at(DayOfWeek.WEDNESDAY, 9),
                a.at(DayOfWeek.WEDNESDAY, 10), 0);
        assertThat(a.email(held, MessageKind.PAYMENT_RECEIVED).isMimeType("multipart/alternative")).isTrue();
    }

    @Test
    @DisplayName("CAL-1 PAY-2 confirmed once the card guarantee was saved, then by the practitioner: the confirmation carries the invitation")
    void confirmedAfterGuarantee() throws Exception {
        Agenda a = new Agenda(s -> s.withConfirmation(ConfirmationMode.MANUAL).withNoShowPercentage(Percent.of(50)));
        Booking held = a.book(a.at(DayOfWeek.THURSDAY, 11));
        assertThat(held.state()).isEqualTo(BookingState.HELD);
        a.later();
        Booking pending = accepted(a.engine.payments().recordGuarantee(new RecordGuaranteeCommand(held.id(),
                "seti_" + held.id(), a.key())));
        assertThat(pending.state()).isEqualTo(BookingState.PENDING);
        a.later();
        a.confirm(pending);

        a.deliver();

        assertInvites(a.email(held, MessageKind.BOOKING_CONFIRMED), a.at(DayOfWeek.THURSDAY, 11),
                a.at(DayOfWeek.THURSDAY, 12), 0);
    }

    @Test
    @DisplayName("CAL-1 CX-7 confirmed booking moved to a waitlist offer: the move's e-mail invites to the earlier time, SEQUENCE 1")
    void confirmedFromAWaitlistOffer() throws Exception {
        Agenda a = new Agenda(s -> s.withConfirmation(ConfirmationMode.AUTOMATIC).withWaitlistAlerts(true)
                .withDefaultCapacity(1));
        Booking leaving = a.book(a.at(DayOfWeek.WEDNESDAY, 9));
        Booking waiting = a.book(a.at(DayOfWeek.THURSDAY, 9));
        accepted(a.engine.waitlist().join(waiting.accessToken()));
        a.later();
        accepted(a.engine.clientBookings().cancelByClient(new CancelByClientCommand(leaving.accessToken(), a.key())));
        a.later();
        accepted(a.engine.waitlist().takeOffer(new TakeWaitlistOfferCommand(waiting.accessToken(),
                a.at(DayOfWeek.WEDNESDAY, 9), a.key())));

        a.deliver();

        assertInvites(a.email(waiting, MessageKind.BOOKING_CONFIRMED_AUTOMATICALLY), a.at(DayOfWeek.THURSDAY, 9),
                a.at(DayOfWeek.THURSDAY, 10), 0);
        assertInvites(a.email(waiting, MessageKind.MOVED_BY_CLIENT), a.at(DayOfWeek.WEDNESDAY, 9),
                a.at(DayOfWeek.WEDNESDAY, 10), 1);
    }

    @Test
    @DisplayName("CAL-1 BK-7 moved by the client, then by the practitioner: each move's e-mail invites to its own time with a growing SEQUENCE")
    void movedByClientThenPractitioner() throws Exception {
        Agenda a = new Agenda(s -> s.withConfirmation(ConfirmationMode.AUTOMATIC));
        Booking booking = a.book(a.at(DayOfWeek.WEDNESDAY, 9));
        a.deliver();
        a.later();
        accepted(a.engine.clientBookings().moveByClient(new MoveByClientCommand(booking.accessToken(),
                a.at(DayOfWeek.THURSDAY, 9), a.key())));
        a.deliver();
        a.later();
        accepted(a.engine.bookings().moveByPractitioner(new MoveByPractitionerCommand(a.anna, booking.id(),
                a.at(DayOfWeek.FRIDAY, 10), a.key())));

        a.deliver();

        assertInvites(a.email(booking, MessageKind.BOOKING_CONFIRMED_AUTOMATICALLY), a.at(DayOfWeek.WEDNESDAY, 9),
                a.at(DayOfWeek.WEDNESDAY, 10), 0);
        assertInvites(a.email(booking, MessageKind.MOVED_BY_CLIENT), a.at(DayOfWeek.THURSDAY, 9),
                a.at(DayOfWeek.THURSDAY, 10), 1);
        assertInvites(a.email(booking, MessageKind.MOVED_BY_PRACTITIONER), a.at(DayOfWeek.FRIDAY, 10),
                a.at(DayOfWeek.FRIDAY, 11), 2);
    }

    @Test
    @DisplayName("CAL-1 cancelled before the confirmation e-mail left: it still invites as confirmed; the cancellation e-mail is METHOD:CANCEL")
    void cancelledBeforeTheConfirmationLeft() throws Exception {
        Agenda a = new Agenda(s -> s.withConfirmation(ConfirmationMode.MANUAL));
        Booking booking = a.confirm(a.book(a.at(DayOfWeek.WEDNESDAY, 9)));
        accepted(a.engine.clientBookings().cancelByClient(new CancelByClientCommand(booking.accessToken(), a.key())));

        a.deliver();

        assertInvites(a.email(booking, MessageKind.BOOKING_CONFIRMED), a.at(DayOfWeek.WEDNESDAY, 9),
                a.at(DayOfWeek.WEDNESDAY, 10), 0);
        Calendar cancel = invitation(a.email(booking, MessageKind.CANCELLED_BY_CLIENT));
        assertThat(SmtpMessageSenderTest.value(cancel, Property.METHOD)).isEqualTo("CANCEL");
        VEvent event = cancel.<VEvent>getComponent("VEVENT").orElseThrow();
        assertThat(SmtpMessageSenderTest.value(event, Property.STATUS)).isEqualTo("CANCELLED");
        assertThat(SmtpMessageSenderTest.value(event, Property.SEQUENCE)).isEqualTo("1");
    }

    @Test
    @DisplayName("CAL-1 moved twice before the confirmation e-mail left: the confirmation invites to the first time, each move to its own")
    void movedBeforeTheConfirmationLeft() throws Exception {
        Agenda a = new Agenda(s -> s.withConfirmation(ConfirmationMode.AUTOMATIC));
        Booking booking = a.book(a.at(DayOfWeek.WEDNESDAY, 9));
        accepted(a.engine.clientBookings().moveByClient(new MoveByClientCommand(booking.accessToken(),
                a.at(DayOfWeek.THURSDAY, 9), a.key())));
        accepted(a.engine.bookings().moveByPractitioner(new MoveByPractitionerCommand(a.anna, booking.id(),
                a.at(DayOfWeek.FRIDAY, 10), a.key())));

        a.deliver();

        MimeMessage confirmation = a.email(booking, MessageKind.BOOKING_CONFIRMED_AUTOMATICALLY);
        assertInvites(confirmation, a.at(DayOfWeek.WEDNESDAY, 9), a.at(DayOfWeek.WEDNESDAY, 10), 0);
        assertThat(confirmation.getSubject()).as("its text speaks of the time it confirmed, as its invitation does")
                .isEqualTo("Rendez-vous confirmé avec Anna Martin – mercredi 4 juin à 09h00");
        assertInvites(a.email(booking, MessageKind.MOVED_BY_CLIENT), a.at(DayOfWeek.THURSDAY, 9),
                a.at(DayOfWeek.THURSDAY, 10), 1);
        MimeMessage moved = a.email(booking, MessageKind.MOVED_BY_PRACTITIONER);
        assertInvites(moved, a.at(DayOfWeek.FRIDAY, 10), a.at(DayOfWeek.FRIDAY, 11), 2);
        assertThat(moved.getSubject()).contains("vendredi 6 juin à 10h00");
    }

    @Test
    @DisplayName("CAL-1 completed before the confirmation e-mail left (a late delivery): it still carries the invitation")
    void completedBeforeTheConfirmationLeft() throws Exception {
        Agenda a = new Agenda(s -> s.withConfirmation(ConfirmationMode.AUTOMATIC));
        Booking booking = a.book(a.at(DayOfWeek.TUESDAY, 9));
        a.clock.set(a.at(DayOfWeek.TUESDAY, 11));
        a.engine.jobs().completeEnded();
        Optional<Booking> after = a.engine.bookings().find(a.anna, booking.id());
        assertThat(after.orElseThrow().state()).isEqualTo(BookingState.COMPLETED);

        a.deliver();

        assertInvites(a.email(booking, MessageKind.BOOKING_CONFIRMED_AUTOMATICALLY), a.at(DayOfWeek.TUESDAY, 9),
                a.at(DayOfWeek.TUESDAY, 10), 0);
    }
}
