package org.rendezvous.notifications;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.util.Properties;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.rendezvous.core.notification.Channel;
import org.rendezvous.core.notification.OutgoingMessage;
import org.rendezvous.core.notification.SendResult;
import org.rendezvous.core.port.MessageSender;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends e-mails over SMTP with Jakarta Mail (Eclipse Angus). The server's answers become
 * {@link SendResult}s: a 5xx refusal of the recipient or the message is permanent; a 4xx, an
 * unreachable server, a timeout or refused credentials are temporary (the last one is an operator's
 * mistake the back-off gives time to fix).
 */
public final class SmtpMessageSender implements MessageSender {

    private static final Logger LOG = LoggerFactory.getLogger(SmtpMessageSender.class);

    private final SmtpSettings settings;
    private final Session session;
    private final MimeMessages mime;

    public SmtpMessageSender(SmtpSettings settings, Sender sender, MessageTemplates templates,
                             CalendarInvitations invitations, Clock clock) {
        this.settings = settings;
        this.session = Session.getInstance(properties(settings, sender));
        this.mime = new MimeMessages(sender, templates, invitations, clock);
    }

    private static Properties properties(SmtpSettings settings, Sender sender) {
        Properties p = new Properties();
        String protocol = settings.security() == SmtpSettings.Security.TLS ? "smtps" : "smtp";
        p.put("mail.transport.protocol", protocol);
        String prefix = "mail." + protocol + ".";
        p.put(prefix + "host", settings.host());
        p.put(prefix + "port", String.valueOf(settings.port()));
        p.put(prefix + "from", sender.address().value());
        String millis = String.valueOf(settings.timeout().toMillis());
        p.put(prefix + "connectiontimeout", millis);
        p.put(prefix + "timeout", millis);
        p.put(prefix + "writetimeout", millis);
        p.put(prefix + "auth", String.valueOf(settings.username().isPresent()));
        if (settings.security() == SmtpSettings.Security.STARTTLS) {
            p.put(prefix + "starttls.enable", "true");
            p.put(prefix + "starttls.required", "true");
        }
        if (settings.security() != SmtpSettings.Security.NONE) {
            p.put(prefix + "ssl.checkserveridentity", "true");
        }
        p.put("mail.mime.charset", "UTF-8");
        return p;
    }

    @Override
    public SendResult send(OutgoingMessage message) {
        if (message.channel() != Channel.EMAIL) {
            return new SendResult.PermanentFailure("the SMTP sender sends e-mails only, not " + message.channel());
        }
        MimeMessage email;
        try {
            email = mime.build(session, message);
        } catch (MessagingException e) {
            return new SendResult.PermanentFailure("could not write the e-mail: " + e.getMessage());
        }
        try {
            if (settings.username().isPresent()) {
                Transport.send(email, settings.username().get(), settings.password().orElseThrow());
            } else {
                Transport.send(email);
            }
            return new SendResult.Sent(mime.messageId(message));
        } catch (AuthenticationFailedException e) {
            LOG.error("SMTP server {} refused the credentials", settings.host());
            return new SendResult.TemporaryFailure("SMTP authentication failed: check the credentials");
        } catch (MessagingException e) {
            return classify(e);
        }
    }

    static SendResult classify(MessagingException failure) {
        for (Exception e = failure; e != null; e = e instanceof MessagingException m ? m.getNextException() : null) {
            int code = -1;
            if (e instanceof SMTPAddressFailedException address) {
                code = address.getReturnCode();
            } else if (e instanceof SMTPSendFailedException send) {
                code = send.getReturnCode();
            }
            if (code >= 500) {
                return new SendResult.PermanentFailure("SMTP " + code + ": " + e.getMessage().strip());
            }
            if (code >= 400) {
                return new SendResult.TemporaryFailure("SMTP " + code + ": " + e.getMessage().strip());
            }
        }
        if (failure instanceof SendFailedException sendFailed && sendFailed.getInvalidAddresses() != null
                && sendFailed.getInvalidAddresses().length > 0) {
            return new SendResult.PermanentFailure("address refused: " + failure.getMessage());
        }
        return new SendResult.TemporaryFailure("SMTP server unreachable or failing: " + failure);
    }
}
