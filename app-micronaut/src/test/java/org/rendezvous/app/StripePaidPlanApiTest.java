package org.rendezvous.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rendezvous.app.AccountsTestSupport.failure;
import static org.rendezvous.app.AccountsTestSupport.problemBody;
import static org.rendezvous.app.StripeMoneyJourneyApiTest.deliver;

import com.google.gson.JsonObject;
import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.rendezvous.core.Rendezvous;
import org.rendezvous.core.port.Stores;
import org.rendezvous.core.practitioner.PractitionerId;
import org.rendezvous.payments.FakeStripe;

/**
 * Issue 12, items 3 and 7, the paid plan through the host against the local fake Stripe (over real HTTP in Stripe's
 * wire format, {@code rendezvous.stripe.api-base} pointing at it): subscribe → Checkout in subscription mode →
 * {@code invoice.paid} → the paid plan shown; the pending-checkout guard (a second subscribe answers the same page);
 * two subscriptions paid in a race (the second cancelled, never counted); the portal;
 * {@code invoice.payment_failed} → the free plan with its quotas from the end of the paid period.
 */
@MicronautTest(environments = AccountsTestSupport.ENVIRONMENT)
@Property(name = "rendezvous.model", value = "DIRECT_CONNECT")
@Property(name = "rendezvous.stripe.secret-key", value = "sk_test_plan")
@Property(name = "rendezvous.stripe.webhook-secret", value = StripeMoneyJourneyApiTest.WEBHOOK_SECRET)
@Property(name = "rendezvous.jobs.enabled", value = "false")
@Property(name = "micronaut.http.client.follow-redirects", value = "false")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StripePaidPlanApiTest implements TestPropertyProvider {

    final AtomicReference<Clock> hostClock = new AtomicReference<>(Clock.systemUTC());
    final FakeStripe fake = new FakeStripe(new Clock() {
        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return hostClock.get().instant();
        }
    });

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    Stores stores;

    @Inject
    Rendezvous engine;

    @Inject
    Clock clock;

    @Override
    public Map<String, String> getProperties() {
        return Map.of("rendezvous.stripe.api-base", fake.base().toString());
    }

    @AfterAll
    void stopFake() {
        fake.close();
    }

    static String sessionOf(Map<?, ?> page) {
        String redirect = (String) page.get("redirect");
        assertThat(redirect).startsWith("https://checkout.stripe.com/");
        return redirect.substring(redirect.lastIndexOf('/') + 1);
    }

    @Test
    @DisplayName("PLAN-2, PLAN-3 against the fake Stripe: subscribe (the same page twice, one session), invoice.paid → PAID; a second subscription paid in a race is cancelled and never counted; portal; invoice.payment_failed → FREE with its quota at the period's end")
    void paidPlanAgainstTheFake() {
        hostClock.set(clock);
        MoneyJourney j = new MoneyJourney(client.toBlocking(), stores, engine, clock);
        assertThat(engine.plans().endTrialNow(PractitionerId.of(j.practitionerId)).isAccepted()).isTrue();
        Map<?, ?> plan = j.practitioner(HttpRequest.GET(MoneyJourney.P + "/plan"));
        assertThat(plan.get("plan")).isEqualTo("FREE");
        assertThat(plan.get("bookingsLeft")).isEqualTo(40);

        // Two tabs, a double click: one Checkout Session, the same page twice.
        int sessionsBefore = fake.requests("POST", "/v1/checkout/sessions").size();
        Map<?, ?> first = j.practitioner(HttpRequest.POST(MoneyJourney.P + "/plan/subscribe", ""));
        Map<?, ?> again = j.practitioner(HttpRequest.POST(MoneyJourney.P + "/plan/subscribe", ""));
        assertThat(again.get("redirect")).isEqualTo(first.get("redirect"));
        assertThat(fake.requests("POST", "/v1/checkout/sessions")).hasSize(sessionsBefore + 1);
        FakeStripe.Recorded session = fake.last("POST", "/v1/checkout/sessions");
        assertThat(session.params()).containsEntry("mode", "subscription")
                .containsEntry("line_items[0][price_data][unit_amount]", "3000")
                .containsEntry("line_items[0][price_data][recurring][interval]", "month");
        assertThat(j.practitioner(HttpRequest.GET(MoneyJourney.P + "/plan")).get("plan")).as("nothing granted yet")
                .isEqualTo("FREE");

        // The page expired (in the host's eyes) and the practitioner opened another in a second tab: two sessions,
        // both paid in a race. The first subscription reported is kept; the other is cancelled and never counted.
        j.moveClockTo(j.clock.instant().plus(Duration.ofHours(24)).plus(Duration.ofMinutes(1)));
        Map<?, ?> second = j.practitioner(HttpRequest.POST(MoneyJourney.P + "/plan/subscribe", ""));
        assertThat(second.get("redirect")).isNotEqualTo(first.get("redirect"));
        JsonObject paid = fake.completeSubscription(sessionOf(first));
        JsonObject racing = fake.completeSubscription(sessionOf(second));
        deliver(j, fake, "invoice.paid", paid, null);
        plan = j.practitioner(HttpRequest.GET(MoneyJourney.P + "/plan"));
        assertThat(plan.get("plan")).isEqualTo("PAID");
        assertThat(plan.get("subscribed")).isEqualTo(true);
        assertThat(plan.get("bookingsLeft")).isNull();
        Object paidUntil = plan.get("paidUntil");
        Instant periodEnd = j.clock.instant().plusSeconds(FakeStripe.PERIOD_SECONDS);
        assertThat(Instant.parse((String) paidUntil)).as("the invoice line's period")
                .isBetween(periodEnd.minusSeconds(60), periodEnd.plusSeconds(1));
        String kept = subscriptionOf(paid);
        String duplicate = subscriptionOf(racing);
        deliver(j, fake, "invoice.paid", racing, null);
        assertThat(fake.requests("DELETE", "/v1/subscriptions/" + duplicate)).as("the duplicate cancelled").hasSize(1);
        assertThat(fake.requests("DELETE", "/v1/subscriptions/" + kept)).isEmpty();
        assertThat(fake.object(duplicate).get("status").getAsString()).isEqualTo("canceled");
        assertThat(j.practitioner(HttpRequest.GET(MoneyJourney.P + "/plan"))).as("counted once").isEqualTo(plan);
        assertThat(problemBody(failure(j.http, HttpRequest.POST(MoneyJourney.P + "/plan/subscribe", "")
                .bearerAuth(j.practitioner)), 409)).contains("already-subscribed");

        // The portal: change the card or cancel.
        Map<?, ?> portal = j.practitioner(HttpRequest.POST(MoneyJourney.P + "/plan/portal", ""));
        assertThat((String) portal.get("redirect")).startsWith("https://billing.stripe.com/");
        assertThat(fake.last("POST", "/v1/billing_portal/sessions").params())
                .containsEntry("customer", fake.object(kept).get("customer").getAsString());

        // The renewal fails: PAID until the end of the paid period, then FREE with its quota.
        deliver(j, fake, "invoice.payment_failed", fake.renew(kept, false), null);
        plan = j.practitioner(HttpRequest.GET(MoneyJourney.P + "/plan"));
        assertThat(plan.get("plan")).as("the paid period runs to its end").isEqualTo("PAID");
        assertThat(plan.get("renewalFailed")).isEqualTo(true);
        j.moveClockTo(Instant.parse((String) paidUntil).plusSeconds(1));
        plan = j.practitioner(HttpRequest.GET(MoneyJourney.P + "/plan"));
        assertThat(plan.get("plan")).isEqualTo("FREE");
        assertThat(plan.get("bookingsLeft")).as("PLAN-2: the free plan's quota applies").isEqualTo(40);
        j.ledgerHolds("the plan moves no booking money", "0.00");
    }

    private String subscriptionOf(JsonObject invoice) {
        return invoice.getAsJsonObject("parent").getAsJsonObject("subscription_details").get("subscription").getAsString();
    }
}
