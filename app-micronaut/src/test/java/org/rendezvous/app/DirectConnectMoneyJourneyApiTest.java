package org.rendezvous.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rendezvous.app.AccountsTestSupport.failure;
import static org.rendezvous.app.AccountsTestSupport.problemBody;
import static org.rendezvous.app.MoneyJourney.amount;
import static org.rendezvous.app.MoneyJourney.at;

import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.rendezvous.core.Rendezvous;
import org.rendezvous.core.port.Stores;

/**
 * Issue 12, item 7, with the sandbox provider, model DIRECT_CONNECT: register → connect → book → pay → cancel
 * late → no-show → reversal, every step over HTTP, the FEE-4 identity after each. The payments live on the
 * practitioner's connected account: the platform keeps its application fee and makes no payout.
 */
@MicronautTest(environments = AccountsTestSupport.ENVIRONMENT)
@Property(name = "rendezvous.model", value = "DIRECT_CONNECT")
@Property(name = "rendezvous.provider-fee.percent", value = "2.9")
@Property(name = "rendezvous.provider-fee.fixed", value = "0.25")
@Property(name = "rendezvous.jobs.enabled", value = "false")
@Property(name = "micronaut.http.client.follow-redirects", value = "false")
class DirectConnectMoneyJourneyApiTest {

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    Stores stores;

    @Inject
    Rendezvous engine;

    @Inject
    Clock clock;

    @Test
    @DisplayName("DIRECT_CONNECT end to end over HTTP (sandbox): FEE-3 0.65 / 0.83 / 18.52 of 20.00 on the free plan, CX-3, CX-4 and its reversal, PAY-4 fees kept, no platform payout; FEE-4 after every step")
    void directConnectJourney() {
        MoneyJourney j = new MoneyJourney(client.toBlocking(), stores, engine, clock);
        j.ledgerHolds("registration", "0.00");

        // PAY-1: online payment only once the connected account can take payments.
        problemBody(failure(j.http, HttpRequest.PUT(MoneyJourney.P + "/settings", Map.of("onlinePayment", "REQUIRED"))
                .bearerAuth(j.practitioner)), 422);
        j.connectThroughSandbox();
        j.practitioner(HttpRequest.PUT(MoneyJourney.P + "/settings", Map.of("onlinePayment", "REQUIRED", "noShowPercent", "50",
                "confirmation", "MANUAL", "cancellationDeadlineMinutes", 1440, "clientsMayCancel", true)));
        // The free plan (FEE-3: 2 % + 0.25): the trial ended in the sandbox.
        j.http.exchange(HttpRequest.POST(MoneyJourney.P + "/plan/sandbox/end-trial", "").bearerAuth(j.practitioner));
        String video = j.videoActivity("20.00");
        LocalDate monday = j.mondayWithOpenings();
        j.ledgerHolds("settings", "0.00");

        Map<?, ?> kept = j.book(video, at(monday, 9));
        Map<?, ?> lateCancelled = j.book(video, at(monday, 10));
        Map<?, ?> noShow = j.book(video, at(monday, 11));
        j.ledgerHolds("booking (held, nothing paid)", "0.00");
        BigDecimal moneyIn = BigDecimal.ZERO;
        for (Map<?, ?> booking : List.of(kept, lateCancelled, noShow)) {
            assertThat(booking.get("state")).isEqualTo("HELD");
            assertThat(((Map<?, ?>) booking.get("nextStep")).get("amount")).isEqualTo(amount("20.00"));
            j.payOnSandbox(booking);
            moneyIn = moneyIn.add(new BigDecimal("20.00"));
            j.ledgerHolds("payment", moneyIn.toPlainString());
            assertThat(j.confirm(booking).get("state")).isEqualTo("CONFIRMED");
            j.ledgerHolds("confirmation", moneyIn.toPlainString());
        }
        Map<?, ?> money = j.bookingMoney(kept);
        assertThat(money.get("state")).isEqualTo("PAID");
        assertThat(money.get("net")).as("FEE-3: 20.00 − 0.65 − 0.83").isEqualTo(amount("18.52"));
        Map<?, ?> ledger = j.ledgerHolds("payments", "60.00");
        assertThat(MoneyJourney.value(ledger, "commissions")).isEqualByComparingTo("1.95");
        assertThat(MoneyJourney.value(ledger, "providerFees")).isEqualByComparingTo("2.49");
        assertThat(MoneyJourney.value(ledger, "payouts")).isEqualByComparingTo("0.00");
        assertThat(((Map<String, ?>) j.balances().get("byAccount"))).containsKey("PRACTITIONER_DIRECT");
        assertThat(j.balances().get("earned")).isEqualTo(amount("55.56"));

        // CX-3: a late cancellation through the client's link: 50 % kept, 10.00 refunded from the account.
        j.moveClockTo(at(monday, 8));
        assertThat(j.cancelByClient(lateCancelled).get("state")).isEqualTo("CANCELLED_BY_CLIENT");
        engine.payments().carryOutDue();
        ledger = j.ledgerHolds("late cancellation", "60.00");
        assertThat(MoneyJourney.value(ledger, "refunds")).isEqualByComparingTo("10.00");
        Map<?, ?> cancelledMoney = (Map<?, ?>) j.link(lateCancelled).get("money");
        assertThat(cancelledMoney.get("refunded")).isEqualTo(amount("10.00"));

        // CX-4: a no-show reported, then reversed by the operator (a full refund).
        j.moveClockTo(at(monday, 11).plus(Duration.ofMinutes(30)));
        assertThat(j.reportNoShow(noShow).get("state")).isEqualTo("NO_SHOW");
        engine.payments().carryOutDue();
        ledger = j.ledgerHolds("no-show", "60.00");
        assertThat(MoneyJourney.value(ledger, "refunds")).isEqualByComparingTo("20.00");
        Map<?, ?> reversal = j.reverse(noShow, "the client was in hospital");
        assertThat(reversal.get("refunded")).isEqualTo(amount("10.00"));
        assertThat(reversal.get("commissionUndone")).isEqualTo(amount("0.65"));
        engine.payments().carryOutDue();
        ledger = j.ledgerHolds("reversal", "60.00");
        assertThat(MoneyJourney.value(ledger, "refunds")).isEqualByComparingTo("30.00");
        assertThat(((Map<?, ?>) j.link(noShow).get("money")).get("refunded")).isEqualTo(amount("20.00"));

        // Time passes; the platform pays nothing out: the money is on the connected account.
        j.moveClockTo(at(monday, 10).plus(Duration.ofHours(48)).plus(Duration.ofMinutes(5)));
        engine.jobs().completeEnded();
        engine.payments().carryOutDue();
        engine.payouts().runDueCycle();
        ledger = j.ledgerHolds("time passed", "60.00");
        assertThat(MoneyJourney.value(ledger, "payouts")).isEqualByComparingTo("0.00");
        assertThat(problemBody(failure(j.http, HttpRequest.POST(MoneyJourney.P + "/payouts", "")
                .header("Idempotency-Key", "journey-payout").bearerAuth(j.practitioner)), 422)).contains("no-payouts-in-this-model");
        assertThat(j.practitionerList(MoneyJourney.P + "/payouts")).isEmpty();
        assertThat(j.balances().get("paidOut")).isEqualTo(amount("0.00"));
        // 3 × 18.52 on the account, 30.00 refunded from it, the reversed no-show's 0.65 application fee given back.
        assertThat(MoneyJourney.value(ledger, "owedToPractitioners")).isEqualByComparingTo("26.21");
        assertThat(MoneyJourney.value(ledger, "commissions")).isEqualByComparingTo("1.30");
        assertThat(j.balances().get("earned")).isEqualTo(amount("26.21"));
    }
}
