package org.rendezvous.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rendezvous.app.AccountsTestSupport.failure;
import static org.rendezvous.app.AccountsTestSupport.problemBody;

import io.micronaut.context.annotation.Property;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.BlockingHttpClient;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.rendezvous.core.port.Stores;

/**
 * Issue 12 over HTTP with the sandbox provider, in DIRECT_CONNECT: a practitioner connects a payment account
 * on the sandbox's onboarding page, sees its state, and may switch on online payment only once it can take
 * payments.
 */
@MicronautTest(environments = AccountsTestSupport.ENVIRONMENT)
@Property(name = "rendezvous.model", value = "DIRECT_CONNECT")
@Property(name = "micronaut.http.client.follow-redirects", value = "false")
class PaymentAccountApiTest {

    static final String P = "/api/practitioner";

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    Stores stores;

    BlockingHttpClient http;
    String alice;

    @BeforeEach
    void practitioner() {
        http = client.toBlocking();
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        alice = AccountsTestSupport.session(http, stores, "alice-" + suffix + "@example.org", "alice's long password");
    }

    Map<?, ?> get(String uri) {
        return http.retrieve(HttpRequest.GET(uri).bearerAuth(alice), Map.class);
    }

    HttpResponse<String> sandboxPost(String path) {
        return http.exchange(HttpRequest.POST(path, "").contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE), String.class);
    }

    @Test
    @DisplayName("PAY-1, PAY-2 online payment and guarantees wait for a payment account that can take payments; the sandbox onboarding page plays the provider's")
    void onboardingThenOnlinePayment() {
        problemBody(failure(http, HttpRequest.GET(P + "/payment-account").bearerAuth(alice)), 404);
        String refused = problemBody(failure(http, HttpRequest.PUT(P + "/settings", Map.of("onlinePayment", "REQUIRED"))
                .bearerAuth(alice)), 422);
        assertThat(refused).contains("problems/payment-account-not-ready").contains("\"field\":\"onlinePayment\"");
        assertThat(problemBody(failure(http, HttpRequest.PUT(P + "/settings", Map.of("noShowPercent", "50"))
                .bearerAuth(alice)), 422)).contains("\"field\":\"noShowPercentage\"");

        Map<?, ?> onboarding = http.retrieve(HttpRequest.POST(P + "/payment-account/onboarding", Map.of("country", "FR"))
                .bearerAuth(alice), Map.class);
        URI page = URI.create((String) onboarding.get("url"));
        assertThat(page.getPath()).startsWith("/sandbox/onboarding/acct_sbx_");
        assertThat(onboarding.get("expiresAt")).isNotNull();
        Map<?, ?> account = get(P + "/payment-account");
        assertThat(account.get("state")).isEqualTo("DETAILS_NEEDED");
        assertThat(account.get("currentlyDue").toString()).contains("external_account");
        assertThat(account.get("canTakePayments")).isEqualTo(false);

        String html = http.retrieve(HttpRequest.GET(page.getPath()).accept(MediaType.TEXT_HTML_TYPE), String.class);
        assertThat(html).contains("sandbox-complete").contains("sandbox-pending").contains("sandbox-details-needed");
        // Issue 14: the sandbox's onboarding page in French by default, in English when asked.
        assertThat(http.retrieve(HttpRequest.GET(page.getPath()), String.class)).contains("<html lang=\"fr\"")
                .contains("Donner mes informations (le compte est activé)").contains("ne peut pas encore accepter de paiements")
                .contains("id=\"sandbox-complete\"");
        assertThat(http.retrieve(HttpRequest.GET(page.getPath()).header("Accept-Language", "en"), String.class))
                .contains("<html lang=\"en\"").contains("Give my details (the account is enabled)")
                .contains("cannot take payments yet");

        HttpResponse<String> back = sandboxPost(page.getPath() + "/pending");
        assertThat(back.getStatus().getCode()).isEqualTo(303);
        assertThat(back.header("Location")).endsWith("/api/practitioner/payment-account/return");
        assertThat(get(P + "/payment-account").get("state")).isEqualTo("PENDING_VERIFICATION");
        assertThat(problemBody(failure(http, HttpRequest.PUT(P + "/settings", Map.of("onlinePayment", "OPTIONAL"))
                .bearerAuth(alice)), 422)).contains("problems/payment-account-not-ready");

        sandboxPost(page.getPath() + "/complete");
        account = get(P + "/payment-account");
        assertThat(account.get("state")).isEqualTo("ENABLED");
        assertThat(account.get("canTakePayments")).isEqualTo(true);
        assertThat(account.get("canReceivePayouts")).isEqualTo(true);

        HttpResponse<String> returned = http.exchange(HttpRequest.GET(P + "/payment-account/return").bearerAuth(alice), String.class);
        assertThat(returned.getStatus().getCode()).isEqualTo(303);
        assertThat(returned.header("Location")).isEqualTo("/dashboard#payment-account");
        HttpResponse<String> refreshed = http.exchange(HttpRequest.GET(P + "/payment-account/refresh").bearerAuth(alice), String.class);
        assertThat(refreshed.header("Location")).isEqualTo(page.toString());

        Map<?, ?> settings = http.retrieve(HttpRequest.PUT(P + "/settings", Map.of("onlinePayment", "REQUIRED", "noShowPercent", "50"))
                .bearerAuth(alice), Map.class);
        assertThat(settings.get("onlinePayment")).isEqualTo("REQUIRED");
        assertThat(problemBody(failure(http, HttpRequest.PUT(P + "/payment-account/payouts", "").bearerAuth(alice)), 422))
                .contains("problems/no-payouts-in-this-model");
    }

    @Test
    @DisplayName("onboarding again continues with the same account; a bad country is a 400 naming the field; unknown sandbox pages are 404")
    void sameAccountAndBadInput() {
        Map<?, ?> first = http.retrieve(HttpRequest.POST(P + "/payment-account/onboarding", Map.of()).bearerAuth(alice), Map.class);
        Map<?, ?> second = http.retrieve(HttpRequest.POST(P + "/payment-account/onboarding", Map.of()).bearerAuth(alice), Map.class);
        assertThat(second.get("url")).isEqualTo(first.get("url"));
        assertThat(problemBody(failure(http, HttpRequest.POST(P + "/payment-account/onboarding", Map.of("country", "fr"))
                .bearerAuth(alice)), 400)).contains("\"field\":\"country\"");
        assertThat(failure(http, HttpRequest.GET("/sandbox/onboarding/acct_nobody")).getStatus().getCode()).isEqualTo(404);
        assertThat(failure(http, HttpRequest.GET("/sandbox/onboarding/acct_nobody").header("Accept-Language", "en"))
                .getResponse().getBody(String.class).orElseThrow()).contains("This onboarding page is closed or unknown.");
        assertThat(failure(http, HttpRequest.POST("/sandbox/onboarding/acct_nobody/complete", "")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE)).getStatus().getCode()).isEqualTo(404);
        assertThat(failure(http, HttpRequest.GET(P + "/payment-account")).getStatus().getCode()).isEqualTo(401);
    }
}
