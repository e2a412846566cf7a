package org.rendezvous.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rendezvous.app.AccountsTestSupport.failure;
import static org.rendezvous.app.AccountsTestSupport.problemBody;
import static org.rendezvous.app.MoneyJourney.amount;
import static org.rendezvous.app.MoneyJourney.at;
import static org.rendezvous.app.StripeMoneyJourneyApiTest.connectAtTheFake;
import static org.rendezvous.app.StripeMoneyJourneyApiTest.payAtTheFake;

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
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
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
 * Issue 12, item 7, against the local fake Stripe, model DIRECT_CONNECT: the account connected at the fake, the
 * Checkout session created on it with the platform's application fee, paid there, the refunds made on it; the
 * platform pays nothing out. FEE-4 after every step.
 */
@MicronautTest(environments = AccountsTestSupport.ENVIRONMENT)
@Property(name = "rendezvous.model", value = "DIRECT_CONNECT")
@Property(name = "rendezvous.provider-fee.percent", value = "2.9")
@Property(name = "rendezvous.provider-fee.fixed", value = "0.25")
@Property(name = "rendezvous.stripe.secret-key", value = "sk_test_journey")
@Property(name = "rendezvous.stripe.webhook-secret", value = StripeMoneyJourneyApiTest.WEBHOOK_SECRET)
@Property(name = "rendezvous.jobs.enabled", value = "false")
@Property(name = "micronaut.http.client.follow-redirects", value = "false")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StripeDirectConnectMoneyJourneyApiTest implements TestPropertyProvider {

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

    @Test
    @DisplayName("DIRECT_CONNECT end to end over HTTP against the fake Stripe: payments on the connected account with the FEE-3 application fee (0.65 of 20.00), CX-3, CX-4 refunds on it and the reversal, no platform payout; FEE-4 after every step")
    void directConnectAgainstTheFake() {
        hostClock.set(clock);
        MoneyJourney j = new MoneyJourney(client.toBlocking(), stores, engine, clock);
        j.ledgerHolds("registration", "0.00");

        String accountId = connectAtTheFake(j, fake);
        assertThat(j.practitioner(HttpRequest.GET(MoneyJourney.P + "/payment-account")).get("canTakePayments")).isEqualTo(true);
        j.practitioner(HttpRequest.PUT(MoneyJourney.P + "/settings", Map.of("onlinePayment", "REQUIRED", "noShowPercent", "50",
                "confirmation", "MANUAL", "cancellationDeadlineMinutes", 1440, "clientsMayCancel", true)));
        // The free plan (2 % + 0.25): the trial ended, as the plan job would at its date.
        assertThat(engine.plans().endTrialNow(PractitionerId.of(j.practitionerId)).isAccepted()).isTrue();
        String video = j.videoActivity("20.00");
        LocalDate monday = j.mondayWithOpenings();
        j.ledgerHolds("connection and settings", "0.00");

        Map<?, ?> kept = j.book(video, at(monday, 9));
        Map<?, ?> lateCancelled = j.book(video, at(monday, 10));
        Map<?, ?> noShow = j.book(video, at(monday, 11));
        int paid = 0;
        for (Map<?, ?> booking : List.of(kept, lateCancelled, noShow)) {
            payAtTheFake(j, fake, booking, accountId);
            paid += 20;
            j.ledgerHolds("payment", paid + ".00");
            assertThat(j.confirm(booking).get("state")).isEqualTo("CONFIRMED");
            j.ledgerHolds("confirmation", paid + ".00");
        }
        FakeStripe.Recorded session = fake.last("POST", "/v1/checkout/sessions");
        assertThat(session.headers()).containsEntry("stripe-account", accountId);
        assertThat(session.params()).containsEntry("payment_intent_data[application_fee_amount]", "65");
        assertThat(fake.succeededPayments(accountId)).hasSize(3);
        assertThat(j.bookingMoney(kept).get("net")).as("FEE-3: 20.00 − 0.65 − 0.83").isEqualTo(amount("18.52"));
        Map<?, ?> ledger = j.ledgerHolds("payments", "60.00");
        assertThat(MoneyJourney.value(ledger, "commissions")).isEqualByComparingTo("1.95");

        j.moveClockTo(at(monday, 8));
        assertThat(j.cancelByClient(lateCancelled).get("state")).isEqualTo("CANCELLED_BY_CLIENT");
        engine.payments().carryOutDue();
        ledger = j.ledgerHolds("late cancellation", "60.00");
        assertThat(MoneyJourney.value(ledger, "refunds")).isEqualByComparingTo("10.00");
        FakeStripe.Recorded refund = fake.last("POST", "/v1/refunds");
        assertThat(refund.headers()).containsEntry("stripe-account", accountId);
        assertThat(refund.params()).containsEntry("amount", "1000");

        j.moveClockTo(at(monday, 11).plus(Duration.ofMinutes(30)));
        assertThat(j.reportNoShow(noShow).get("state")).isEqualTo("NO_SHOW");
        engine.payments().carryOutDue();
        j.ledgerHolds("no-show", "60.00");
        assertThat(j.reverse(noShow, "the client was in hospital").get("refunded")).isEqualTo(amount("10.00"));
        engine.payments().carryOutDue();
        ledger = j.ledgerHolds("reversal", "60.00");
        assertThat(MoneyJourney.value(ledger, "refunds")).isEqualByComparingTo("30.00");
        assertThat(fake.requests("POST", "/v1/refunds")).hasSize(3)
                .allSatisfy(r -> assertThat(r.headers()).containsEntry("stripe-account", accountId));

        j.moveClockTo(at(monday, 10).plus(Duration.ofHours(48)).plus(Duration.ofMinutes(5)));
        engine.jobs().completeEnded();
        engine.payments().carryOutDue();
        engine.payouts().runDueCycle();
        ledger = j.ledgerHolds("time passed", "60.00");
        assertThat(MoneyJourney.value(ledger, "payouts")).isEqualByComparingTo("0.00");
        assertThat(fake.requests("POST", "/v1/transfers")).isEmpty();
        assertThat(problemBody(failure(j.http, HttpRequest.POST(MoneyJourney.P + "/payouts", "")
                .header("Idempotency-Key", "journey-payout").bearerAuth(j.practitioner)), 422)).contains("no-payouts-in-this-model");
        assertThat(MoneyJourney.value(ledger, "owedToPractitioners")).isEqualByComparingTo("26.21");
        assertThat(j.balances().get("earned")).isEqualTo(amount("26.21"));
    }
}
