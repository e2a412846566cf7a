package org.rendezvous.core.port;

import org.rendezvous.core.notification.OutgoingMessage;
import org.rendezvous.core.notification.SendResult;

/**
 * Sends one message by its channel (e-mail, SMS) and says what the provider answered. Must not throw
 * for a provider's refusal or an unreachable provider: those are {@link SendResult} values, and the
 * dispatcher decides what to retry. A thrown exception is taken as a temporary failure.
 */
public interface MessageSender {

    SendResult send(OutgoingMessage message);
}
