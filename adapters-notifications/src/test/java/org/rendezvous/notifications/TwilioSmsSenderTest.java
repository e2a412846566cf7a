package org.rendezvous.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
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

class TwilioSmsSenderTest {

    static final String SID = "AC0123456789abcdef0123456789abcdef";

    FakeSmsProvider twilio;
    TwilioSmsSender sender;
    final OutgoingMessage reminder = Samples.message(MessageKind.SECOND_REMINDER, Recipient.CLIENT, Channel.SMS,
            Language.FRENCH);

    @BeforeEach
    void start() throws Exception {
        twilio = new FakeSmsProvider();
        sender = new TwilioSmsSender(TwilioSettings.of(SID, "s3cr3t-t0ken", "+33700000000")
                .withBaseUrl(twilio.baseUrl()), Samples.templates());
    }

    @AfterEach
    void stop() {
        twilio.close();
    }

    @Test
    @DisplayName("NOT-2 an SMS is a form POST to the account's Messages.json with basic auth; the sid is the reference")
    void sends() {
        twilio.answers(201, "{\"sid\": \"SM0123456789abcdef0123456789abcdef\", \"status\": \"queued\","
                + " \"num_segments\": \"1\"}");

        SendResult result = sender.send(reminder);

        assertThat(result).isEqualTo(new SendResult.Sent("SM0123456789abcdef0123456789abcdef"));
        FakeSmsProvider.Request request = twilio.requests().get(0);
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.path()).isEqualTo("/2010-04-01/Accounts/" + SID + "/Messages.json");
        assertThat(request.headers().getFirst("Authorization")).isEqualTo("Basic "
                + Base64.getEncoder().encodeToString((SID + ":s3cr3t-t0ken").getBytes(StandardCharsets.UTF_8)));
        assertThat(request.headers().getFirst("Content-Type")).startsWith("application/x-www-form-urlencoded");
        Map<String, String> form = form(request.body());
        assertThat(form).containsEntry("To", "+33698765432").containsEntry("From", "+33700000000");
        assertThat(form.get("Body")).startsWith("Rappel : RDV avec Anna Müller le mardi 3 juin à 09h00.")
                .contains("https://rdv.example.org/b/tok3n_0f_th3_b00king_l1nk");
        assertThat(SmsText.segments(form.get("Body"))).isLessThanOrEqualTo(2);
    }

    @Test
    @DisplayName("NOT-3 Twilio errors: 21211 invalid number and 21610 opted out are permanent; 429 and 5xx temporary")
    void errors() {
        twilio.answers(400, "{\"code\": 21211, \"message\": \"The 'To' number +33698765432 is not a valid phone"
                + " number.\", \"more_info\": \"https://www.twilio.com/docs/errors/21211\", \"status\": 400}");
        assertThat(sender.send(reminder)).isInstanceOf(SendResult.PermanentFailure.class)
                .asString().contains("invalid phone number").contains("21211");

        twilio.answers(400, "{\"code\": 21610, \"message\": \"Attempt to send to unsubscribed recipient\","
                + " \"status\": 400}");
        assertThat(sender.send(reminder)).isInstanceOf(SendResult.PermanentFailure.class)
                .asString().contains("opted out");

        twilio.answers(429, "{\"code\": 20429, \"message\": \"Too Many Requests\", \"status\": 429}");
        assertThat(sender.send(reminder)).isInstanceOf(SendResult.TemporaryFailure.class)
                .asString().contains("rate limited");

        twilio.answers(503, "{\"code\": 20500, \"message\": \"Service Unavailable\", \"status\": 503}");
        assertThat(sender.send(reminder)).isInstanceOf(SendResult.TemporaryFailure.class);

        twilio.answers(401, "{\"code\": 20003, \"message\": \"Authenticate\", \"status\": 401}");
        assertThat(sender.send(reminder)).isInstanceOf(SendResult.TemporaryFailure.class)
                .asString().contains("credentials");

        twilio.answers(400, "{\"code\": 21408, \"message\": \"Permission to send to this region is not enabled\"}");
        assertThat(sender.send(reminder)).isInstanceOf(SendResult.PermanentFailure.class);
    }

    @Test
    @DisplayName("NOT-3 an unreachable provider is a temporary failure")
    void unreachable() {
        twilio.close();
        assertThat(sender.send(reminder)).isInstanceOf(SendResult.TemporaryFailure.class);
    }

    @Test
    @DisplayName("a messaging service sends as MessagingServiceSid")
    void messagingService() throws Exception {
        twilio.answers(201, "{\"sid\": \"SMx\"}");
        new TwilioSmsSender(TwilioSettings.of(SID, "t", "MG0123456789abcdef0123456789abcdef")
                .withBaseUrl(twilio.baseUrl()), Samples.templates()).send(reminder);

        assertThat(form(twilio.requests().get(0).body()))
                .containsEntry("MessagingServiceSid", "MG0123456789abcdef0123456789abcdef").doesNotContainKey("From");
    }

    static Map<String, String> form(String body) {
        Map<String, String> form = new HashMap<>();
        for (String pair : body.split("&")) {
            String[] kv = pair.split("=", 2);
            form.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8), URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
        }
        return form;
    }
}
