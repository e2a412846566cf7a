package org.rendezvous.notifications;

import java.util.Objects;
import org.rendezvous.core.notification.OutgoingMessage;
import org.rendezvous.core.notification.SendResult;
import org.rendezvous.core.port.MessageSender;

/** The one {@link MessageSender} the dispatcher is given: e-mails to one sender, SMS to another. */
public final class ChannelRouting implements MessageSender {

    private final MessageSender email;
    private final MessageSender sms;

    public ChannelRouting(MessageSender email, MessageSender sms) {
        this.email = Objects.requireNonNull(email, "email");
        this.sms = Objects.requireNonNull(sms, "sms");
    }

    @Override
    public SendResult send(OutgoingMessage message) {
        return switch (message.channel()) {
            case EMAIL -> email.send(message);
            case SMS -> sms.send(message);
        };
    }
}
