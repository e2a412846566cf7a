package org.rendezvous.core.lifecycle;

import static java.time.DayOfWeek.FRIDAY;
import static java.time.DayOfWeek.MONDAY;
import static java.time.DayOfWeek.THURSDAY;
import static java.time.DayOfWeek.TUESDAY;
import static java.time.DayOfWeek.WEDNESDAY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.rendezvous.core.lifecycle.Scenario.PRICE;
import static org.rendezvous.core.lifecycle.Scenario.accepted;
import static org.rendezvous.core.lifecycle.Scenario.eur;
import static org.rendezvous.core.lifecycle.Scenario.rejected;
import static org.rendezvous.core.lifecycle.Scenario.routes;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.rendezvous.core.JobReport;
import org.rendezvous.core.agenda.BookingForm;
import org.rendezvous.core.agenda.ChangeActivityCommand;
import org.rendezvous.core.agenda.ConfirmationMode;
import org.rendezvous.core.agenda.ConsultationMode;
import org.rendezvous.core.agenda.FormField;
import org.rendezvous.core.agenda.OnlinePayment;
import org.rendezvous.core.booking.Actor;
import org.rendezvous.core.booking.BookCommand;
import org.rendezvous.core.booking.BookedBy;
import org.rendezvous.core.booking.Booking;
import org.rendezvous.core.booking.BookingState;
import org.rendezvous.core.booking.BookingTerms;
import org.rendezvous.core.booking.CancelByClientCommand;
import org.rendezvous.core.booking.CancelByPractitionerCommand;
import org.rendezvous.core.booking.Cause;
import org.rendezvous.core.booking.ConfirmBookingCommand;
import org.rendezvous.core.booking.EnterBookingCommand;
import org.rendezvous.core.booking.MoveByClientCommand;
import org.rendezvous.core.booking.RefuseBookingCommand;
import org.rendezvous.core.booking.ReportNoShowCommand;
import org.rendezvous.core.booking.Transition;
import org.rendezvous.core.client.ClientDetails;
import org.rendezvous.core.contact.EmailAddress;
import org.rendezvous.core.contact.Language;
import org.rendezvous.core.contact.PersonName;
import org.rendezvous.core.contact.PhoneNumber;
import org.rendezvous.core.money.Percent;
import org.rendezvous.core.notification.MessageKind;
import org.rendezvous.core.notification.OutboxMessage;
import org.rendezvous.core.notification.Recipient;
import org.rendezvous.core.outcome.Outcome;
import org.rendezvous.core.outcome.Reason;
import org.rendezvous.core.policy.CommercialModel;
import org.rendezvous.core.policy.MoneyDecision;
import org.rendezvous.core.policy.PaymentArrangement;

/** The booking lifecycle: BK-1, BK-2, BK-4, BK-5, BK-6 and BK-9, through the façade. */
class BookingLifecycleTest {

    // BK-1 booking

    @Test
    @DisplayName("BK-1 a client books with a name, an e-mail and a phone number normalised to E.164, without an account")
    void clientBooksWithoutAccount() {
        Scenario s = Scenario.create();
        ClientDetails camille = new ClientDetails(PersonName.of("  Camille Durand "),
                EmailAddress.of(" Camille.Durand@Example.org "), PhoneNumber.of("0033 6 12 34 56 78"), Language.FRENCH);

        Booking booking = s.book(s.at(WEDNESDAY, 9), camille);

        assertThat(PhoneNumber.of("0033 6 12 34 56 78").value()).isEqualTo("+33612345678");
        assertThat(PhoneNumber.of("+33 6.12-34 (56) 78").value()).isEqualTo("+33612345678");
        assertThat(booking.client().phone().value()).isEqualTo("+33612345678");
        assertThat(booking.client().email().value()).isEqualTo("camille.durand@example.org");
        assertThat(booking.client().name().value()).isEqualTo("Camille Durand");
        assertThat(booking.activityId()).isEqualTo(s.shiatsu.id());
        assertThat(booking.mode()).isEqualTo(ConsultationMode.IN_PERSON);
        assertThat(booking.start()).isEqualTo(s.at(WEDNESDAY, 9));
        assertThat(booking.end()).isEqualTo(s.at(WEDNESDAY, 10));
        assertThat(booking.bookedBy()).isEqualTo(BookedBy.CLIENT);
        assertThat(s.engine.clientBookings().findByLink(booking.accessToken())).contains(booking);
        assertThat(s.engine.clients().lookUp(s.anna, EmailAddress.of("camille.durand@example.org")))
                .contains(booking.client());
        assertThatThrownBy(() -> PhoneNumber.of("06 12 34 56 78"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("phone");
    }

    @Test
    @DisplayName("BK-1 the booking form's required answers are enforced: MISSING_REQUIRED_ANSWER, INVALID_ANSWER")
    void bookingFormAnswers() {
        Scenario s = Scenario.with(settings -> settings.withForm(new BookingForm(List.of(
                FormField.required("reason", "Reason for the visit"),
                new FormField("allergies", "Allergies", false, 20)))));
        Instant start = s.at(WEDNESDAY, 9);

        var missing = rejected(bookWithAnswers(s, start, Map.of("allergies", "none")));
        var blank = rejected(bookWithAnswers(s, start, Map.of("reason", "   ")));
        var unknown = rejected(bookWithAnswers(s, start, Map.of("reason", "Back pain", "shoe-size", "42")));
        var tooLong = rejected(bookWithAnswers(s, start, Map.of("reason", "Back pain", "allergies", "x".repeat(21))));

        assertThat(missing.reason()).isEqualTo(Reason.MISSING_REQUIRED_ANSWER);
        assertThat(missing.detail()).contains("answers.reason");
        assertThat(blank.reason()).isEqualTo(Reason.MISSING_REQUIRED_ANSWER);
        assertThat(unknown.reason()).isEqualTo(Reason.INVALID_ANSWER);
        assertThat(unknown.detail()).contains("answers.shoe-size");
        assertThat(tooLong.reason()).isEqualTo(Reason.INVALID_ANSWER);
        assertThat(tooLong.detail()).contains("answers.allergies");
        // Bad input: what PostgreSQL refuses (NUL) or stores altered (a lone surrogate) is refused first.
        var nul = rejected(bookWithAnswers(s, start, Map.of("reason", "Back\u0000pain")));
        var surrogate = rejected(bookWithAnswers(s, start, Map.of("reason", "Back pain \uD800")));
        assertThat(nul.reason()).isEqualTo(Reason.INVALID_ANSWER);
        assertThat(nul.detail()).isEqualTo("answers.reason: must not contain control characters other than line breaks");
        assertThat(surrogate.reason()).isEqualTo(Reason.INVALID_ANSWER);
        assertThat(surrogate.detail()).isEqualTo("answers.reason: must be valid Unicode text");
        assertThat(s.startTimes(s.date(WEDNESDAY))).contains(LocalTime.of(9, 0));

        Booking booking = accepted(bookWithAnswers(s, start, Map.of("reason", "Back pain")));
        assertThat(booking.answers()).containsExactly(Map.entry("reason", "Back pain"));
    }

    private static Outcome<Booking> bookWithAnswers(Scenario s, Instant start, Map<String, String> answers) {
        return s.engine.bookings().book(BookCommand.of(s.anna, s.shiatsu.id(), start, ConsultationMode.IN_PERSON,
                s.newClient(), answers, s.key()));
    }

    // BK-2 states and transitions

    @Test
    @DisplayName("BK-2 every change of state is recorded with its instant, its cause and who caused it")
    void transitionsAreRecorded() {
        Scenario s = Scenario.create();
        Instant t0 = s.now();
        Booking booked = s.book(s.at(FRIDAY, 9));
        s.clock.advance(Duration.ofHours(1));
        Instant t1 = s.now();
        s.confirm(booked);
        s.clock.advance(Duration.ofMinutes(30));
        Instant t2 = s.now();

        Booking cancelled = accepted(s.engine.clientBookings().cancelByClient(new CancelByClientCommand(booked.accessToken(), s.key())));

        assertThat(cancelled.history()).containsExactly(
                new Transition(Optional.empty(), BookingState.PENDING, t0, Cause.BOOKED, Actor.CLIENT),
                new Transition(Optional.of(BookingState.PENDING), BookingState.CONFIRMED, t1,
                        Cause.CONFIRMED_BY_PRACTITIONER, Actor.PRACTITIONER),
                new Transition(Optional.of(BookingState.CONFIRMED), BookingState.CANCELLED_BY_CLIENT, t2,
                        Cause.CANCELLED_BY_CLIENT, Actor.CLIENT));
        assertThat(s.reload(booked).history()).isEqualTo(cancelled.history());
    }

    @Test
    @DisplayName("BK-2 a transition the lifecycle does not list is refused with ILLEGAL_TRANSITION and changes nothing")
    void illegalTransitionsRefused() {
        Scenario s = Scenario.create();
        Booking pending = s.book(s.at(WEDNESDAY, 9));
        Booking confirmed = s.bookConfirmed(s.at(WEDNESDAY, 10));
        Booking cancelled = accepted(s.engine.clientBookings().cancelByClient(
                new CancelByClientCommand(s.book(s.at(WEDNESDAY, 11)).accessToken(), s.key())));
        int messagesBefore = s.messages(cancelled).size();

        var confirmCancelled = rejected(s.engine.bookings().confirm(new ConfirmBookingCommand(s.anna, cancelled.id(), s.key())));
        assertThat(confirmCancelled.reason()).isEqualTo(Reason.ILLEGAL_TRANSITION);
        assertThat(confirmCancelled.detail()).startsWith("state").contains("CANCELLED_BY_CLIENT");
        assertThat(rejected(s.engine.clientBookings().cancelByClient(new CancelByClientCommand(cancelled.accessToken(), s.key())))
                .reason()).isEqualTo(Reason.ILLEGAL_TRANSITION);
        assertThat(rejected(s.engine.bookings().cancelByPractitioner(
                new CancelByPractitionerCommand(s.anna, cancelled.id(), s.key()))).reason()).isEqualTo(Reason.ILLEGAL_TRANSITION);
        assertThat(rejected(s.engine.clientBookings().moveByClient(
                new MoveByClientCommand(cancelled.accessToken(), s.at(THURSDAY, 9), s.key()))).reason())
                .isEqualTo(Reason.ILLEGAL_TRANSITION);
        assertThat(rejected(s.engine.bookings().refuse(new RefuseBookingCommand(s.anna, confirmed.id(), s.key()))).reason())
                .isEqualTo(Reason.ILLEGAL_TRANSITION);
        assertThat(rejected(s.engine.bookings().confirm(new ConfirmBookingCommand(s.anna, confirmed.id(), s.key()))).reason())
                .isEqualTo(Reason.ILLEGAL_TRANSITION);
        s.setClock(s.at(WEDNESDAY, 9, 30));
        assertThat(rejected(s.engine.bookings().reportNoShow(new ReportNoShowCommand(s.anna, pending.id(), s.key()))).reason())
                .isEqualTo(Reason.ILLEGAL_TRANSITION);

        assertThat(s.reload(cancelled).version()).isEqualTo(cancelled.version());
        assertThat(s.reload(cancelled).state()).isEqualTo(BookingState.CANCELLED_BY_CLIENT);
        assertThat(s.reload(confirmed).version()).isEqualTo(confirmed.version());
        assertThat(s.reload(pending).state()).isEqualTo(BookingState.PENDING);
        assertThat(s.messages(cancelled)).hasSize(messagesBefore);
        assertThat(BookingState.CANCELLED_BY_CLIENT.isFinal()).isTrue();
        assertThat(BookingState.COMPLETED.successors()).containsExactly(BookingState.NO_SHOW);
    }

    // BK-4 confirmation

    @Test
    @DisplayName("BK-4 with manual confirmation (the default) a booking waits in PENDING until the practitioner confirms")
    void manualConfirmation() {
        Scenario s = Scenario.create();
        assertThat(s.settings().confirmation()).isEqualTo(ConfirmationMode.MANUAL);

        Booking pending = s.book(s.at(WEDNESDAY, 9));

        assertThat(pending.state()).isEqualTo(BookingState.PENDING);
        assertThat(pending.expiresAt()).contains(s.at(WEDNESDAY, 7));
        assertThat(s.engine.bookings().pendingRequests(s.anna).orElseThrow()).containsExactly(pending);
        s.assertAnnounced(pending, MessageKind.BOOKING_REQUESTED);

        Booking confirmed = s.confirm(pending);

        assertThat(confirmed.state()).isEqualTo(BookingState.CONFIRMED);
        assertThat(confirmed.expiresAt()).isEmpty();
        assertThat(s.engine.bookings().pendingRequests(s.anna).orElseThrow()).isEmpty();
        s.assertAnnounced(confirmed, MessageKind.BOOKING_CONFIRMED);
        assertThat(s.kinds(confirmed)).containsExactly(MessageKind.BOOKING_REQUESTED, MessageKind.BOOKING_CONFIRMED);
    }

    @Test
    @DisplayName("BK-4 with automatic confirmation a booking goes straight to CONFIRMED, and so does a paid hold")
    void automaticConfirmation() {
        Scenario s = Scenario.with(settings -> settings.withConfirmation(ConfirmationMode.AUTOMATIC));

        Booking booking = s.book(s.at(WEDNESDAY, 9));
        Booking paid = s.pay(s.book(s.at(WEDNESDAY, 10), ConsultationMode.VIDEO));

        assertThat(booking.state()).isEqualTo(BookingState.CONFIRMED);
        assertThat(booking.history()).containsExactly(
                new Transition(Optional.empty(), BookingState.CONFIRMED, s.now(), Cause.BOOKED, Actor.CLIENT));
        s.assertAnnounced(booking, MessageKind.BOOKING_CONFIRMED_AUTOMATICALLY);
        assertThat(s.kinds(booking)).containsExactly(MessageKind.BOOKING_CONFIRMED_AUTOMATICALLY);
        assertThat(paid.state()).isEqualTo(BookingState.CONFIRMED);
        assertThat(paid.history()).extracting(Transition::to).containsExactly(BookingState.HELD, BookingState.CONFIRMED);
        assertThat(s.kinds(paid)).containsExactly(MessageKind.PAYMENT_RECEIVED, MessageKind.BOOKING_CONFIRMED_AUTOMATICALLY);
    }

    @Test
    @DisplayName("BK-4 a refused request becomes REFUSED with a full refund and the client is told")
    void refusal() {
        Scenario s = Scenario.create();
        Booking onSite = s.book(s.at(WEDNESDAY, 9));
        Booking prepaid = s.pay(s.book(s.at(WEDNESDAY, 10), ConsultationMode.VIDEO));
        assertThat(prepaid.state()).isEqualTo(BookingState.PENDING);

        Booking refusedOnSite = accepted(s.engine.bookings().refuse(new RefuseBookingCommand(s.anna, onSite.id(), s.key())));
        Booking refusedPrepaid = accepted(s.engine.bookings().refuse(new RefuseBookingCommand(s.anna, prepaid.id(), s.key())));

        assertThat(refusedOnSite.state()).isEqualTo(BookingState.REFUSED);
        assertThat(refusedOnSite.settlement()).contains(new MoneyDecision.NoMoneyMoves());
        assertThat(refusedPrepaid.state()).isEqualTo(BookingState.REFUSED);
        assertThat(refusedPrepaid.settlement()).contains(new MoneyDecision.RefundInFull(PRICE));
        assertThat(refusedPrepaid.history().get(refusedPrepaid.history().size() - 1))
                .isEqualTo(new Transition(Optional.of(BookingState.PENDING), BookingState.REFUSED, s.now(),
                        Cause.REFUSED_BY_PRACTITIONER, Actor.PRACTITIONER));
        s.assertAnnounced(refusedPrepaid, MessageKind.BOOKING_REFUSED);
        assertThat(s.startTimes(s.date(WEDNESDAY))).contains(LocalTime.of(9, 0), LocalTime.of(10, 0));
    }

    @Test
    @DisplayName("BK-4 a refused request with a card guarantee releases the guarantee")
    void refusalReleasesGuarantee() {
        Scenario s = Scenario.with(settings -> settings.withNoShowPercentage(Percent.of(50)));
        Booking guaranteed = s.guarantee(s.book(s.at(WEDNESDAY, 9)));
        assertThat(guaranteed.state()).isEqualTo(BookingState.PENDING);
        assertThat(guaranteed.guaranteeSaved()).isTrue();

        Booking refused = accepted(s.engine.bookings().refuse(new RefuseBookingCommand(s.anna, guaranteed.id(), s.key())));

        assertThat(refused.settlement()).contains(new MoneyDecision.ReleaseGuarantee());
        assertThat(refused.settlement().get().amountCharged()).isEmpty();
    }

    @Test
    @DisplayName("BK-4 a request unanswered at start − minimum notice expires with a full refund and both sides are told")
    void unansweredRequestExpires() {
        Scenario s = Scenario.create();
        Booking prepaid = s.pay(s.book(s.at(WEDNESDAY, 9), ConsultationMode.VIDEO));
        Booking onSite = s.book(s.at(WEDNESDAY, 10));
        assertThat(prepaid.state()).isEqualTo(BookingState.PENDING);
        assertThat(prepaid.expiresAt()).contains(s.at(WEDNESDAY, 7));

        s.setClock(s.at(WEDNESDAY, 7).minusSeconds(1));
        assertThat(s.engine.jobs().expireOverdue().changed()).isZero();
        assertThat(s.reload(prepaid).state()).isEqualTo(BookingState.PENDING);

        s.setClock(s.at(WEDNESDAY, 7));
        assertThat(rejected(s.engine.bookings().confirm(new ConfirmBookingCommand(s.anna, prepaid.id(), s.key()))).reason())
                .isEqualTo(Reason.REQUEST_EXPIRED);
        JobReport report = s.engine.jobs().expireOverdue();

        assertThat(report.changed()).isEqualTo(1);
        Booking expired = s.reload(prepaid);
        assertThat(expired.state()).isEqualTo(BookingState.EXPIRED);
        assertThat(expired.settlement()).contains(new MoneyDecision.RefundInFull(PRICE));
        assertThat(expired.history().get(expired.history().size() - 1)).isEqualTo(new Transition(
                Optional.of(BookingState.PENDING), BookingState.EXPIRED, s.at(WEDNESDAY, 7), Cause.REQUEST_EXPIRED, Actor.SYSTEM));
        s.assertAnnounced(expired, MessageKind.REQUEST_EXPIRED);
        assertThat(s.messages(expired, MessageKind.REQUEST_EXPIRED)).extracting(OutboxMessage::recipient)
                .contains(Recipient.PRACTITIONER, Recipient.CLIENT);
        assertThat(s.reload(onSite).state()).isEqualTo(BookingState.PENDING);

        s.setClock(s.at(WEDNESDAY, 8));
        assertThat(s.engine.jobs().expireOverdue().changed()).isEqualTo(1);
        assertThat(s.reload(onSite).state()).isEqualTo(BookingState.EXPIRED);
        assertThat(s.reload(onSite).settlement()).contains(new MoneyDecision.NoMoneyMoves());
        assertThat(s.engine.jobs().expireOverdue().changed()).isZero();
    }

    @Test
    @DisplayName("BK-4 the practitioner is reminded of a pending request 2 h and 24 h after it arrived, each once")
    void remindersOfUnansweredRequests() {
        Scenario s = Scenario.create();
        Instant arrived = s.now();
        Booking pending = s.book(s.at(THURSDAY, 9));
        Booking answered = s.confirm(s.book(s.at(THURSDAY, 10)));

        s.setClock(arrived.plus(Duration.ofHours(2)).minusSeconds(1));
        s.engine.jobs().remindUnansweredRequests();
        assertThat(s.messages(pending, MessageKind.REQUEST_UNANSWERED)).isEmpty();

        s.setClock(arrived.plus(Duration.ofHours(2)));
        assertThat(s.engine.jobs().remindUnansweredRequests().changed()).isEqualTo(1);
        s.assertAnnounced(pending, MessageKind.REQUEST_UNANSWERED);
        s.clock.advance(Duration.ofMinutes(10));
        assertThat(s.engine.jobs().remindUnansweredRequests().changed()).isZero();
        assertThat(s.messages(pending, MessageKind.REQUEST_UNANSWERED)).hasSize(2);

        s.setClock(arrived.plus(Duration.ofHours(24)).minusSeconds(1));
        s.engine.jobs().remindUnansweredRequests();
        assertThat(s.messages(pending, MessageKind.REQUEST_UNANSWERED)).hasSize(2);

        s.setClock(arrived.plus(Duration.ofHours(24)));
        assertThat(s.engine.jobs().remindUnansweredRequests().changed()).isEqualTo(1);
        s.engine.jobs().remindUnansweredRequests();
        List<OutboxMessage> reminders = s.messages(pending, MessageKind.REQUEST_UNANSWERED);
        assertThat(routes(reminders)).containsExactlyInAnyOrder(
                new MessageKind.Route(Recipient.PRACTITIONER, org.rendezvous.core.notification.Channel.SMS),
                new MessageKind.Route(Recipient.PRACTITIONER, org.rendezvous.core.notification.Channel.EMAIL),
                new MessageKind.Route(Recipient.PRACTITIONER, org.rendezvous.core.notification.Channel.SMS),
                new MessageKind.Route(Recipient.PRACTITIONER, org.rendezvous.core.notification.Channel.EMAIL));
        // One cause per reminder (2 h, 24 h), each on both channels.
        assertThat(reminders.stream().map(OutboxMessage::causeKey).distinct()).hasSize(2);
        assertThat(reminders).extracting(OutboxMessage::deduplicationKey).doesNotHaveDuplicates();
        assertThat(s.messages(answered, MessageKind.REQUEST_UNANSWERED)).isEmpty();
    }

    // BK-5 completion

    @Test
    @DisplayName("BK-5 a confirmed booking becomes COMPLETED once its end has passed, and can still become NO_SHOW")
    void completionThenNoShow() {
        Scenario s = Scenario.create();
        Booking confirmed = s.bookConfirmed(s.at(TUESDAY, 9));
        Booking pending = s.book(s.at(TUESDAY, 11));

        s.setClock(s.at(TUESDAY, 10).minusSeconds(1));
        assertThat(s.engine.jobs().completeEnded().changed()).isZero();
        assertThat(s.reload(confirmed).state()).isEqualTo(BookingState.CONFIRMED);

        s.setClock(s.at(TUESDAY, 10));
        assertThat(s.engine.jobs().completeEnded().changed()).isEqualTo(1);
        Booking completed = s.reload(confirmed);
        assertThat(completed.state()).isEqualTo(BookingState.COMPLETED);
        assertThat(completed.history().get(completed.history().size() - 1)).isEqualTo(new Transition(
                Optional.of(BookingState.CONFIRMED), BookingState.COMPLETED, s.at(TUESDAY, 10), Cause.ENDED, Actor.SYSTEM));
        assertThat(s.engine.jobs().completeEnded().changed()).isZero();
        s.setClock(s.at(TUESDAY, 13));
        s.engine.jobs().completeEnded();
        assertThat(s.reload(pending).state()).isEqualTo(BookingState.PENDING);

        // The report window closes 48 h after the end: Thursday 10:00.
        s.setClock(s.at(THURSDAY, 10));
        Booking noShow = accepted(s.engine.bookings().reportNoShow(new ReportNoShowCommand(s.anna, confirmed.id(), s.key())));

        assertThat(noShow.state()).isEqualTo(BookingState.NO_SHOW);
        assertThat(noShow.history()).extracting(Transition::to).containsExactly(BookingState.PENDING,
                BookingState.CONFIRMED, BookingState.COMPLETED, BookingState.NO_SHOW);
        assertThat(noShow.history().get(3).actor()).isEqualTo(Actor.PRACTITIONER);
        assertThat(noShow.history().get(3).cause()).isEqualTo(Cause.NO_SHOW_REPORTED);
    }

    @Test
    @DisplayName("BK-5 once the report window has closed a completed booking stays COMPLETED")
    void completedAfterWindowStays() {
        Scenario s = Scenario.create();
        Booking confirmed = s.bookConfirmed(s.at(TUESDAY, 9));
        s.setClock(s.at(TUESDAY, 12));
        s.engine.jobs().completeEnded();

        s.setClock(s.at(THURSDAY, 10).plusSeconds(1));
        var late = rejected(s.engine.bookings().reportNoShow(new ReportNoShowCommand(s.anna, confirmed.id(), s.key())));

        assertThat(late.reason()).isEqualTo(Reason.OUTSIDE_NO_SHOW_REPORT_WINDOW);
        assertThat(s.reload(confirmed).state()).isEqualTo(BookingState.COMPLETED);
    }

    // BK-6 manual entry

    @Test
    @DisplayName("BK-6 a booking the practitioner enters for a known e-mail takes the client's details from the client file")
    void enteredBookingFilledFromClientFile() {
        Scenario s = Scenario.create();
        ClientDetails camille = ClientDetails.of("Camille Durand", "camille@example.org", "+33 6 12 34 56 78");
        Booking online = s.book(s.at(WEDNESDAY, 9), camille);

        assertThat(s.engine.clients().lookUp(s.anna, EmailAddress.of("Camille@Example.org"))).contains(camille);
        Booking entered = accepted(s.engine.bookings().enter(new EnterBookingCommand(s.anna, s.shiatsu.id(),
                s.at(THURSDAY, 15), ConsultationMode.IN_PERSON, EmailAddress.of("camille@example.org"), Optional.empty(),
                Optional.empty(), Optional.empty(), new TreeMap<>(), s.key())));

        assertThat(entered.client()).isEqualTo(camille);
        assertThat(entered.clientId()).isEqualTo(online.clientId());
        assertThat(entered.state()).isEqualTo(BookingState.CONFIRMED);
        assertThat(entered.bookedBy()).isEqualTo(BookedBy.PRACTITIONER);
        assertThat(entered.terms().payment()).isEqualTo(PaymentArrangement.ON_SITE);
        assertThat(entered.history()).containsExactly(new Transition(Optional.empty(), BookingState.CONFIRMED, s.now(),
                Cause.BOOKED, Actor.PRACTITIONER));
        s.assertAnnounced(entered, MessageKind.BOOKING_CONFIRMED);
        assertThat(s.engine.clients().clients(s.anna)).hasSize(1);
        assertThat(s.engine.clients().bookingsOf(s.anna, online.clientId())).extracting(Booking::id)
                .containsExactly(online.id(), entered.id());
    }

    @Test
    @DisplayName("BK-6 an unknown e-mail without name and phone is refused with CLIENT_DETAILS_REQUIRED; with them the client is filed")
    void enteredBookingForANewClient() {
        Scenario s = Scenario.create();
        EmailAddress newcomer = EmailAddress.of("newcomer@example.org");

        var refused = rejected(s.engine.bookings().enter(new EnterBookingCommand(s.anna, s.shiatsu.id(), s.at(WEDNESDAY, 9),
                ConsultationMode.IN_PERSON, newcomer, Optional.empty(), Optional.empty(), Optional.empty(), new TreeMap<>(),
                s.key())));

        assertThat(refused.reason()).isEqualTo(Reason.CLIENT_DETAILS_REQUIRED);
        assertThat(refused.detail()).startsWith("name");
        assertThat(s.engine.clients().lookUp(s.anna, newcomer)).isEmpty();
        assertThat(s.engine.agenda().bookingsBetween(s.anna, s.date(WEDNESDAY), s.date(WEDNESDAY)).orElseThrow()).isEmpty();

        Booking entered = accepted(s.engine.bookings().enter(new EnterBookingCommand(s.anna, s.shiatsu.id(),
                s.at(WEDNESDAY, 9), ConsultationMode.IN_PERSON, newcomer, Optional.of(PersonName.of("Noé Petit")),
                Optional.of(PhoneNumber.of("0033 7 00 00 00 01")), Optional.of(Language.ENGLISH), new TreeMap<>(), s.key())));

        assertThat(entered.client().phone().value()).isEqualTo("+33700000001");
        assertThat(s.engine.clients().lookUp(s.anna, newcomer)).contains(entered.client());
        assertThat(rejected(s.engine.bookings().enter(new EnterBookingCommand(s.anna, s.shiatsu.id(),
                s.at(MONDAY, 8), ConsultationMode.IN_PERSON, newcomer, Optional.empty(), Optional.empty(), Optional.empty(),
                new TreeMap<>(), s.key()))).reason()).isEqualTo(Reason.START_IN_THE_PAST);
    }

    @Test
    @DisplayName("BK-6, Bad input: a booking entered by hand may leave a required question open, but an answer to a question not asked or past its length is refused with INVALID_ANSWER")
    void enteredBookingAnswersChecked() {
        Scenario s = Scenario.with(settings -> settings.withForm(new BookingForm(List.of(
                FormField.required("reason", "Reason for the visit"),
                new FormField("allergies", "Allergies", false, 20)))));
        EmailAddress newcomer = EmailAddress.of("newcomer@example.org");
        java.util.function.Function<Map<String, String>, EnterBookingCommand> entry = answers -> new EnterBookingCommand(s.anna,
                s.shiatsu.id(), s.at(WEDNESDAY, 9), ConsultationMode.IN_PERSON, newcomer,
                Optional.of(PersonName.of("Noé Petit")), Optional.of(PhoneNumber.of("+33 7 00 00 00 01")), Optional.empty(),
                new TreeMap<>(answers), s.key());

        var unknown = rejected(s.engine.bookings().enter(entry.apply(Map.of("'; drop table bookings; --", "x"))));
        var tooLong = rejected(s.engine.bookings().enter(entry.apply(Map.of("allergies", "x".repeat(21)))));

        assertThat(unknown.reason()).isEqualTo(Reason.INVALID_ANSWER);
        assertThat(tooLong.reason()).isEqualTo(Reason.INVALID_ANSWER);
        assertThat(tooLong.detail()).startsWith("answers.allergies");
        assertThat(s.engine.agenda().bookingsBetween(s.anna, s.date(WEDNESDAY), s.date(WEDNESDAY)).orElseThrow()).isEmpty();
        assertThat(accepted(s.engine.bookings().enter(entry.apply(Map.of("allergies", "none")))).answers())
                .containsEntry("allergies", "none");
    }

    // BK-9 frozen terms

    @Test
    @DisplayName("BK-9 price, cancellation deadline and no-show percentage are frozen at booking; new settings apply to later bookings")
    void termsFrozenAtBooking() {
        Scenario s = Scenario.with(settings -> settings.withNoShowPercentage(Percent.of(50)));
        Booking early = s.bookGuaranteedConfirmed(s.at(FRIDAY, 9));
        Booking late = s.bookGuaranteedConfirmed(s.at(FRIDAY, 10));
        BookingTerms frozen = early.terms();
        assertThat(frozen.price()).isEqualTo(PRICE);
        assertThat(frozen.cancellationDeadline()).isEqualTo(Duration.ofHours(24));
        assertThat(frozen.noShowPercentage()).isEqualTo(Percent.of(50));
        assertThat(frozen.payment()).isEqualTo(PaymentArrangement.ON_SITE_WITH_GUARANTEE);

        s.changeSettings(settings -> settings.withNoShowPercentage(Percent.of(100))
                .withCancellationDeadline(Duration.ofHours(48)));
        accepted(s.engine.agenda().changeActivity(new ChangeActivityCommand(s.anna, s.shiatsu.id(), "Shiatsu",
                Duration.ofMinutes(60), eur("80.00"), s.shiatsu.modes(), true)));

        assertThat(s.reload(early).terms()).isEqualTo(frozen);
        assertThat(s.reload(early).price()).isEqualTo(PRICE);
        // 30 h before: early under the frozen 24 h deadline, although late under the new 48 h one.
        s.setClock(s.at(THURSDAY, 3));
        Booking cancelledEarly = accepted(s.engine.clientBookings().cancelByClient(new CancelByClientCommand(early.accessToken(), s.key())));
        assertThat(cancelledEarly.settlement()).contains(new MoneyDecision.ReleaseGuarantee());
        // 10 h before: late, charged the frozen 50 % of the frozen 60.00, not 100 % of 80.00.
        s.setClock(s.at(FRIDAY, 0));
        Booking cancelledLate = accepted(s.engine.clientBookings().cancelByClient(new CancelByClientCommand(late.accessToken(), s.key())));
        assertThat(cancelledLate.settlement()).contains(new MoneyDecision.ChargeGuarantee(eur("30.00")));

        Booking later = s.book(s.at(s.date(MONDAY, 1), 10, 0));
        assertThat(later.terms().price()).isEqualTo(eur("80.00"));
        assertThat(later.terms().cancellationDeadline()).isEqualTo(Duration.ofHours(48));
        assertThat(later.terms().noShowPercentage()).isEqualTo(Percent.HUNDRED);
    }

    @Test
    @DisplayName("BK-9 the payment requirement and mode are frozen at booking: requiring online payment later holds only new bookings")
    void paymentRequirementFrozen() {
        Scenario s = Scenario.builder().model(CommercialModel.DIRECT_CONNECT).build();
        Booking before = s.book(s.at(WEDNESDAY, 9));
        assertThat(before.state()).isEqualTo(BookingState.PENDING);
        assertThat(before.terms().payment()).isEqualTo(PaymentArrangement.ON_SITE);

        s.changeSettings(settings -> settings.withOnlinePayment(OnlinePayment.REQUIRED));
        Booking after = s.book(s.at(WEDNESDAY, 10));

        assertThat(after.state()).isEqualTo(BookingState.HELD);
        assertThat(after.terms().payment()).isEqualTo(PaymentArrangement.PREPAID);
        Booking reloaded = s.reload(before);
        assertThat(reloaded.terms().payment()).isEqualTo(PaymentArrangement.ON_SITE);
        assertThat(reloaded.mode()).isEqualTo(ConsultationMode.IN_PERSON);
        assertThat(reloaded.state()).isEqualTo(BookingState.PENDING);
        assertThat(s.confirm(before).state()).isEqualTo(BookingState.CONFIRMED);
    }
}
