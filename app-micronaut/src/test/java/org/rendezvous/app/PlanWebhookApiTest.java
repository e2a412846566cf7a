package org.rendezvous.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.stripe.Stripe;
import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.BlockingHttpClient;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.rendezvous.core.port.Stores;

/**
 * PLAN-3 with Stripe: signed billing webhooks through {@code /api/webhooks/stripe} drive the plan — the
 * first invoice paid makes it PAID, a redelivery changes nothing, a cancellation at the period's end keeps
 * it PAID until then, a failed renewal puts it on the free plan, deletion ends the subscription. With
 * Stripe, the sandbox's routes do not exist.
 */
@MicronautTest(environments = AccountsTestSupport.ENVIRONMENT)
@Property(name = "rendezvous.model", value = "DIRECT_CONNECT")
@Property(name = "rendezvous.stripe.secret-key", value = "sk_test_host")
@Property(name = "rendezvous.stripe.webhook-secret", value = "whsec_host_test")
class PlanWebhookApiTest {

    static final String P = "/api/practitioner";

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    Stores stores;

    BlockingHttpClient http;
    String anna;
    String annaId;

    @BeforeEach
    void practitioner() {
        http = client.toBlocking();
        anna = AccountsTestSupport.session(http, stores, "hook-" + UUID.randomUUID().toString().substring(0, 8)
                + "@example.org", "anna's long password");
        annaId = (String) http.retrieve(HttpRequest.GET(P + "/profile").bearerAuth(anna), Map.class).get("id");
    }

    Map<?, ?> plan() {
        return http.retrieve(HttpRequest.GET(P + "/plan").bearerAuth(anna), Map.class);
    }

    String metadata() {
        return "{\"practitioner_id\":\"" + annaId + "\",\"rdv_flow\":\"plan\"}";
    }

    String invoice(String subscription, Instant start, Instant end, boolean paid) {
        return "{\"id\":\"in_" + UUID.randomUUID().toString().substring(0, 8) + "\",\"object\":\"invoice\",\"customer\":\"cus_anna\","
                + "\"status\":\"" + (paid ? "paid" : "open") + "\",\"parent\":{\"type\":\"subscription_details\","
                + "\"subscription_details\":{\"subscription\":\"" + subscription + "\",\"metadata\":" + metadata() + "}},"
                + "\"lines\":{\"object\":\"list\",\"has_more\":false,\"data\":[{\"id\":\"il_1\",\"object\":\"line_item\","
                + "\"period\":{\"start\":" + start.getEpochSecond() + ",\"end\":" + end.getEpochSecond() + "}}]}}";
    }

    String subscription(String id, boolean cancelAtPeriodEnd, Long endedAt) {
        return "{\"id\":\"" + id + "\",\"object\":\"subscription\",\"customer\":\"cus_anna\",\"cancel_at_period_end\":"
                + cancelAtPeriodEnd + ",\"ended_at\":" + endedAt + ",\"metadata\":" + metadata() + "}";
    }

    HttpResponse<String> deliver(String eventId, String type, String object) throws Exception {
        String body = "{\"id\":\"" + eventId + "\",\"object\":\"event\",\"api_version\":\"" + Stripe.API_VERSION
                + "\",\"created\":" + Instant.now().getEpochSecond() + ",\"type\":\"" + type
                + "\",\"livemode\":false,\"pending_webhooks\":1,\"data\":{\"object\":" + object + "}}";
        return http.exchange(HttpRequest.POST("/api/webhooks/stripe", body).contentType(MediaType.APPLICATION_JSON)
                .header("Stripe-Signature", StripeWebhookApiTest.sign(body, "whsec_host_test", Instant.now())), String.class);
    }

    @Test
    @DisplayName("PLAN-3 invoice.paid → PAID until the line's period end; redelivered, nothing more; cancel at period end → PAID, not renewing; deleted → subscribe again")
    void paidCancelledEnded() throws Exception {
        String sub = "sub_" + UUID.randomUUID().toString().substring(0, 8);
        Instant start = Instant.now().minusSeconds(60).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        Instant end = start.plus(Duration.ofDays(30));
        String evt = "evt_" + UUID.randomUUID();

        assertThat(deliver(evt, "invoice.paid", invoice(sub, start, end, true)).body()).contains("applied");
        Map<?, ?> paid = plan();
        assertThat(paid.get("plan")).isEqualTo("PAID");
        assertThat(Instant.parse((String) paid.get("paidUntil"))).isEqualTo(end);
        assertThat(paid.get("subscribed")).isEqualTo(true);
        assertThat(paid.get("sandbox")).isEqualTo(false);

        deliver("evt_" + UUID.randomUUID(), "customer.subscription.updated", subscription(sub, true, null));
        assertThat(plan().get("renewing")).isEqualTo(false);
        assertThat(plan().get("plan")).isEqualTo("PAID");
        deliver(evt, "invoice.paid", invoice(sub, start, end, true));
        assertThat(plan().get("renewing")).as("a redelivery changes nothing").isEqualTo(false);

        deliver("evt_" + UUID.randomUUID(), "customer.subscription.deleted", subscription(sub, true, end.getEpochSecond()));
        assertThat(plan().get("subscribed")).isEqualTo(false);
        assertThat(plan().get("plan")).isEqualTo("PAID");
        // No such route with Stripe: the security filter answers before any route would.
        assertThat(AccountsTestSupport.failure(http, HttpRequest.POST(P + "/plan/sandbox/renew", "").bearerAuth(anna))
                .getStatus().getCode()).isIn(403, 404);
    }

    @Test
    @DisplayName("PLAN-2 PLAN-3 invoice.payment_failed for the period after the paid one: the free plan applies with its quota, the renewal marked failed")
    void failedRenewal() throws Exception {
        String sub = "sub_" + UUID.randomUUID().toString().substring(0, 8);
        Instant end = Instant.now().minusSeconds(10).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        deliver("evt_" + UUID.randomUUID(), "invoice.paid", invoice(sub, end.minus(Duration.ofDays(30)), end, true));

        deliver("evt_" + UUID.randomUUID(), "invoice.payment_failed", invoice(sub, end, end.plus(Duration.ofDays(30)), false));

        Map<?, ?> plan = plan();
        assertThat(plan.get("renewalFailed")).isEqualTo(true);
        assertThat(Instant.parse((String) plan.get("paidUntil"))).isEqualTo(end);
        assertThat(plan.get("plan")).as("the trial still runs").isEqualTo("TRIAL");
    }
}
