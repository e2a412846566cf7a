package org.rendezvous.notifications;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Properties;
import org.rendezvous.core.notification.Channel;
import org.rendezvous.core.notification.OutgoingMessage;
import org.rendezvous.core.notification.SendResult;
import org.rendezvous.core.port.MessageSender;

/**
 * A development mailbox: instead of sending, writes each e-mail as an {@code .eml} file (open it in any
 * mail client, invitation included) and each SMS as a {@code .txt} file with its encoding and segment
 * count, into one directory. What a host uses when no SMTP or SMS settings exist, so a newcomer sees
 * what would be sent.
 */
public final class MailboxMessageSender implements MessageSender {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
            .withZone(ZoneOffset.UTC);

    private final Path directory;
    private final MessageTemplates templates;
    private final MimeMessages mime;
    private final Clock clock;
    private final Session session = Session.getInstance(new Properties());

    public MailboxMessageSender(Path directory, Sender sender, MessageTemplates templates,
                                CalendarInvitations invitations, Clock clock) {
        this.directory = directory;
        this.templates = templates;
        this.mime = new MimeMessages(sender, templates, invitations, clock);
        this.clock = clock;
    }

    public Path directory() {
        return directory;
    }

    @Override
    public SendResult send(OutgoingMessage message) {
        String name = STAMP.format(clock.instant()) + "-" + message.kind().name().toLowerCase(Locale.ROOT) + "-"
                + message.recipientRole().name().toLowerCase(Locale.ROOT) + "-" + message.id();
        try {
            Files.createDirectories(directory);
            if (message.channel() == Channel.EMAIL) {
                Path file = directory.resolve(name + ".eml");
                MimeMessage email = mime.build(session, message);
                try (OutputStream out = Files.newOutputStream(file, StandardOpenOption.CREATE,
                        StandardOpenOption.TRUNCATE_EXISTING)) {
                    email.writeTo(out);
                }
                return new SendResult.Sent("mailbox:" + file.getFileName());
            }
            String text = SmsText.fit(templates.sms(message), HttpSms.MAX_SEGMENTS);
            Path file = directory.resolve(name + ".txt");
            String content = "To: " + message.to().phone().orElseThrow().value() + " (" + message.to().name() + ")\n"
                    + "Encoding: " + SmsText.encoding(text) + ", " + SmsText.units(text) + " characters, "
                    + SmsText.segments(text) + " segment(s)\n\n" + text + "\n";
            Files.writeString(file, content, StandardCharsets.UTF_8);
            return new SendResult.Sent("mailbox:" + file.getFileName());
        } catch (IOException | UncheckedIOException e) {
            return new SendResult.TemporaryFailure("could not write to the mailbox " + directory + ": " + e);
        } catch (MessagingException e) {
            return new SendResult.PermanentFailure("could not write the e-mail: " + e.getMessage());
        }
    }
}
