package org.rendezvous.notifications;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything the notifications adapter is configured with. Without SMTP settings e-mails go to the
 * development mailbox, and so do SMS without SMS settings.
 */
public record NotificationSettings(TemplateSettings templates, Sender sender, Optional<SmtpSettings> smtp,
                                   Optional<SmsSettings> sms, Path mailbox) {
    public NotificationSettings {
        Objects.requireNonNull(templates, "templates");
        Objects.requireNonNull(sender, "sender");
        Objects.requireNonNull(smtp, "smtp");
        Objects.requireNonNull(sms, "sms");
        Objects.requireNonNull(mailbox, "mailbox");
    }
}
