package org.rendezvous.app.wiring;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import org.rendezvous.core.OutboxDispatcher;
import org.rendezvous.core.Rendezvous;
import org.rendezvous.core.Reminders;
import org.rendezvous.core.inmemory.SecureRandomIds;
import org.rendezvous.core.notification.DeliverySettings;
import org.rendezvous.core.port.MessageSender;
import org.rendezvous.core.port.ReminderCandidates;
import org.rendezvous.core.port.Stores;
import org.rendezvous.notifications.BrevoSettings;
import org.rendezvous.notifications.NotificationSettings;
import org.rendezvous.notifications.Notifications;
import org.rendezvous.notifications.Sender;
import org.rendezvous.notifications.SmsSettings;
import org.rendezvous.notifications.SmtpSettings;
import org.rendezvous.notifications.TemplateSettings;
import org.rendezvous.notifications.TwilioSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivery of the outbox (NOT-1 … NOT-4): SMTP and an SMS provider when configured, otherwise the
 * development mailbox, a directory of {@code .eml} and {@code .txt} files a newcomer can open.
 */
@Factory
public final class NotificationFactory {

    private static final Logger LOG = LoggerFactory.getLogger(NotificationFactory.class);

    @Singleton
    MessageSender messageSender(HostSettings host, Clock clock,
                                @Value("${rendezvous.mail.from:bookings@example.org}") String from,
                                @Value("${rendezvous.mail.from-name:Rendezvous}") String fromName,
                                @Nullable @Value("${rendezvous.smtp.host:}") String smtpHost,
                                @Value("${rendezvous.smtp.port:587}") int smtpPort,
                                @Value("${rendezvous.smtp.security:STARTTLS}") SmtpSettings.Security security,
                                @Nullable @Value("${rendezvous.smtp.username:}") String smtpUser,
                                @Nullable @Value("${rendezvous.smtp.password:}") String smtpPassword,
                                @Nullable @Value("${rendezvous.sms.provider:}") String smsProvider,
                                @Nullable @Value("${rendezvous.sms.twilio.account-sid:}") String twilioSid,
                                @Nullable @Value("${rendezvous.sms.twilio.auth-token:}") String twilioToken,
                                @Nullable @Value("${rendezvous.sms.twilio.from:}") String twilioFrom,
                                @Nullable @Value("${rendezvous.sms.brevo.api-key:}") String brevoKey,
                                @Nullable @Value("${rendezvous.sms.brevo.sender:}") String brevoSender,
                                @Value("${rendezvous.mailbox:mailbox}") String mailbox) {
        String base = host.baseUrl();
        Optional<SmtpSettings> smtp = blank(smtpHost) ? Optional.empty()
                : Optional.of(blank(smtpUser) ? SmtpSettings.of(smtpHost, smtpPort, security)
                        : SmtpSettings.of(smtpHost, smtpPort, security).withCredentials(smtpUser, smtpPassword == null ? "" : smtpPassword));
        Optional<SmsSettings> sms = switch (blank(smsProvider) ? "" : smsProvider.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "" -> Optional.empty();
            case "twilio" -> Optional.of(TwilioSettings.of(twilioSid, twilioToken, twilioFrom));
            case "brevo" -> Optional.of(BrevoSettings.of(brevoKey, brevoSender));
            default -> throw new IllegalArgumentException("rendezvous.sms.provider: twilio or brevo, not " + smsProvider);
        };
        NotificationSettings settings = new NotificationSettings(
                TemplateSettings.of("Rendezvous", base + "/b/", base + "/dashboard"), Sender.of(from, fromName), smtp, sms,
                Path.of(mailbox));
        if (smtp.isEmpty() || sms.isEmpty()) {
            LOG.info("messages without a configured provider go to the development mailbox {}", Path.of(mailbox).toAbsolutePath());
        }
        return Notifications.sender(settings, clock);
    }

    @Singleton
    OutboxDispatcher outboxDispatcher(Stores stores, MessageSender sender, Clock clock, Rendezvous engine) {
        // INV-1: an invoice's e-mail carries its PDF.
        return new OutboxDispatcher(stores, sender, clock, DeliverySettings.of(instanceName()),
                java.util.random.RandomGenerator.getDefault(), engine.invoices().attachments());
    }

    @Singleton
    Reminders reminders(Stores stores, ReminderCandidates candidates, Clock clock) {
        return new Reminders(stores, candidates, new SecureRandomIds(), clock, 500);
    }

    /** Who holds an outbox lease: the host and a random part, so that two instances on one host differ. */
    private static String instanceName() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "unknown-host";
        }
        return (host + "-" + UUID.randomUUID().toString().substring(0, 8));
    }

    private static boolean blank(@Nullable String value) {
        return value == null || value.isBlank();
    }
}
