package org.rendezvous.app.client;

import io.micronaut.scheduling.TaskExecutors;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import org.rendezvous.app.wiring.HostSettings;
import org.rendezvous.core.client.SignInLink;
import org.rendezvous.core.notification.Channel;
import org.rendezvous.core.notification.Contact;
import org.rendezvous.core.notification.MessageKind;
import org.rendezvous.core.notification.OutboxMessageId;
import org.rendezvous.core.notification.OutgoingMessage;
import org.rendezvous.core.notification.Recipient;
import org.rendezvous.core.notification.SendResult;
import org.rendezvous.core.port.MessageSender;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends a client's sign-in link (CLI-2) through the configured mail provider or the development mailbox.
 * Sending happens off the request's thread, so that the answer to a sign-in request takes as long whether
 * or not the address is a client's. The link never goes to the log; a link that could not be sent is not
 * retried (the client asks again).
 */
@Singleton
final class ClientSignInMail {

    private static final Logger LOG = LoggerFactory.getLogger(ClientSignInMail.class);

    private final MessageSender sender;
    private final HostSettings host;
    private final ExecutorService executor;

    ClientSignInMail(MessageSender sender, HostSettings host, @Named(TaskExecutors.BLOCKING) ExecutorService executor) {
        this.sender = sender;
        this.host = host;
        this.executor = executor;
    }

    /** The page that takes the token from the link and opens the session. */
    String link(SignInLink link) {
        return host.baseUrl() + "/client/sign-in?token=" + URLEncoder.encode(link.secret(), StandardCharsets.UTF_8);
    }

    void send(SignInLink link) {
        Contact client = new Contact(link.name(), link.email(), Optional.empty(), link.language());
        OutgoingMessage message = new OutgoingMessage(new OutboxMessageId(java.util.UUID.randomUUID()),
                "client-sign-in:" + link.accountId() + ":" + link.expiresAt(), MessageKind.CLIENT_SIGN_IN, Channel.EMAIL,
                Recipient.CLIENT, client, client, host.zone(), Optional.empty(), Optional.of(client),
                new TreeMap<>(Map.of("link", link(link))));
        executor.execute(() -> {
            SendResult result;
            try {
                result = sender.send(message);
            } catch (RuntimeException e) {
                result = new SendResult.TemporaryFailure(e.toString());
            }
            if (!(result instanceof SendResult.Sent)) {
                LOG.warn("client account {}: the sign-in link could not be sent ({})", link.accountId(), result);
            }
        });
    }
}
