package org.rendezvous.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.rendezvous.core.contact.Language;
import org.rendezvous.core.notification.Channel;
import org.rendezvous.core.notification.MessageKind;
import org.rendezvous.core.notification.OutgoingMessage;
import org.rendezvous.core.notification.Recipient;
import org.rendezvous.core.notification.SendResult;

class BrevoSmsSenderTest {

    FakeSmsProvider brevo;
    BrevoSmsSender sender;
    final OutgoingMessage confirmation = Samples.message(MessageKind.BOOKING_CONFIRMED, Recipient.CLIENT, Channel.SMS,
            Language.ENGLISH);

    @BeforeEach
    void start() throws Exception {
        brevo = new FakeSmsProvider();
        sender = new BrevoSmsSender(BrevoSettings.of("xkeysib-abc123", "Rendezvous").withBaseUrl(brevo.baseUrl()),
                Samples.templates());
    }

    @AfterEach
    void stop() {
        brevo.close();
    }

    @Test
    @DisplayName("NOT-1 an SMS is a JSON POST to /v3/transactionalSMS/sms with the api-key header")
    void sends() {
        brevo.answers(201, "{\"reference\":\"ab1cde2fgh3i4jklmno\",\"messageId\":1511882900176220,"
                + "\"smsCount\":1,\"usedCredits\":0.7,\"remainingCredits\":82.85}");

        SendResult result = sender.send(confirmation);

        assertThat(result).isEqualTo(new SendResult.Sent("brevo:1511882900176220"));
        FakeSmsProvider.Request request = brevo.requests().get(0);
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.path()).isEqualTo("/v3/transactionalSMS/sms");
        assertThat(request.headers().getFirst("api-key")).isEqualTo("xkeysib-abc123");
        assertThat(request.headers().getFirst("Content-Type")).isEqualTo("application/json");
        assertThat(Json.field(request.body(), "sender")).contains("Rendezvous");
        assertThat(Json.field(request.body(), "recipient")).contains("33698765432");
        assertThat(Json.field(request.body(), "type")).contains("transactional");
        assertThat(Json.field(request.body(), "tag")).contains("booking_confirmed");
        assertThat(Json.field(request.body(), "content").orElseThrow())
                .startsWith("Confirmed: Shiatsu équilibrant with Anna Müller on Tue, Jun 3 at 9:00 AM.");
        assertThat(request.body()).contains("\"unicodeEnabled\":false");
    }

    @Test
    @DisplayName("NOT-3 Brevo errors: a bad parameter is permanent; no credits, 401, 429 and 5xx temporary")
    void errors() {
        brevo.answers(400, "{\"code\":\"invalid_parameter\",\"message\":\"Invalid phone number\"}");
        assertThat(sender.send(confirmation)).isInstanceOf(SendResult.PermanentFailure.class)
                .asString().contains("invalid_parameter");

        brevo.answers(402, "{\"code\":\"not_enough_credits\",\"message\":\"Not enough credits\"}");
        assertThat(sender.send(confirmation)).isInstanceOf(SendResult.TemporaryFailure.class)
                .asString().contains("credits");

        brevo.answers(401, "{\"code\":\"unauthorized\",\"message\":\"Key not found\"}");
        assertThat(sender.send(confirmation)).isInstanceOf(SendResult.TemporaryFailure.class);

        brevo.answers(429, "{\"code\":\"too_many_requests\",\"message\":\"Rate limit\"}");
        assertThat(sender.send(confirmation)).isInstanceOf(SendResult.TemporaryFailure.class)
                .asString().contains("rate limited");

        brevo.answers(502, "<html>Bad gateway</html>");
        assertThat(sender.send(confirmation)).isInstanceOf(SendResult.TemporaryFailure.class);
    }

    @Test
    @DisplayName("NOT-3 an SMS provider answering 5xx: retried by the dispatcher until it answers")
    void fiveHundredThenOk() {
        brevo.answers(500, "{\"code\":\"internal_error\"}");
        assertThat(sender.send(confirmation)).isInstanceOf(SendResult.TemporaryFailure.class);
        brevo.answers(201, "{\"messageId\":42}");
        assertThat(sender.send(confirmation)).isEqualTo(new SendResult.Sent("brevo:42"));
        assertThat(brevo.requests()).hasSize(2);
    }

    @Test
    @DisplayName("a text that needs UCS-2 is sent with unicodeEnabled")
    void unicode() {
        brevo.answers(201, "{\"messageId\":7}");
        OutgoingMessage base = Samples.message(MessageKind.SECOND_REMINDER, Recipient.PRACTITIONER, Channel.SMS,
                Language.FRENCH);
        OutgoingMessage greek = new OutgoingMessage(base.id(), base.causeKey(), base.kind(), base.channel(),
                base.recipientRole(), base.to(), base.practitioner(), base.zone(), base.booking(),
                base.client().map(c -> new org.rendezvous.core.notification.Contact(
                        org.rendezvous.core.contact.PersonName.of("Ελένη Παπαδοπούλου"), c.email(), c.phone(),
                        c.language())), base.parameters());

        sender.send(greek);

        assertThat(brevo.requests().get(0).body()).contains("\"unicodeEnabled\":true").contains("Ελένη");
    }
}
