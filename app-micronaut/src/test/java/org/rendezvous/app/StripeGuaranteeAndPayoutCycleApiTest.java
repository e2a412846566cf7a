package org.rendezvous.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rendezvous.app.MoneyJourney.PARIS;
import static org.rendezvous.app.MoneyJourney.amount;
import static org.rendezvous.app.MoneyJourney.at;
import static org.rendezvous.app.StripeMoneyJourneyApiTest.connectAtTheFake;
import static org.rendezvous.app.StripeMoneyJourneyApiTest.deliver;

import com.google.gson.JsonObject;
import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpRequest;
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
 * Issue 12, item 7, what the other journeys against the fake Stripe leave out (model PLATFORM_COLLECTS): an
 * off-session guarantee charge (PAY-2: a card saved through a setup-mode Checkout, charged with
 * {@code off_session=true} at the no-show), then the payout CYCLE (the scheduled job's use case, not a request)
 * transferring to the connected account, the transfer reversed by Stripe ({@code transfer.reversed}), the balance
 * carried over while the account cannot receive payouts (PO-4), and the same payout sent once it can; FEE-4 after
 * every step.
 */
@MicronautTest(environments = AccountsTestSupport.ENVIRONMENT)
@Property(name = "rendezvous.model", value = "PLATFORM_COLLECTS")
@Property(name = "rendezvous.stripe.secret-key", value = "sk_test_cycle")
@Property(name = "rendezvous.stripe.webhook-secret", value = StripeMoneyJourneyApiTest.WEBHOOK_SECRET)
@Property(name = "rendezvous.jobs.enabled", value = "false")
@Property(name = "micronaut.http.client.follow-redirects", value = "false")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StripeGuaranteeAndPayoutCycleApiTest implements TestPropertyProvider {

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

    /** The next payout cycle date (the 1st or the 15th) after {@code day}, at 01:00 in the operator's zone. */
    static Instant nextCycleAfter(LocalDate day) {
        LocalDate cycle = day.getDayOfMonth() < 15 ? day.withDayOfMonth(15) : day.plusMonths(1).withDayOfMonth(1);
        return cycle.atTime(1, 0).atZone(PARIS).toInstant();
    }

    @Test
    @DisplayName("PAY-2, CX-4 off-session guarantee charge through Stripe; PO-1 the payout cycle as a Transfer; transfer.reversed → owed again, PO-4 carried over while payouts are off, then the same payout sent; FEE-4 after every step")
    void guaranteeChargeAndPayoutCycleAgainstTheFake() {
        hostClock.set(clock);
        MoneyJourney j = new MoneyJourney(client.toBlocking(), stores, engine, clock);
        String accountId = connectAtTheFake(j, fake);
        j.practitioner(HttpRequest.PUT(MoneyJourney.P + "/payment-account/payouts", ""));
        j.practitioner(HttpRequest.PUT(MoneyJourney.P + "/settings", Map.of("noShowPercent", "50", "confirmation", "AUTOMATIC")));
        String inPerson = (String) j.practitioner(HttpRequest.POST(MoneyJourney.P + "/activities", Map.of("name", "Shiatsu",
                "durationMinutes", 60, "price", amount("60.00"), "modes", List.of("IN_PERSON")))).get("id");
        LocalDate monday = j.mondayWithOpenings();
        j.ledgerHolds("set-up", "0.00");

        // PAY-2: the client saves a card on a setup-mode Checkout page at the fake.
        Map<?, ?> held = j.http.retrieve(HttpRequest.POST("/api/public/practitioners/" + j.practitionerId + "/bookings",
                Map.of("activityId", inPerson, "start", at(monday, 9).toString(), "mode", "IN_PERSON",
                        "client", Map.of("name", "Chloé Dubois", "email", "chloe@example.org", "phone", "+33 6 12 34 56 78")))
                .header("Idempotency-Key", "cycle-book-" + UUID.randomUUID()), Map.class);
        Map<?, ?> next = (Map<?, ?>) held.get("nextStep");
        assertThat(next.get("action")).isEqualTo("SAVE_CARD");
        Map<?, ?> checkout = j.http.retrieve(HttpRequest.POST(URI.create((String) next.get("checkoutUrl")).getPath(), ""),
                Map.class);
        String redirect = (String) checkout.get("redirect");
        assertThat(fake.last("POST", "/v1/checkout/sessions").params()).containsEntry("mode", "setup");
        deliver(j, fake, "checkout.session.completed", fake.complete(redirect.substring(redirect.lastIndexOf('/') + 1)), null);
        Map<?, ?> saved = j.link(held);
        assertThat(((Map<?, ?>) saved.get("money")).get("state")).isEqualTo("GUARANTEE_SAVED");
        if ("PENDING".equals(saved.get("state"))) {
            j.confirm(held);
        }
        j.ledgerHolds("card saved: nothing charged", "0.00");

        // CX-4 (no-show): the saved card is charged 50 % off-session, through Stripe.
        j.moveClockTo(at(monday, 9).plus(Duration.ofMinutes(30)));
        assertThat(j.reportNoShow(held).get("state")).isEqualTo("NO_SHOW");
        engine.payments().carryOutDue();
        FakeStripe.Recorded charge = fake.last("POST", "/v1/payment_intents");
        assertThat(charge.params()).containsEntry("amount", "3000").containsEntry("currency", "eur")
                .containsEntry("off_session", "true").containsEntry("confirm", "true");
        assertThat(charge.params().get("payment_method")).isNotBlank();
        assertThat(charge.headers().get("idempotency-key")).isNotBlank();
        Map<?, ?> ledger = j.ledgerHolds("guarantee charged", "30.00");
        assertThat(MoneyJourney.value(ledger, "commissions").add(MoneyJourney.value(ledger, "providerFees")))
                .as("the 5 % commission, from which the platform bears the provider's fee").isEqualByComparingTo("1.50");
        assertThat(j.balances().get("payable")).isEqualTo(amount("28.50"));

        // PO-1: the cycle (the scheduled job's use case) transfers the payable balance to the connected account.
        j.moveClockTo(nextCycleAfter(monday));
        engine.payouts().runDueCycle();
        FakeStripe.Recorded transfer = fake.last("POST", "/v1/transfers");
        assertThat(transfer).as("a transfer at the fake").isNotNull();
        assertThat(transfer.params()).containsEntry("amount", "2850").containsEntry("destination", accountId);
        List<Map> payouts = j.practitionerList(MoneyJourney.P + "/payouts");
        assertThat(payouts).singleElement().satisfies(p -> assertThat(p.get("state")).isEqualTo("SENT"));
        String payoutId = (String) payouts.get(0).get("id");
        assertThat(transfer.params()).containsEntry("transfer_group", "payout_" + payoutId);
        ledger = j.ledgerHolds("cycle", "30.00");
        assertThat(MoneyJourney.value(ledger, "payouts")).isEqualByComparingTo("28.50");

        // Stripe reverses the transfer (the account's bank refused): the payout fails, its money is owed again.
        String transferId = (String) j.practitioner(HttpRequest.GET(MoneyJourney.P + "/payouts/" + payoutId)).get("reference");
        deliver(j, fake, "transfer.reversed", fake.reverseTransfer(transferId), null);
        assertThat(j.practitioner(HttpRequest.GET(MoneyJourney.P + "/payouts/" + payoutId)).get("state")).isEqualTo("FAILED");
        ledger = j.ledgerHolds("transfer reversed", "30.00");
        assertThat(MoneyJourney.value(ledger, "payouts")).isEqualByComparingTo("0.00");
        assertThat(j.balances().get("payable")).isEqualTo(amount("28.50"));

        // PO-4: while the account cannot receive payouts (Stripe verifying new details), the next cycle carries over.
        JsonObject verifying = fake.submitDetails(accountId);
        verifying.addProperty("payouts_enabled", false);
        deliver(j, fake, "account.updated", verifying, accountId);
        assertThat(j.practitioner(HttpRequest.GET(MoneyJourney.P + "/payment-account")).get("canReceivePayouts"))
                .isEqualTo(false);
        int transfers = fake.requests("POST", "/v1/transfers").size();
        j.moveClockTo(nextCycleAfter(LocalDate.ofInstant(j.clock.instant(), PARIS)));
        engine.payouts().runDueCycle();
        assertThat(fake.requests("POST", "/v1/transfers")).as("nothing leaves").hasSize(transfers);
        Map<?, ?> carried = j.practitionerList(MoneyJourney.P + "/payouts").stream()
                .filter(p -> "CARRIED_OVER".equals(p.get("state"))).findFirst().orElseThrow();
        assertThat(carried.get("amount")).isEqualTo(amount("28.50"));
        j.ledgerHolds("carried over", "30.00");

        // Payouts back on: the next cycle sends that same payout as a new transfer.
        deliver(j, fake, "account.updated", fake.completeOnboarding(accountId), accountId);
        j.moveClockTo(nextCycleAfter(LocalDate.ofInstant(j.clock.instant(), PARIS)));
        engine.payouts().runDueCycle();
        Map<?, ?> sent = j.practitioner(HttpRequest.GET(MoneyJourney.P + "/payouts/" + carried.get("id")));
        assertThat(sent.get("state")).as("PO-4: one payout that moved forward").isEqualTo("SENT");
        assertThat(fake.requests("POST", "/v1/transfers")).hasSize(transfers + 1);
        assertThat(fake.last("POST", "/v1/transfers").params()).containsEntry("amount", "2850")
                .containsEntry("transfer_group", "payout_" + carried.get("id"));
        ledger = j.ledgerHolds("carried-over payout sent", "30.00");
        assertThat(MoneyJourney.value(ledger, "payouts")).isEqualByComparingTo("28.50");
        assertThat(j.balances().get("payable")).isEqualTo(amount("0.00"));
    }
}
