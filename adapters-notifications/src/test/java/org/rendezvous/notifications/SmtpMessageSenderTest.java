package org.rendezvous.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.util.Optional;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Parameter;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.DtEnd;
import net.fortuna.ical4j.model.property.DtStart;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.rendezvous.core.contact.Language;
import org.rendezvous.core.notification.Channel;
import org.rendezvous.core.notification.MessageKind;
import org.rendezvous.core.notification.OutgoingMessage;
import org.rendezvous.core.notification.Recipient;
import org.rendezvous.core.notification.SendResult;

class SmtpMessageSenderTest {

    @RegisterExtension
    static final GreenMailExtension GREEN_MAIL = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    SmtpMessageSender sender() {
        SmtpSettings settings = SmtpSettings.of("127.0.0.1", GREEN_MAIL.getSmtp().getPort(), SmtpSettings.Security.NONE);
        return new SmtpMessageSender(settings, Samples.SENDER, Samples.templates(), Samples.invitations(),
                Samples.CLOCK);
    }

    MimeMessage sendAndReceive(OutgoingMessage message) throws Exception {
        SendResult result = sender().send(message);
        assertThat(result).isEqualTo(new SendResult.Sent("<" + message.id() + "@rendezvous.test>"));
        assertThat(GREEN_MAIL.waitForIncomingEmail(5_000, 1)).isTrue();
        MimeMessage[] received = GREEN_MAIL.getReceivedMessages();
        assertThat(received).hasSize(1);
        return received[0];
    }

    @Test
    @DisplayName("CAL-1 NOT-4 a French confirmation: UTF-8 subject, text and HTML parts, a proper Message-ID, and an invitation")
    void confirmationEmail() throws Exception {
        OutgoingMessage message = Samples.message(MessageKind.BOOKING_CONFIRMED, Recipient.CLIENT, Channel.EMAIL,
                Language.FRENCH);

        MimeMessage mail = sendAndReceive(message);

        assertThat(mail.getSubject()).isEqualTo("Rendez-vous confirmé avec Anna Müller – mardi 3 juin à 09h00");
        assertThat(mail.getHeader("Subject")[0]).startsWith("=?UTF-8?");
        assertThat(mail.getMessageID()).isEqualTo("<5eed0000-0000-4000-8000-00000000a11c@rendezvous.test>");
        assertThat(((InternetAddress) mail.getFrom()[0]).getAddress()).isEqualTo("no-reply@rendezvous.test");
        assertThat(((InternetAddress) mail.getFrom()[0]).getPersonal()).isEqualTo("Rendezvous");
        InternetAddress to = (InternetAddress) mail.getRecipients(Message.RecipientType.TO)[0];
        assertThat(to.getAddress()).isEqualTo("zoe@example.net");
        assertThat(to.getPersonal()).isEqualTo("Zoé Lefèvre");
        assertThat(((InternetAddress) mail.getReplyTo()[0]).getAddress()).isEqualTo("anna@example.org");
        assertThat(mail.getSentDate().toInstant()).isEqualTo(Samples.NOW);

        assertThat(mail.isMimeType("multipart/mixed")).isTrue();
        Multipart mixed = (Multipart) mail.getContent();
        assertThat(mixed.getCount()).isEqualTo(2);
        BodyPart body = mixed.getBodyPart(0);
        assertThat(body.isMimeType("multipart/alternative")).isTrue();
        Multipart alternative = (Multipart) body.getContent();
        assertThat(alternative.getCount()).isEqualTo(3);
        BodyPart text = alternative.getBodyPart(0);
        BodyPart html = alternative.getBodyPart(1);
        BodyPart calendarPart = alternative.getBodyPart(2);
        assertThat(text.getContentType()).contains("text/plain").containsIgnoringCase("charset=UTF-8");
        assertThat((String) text.getContent()).contains("Bonjour Zoé Lefèvre,")
                .contains("Consultation : Shiatsu équilibrant").contains("Tarif : 60,00\u00a0€");
        assertThat(html.getContentType()).contains("text/html").containsIgnoringCase("charset=UTF-8");
        assertThat((String) html.getContent()).contains("<p>Bonjour Zoé Lefèvre,</p>");
        assertThat(calendarPart.getContentType()).contains("text/calendar").contains("method=REQUEST");

        BodyPart attachment = mixed.getBodyPart(1);
        assertThat(attachment.getDisposition()).isEqualTo(Part.ATTACHMENT);
        assertThat(attachment.getFileName()).isEqualTo("invite.ics");
        Calendar calendar = parse(attachment.getInputStream());
        assertThat(parse(calendarPart.getInputStream()).toString()).isEqualTo(calendar.toString());

        assertThat(value(calendar, Property.METHOD)).isEqualTo("REQUEST");
        assertThat(value(calendar, Property.VERSION)).isEqualTo("2.0");
        assertThat(calendar.getComponent("VTIMEZONE")).isPresent();
        VEvent event = calendar.<VEvent>getComponent("VEVENT").orElseThrow();
        assertThat(value(event, Property.UID)).isEqualTo("booking-0b0c0d0e-0000-4000-8000-000000000042@rendezvous.test");
        assertThat(value(event, Property.SEQUENCE)).isEqualTo("0");
        assertThat(value(event, Property.STATUS)).isEqualTo("CONFIRMED");
        DtStart<?> start = event.<DtStart<?>>getProperty(Property.DTSTART).orElseThrow();
        assertThat(start.getParameter(Parameter.TZID).map(Parameter::getValue)).contains("Europe/Paris");
        assertThat(start.getValue()).isEqualTo("20250603T090000");
        assertThat(ZonedDateTime.from(start.getDate()).toLocalDateTime()).isEqualTo(LocalDateTime.of(2025, 6, 3, 9, 0));
        assertThat(ZonedDateTime.from(start.getDate()).toInstant()).isEqualTo(Samples.START);
        DtEnd<?> end = event.<DtEnd<?>>getProperty(Property.DTEND).orElseThrow();
        assertThat(end.getParameter(Parameter.TZID).map(Parameter::getValue)).contains("Europe/Paris");
        assertThat(end.getValue()).isEqualTo("20250603T100000");
        assertThat(value(event, Property.SUMMARY)).isEqualTo("Shiatsu équilibrant – Anna Müller");
        assertThat(value(event, Property.LOCATION)).isEqualTo("12 rue de la Paix, 75002 Paris");
        assertThat(value(event, Property.URL)).isEqualTo("https://rdv.example.org/b/tok3n_0f_th3_b00king_l1nk");
        Property organizer = event.getProperty(Property.ORGANIZER).orElseThrow();
        assertThat(organizer.getValue()).isEqualTo("mailto:anna@example.org");
        assertThat(organizer.getParameter(Parameter.CN).map(Parameter::getValue)).contains("Anna Müller");
        Property attendee = event.getProperty(Property.ATTENDEE).orElseThrow();
        assertThat(attendee.getValue()).isEqualTo("mailto:zoe@example.net");
        assertThat(attendee.getParameter(Parameter.CN).map(Parameter::getValue)).contains("Zoé Lefèvre");
        assertThat(attendee.getParameter(Parameter.PARTSTAT).map(Parameter::getValue)).contains("ACCEPTED");
        assertThat(value(event, Property.DTSTAMP)).isEqualTo("20250601T100000Z");
    }

    @Test
    @DisplayName("CAL-1 a move sends the same UID with a higher SEQUENCE; a cancellation METHOD:CANCEL")
    void moveAndCancellation() throws Exception {
        MimeMessage moved = sendAndReceive(Samples.message(MessageKind.MOVED_BY_PRACTITIONER, Recipient.CLIENT,
                Channel.EMAIL, Language.ENGLISH));
        Calendar movedCalendar = parse(((Multipart) moved.getContent()).getBodyPart(1).getInputStream());
        GREEN_MAIL.reset();
        MimeMessage cancelled = sendAndReceive(Samples.message(MessageKind.CANCELLED_BY_CLIENT, Recipient.PRACTITIONER,
                Channel.EMAIL, Language.FRENCH));
        BodyPart cancelPart = ((Multipart) cancelled.getContent()).getBodyPart(1);
        Calendar cancelCalendar = parse(cancelPart.getInputStream());

        VEvent movedEvent = movedCalendar.<VEvent>getComponent("VEVENT").orElseThrow();
        VEvent cancelEvent = cancelCalendar.<VEvent>getComponent("VEVENT").orElseThrow();
        assertThat(value(movedCalendar, Property.METHOD)).isEqualTo("REQUEST");
        assertThat(value(movedEvent, Property.SEQUENCE)).isEqualTo("2");
        assertThat(value(cancelCalendar, Property.METHOD)).isEqualTo("CANCEL");
        assertThat(cancelPart.getFileName()).isEqualTo("cancel.ics");
        assertThat(value(cancelEvent, Property.STATUS)).isEqualTo("CANCELLED");
        assertThat(value(cancelEvent, Property.SEQUENCE)).isEqualTo("1");
        assertThat(value(cancelEvent, Property.UID)).isEqualTo(value(movedEvent, Property.UID));
        assertThat(value(cancelEvent, Property.SUMMARY)).isEqualTo("Shiatsu équilibrant – Zoé Lefèvre");
        assertThat(cancelEvent.getProperty(Property.URL)).as("the client's secret link is not the practitioner's")
                .isEmpty();
    }

    @Test
    @DisplayName("CAL-1 messages that are not about a confirmed booking carry no invitation")
    void noInvitationOtherwise() throws Exception {
        MimeMessage mail = sendAndReceive(Samples.message(MessageKind.BOOKING_REQUESTED, Recipient.CLIENT,
                Channel.EMAIL, Language.ENGLISH));

        assertThat(mail.isMimeType("multipart/alternative")).isTrue();
        assertThat(((Multipart) mail.getContent()).getCount()).isEqualTo(2);
        assertThat(mail.getSubject()).isEqualTo("Request sent to Anna Müller – Tue, Jun 3 at 9:00 AM");
    }

    @Test
    @DisplayName("NOT-3 an SMS is not this sender's business: a permanent failure, nothing sent")
    void refusesSms() {
        SendResult result = sender().send(Samples.message(MessageKind.BOOKING_CONFIRMED, Recipient.CLIENT,
                Channel.SMS, Language.ENGLISH));

        assertThat(result).isInstanceOf(SendResult.PermanentFailure.class);
        assertThat(GREEN_MAIL.getReceivedMessages()).isEmpty();
    }

    @Test
    @DisplayName("NOT-3 SMTP answers: 5xx refusals are permanent, 4xx and unreachable servers temporary")
    void classification() throws Exception {
        InternetAddress address = new InternetAddress("zoe@example.net");
        assertThat(SmtpMessageSender.classify(new SMTPAddressFailedException(address, "RCPT TO", 550,
                "550 5.1.1 no such user"))).isInstanceOf(SendResult.PermanentFailure.class);
        assertThat(SmtpMessageSender.classify(new SMTPAddressFailedException(address, "RCPT TO", 450,
                "450 mailbox busy"))).isInstanceOf(SendResult.TemporaryFailure.class);
        assertThat(SmtpMessageSender.classify(new SMTPSendFailedException("DATA", 554, "554 rejected as spam", null,
                null, null, null))).isInstanceOf(SendResult.PermanentFailure.class);
        assertThat(SmtpMessageSender.classify(new jakarta.mail.MessagingException("Connection refused")))
                .isInstanceOf(SendResult.TemporaryFailure.class);
    }

    static Calendar parse(InputStream in) throws Exception {
        try (in) {
            return new CalendarBuilder().build(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        }
    }

    static String value(Calendar calendar, String name) {
        Optional<Property> property = calendar.getProperty(name);
        return property.orElseThrow(() -> new AssertionError("no " + name)).getValue();
    }

    static String value(VEvent event, String name) {
        Optional<Property> property = event.getProperty(name);
        return property.orElseThrow(() -> new AssertionError("no " + name)).getValue();
    }
}
