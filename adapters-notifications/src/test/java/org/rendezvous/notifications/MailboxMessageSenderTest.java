package org.rendezvous.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rendezvous.core.contact.Language;
import org.rendezvous.core.notification.Channel;
import org.rendezvous.core.notification.MessageKind;
import org.rendezvous.core.notification.Recipient;
import org.rendezvous.core.notification.SendResult;
import org.rendezvous.core.port.MessageSender;

class MailboxMessageSenderTest {

    @TempDir
    Path mailbox;

    @Test
    @DisplayName("NOT-1 without SMTP or SMS settings, e-mails land as .eml and SMS as .txt files in the mailbox")
    void writesFiles() throws Exception {
        MessageSender sender = Notifications.sender(new NotificationSettings(Samples.TEMPLATES, Samples.SENDER,
                Optional.empty(), Optional.empty(), mailbox.resolve("outbox")), Samples.CLOCK);

        SendResult email = sender.send(Samples.message(MessageKind.BOOKING_CONFIRMED, Recipient.CLIENT, Channel.EMAIL,
                Language.FRENCH));
        SendResult sms = sender.send(Samples.message(MessageKind.BOOKING_CONFIRMED, Recipient.CLIENT, Channel.SMS,
                Language.FRENCH));

        assertThat(email).isInstanceOf(SendResult.Sent.class);
        assertThat(sms).isInstanceOf(SendResult.Sent.class);
        List<Path> files;
        try (Stream<Path> list = Files.list(mailbox.resolve("outbox"))) {
            files = list.sorted().toList();
        }
        assertThat(files).extracting(p -> p.getFileName().toString()).containsExactly(
                "20250601-100000-booking_confirmed-client-5eed0000-0000-4000-8000-00000000a11c.eml",
                "20250601-100000-booking_confirmed-client-5eed0000-0000-4000-8000-00000000a11c.txt");
        try (InputStream in = Files.newInputStream(files.get(0))) {
            MimeMessage eml = new MimeMessage(Session.getInstance(new Properties()), in);
            assertThat(eml.getSubject()).isEqualTo("Rendez-vous confirmé avec Anna Müller – mardi 3 juin à 09h00");
            assertThat(eml.isMimeType("multipart/mixed")).as("with its invitation").isTrue();
        }
        String text = Files.readString(files.get(1), StandardCharsets.UTF_8);
        assertThat(text).startsWith("To: +33698765432 (Zoé Lefèvre)\nEncoding: GSM_7,")
                .contains("RDV confirmé avec Anna Müller le mardi 3 juin à 09h00");
    }

    @Test
    @DisplayName("the SMS provider is chosen by configuration")
    void chosenByConfiguration() {
        MessageSender twilio = Notifications.sender(new NotificationSettings(Samples.TEMPLATES, Samples.SENDER,
                Optional.of(SmtpSettings.of("smtp.example.org", 587, SmtpSettings.Security.STARTTLS)
                        .withCredentials("user", "pass")),
                Optional.of(TwilioSettings.of("AC0123456789abcdef0123456789abcdef", "t", "+33700000000")
                        .withBaseUrl(java.net.URI.create("http://127.0.0.1:9"))),
                mailbox), Samples.CLOCK);

        SendResult result = twilio.send(Samples.message(MessageKind.SECOND_REMINDER, Recipient.CLIENT, Channel.SMS,
                Language.ENGLISH));

        assertThat(result).isInstanceOf(SendResult.TemporaryFailure.class).asString().contains("unreachable");
        assertThat(mailbox).isEmptyDirectory();
    }
}
