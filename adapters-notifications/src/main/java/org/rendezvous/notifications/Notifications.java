package org.rendezvous.notifications;

import java.time.Clock;
import org.rendezvous.core.port.MessageSender;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Builds the message sender a host gives the core's dispatcher, from configuration. */
public final class Notifications {

    private static final Logger LOG = LoggerFactory.getLogger(Notifications.class);

    private Notifications() {
    }

    public static MessageSender sender(NotificationSettings settings, Clock clock) {
        MessageTemplates templates = new MessageTemplates(settings.templates());
        CalendarInvitations invitations = new CalendarInvitations(settings.sender().domain(), settings.templates(),
                clock);
        MailboxMessageSender mailbox = new MailboxMessageSender(settings.mailbox(), settings.sender(), templates,
                invitations, clock);
        MessageSender email = settings.smtp()
                .<MessageSender>map(smtp -> new SmtpMessageSender(smtp, settings.sender(),
                        templates, invitations, clock))
                .orElseGet(() -> {
                    LOG.warn("no SMTP settings: e-mails are written to the mailbox {}", settings.mailbox());
                    return mailbox;
                });
        MessageSender sms = settings.sms()
                .<MessageSender>map(s -> s instanceof TwilioSettings twilio
                        ? new TwilioSmsSender(twilio, templates)
                        : new BrevoSmsSender((BrevoSettings) s, templates))
                .orElseGet(() -> {
                    LOG.warn("no SMS settings: SMS are written to the mailbox {}", settings.mailbox());
                    return mailbox;
                });
        return new ChannelRouting(email, sms);
    }
}
