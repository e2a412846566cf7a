package org.rendezvous.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rendezvous.app.MoneyJourney.amount;
import static org.rendezvous.app.MoneyJourney.at;

import com.google.gson.JsonObject;
import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.rendezvous.core.Rendezvous;
import org.rendezvous.core.port.Stores;
import org.rendezvous.payments.FakeStripe;

/**
 * Issue 12, item 7, against the local fake Stripe ({@link FakeStripe}, over real HTTP in Stripe's wire format),
 * model PLATFORM_COLLECTS: the host configured with a secret key, a webhook secret and
 * {@code rendezvous.stripe.api-base} pointing at the fake; onboarding (an Express account at the fake, its
 * {@code account.updated} delivered signed to {@code /api/webhooks/stripe}), Checkout paid at the fake and
 * {@code checkout.session.completed} delivered, refunds for the late cancellation, the no-show and its reversal,
 * the payout as a Transfer with its group and statement metadata; FEE-4 after every step.
 */
@MicronautTest(environments = AccountsTestSupport.ENVIRONMENT)
@Property(name = "rendezvous.model", value = "PLATFORM_COLLECTS")
@Property(name = "rendezvous.stripe.secret-key", value = "sk_test_journey")
@Property(name = "rendezvous.stripe.webhook-secret", value = StripeMoneyJourneyApiTest.WEBHOOK_SECRET)
@Property(name = "rendezvous.jobs.enabled", value = "false")
@Property(name = "micronaut.http.client.follow-redirects", value = "false")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StripeMoneyJourneyApiTest implements TestPropertyProvider {

    static final String WEBHOOK_SECRET = "whsec_journey_test";

    /** The fake signs events at the host's time (its clock is the test's movable one once the context is up). */
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

    /** A webhook delivery as Stripe makes it: signed, to the host's endpoint; the host must answer 200. */
    static void deliver(MoneyJourney j, FakeStripe fake, String type, JsonObject object, String account) {
        StringBuilder signature = new StringBuilder();
        String body = fake.signedEvent("evt_" + UUID.randomUUID().toString().replace("-", ""), type, object, account,
                WEBHOOK_SECRET, signature);
        HttpResponse<String> answer = j.http.exchange(HttpRequest.POST("/api/webhooks/stripe", body)
                .contentType(MediaType.APPLICATION_JSON).header("Stripe-Signature", signature.toString()), String.class);
        assertThat(answer.getStatus().getCode()).as("%s delivered: %s", type, answer.body()).isEqualTo(200);
    }

    /** Onboarding at the fake: the Account Link's page completed, account.updated delivered; the account id. */
    static String connectAtTheFake(MoneyJourney j, FakeStripe fake) {
        Map<?, ?> onboarding = j.practitioner(HttpRequest.POST(MoneyJourney.P + "/payment-account/onboarding",
                Map.of("country", "FR")));
        String accountId = (String) j.practitioner(HttpRequest.GET(MoneyJourney.P + "/payment-account")).get("accountId");
        assertThat(fake.object(accountId).get("type").getAsString()).isEqualTo("express");
        assertThat(fake.last("POST", "/v1/account_links").params()).containsEntry("account", accountId);
        assertThat(onboarding.get("url")).isNotNull();
        deliver(j, fake, "account.updated", fake.completeOnboarding(accountId), accountId);
        Map<?, ?> account = j.practitioner(HttpRequest.GET(MoneyJourney.P + "/payment-account"));
        assertThat(account.get("state")).isEqualTo("ENABLED");
        assertThat(account.get("canReceivePayouts")).isEqualTo(true);
        return accountId;
    }

    /** The client pays on the fake's Checkout page; checkout.session.completed is delivered (on {@code account}). */
    static void payAtTheFake(MoneyJourney j, FakeStripe fake, Map<?, ?> held, String account) {
        Map<?, ?> next = (Map<?, ?>) held.get("nextStep");
        assertThat(next.get("action")).isEqualTo("PAY");
        Map<?, ?> checkout = j.http.retrieve(HttpRequest.POST(URI.create((String) next.get("checkoutUrl")).getPath(), ""),
                Map.class);
        String redirect = (String) checkout.get("redirect");
        assertThat(redirect).startsWith("https://checkout.stripe.com/");
        String sessionId = redirect.substring(redirect.lastIndexOf('/') + 1);
        deliver(j, fake, "checkout.session.completed", fake.complete(sessionId), account);
    }

    @Test
    @DisplayName("PLATFORM_COLLECTS end to end over HTTP against the fake Stripe: PAY-5 signed webhooks, FEE-2, CX-3, CX-4 refunds and reversal, PO-3 payout as a Transfer with its group and PO-5 statement metadata; FEE-4 after every step")
    void platformCollectsAgainstTheFake() {
        hostClock.set(clock);
        MoneyJourney j = new MoneyJourney(client.toBlocking(), stores, engine, clock);
        j.ledgerHolds("registration", "0.00");

        String accountId = connectAtTheFake(j, fake);
        j.practitioner(HttpRequest.PUT(MoneyJourney.P + "/payment-account/payouts", ""));
        j.practitioner(HttpRequest.PUT(MoneyJourney.P + "/settings", Map.of("noShowPercent", "50", "confirmation", "MANUAL",
                "cancellationDeadlineMinutes", 1440, "clientsMayCancel", true)));
        String video = j.videoActivity("60.00");
        LocalDate monday = j.mondayWithOpenings();
        j.ledgerHolds("connection and settings", "0.00");

        Map<?, ?> kept = j.book(video, at(monday, 9));
        Map<?, ?> lateCancelled = j.book(video, at(monday, 10));
        Map<?, ?> noShow = j.book(video, at(monday, 11));
        int paid = 0;
        for (Map<?, ?> booking : List.of(kept, lateCancelled, noShow)) {
            payAtTheFake(j, fake, booking, null);
            paid += 60;
            assertThat(j.link(booking).get("state")).isEqualTo("PENDING");
            j.ledgerHolds("payment", paid + ".00");
            assertThat(j.confirm(booking).get("state")).isEqualTo("CONFIRMED");
            j.ledgerHolds("confirmation", paid + ".00");
        }
        assertThat(fake.succeededPayments(FakeStripe.PLATFORM)).hasSize(3);
        assertThat(j.bookingMoney(kept).get("pendingEarnings")).as("FEE-2").isEqualTo(amount("57.00"));

        // CX-3: late cancellation; 30.00 refunded at the fake.
        j.moveClockTo(at(monday, 8));
        assertThat(j.cancelByClient(lateCancelled).get("state")).isEqualTo("CANCELLED_BY_CLIENT");
        engine.payments().carryOutDue();
        Map<?, ?> ledger = j.ledgerHolds("late cancellation", "180.00");
        assertThat(MoneyJourney.value(ledger, "refunds")).isEqualByComparingTo("30.00");
        assertThat(fake.requests("POST", "/v1/refunds")).hasSize(1);
        assertThat(fake.last("POST", "/v1/refunds").params()).containsEntry("amount", "3000");

        // CX-4: no-show, 30.00 refunded; then the operator's reversal refunds the 30.00 kept.
        j.moveClockTo(at(monday, 11).plus(Duration.ofMinutes(30)));
        assertThat(j.reportNoShow(noShow).get("state")).isEqualTo("NO_SHOW");
        engine.payments().carryOutDue();
        j.ledgerHolds("no-show", "180.00");
        j.reverse(noShow, "the client was in hospital");
        engine.payments().carryOutDue();
        ledger = j.ledgerHolds("reversal", "180.00");
        assertThat(MoneyJourney.value(ledger, "refunds")).isEqualByComparingTo("90.00");
        assertThat(fake.requests("POST", "/v1/refunds")).hasSize(3);

        // PO-1 release, PO-3 payout: a Transfer to the connected account at the fake.
        j.moveClockTo(at(monday, 10).plus(Duration.ofHours(48)).plus(Duration.ofMinutes(5)));
        engine.jobs().completeEnded();
        engine.payments().carryOutDue();
        j.ledgerHolds("release", "180.00");
        assertThat(j.balances().get("payable")).isEqualTo(amount("85.50"));
        Map<?, ?> payout = j.practitioner(HttpRequest.POST(MoneyJourney.P + "/payouts", "")
                .header("Idempotency-Key", "journey-payout-" + UUID.randomUUID()));
        engine.payouts().resumePlanned();
        ledger = j.ledgerHolds("payout", "180.00");
        assertThat(MoneyJourney.value(ledger, "payouts")).isEqualByComparingTo("85.50");
        FakeStripe.Recorded transfer = fake.last("POST", "/v1/transfers");
        assertThat(transfer.params()).containsEntry("amount", "8550").containsEntry("currency", "eur")
                .containsEntry("destination", accountId).containsEntry("transfer_group", "payout_" + payout.get("id"))
                .containsEntry("metadata[payout_id]", (String) payout.get("id"))
                .containsEntry("metadata[practitioner_id]", j.practitionerId)
                .containsEntry("metadata[items_count]", "4").containsEntry("metadata[items_total]", "85.50 EUR");
        assertThat(transfer.params().get("metadata[items_1]")).contains((String) kept.get("id"), (String) lateCancelled.get("id"),
                "EARNINGS_RELEASED", "CHARGE_KEPT", "CHARGE_REVERSED");
        // PO-5: the statement lists the items the transfer's metadata carries; its reference is the Transfer.
        Map<?, ?> statement = j.practitioner(HttpRequest.GET(MoneyJourney.P + "/payouts/" + payout.get("id")));
        assertThat(statement.get("state")).isEqualTo("SENT");
        assertThat(fake.object((String) statement.get("reference")).get("destination").getAsString()).isEqualTo(accountId);
        List<Map<?, ?>> items = (List<Map<?, ?>>) statement.get("statement");
        assertThat(items).hasSize(4);
        assertThat(items.stream().<Object>map(i -> i.get("kind")).toList())
                .containsExactly("CHARGE_KEPT", "CHARGE_KEPT", "CHARGE_REVERSED", "EARNINGS_RELEASED");
        assertThat(items.stream().<Object>map(i -> i.get("bookingId")).toList())
                .containsExactly(lateCancelled.get("id"), noShow.get("id"), noShow.get("id"), kept.get("id"));
        assertThat(j.balances().get("paidOut")).isEqualTo(amount("85.50"));
    }
}
