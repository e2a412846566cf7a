package org.rendezvous.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.stripe.Stripe;
import com.stripe.net.Webhook;
import io.micronaut.context.annotation.Property;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** With a Stripe key configured, the webhook endpoint checks signatures on the raw body (PAY-5). */
@MicronautTest
@Property(name = "rendezvous.stripe.secret-key", value = "sk_test_host")
@Property(name = "rendezvous.stripe.webhook-secret", value = "whsec_host_test")
class StripeWebhookApiTest {

    @Inject
    @Client("/")
    HttpClient http;

    static String event(String id, String type, long created) {
        return "{\"id\":\"" + id + "\",\"object\":\"event\",\"api_version\":\"" + Stripe.API_VERSION + "\",\"created\":" + created
                + ",\"type\":\"" + type + "\",\"livemode\":false,\"pending_webhooks\":1,"
                + "\"data\":{\"object\":{\"id\":\"cus_1\",\"object\":\"customer\"}}}";
    }

    static String sign(String body, String secret, Instant at) throws Exception {
        return Webhook.Signature.generateSignatureHeader(body, secret, at.getEpochSecond());
    }

    HttpResponse<String> post(String body, String signature) {
        return http.toBlocking().exchange(HttpRequest.POST("/api/webhooks/stripe", body)
                .contentType(MediaType.APPLICATION_JSON).header("Stripe-Signature", signature), String.class);
    }

    @Test
    @DisplayName("PAY-5 a correctly signed event is acknowledged; an event type the engine does not need is ignored")
    void signedEventIsAccepted() throws Exception {
        String body = event("evt_1", "customer.created", Instant.now().getEpochSecond());
        HttpResponse<String> response = post(body, sign(body, "whsec_host_test", Instant.now()));
        assertThat(response.getStatus().getCode()).isEqualTo(200);
        assertThat(response.body()).contains("ignored");
    }

    @Test
    @DisplayName("PAY-5 a tampered body, a wrong secret, a stale timestamp or no signature is a 400 problem")
    void badSignaturesAreRefused() throws Exception {
        String body = event("evt_2", "customer.created", Instant.now().getEpochSecond());
        String good = sign(body, "whsec_host_test", Instant.now());
        assertRefused(body.replace("cus_1", "cus_2"), good);
        assertRefused(body, sign(body, "whsec_other", Instant.now()));
        assertRefused(body, sign(body, "whsec_host_test", Instant.now().minusSeconds(301)));
        try {
            http.toBlocking().exchange(HttpRequest.POST("/api/webhooks/stripe", body).contentType(MediaType.APPLICATION_JSON),
                    Argument.of(String.class), Argument.of(String.class));
            throw new AssertionError("an unsigned webhook was accepted");
        } catch (HttpClientResponseException e) {
            assertThat(e.getStatus().getCode()).isEqualTo(400);
        }
    }

    void assertRefused(String body, String signature) {
        try {
            http.toBlocking().exchange(HttpRequest.POST("/api/webhooks/stripe", body).contentType(MediaType.APPLICATION_JSON)
                    .header("Stripe-Signature", signature), Argument.of(String.class), Argument.of(String.class));
            throw new AssertionError("a bad webhook was accepted");
        } catch (HttpClientResponseException e) {
            assertThat(e.getStatus().getCode()).isEqualTo(400);
            assertThat(e.getResponse().getContentType()).map(MediaType::toString).contains("application/problem+json");
        }
    }
}
