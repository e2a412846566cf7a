package org.rendezvous.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.stripe.Stripe;
import com.stripe.net.Webhook;
import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.BlockingHttpClient;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.rendezvous.core.payment.AccountStatus;
import org.rendezvous.core.payment.PaymentAccount;
import org.rendezvous.core.port.Stores;
import org.rendezvous.core.practitioner.PractitionerId;

/**
 * Issue 12 with Stripe configured: {@code account.updated} from a Connect endpoint, through
 * {@code /api/webhooks/stripe}, updates the practitioner's payment account and the payout destination that
 * follows it (PO-4).
 */
@MicronautTest(environments = AccountsTestSupport.ENVIRONMENT)
@Property(name = "rendezvous.stripe.secret-key", value = "sk_test_host")
@Property(name = "rendezvous.stripe.webhook-secret", value = "whsec_host_test")
@Property(name = "rendezvous.stripe.connect-webhook-secret", value = "whsec_host_connect")
class PaymentAccountWebhookApiTest {

    static final String P = "/api/practitioner";

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    Stores stores;

    static String accountUpdated(String eventId, String accountId, boolean enabled, long created) {
        String requirements = enabled ? "{\"currently_due\":[],\"past_due\":[],\"disabled_reason\":null}"
                : "{\"currently_due\":[\"external_account\"],\"past_due\":[\"tos_acceptance.date\"],"
                        + "\"disabled_reason\":\"requirements.past_due\"}";
        return "{\"id\":\"" + eventId + "\",\"object\":\"event\",\"api_version\":\"" + Stripe.API_VERSION + "\",\"created\":"
                + created + ",\"type\":\"account.updated\",\"livemode\":false,\"pending_webhooks\":1,\"account\":\"" + accountId
                + "\",\"data\":{\"object\":{\"id\":\"" + accountId + "\",\"object\":\"account\",\"type\":\"express\","
                + "\"details_submitted\":" + enabled + ",\"charges_enabled\":" + enabled + ",\"payouts_enabled\":" + enabled
                + ",\"requirements\":" + requirements + "}}}";
    }

    HttpResponse<String> deliver(BlockingHttpClient http, String body, String secret) throws Exception {
        String signature = Webhook.Signature.generateSignatureHeader(body, secret, Instant.now().getEpochSecond());
        return http.exchange(HttpRequest.POST("/api/webhooks/stripe", body).contentType(MediaType.APPLICATION_JSON)
                .header("Stripe-Signature", signature), String.class);
    }

    @Test
    @DisplayName("PAY-5, PO-4 account.updated through the webhook endpoint: the account's state and the payout destination follow; a redelivery changes nothing")
    void accountUpdatedThroughTheWebhook() throws Exception {
        BlockingHttpClient http = client.toBlocking();
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String alice = AccountsTestSupport.session(http, stores, "alice-" + suffix + "@example.org", "alice's long password");
        PractitionerId id = PractitionerId.of((String) http.retrieve(HttpRequest.GET(P + "/profile").bearerAuth(alice), Map.class)
                .get("id"));
        String accountId = "acct_1Host" + suffix;
        // As the onboarding route would have left it (its Stripe calls are proven against the fake in adapters-payments).
        stores.paymentAccounts().save(new PaymentAccount(id, accountId, AccountStatus.detailsNeeded(List.of("external_account")),
                Instant.now().minusSeconds(600)));
        Map<?, ?> used = http.retrieve(HttpRequest.PUT(P + "/payment-account/payouts", "").bearerAuth(alice), Map.class);
        assertThat(used.get("usedForPayouts")).isEqualTo(true);
        assertThat(http.retrieve(HttpRequest.GET(P + "/payout-destination").bearerAuth(alice), Map.class))
                .containsEntry("kind", "PROVIDER_ACCOUNT").containsEntry("ready", false);

        long now = Instant.now().getEpochSecond();
        String enabled = accountUpdated("evt_acct_" + suffix, accountId, true, now);
        HttpResponse<String> applied = deliver(http, enabled, "whsec_host_connect");
        assertThat(applied.getStatus().getCode()).isEqualTo(200);
        assertThat(applied.body()).contains("applied");
        Map<?, ?> account = http.retrieve(HttpRequest.GET(P + "/payment-account").bearerAuth(alice), Map.class);
        assertThat(account.get("state")).isEqualTo("ENABLED");
        assertThat(http.retrieve(HttpRequest.GET(P + "/payout-destination").bearerAuth(alice), Map.class))
                .containsEntry("ready", true);

        // An older event delivered late, and the same event again: nothing changes.
        deliver(http, accountUpdated("evt_old_" + suffix, accountId, false, now - 60), "whsec_host_connect");
        deliver(http, enabled, "whsec_host_test");
        assertThat(http.retrieve(HttpRequest.GET(P + "/payment-account").bearerAuth(alice), Map.class).get("state"))
                .isEqualTo("ENABLED");

        // Stripe asks for more later: the account and the payouts wait (PO-4).
        deliver(http, accountUpdated("evt_more_" + suffix, accountId, false, now + 1), "whsec_host_connect");
        account = http.retrieve(HttpRequest.GET(P + "/payment-account").bearerAuth(alice), Map.class);
        assertThat(account.get("state")).isEqualTo("DETAILS_NEEDED");
        assertThat(account.get("pastDue").toString()).contains("tos_acceptance.date");
        assertThat(account.get("disabledReason")).isEqualTo("requirements.past_due");
        assertThat(http.retrieve(HttpRequest.GET(P + "/payout-destination").bearerAuth(alice), Map.class))
                .containsEntry("ready", false);
        assertThat(Optional.ofNullable(deliver(http, accountUpdated("evt_unknown_" + suffix, "acct_nobody", true, now),
                "whsec_host_connect").body())).get().asString().contains("applied");
    }
}
