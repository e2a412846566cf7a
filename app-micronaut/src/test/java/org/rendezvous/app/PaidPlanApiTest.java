package org.rendezvous.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.BlockingHttpClient;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.rendezvous.core.Rendezvous;
import org.rendezvous.core.notification.ClaimedMessage;
import org.rendezvous.core.notification.Lease;
import org.rendezvous.core.notification.MessageKind;
import org.rendezvous.core.plan.UsageKind;
import org.rendezvous.core.plan.UsageMonth;
import org.rendezvous.core.port.Stores;
import org.rendezvous.core.practitioner.PractitionerId;

/**
 * The paid plan over HTTP with the sandbox provider (PLAN-1 … PLAN-3): subscribe → the sandbox's
 * checkout page → PAID; the portal cancels (PAID until the period's end) and resumes; renew now; a
 * failed renewal → FREE with its quota; the trial ended from the sandbox → FREE, past 40 bookings
 * QUOTA_REACHED; the trial's end told by e-mail 7 days before.
 */
@MicronautTest(environments = AccountsTestSupport.ENVIRONMENT)
@Property(name = "rendezvous.model", value = "DIRECT_CONNECT")
class PaidPlanApiTest {

    static final String P = "/api/practitioner";

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    Stores stores;

    @Inject
    Rendezvous engine;

    @Inject
    Clock clock;

    BlockingHttpClient http;
    String anna;
    PractitionerId annaId;

    @BeforeEach
    void practitioner() {
        http = client.toBlocking();
        anna = AccountsTestSupport.session(http, stores, "plan-" + UUID.randomUUID().toString().substring(0, 8)
                + "@example.org", "anna's long password");
        annaId = PractitionerId.of((String) get(P + "/profile").get("id"));
    }

    Map<?, ?> get(String uri) {
        return http.retrieve(HttpRequest.GET(uri).bearerAuth(anna), Map.class);
    }

    Map<?, ?> post(String uri) {
        return http.retrieve(HttpRequest.POST(uri, "").bearerAuth(anna), Map.class);
    }

    /** The path of a provider page the API sent the practitioner to. */
    String redirect(String route) {
        return URI.create((String) post(P + route).get("redirect")).getPath();
    }

    HttpResponse<String> form(String path) {
        return http.exchange(HttpRequest.POST(path, "").contentType(MediaType.APPLICATION_FORM_URLENCODED), String.class);
    }

    void subscribeAndPay() {
        String checkout = redirect("/plan/subscribe");
        assertThat(checkout).startsWith("/sandbox/billing/checkout/");
        assertThat(get(P + "/plan").get("subscribed")).as("nothing is granted before paying").isEqualTo(false);
        // Issue 14: French by default, English when the browser asks for it.
        assertThat(http.retrieve(HttpRequest.GET(checkout), String.class)).contains("<html lang=\"fr\"")
                .contains("30,00\u00a0€ par mois").contains("S&#39;abonner");
        assertThat(http.retrieve(HttpRequest.GET(checkout).header("Accept-Language", "en-US,en;q=0.9"), String.class))
                .contains("<html lang=\"en\"").contains("€30.00 a month").contains("Subscribe");
        assertThat(form(checkout).body()).contains("formule payante");
    }

    @Test
    @DisplayName("PLAN-3 subscribe opens the sandbox checkout; paying there makes the plan PAID, renewing, for a month; a second subscribe is refused")
    void subscribeThenPay() {
        post(P + "/plan/sandbox/end-trial");

        subscribeAndPay();

        Map<?, ?> plan = get(P + "/plan");
        assertThat(plan.get("plan")).isEqualTo("PAID");
        assertThat(plan.get("subscribed")).isEqualTo(true);
        assertThat(plan.get("renewing")).isEqualTo(true);
        assertThat(plan.get("billed")).isEqualTo(true);
        assertThat(plan.get("sandbox")).isEqualTo(true);
        assertThat(plan.get("bookingsLeft")).isNull();
        assertThat(Instant.parse((String) plan.get("paidUntil"))).isAfter(clock.instant().plus(Duration.ofDays(27)));
        AccountsTestSupport.problemBody(AccountsTestSupport.failure(http, HttpRequest.POST(P + "/plan/subscribe", "")
                .bearerAuth(anna)), 409);
    }

    @Test
    @DisplayName("PLAN-3 cancelled on the sandbox portal: PAID until the end of the period, not renewing; resumed: renewing; renew now extends")
    void portalCancelAndResume() {
        post(P + "/plan/sandbox/end-trial");
        subscribeAndPay();
        String portal = redirect("/plan/portal");
        assertThat(portal).startsWith("/sandbox/billing/portal/");
        assertThat(http.retrieve(HttpRequest.GET(portal), String.class)).contains("Résilier à la fin de la période")
                .contains("puis renouvelée");
        assertThat(http.retrieve(HttpRequest.GET(portal + "?lang=en"), String.class))
                .contains("Cancel at the end of the period").contains("then renewed").contains("Back to the dashboard");

        form(portal + "/cancel");
        Map<?, ?> cancelled = get(P + "/plan");
        assertThat(cancelled.get("plan")).isEqualTo("PAID");
        assertThat(cancelled.get("renewing")).isEqualTo(false);

        form(portal + "/resume");
        assertThat(get(P + "/plan").get("renewing")).isEqualTo(true);
        String before = (String) get(P + "/plan").get("paidUntil");
        Map<?, ?> renewed = post(P + "/plan/sandbox/renew");
        assertThat(renewed.get("plan")).isEqualTo("PAID");
        assertThat(Instant.parse((String) renewed.get("paidUntil"))).isAfter(Instant.parse(before));

        form(portal + "/cancel");
        Map<?, ?> ended = post(P + "/plan/sandbox/renew");
        assertThat(ended.get("plan")).as("a cancelled subscription ends at the (played) period's end").isEqualTo("FREE");
        assertThat(ended.get("subscribed")).isEqualTo(false);
    }

    @Test
    @DisplayName("PLAN-2 PLAN-3 a failed renewal: the free plan with its quota applies; the 41st booking of the month is refused with QUOTA_REACHED and the public page says so")
    void failedRenewalFallsToFreeWithQuota() {
        post(P + "/plan/sandbox/end-trial");
        subscribeAndPay();
        String activity = (String) http.retrieve(HttpRequest.POST(P + "/activities",
                PractitionerApiTest.activityBody("Shiatsu", 60)).bearerAuth(anna), Map.class).get("id");
        UsageMonth month = UsageMonth.of(annaId, clock.instant(), ZoneId.of("Europe/Paris"));
        for (int n = 0; n < 40; n++) {
            stores.usage().record(month, UsageKind.BOOKING, "seeded-" + n);
        }

        post(P + "/plan/sandbox/fail-next-renewal");
        Map<?, ?> failed = post(P + "/plan/sandbox/renew");

        assertThat(failed.get("plan")).isEqualTo("FREE");
        assertThat(failed.get("renewalFailed")).isEqualTo(true);
        assertThat(failed.get("bookingsLeft")).isEqualTo(0);
        assertThat(failed.get("bookingsClosed")).isEqualTo(true);
        String problem = AccountsTestSupport.problemBody(AccountsTestSupport.failure(http, HttpRequest.POST(P + "/bookings",
                Map.of("activityId", activity, "start", LocalDate.now(ZoneId.of("Europe/Paris")).plusDays(3)
                        .atTime(10, 0).atZone(ZoneId.of("Europe/Paris")).toInstant().toString(), "mode", "IN_PERSON",
                        "email", "client@example.org", "name", "Chloé Dubois", "phone", "+33 6 12 34 56 78"))
                .header("Idempotency-Key", "over-quota").bearerAuth(anna)), 429);
        assertThat(problem).contains("problems/quota-reached").contains("40 bookings");
        String slug = "quota-" + UUID.randomUUID().toString().substring(0, 8);
        http.exchange(HttpRequest.PUT(P + "/profile", Map.of("slug", slug, "presentation", "Shiatsu")).bearerAuth(anna));
        Map<?, ?> page = http.retrieve(HttpRequest.GET("/api/public/pages/" + slug), Map.class);
        assertThat((String) page.get("bookingsClosed")).as("the public page says so").contains("no more online bookings");
    }

    @Test
    @DisplayName("PLAN-2 the trial ended from the sandbox: FREE at once, 40 bookings left")
    void endTrial() {
        assertThat(get(P + "/plan").get("plan")).isEqualTo("TRIAL");

        Map<?, ?> plan = post(P + "/plan/sandbox/end-trial");

        assertThat(plan.get("plan")).isEqualTo("FREE");
        assertThat(plan.get("bookingsLeft")).isEqualTo(40);
    }

    @Test
    @DisplayName("PLAN-1 the trial's end is told by e-mail 7 days before, once")
    void trialEndTold() {
        Instant trialEnd = Instant.parse((String) get(P + "/plan").get("trialEndsAt"));
        ((AccountsTestSupport.MovableClock) clock).advance(Duration.between(clock.instant(),
                trialEnd.minus(Duration.ofDays(6))).truncatedTo(ChronoUnit.SECONDS));
        try {
            engine.plans().tellTrialsEnding();
            engine.plans().tellTrialsEnding();

            List<ClaimedMessage> told = stores.outbox().claimDue(clock.instant().plus(Duration.ofDays(1)), 1000,
                            new Lease("plan-test", clock.instant().plus(Duration.ofDays(1)))).stream()
                    .filter(m -> m.message().kind() == MessageKind.TRIAL_ENDING && m.message().practitionerId().equals(annaId))
                    .toList();
            assertThat(told).hasSize(1);
        } finally {
            ((AccountsTestSupport.MovableClock) clock).advance(Duration.between(clock.instant(), Instant.now())
                    .truncatedTo(ChronoUnit.SECONDS));
        }
    }
}
