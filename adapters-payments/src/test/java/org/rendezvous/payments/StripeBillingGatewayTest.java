package org.rendezvous.payments;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.rendezvous.core.contact.EmailAddress;
import org.rendezvous.core.plan.BillingEvent;
import org.rendezvous.core.plan.BillingPage;
import org.rendezvous.core.plan.PortalRequest;
import org.rendezvous.core.policy.CommercialModel;
import org.rendezvous.core.port.BillingGateway;
import org.rendezvous.core.port.contract.BillingGatewayContract;
import org.rendezvous.core.port.contract.StoreFixtures;

/**
 * PLAN-3: the paid plan billed by Stripe over real HTTP against the local fake: the contract, the
 * wire format of the subscription checkout and the portal, and the round trip of the fake's invoices
 * and subscriptions through signed webhooks back to billing events.
 */
class StripeBillingGatewayTest extends BillingGatewayContract {

    private final Clock clock = Clock.fixed(StoreFixtures.T0, ZoneOffset.UTC);
    private FakeStripe stripe;
    private final StripeWebhooks webhooks = new StripeWebhooks(StripeTestSettings.WEBHOOK_SECRET, clock);

    @Override
    protected BillingGateway newGateway() {
        stripe = new FakeStripe(clock);
        return gateway(Optional.empty());
    }

    private StripeBillingGateway gateway(Optional<String> priceId) {
        return new StripeBillingGateway(StripeTestSettings.against(stripe.base(), CommercialModel.DIRECT_CONNECT), priceId,
                "https://rdv.example/dashboard.html#plan", "https://rdv.example/dashboard.html#plan", clock);
    }

    @Override
    protected Instant trialEnd() {
        return clock.instant().plus(Duration.ofDays(20));
    }

    @AfterEach
    void stopStripe() {
        stripe.close();
    }

    private BillingEvent delivered(String type, JsonObject object) {
        String body = stripe.event(type, object);
        WebhookOutcome outcome = webhooks.handle(body, StripeWebhooksTest.sign(body, StripeTestSettings.WEBHOOK_SECRET,
                clock.instant()));
        assertThat(outcome).as(body).isInstanceOf(WebhookOutcome.VerifiedBilling.class);
        return ((WebhookOutcome.VerifiedBilling) outcome).event();
    }

    private String sessionId(BillingPage page) {
        return ((BillingPage.Opened) page).redirect().getPath().replaceAll(".*/", "");
    }

    @Test
    @DisplayName("PLAN-3 the checkout is a subscription-mode session for the practitioner's customer, 30.00 a month as price_data, the practitioner in the subscription's metadata")
    void checkoutWireFormat() {
        gateway.startSubscription(checkout(Optional.empty(), Optional.empty(), "rdv:plan-checkout:1"));

        FakeStripe.Recorded customer = stripe.last("POST", "/v1/customers");
        assertThat(customer.header("Idempotency-Key")).isEqualTo("rdv:plan-customer:" + anna);
        assertThat(customer.param("metadata[practitioner_id]")).isEqualTo(anna.toString());
        FakeStripe.Recorded session = stripe.last("POST", "/v1/checkout/sessions");
        assertThat(session.header("Idempotency-Key")).isEqualTo("rdv:plan-checkout:1");
        assertThat(session.param("mode")).isEqualTo("subscription");
        assertThat(session.param("customer")).startsWith("cus_test_");
        assertThat(session.param("line_items[0][price_data][unit_amount]")).isEqualTo("3000");
        assertThat(session.param("line_items[0][price_data][currency]")).isEqualTo("eur");
        assertThat(session.param("line_items[0][price_data][recurring][interval]")).isEqualTo("month");
        assertThat(session.param("subscription_data[metadata][practitioner_id]")).isEqualTo(anna.toString());
        assertThat(session.param("subscription_data[trial_end]")).isNull();
    }

    @Test
    @DisplayName("PLAN-3 the checkout page says when Stripe voids it (expires_at), for the pending-checkout guard")
    void checkoutExpiry() {
        BillingPage page = gateway.startSubscription(checkout(Optional.empty(), Optional.empty(), "rdv:plan-checkout:exp"));
        String session = sessionId(page);
        assertThat(((BillingPage.Opened) page).expiresAt())
                .contains(Instant.ofEpochSecond(stripe.object(session).get("expires_at").getAsLong()));
    }

    @Test
    @DisplayName("PLAN-3 a duplicate subscription is cancelled now with DELETE /v1/subscriptions/{id}; cancelling it again is a failure, never an exception")
    void duplicateCancelled() {
        BillingPage page = gateway.startSubscription(checkout(Optional.empty(), Optional.empty(), "rdv:plan-checkout:dup"));
        JsonObject invoice = stripe.completeSubscription(sessionId(page));
        String subscription = ((BillingEvent.PeriodPaid) delivered("invoice.paid", invoice)).subscriptionRef();

        assertThat(gateway.cancelSubscription(subscription))
                .isEqualTo(new org.rendezvous.core.plan.SubscriptionCancellation.Cancelled(subscription));
        assertThat(stripe.requests("DELETE", "/v1/subscriptions/" + subscription)).hasSize(1);
        assertThat(stripe.object(subscription).get("status").getAsString()).isEqualTo("canceled");
        assertThat(gateway.cancelSubscription(subscription))
                .isInstanceOf(org.rendezvous.core.plan.SubscriptionCancellation.Failed.class);
    }

    @Test
    @DisplayName("PLAN-3 with a Price id configured, the checkout names it; during the trial, billing starts at the trial's end (trial_end)")
    void priceIdAndTrialEnd() {
        gateway(Optional.of("price_30eur")).startSubscription(checkout(Optional.empty(), Optional.of(trialEnd()), "k"));

        FakeStripe.Recorded session = stripe.last("POST", "/v1/checkout/sessions");
        assertThat(session.param("line_items[0][price]")).isEqualTo("price_30eur");
        assertThat(session.param("line_items[0][price_data][unit_amount]")).isNull();
        assertThat(session.param("subscription_data[trial_end]")).isEqualTo(Long.toString(trialEnd().getEpochSecond()));
    }

    @Test
    @DisplayName("PLAN-3 a trial ending within 48 hours is not passed as trial_end (Stripe refuses it): billing starts now")
    void trialEndTooClose() {
        BillingPage page = gateway.startSubscription(checkout(Optional.empty(),
                Optional.of(clock.instant().plus(Duration.ofHours(30))), "k"));

        assertThat(page).isInstanceOf(BillingPage.Opened.class);
        assertThat(stripe.last("POST", "/v1/checkout/sessions").param("subscription_data[trial_end]")).isNull();
    }

    @Test
    @DisplayName("PLAN-3 the portal is a billing portal session for the customer, returning to the dashboard")
    void portalWireFormat() {
        BillingPage.Opened opened = (BillingPage.Opened) gateway.startSubscription(
                checkout(Optional.empty(), Optional.empty(), "k"));

        BillingPage portal = gateway.openPortal(new PortalRequest(anna, EmailAddress.of("anna@example.org"),
                Optional.of(opened.customerRef())));

        assertThat(((BillingPage.Opened) portal).redirect().toString()).startsWith("https://billing.stripe.com/p/session/");
        FakeStripe.Recorded request = stripe.last("POST", "/v1/billing_portal/sessions");
        assertThat(request.param("customer")).isEqualTo(opened.customerRef());
        assertThat(request.param("return_url")).isEqualTo("https://rdv.example/dashboard.html#plan");
    }

    @Test
    @DisplayName("PLAN-3 Stripe down: unreachable; a refused price: refused — never an exception")
    void failures() {
        stripe.failNext("POST", "/v1/customers", 500, "api_error", null);
        assertThat(gateway.startSubscription(checkout(Optional.empty(), Optional.empty(), "k1")))
                .isInstanceOf(BillingPage.Unreachable.class);
        stripe.failNext("POST", "/v1/checkout/sessions", 400, "invalid_request_error", "resource_missing");
        assertThat(gateway.startSubscription(checkout(Optional.empty(), Optional.empty(), "k2")))
                .isInstanceOf(BillingPage.Refused.class);
    }

    @Test
    @DisplayName("PLAN-3 webhooks: invoice.paid (the line's period), a failed renewal, cancel at period end and deletion become billing events")
    void webhooksRoundTrip() {
        BillingPage.Opened opened = (BillingPage.Opened) gateway.startSubscription(
                checkout(Optional.empty(), Optional.empty(), "k"));
        JsonObject first = stripe.completeSubscription(sessionId(opened));
        String subscription = first.getAsJsonObject("parent").getAsJsonObject("subscription_details")
                .get("subscription").getAsString();

        BillingEvent.PeriodPaid paid = (BillingEvent.PeriodPaid) delivered("invoice.paid", first);
        assertThat(paid.practitionerId()).isEqualTo(anna);
        assertThat(paid.customerRef()).isEqualTo(opened.customerRef());
        assertThat(paid.subscriptionRef()).isEqualTo(subscription);
        assertThat(paid.periodStart()).isEqualTo(clock.instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
        assertThat(paid.periodEnd()).isEqualTo(paid.periodStart().plusSeconds(FakeStripe.PERIOD_SECONDS));

        BillingEvent.RenewalFailed failed = (BillingEvent.RenewalFailed) delivered("invoice.payment_failed",
                stripe.renew(subscription, false));
        assertThat(failed.periodStart()).isEqualTo(paid.periodEnd());

        BillingEvent.RenewalChanged cancelled = (BillingEvent.RenewalChanged) delivered("customer.subscription.updated",
                stripe.cancelAtPeriodEnd(subscription, true));
        assertThat(cancelled.renewing()).isFalse();
        assertThat(((BillingEvent.RenewalChanged) delivered("customer.subscription.updated",
                stripe.cancelAtPeriodEnd(subscription, false))).renewing()).isTrue();

        BillingEvent.SubscriptionEnded ended = (BillingEvent.SubscriptionEnded) delivered("customer.subscription.deleted",
                stripe.endSubscription(subscription));
        assertThat(ended.endedAt()).isEqualTo(paid.periodEnd());
    }

    @Test
    @DisplayName("PLAN-3 a subscription that is not the plan's, or billing on a connected account, is ignored")
    void othersIgnored() {
        JsonObject foreign = new JsonObject();
        foreign.addProperty("id", "sub_foreign");
        foreign.addProperty("object", "subscription");
        foreign.add("metadata", new JsonObject());
        String body = stripe.event("customer.subscription.deleted", foreign);
        assertThat(webhooks.handle(body, StripeWebhooksTest.sign(body, StripeTestSettings.WEBHOOK_SECRET, clock.instant())))
                .isInstanceOf(WebhookOutcome.Ignored.class);

        BillingPage.Opened opened = (BillingPage.Opened) gateway.startSubscription(
                checkout(Optional.empty(), Optional.empty(), "k"));
        JsonObject invoice = stripe.completeSubscription(sessionId(opened));
        String onAccount = StripeWebhooksTest.event("evt_acct", "invoice.paid", invoice, "acct_practitioner");
        assertThat(webhooks.handle(onAccount, StripeWebhooksTest.sign(onAccount, StripeTestSettings.WEBHOOK_SECRET,
                clock.instant()))).isInstanceOf(WebhookOutcome.Ignored.class);
    }
}
