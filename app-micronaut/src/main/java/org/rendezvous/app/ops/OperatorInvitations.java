package org.rendezvous.app.ops;

import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import jakarta.inject.Singleton;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.rendezvous.app.wiring.HostSettings;
import org.rendezvous.core.OperatorService;
import org.rendezvous.core.account.Password;
import org.rendezvous.core.contact.EmailAddress;
import org.rendezvous.core.contact.Language;
import org.rendezvous.core.contact.PersonName;
import org.rendezvous.core.notification.Channel;
import org.rendezvous.core.notification.Contact;
import org.rendezvous.core.notification.MessageKind;
import org.rendezvous.core.notification.OutboxMessageId;
import org.rendezvous.core.notification.OutgoingMessage;
import org.rendezvous.core.notification.Recipient;
import org.rendezvous.core.notification.SendResult;
import org.rendezvous.core.operator.Invitation;
import org.rendezvous.core.port.MessageSender;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Operators are named by the host: {@code RENDEZVOUS_OPERATORS} lists their e-mails, comma-separated. At
 * each start the missing ones are made and every operator without a password (and without a link still
 * valid) is e-mailed a single-use link to choose one, valid 24 hours, through the configured mail
 * provider or the development mailbox. No password is ever in the configuration.
 *
 * <p>With {@code RENDEZVOUS_DEMO=true} a demo operator is also made with a fixed, printed password, which is
 * fine for demo data only.
 */
@Singleton
final class OperatorInvitations implements ApplicationEventListener<ServerStartupEvent> {

    static final String DEMO_EMAIL = "operator@rendezvous.example";
    static final String DEMO_PASSWORD = "rendezvous-operator";

    private static final Logger LOG = LoggerFactory.getLogger(OperatorInvitations.class);

    private final OperatorService operators;
    private final MessageSender sender;
    private final HostSettings host;
    private final List<EmailAddress> configured;
    private final boolean demo;

    OperatorInvitations(OperatorService operators, MessageSender sender, HostSettings host,
                        @Nullable @Value("${rendezvous.operators:}") String configured,
                        @Value("${rendezvous.demo:false}") boolean demo) {
        this.operators = operators;
        this.sender = sender;
        this.host = host;
        this.configured = parse(configured);
        this.demo = demo;
    }

    /** RENDEZVOUS_OPERATORS: e-mails separated by commas (or spaces); a bad one stops the start, naming it. */
    static List<EmailAddress> parse(@Nullable String value) {
        List<EmailAddress> emails = new ArrayList<>();
        if (value == null || value.isBlank()) {
            return emails;
        }
        for (String part : value.split("[,;\\s]+")) {
            if (part.isBlank()) {
                continue;
            }
            try {
                emails.add(EmailAddress.of(part.trim()));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("rendezvous.operators (RENDEZVOUS_OPERATORS): not an e-mail: " + part, e);
            }
        }
        return emails;
    }

    @Override
    public void onApplicationEvent(ServerStartupEvent event) {
        for (EmailAddress email : configured) {
            operators.invite(email).ifPresent(this::send);
        }
        if (demo) {
            operators.invite(EmailAddress.of(DEMO_EMAIL)).ifPresent(invitation ->
                    operators.setPassword(invitation.secret(), Password.of(DEMO_PASSWORD)));
            LOG.info("demo: log in at {}/operator/login as {} with password {} to open the operator area",
                    host.baseUrl(), DEMO_EMAIL, DEMO_PASSWORD);
        }
    }

    /** The link's page: where the operator chooses their password. */
    String link(Invitation invitation) {
        return host.baseUrl() + "/operator/set-password?token=" + URLEncoder.encode(invitation.secret(), StandardCharsets.UTF_8);
    }

    /** Sends the set-password link as the password e-mail practitioners get; the link never goes to the log. */
    void send(Invitation invitation) {
        Contact operator = new Contact(PersonName.of("Operator"), invitation.email(), Optional.empty(), Language.ENGLISH);
        OutgoingMessage message = new OutgoingMessage(new OutboxMessageId(invitation.operatorId().value()),
                "operator-invitation:" + invitation.operatorId() + ":" + invitation.expiresAt(), MessageKind.PASSWORD_RESET,
                Channel.EMAIL, Recipient.PRACTITIONER, operator, operator, ZoneId.of(host.operatorZone()), Optional.empty(),
                Optional.empty(), new TreeMap<>(Map.of("link", link(invitation))));
        SendResult result;
        try {
            result = sender.send(message);
        } catch (RuntimeException e) {
            result = new SendResult.TemporaryFailure(e.toString());
        }
        if (result instanceof SendResult.Sent) {
            LOG.info("operator {}: a link to choose a password was sent, valid until {}", invitation.email(),
                    invitation.expiresAt());
        } else {
            LOG.warn("operator {}: the link to choose a password could not be sent ({}); it is sent again at the next "
                    + "start after it expires at {}", invitation.email(), result, invitation.expiresAt());
        }
    }
}
