package org.rendezvous.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rendezvous.app.MoneyJourney.amount;
import static org.rendezvous.app.MoneyJourney.at;

import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.rendezvous.core.Rendezvous;
import org.rendezvous.core.port.Stores;

/**
 * Issue 12, item 7, with the sandbox provider, model PLATFORM_COLLECTS: register → connect → book → pay →
 * cancel late → no-show → reversal → payout → statement, every step over HTTP, the FEE-4 identity after each.
 * The host's scheduled jobs are off: the test runs them through the engine where the schedule would.
 */
@MicronautTest(environments = AccountsTestSupport.ENVIRONMENT)
@Property(name = "rendezvous.model", value = "PLATFORM_COLLECTS")
@Property(name = "rendezvous.jobs.enabled", value = "false")
@Property(name = "micronaut.http.client.follow-redirects", value = "false")
class MoneyJourneyApiTest {

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
    @DisplayName("PLATFORM_COLLECTS end to end over HTTP (sandbox): FEE-2 57.00 of 60.00, CX-3 late cancellation, CX-4 no-show and its reversal, PO-1 release, PO-3 payout with its PO-5 statement; FEE-4 after every step")
    void platformCollectsJourney() {
        MoneyJourney j = new MoneyJourney(client.toBlocking(), stores, engine, clock);
        j.ledgerHolds("registration", "0.00");

        // Connect: the sandbox's onboarding page; payouts go to the connected account (PO-4).
        j.connectThroughSandbox();
        Map<?, ?> routed = j.practitioner(HttpRequest.PUT(MoneyJourney.P + "/payment-account/payouts", ""));
        assertThat(routed).isNotNull();
        j.practitioner(HttpRequest.PUT(MoneyJourney.P + "/settings", Map.of("noShowPercent", "50", "confirmation", "MANUAL",
                "cancellationDeadlineMinutes", 1440, "clientsMayCancel", true)));
        String video = j.videoActivity("60.00");
        LocalDate monday = j.mondayWithOpenings();
        j.ledgerHolds("settings", "0.00");

        // Book and pay three video consultations (PAY-1), each confirmed by the practitioner (BK-4).
        Map<?, ?> kept = j.book(video, at(monday, 9));
        Map<?, ?> lateCancelled = j.book(video, at(monday, 10));
        Map<?, ?> noShow = j.book(video, at(monday, 11));
        j.ledgerHolds("booking (held, nothing paid)", "0.00");
        String moneyIn = "0.00";
        for (Map<?, ?> booking : List.of(kept, lateCancelled, noShow)) {
            assertThat(booking.get("state")).isEqualTo("HELD");
            assertThat(((Map<?, ?>) booking.get("nextStep")).get("amount")).isEqualTo(amount("60.00"));
            j.payOnSandbox(booking);
            assertThat(j.link(booking).get("state")).isEqualTo("PENDING");
            moneyIn = new java.math.BigDecimal(moneyIn).add(new java.math.BigDecimal("60.00")).toPlainString();
            j.ledgerHolds("payment", moneyIn);
            assertThat(j.confirm(booking).get("state")).isEqualTo("CONFIRMED");
            j.ledgerHolds("confirmation", moneyIn);
        }
        Map<?, ?> money = j.bookingMoney(kept);
        assertThat(money.get("state")).isEqualTo("PAID");
        assertThat(money.get("pendingEarnings")).as("FEE-2: 60.00 video → 57.00").isEqualTo(amount("57.00"));
        assertThat(j.balances().get("held")).isEqualTo(amount("180.00"));
        assertThat(j.balances().get("payable")).isEqualTo(amount("0.00"));

        // CX-3: the client cancels through their link 2 h before: 50 % kept, the rest refunded.
        j.moveClockTo(at(monday, 8));
        Map<?, ?> cancelled = j.cancelByClient(lateCancelled);
        assertThat(cancelled.get("state")).isEqualTo("CANCELLED_BY_CLIENT");
        engine.payments().carryOutDue();
        Map<?, ?> ledger = j.ledgerHolds("late cancellation", "180.00");
        assertThat(MoneyJourney.value(ledger, "refunds")).isEqualByComparingTo("30.00");
        Map<?, ?> cancelledMoney = (Map<?, ?>) j.link(lateCancelled).get("money");
        assertThat(cancelledMoney.get("refunded")).isEqualTo(amount("30.00"));
        assertThat(cancelledMoney.get("charged")).isEqualTo(amount("30.00"));
        assertThat(j.bookingMoney(lateCancelled).get("net")).as("30.00 kept less 5 %").isEqualTo(amount("28.50"));
        assertThat(j.balances().get("payable")).isEqualTo(amount("28.50"));

        // CX-4: the 11:00 client does not come; the practitioner reports it; 50 % kept.
        j.moveClockTo(at(monday, 11).plus(Duration.ofMinutes(30)));
        assertThat(j.reportNoShow(noShow).get("state")).isEqualTo("NO_SHOW");
        engine.payments().carryOutDue();
        ledger = j.ledgerHolds("no-show", "180.00");
        assertThat(MoneyJourney.value(ledger, "refunds")).isEqualByComparingTo("60.00");
        assertThat(j.balances().get("payable")).isEqualTo(amount("57.00"));

        // CX-4: the operator reverses the contested no-show charge: a full refund, the commission undone.
        Map<?, ?> reversal = j.reverse(noShow, "the client was in hospital");
        assertThat(reversal.get("refunded")).isEqualTo(amount("30.00"));
        assertThat(reversal.get("commissionUndone")).isEqualTo(amount("1.50"));
        engine.payments().carryOutDue();
        ledger = j.ledgerHolds("reversal", "180.00");
        assertThat(MoneyJourney.value(ledger, "refunds")).isEqualByComparingTo("90.00");
        assertThat(((Map<?, ?>) j.link(noShow).get("money")).get("refunded")).isEqualTo(amount("60.00"));
        assertThat(j.balances().get("payable")).isEqualTo(amount("28.50"));

        // PO-1: the 09:00 consultation completed; 48 h after its end its earnings are released.
        j.moveClockTo(at(monday, 10).plus(Duration.ofHours(48)).plus(Duration.ofMinutes(5)));
        engine.jobs().completeEnded();
        engine.payments().carryOutDue();
        j.ledgerHolds("release", "180.00");
        assertThat(j.bookingMoney(kept).get("earned")).isEqualTo(amount("57.00"));
        assertThat(j.balances().get("payable")).isEqualTo(amount("85.50"));
        assertThat(j.balances().get("held")).isEqualTo(amount("0.00"));

        // PO-3: the practitioner asks for a payout of the payable balance; PO-5: its statement lists the items.
        Map<?, ?> payout = j.practitioner(HttpRequest.POST(MoneyJourney.P + "/payouts", "")
                .header("Idempotency-Key", "journey-payout-" + UUID.randomUUID()));
        assertThat(payout.get("amount")).isEqualTo(amount("85.50"));
        engine.payouts().resumePlanned();
        ledger = j.ledgerHolds("payout", "180.00");
        assertThat(MoneyJourney.value(ledger, "payouts")).isEqualByComparingTo("85.50");
        assertThat(MoneyJourney.value(ledger, "owedToPractitioners")).isEqualByComparingTo("0.00");
        Map<?, ?> statement = j.practitioner(HttpRequest.GET(MoneyJourney.P + "/payouts/" + payout.get("id")));
        assertThat(statement.get("state")).isIn("SENT", "PAID");
        List<Map<?, ?>> items = (List<Map<?, ?>>) statement.get("statement");
        assertThat(items.stream().<Object>map(i -> i.get("bookingId")).toList()).contains(kept.get("id"), lateCancelled.get("id"));
        assertThat(items.stream().<Object>map(i -> i.get("amount")).toList()).contains(amount("57.00"), amount("28.50"));
        assertThat(j.balances().get("paidOut")).isEqualTo(amount("85.50"));
        assertThat(j.balances().get("payable")).isEqualTo(amount("0.00"));
    }
}
