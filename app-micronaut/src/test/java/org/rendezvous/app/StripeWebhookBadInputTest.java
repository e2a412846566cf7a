package org.rendezvous.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.annotation.Property;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.http.server.HttpServerConfiguration;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.web.router.Router;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** SPEC "Bad input" and PAY-5 on the Stripe webhook route, which exists only with a Stripe key. */
@MicronautTest
@Property(name = "rendezvous.stripe.secret-key", value = "sk_test_host")
@Property(name = "rendezvous.stripe.webhook-secret", value = "whsec_host_test")
class StripeWebhookBadInputTest {

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    Router router;

    @Inject
    JsonMapper json;

    @Inject
    EmbeddedServer server;

    @Inject
    HttpServerConfiguration serverConfiguration;

    @Test
    @DisplayName("Bad input, PAY-5: garbage bodies, bad signatures and bad headers on the webhook route are 400 (413 when too large) problems, never a 5xx")
    void webhookRefusesGarbage() {
        BadInputBarrage barrage = new BadInputBarrage(router, server.getURI(), json, "no session",
                Map.of("Stripe-Signature", "t=1,v1=0000"), Map.of(), serverConfiguration.getMaxRequestSize());
        List<BadInputBarrage.Attack> attacks = barrage.attacks(route -> route.startsWith("POST /api/webhooks/"));
        barrage.run(attacks);
        System.out.println(barrage.counts());
        assertThat(barrage.sentPerRoute).containsKey("POST /api/webhooks/stripe");
        assertThat(barrage.failures).isEmpty();
    }

    @Test
    @DisplayName("PAY-5 a correctly signed body that is not a Stripe event is a 400 problem, not a 500")
    void signedGarbageIsRefused() throws Exception {
        for (String body : List.of("{not json", "[]", "{}", "\"event\"", "{\"id\":\"evt_x\",\"object\":\"event\",\"type\":{}}",
                "{\"id\":\"evt_y\",\"object\":\"event\",\"type\":\"payment_intent.succeeded\",\"data\":{\"object\":[]}}")) {
            String signature = StripeWebhookApiTest.sign(body, "whsec_host_test", Instant.now());
            try {
                http.toBlocking().exchange(HttpRequest.POST("/api/webhooks/stripe", body).contentType(MediaType.APPLICATION_JSON)
                        .header("Stripe-Signature", signature), Argument.of(String.class), Argument.of(String.class));
                throw new AssertionError("signed garbage was accepted: " + body);
            } catch (HttpClientResponseException e) {
                assertThat(e.getStatus().getCode()).as(body).isEqualTo(400);
                assertThat(e.getResponse().getContentType()).map(MediaType::toString).contains("application/problem+json");
            }
        }
    }
}
