package org.rendezvous.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.BlockingHttpClient;
import java.math.BigDecimal;
import java.net.URI;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.rendezvous.core.Rendezvous;
import org.rendezvous.core.port.Stores;

/**
 * The steps of a money journey (issue 12, item 7), each one over the host's HTTP API as the practitioner, the
 * client and the operator would take it, and the checks that follow every step: the FEE-4 identity on the
 * operator's ledger and the practitioner's own money views.
 */
final class MoneyJourney {

    static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    static final String P = "/api/practitioner";

    final BlockingHttpClient http;
    final Rendezvous engine;
    final AccountsTestSupport.MovableClock clock;
    final String practitioner;
    final String practitionerId;
    final String operator;

    MoneyJourney(BlockingHttpClient http, Stores stores, Rendezvous engine, java.time.Clock clock) {
        this.http = http;
        this.engine = engine;
        this.clock = (AccountsTestSupport.MovableClock) clock;
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        this.practitioner = AccountsTestSupport.session(http, stores, "journey-" + suffix + "@example.org",
                "the journey's long password");
        this.practitionerId = (String) practitioner(HttpRequest.GET(P + "/profile")).get("id");
        this.operator = AccountsTestSupport.operatorSession(http, engine, "olga-" + suffix + "@operators.example");
    }

    static Map<String, String> amount(String value) {
        return Map.of("amount", value, "currency", "EUR");
    }

    Map<?, ?> practitioner(MutableHttpRequest<?> request) {
        return http.retrieve(request.bearerAuth(practitioner), Map.class);
    }

    List<Map> practitionerList(String uri) {
        return http.retrieve(HttpRequest.GET(uri).bearerAuth(practitioner), Argument.listOf(Map.class));
    }

    /** The sandbox's onboarding page, "complete" pressed: the account can take payments and receive payouts. */
    void connectThroughSandbox() {
        Map<?, ?> onboarding = practitioner(HttpRequest.POST(P + "/payment-account/onboarding", Map.of("country", "FR")));
        String page = URI.create((String) onboarding.get("url")).getPath();
        assertThat(page).startsWith("/sandbox/onboarding/");
        http.exchange(HttpRequest.POST(page + "/complete", "").contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE),
                String.class);
        Map<?, ?> account = practitioner(HttpRequest.GET(P + "/payment-account"));
        assertThat(account.get("state")).isEqualTo("ENABLED");
        assertThat(account.get("canTakePayments")).isEqualTo(true);
    }

    /** A VIDEO activity at this price and Monday openings 09:00–12:00 from today; the Monday of next week. */
    String videoActivity(String price) {
        return (String) practitioner(HttpRequest.POST(P + "/activities", Map.of("name", "Video consultation",
                "durationMinutes", 60, "price", amount(price), "modes", List.of("VIDEO")))).get("id");
    }

    LocalDate mondayWithOpenings() {
        practitioner(HttpRequest.POST(P + "/openings", Map.of("day", "MONDAY",
                "validFrom", LocalDate.ofInstant(clock.instant(), PARIS).toString(), "start", "09:00", "end", "12:00")));
        return LocalDate.ofInstant(clock.instant(), PARIS).plusDays(7).with(TemporalAdjusters.nextOrSame(DayOfWeek.MONDAY));
    }

    static Instant at(LocalDate day, int hour) {
        return day.atTime(hour, 0).atZone(PARIS).toInstant();
    }

    /** The client books on the public API, with an Idempotency-Key. */
    Map<?, ?> book(String activityId, Instant start) {
        return http.retrieve(HttpRequest.POST("/api/public/practitioners/" + practitionerId + "/bookings", Map.of(
                "activityId", activityId, "start", start.toString(), "mode", "VIDEO", "client", Map.of("name", "Chloé Dubois",
                        "email", "chloe@example.org", "phone", "+33 6 12 34 56 78")))
                .header("Idempotency-Key", "journey-book-" + UUID.randomUUID()), Map.class);
    }

    static String token(Map<?, ?> booking) {
        String link = (String) booking.get("clientLink");
        return link.substring(link.lastIndexOf('/') + 1);
    }

    Map<?, ?> link(Map<?, ?> booking) {
        return http.retrieve(HttpRequest.GET("/api/public/bookings/" + token(booking)), Map.class);
    }

    /** The client's next step on the sandbox provider's page; answers the provider's page (reference, redirect). */
    Map<?, ?> payOnSandbox(Map<?, ?> held) {
        Map<?, ?> next = (Map<?, ?>) held.get("nextStep");
        assertThat(next.get("action")).isEqualTo("PAY");
        Map<?, ?> checkout = http.retrieve(HttpRequest.POST(URI.create((String) next.get("checkoutUrl")).getPath(), ""), Map.class);
        String page = URI.create((String) checkout.get("redirect")).getPath();
        assertThat(page).startsWith("/sandbox/checkout/");
        http.retrieve(HttpRequest.POST(page, "").contentType(MediaType.APPLICATION_FORM_URLENCODED));
        return checkout;
    }

    Map<?, ?> confirm(Map<?, ?> booking) {
        return practitioner(HttpRequest.POST(P + "/bookings/" + booking.get("id") + "/confirm", "")
                .header("Idempotency-Key", "journey-confirm-" + booking.get("id")));
    }

    Map<?, ?> cancelByClient(Map<?, ?> booking) {
        return http.retrieve(HttpRequest.POST("/api/public/bookings/" + token(booking) + "/cancel", "")
                .header("Idempotency-Key", "journey-cancel-" + booking.get("id")), Map.class);
    }

    Map<?, ?> reportNoShow(Map<?, ?> booking) {
        return practitioner(HttpRequest.POST(P + "/bookings/" + booking.get("id") + "/no-show", "")
                .header("Idempotency-Key", "journey-no-show-" + booking.get("id")));
    }

    Map<?, ?> reverse(Map<?, ?> booking, String why) {
        return http.retrieve(HttpRequest.POST("/api/operator/bookings/" + booking.get("id") + "/reverse-charge",
                Map.of("reason", why)).bearerAuth(operator).header("Idempotency-Key", "journey-reversal-" + booking.get("id")),
                Map.class);
    }

    void moveClockTo(Instant instant) {
        Duration by = Duration.between(clock.instant(), instant);
        assertThat(by).as("time only moves forward").isPositive();
        clock.advance(by);
    }

    Map<?, ?> bookingMoney(Map<?, ?> booking) {
        return (Map<?, ?>) practitioner(HttpRequest.GET(P + "/bookings/" + booking.get("id"))).get("money");
    }

    Map<?, ?> balances() {
        return practitioner(HttpRequest.GET(P + "/balances"));
    }

    static BigDecimal value(Map<?, ?> ledger, String field) {
        Map<?, ?> amount = (Map<?, ?>) ledger.get(field);
        assertThat(amount.get("currency")).isEqualTo("EUR");
        return new BigDecimal((String) amount.get("amount"));
    }

    /**
     * FEE-4 on the operator's ledger, to the cent: money in = refunds + provider fees + commissions + payouts +
     * what is still owed to practitioners; and money in is what this journey's clients paid so far.
     */
    Map<?, ?> ledgerHolds(String step, String moneyIn) {
        Map<?, ?> ledger = http.retrieve(HttpRequest.GET("/api/operator/ledger?currency=EUR").bearerAuth(operator), Map.class);
        BigDecimal accounted = value(ledger, "refunds").add(value(ledger, "providerFees")).add(value(ledger, "commissions"))
                .add(value(ledger, "payouts")).add(value(ledger, "owedToPractitioners"));
        assertThat(ledger.get("balanced")).as("FEE-4 after %s: %s", step, ledger).isEqualTo(true);
        assertThat(accounted).as("FEE-4 after %s: %s", step, ledger).isEqualByComparingTo(value(ledger, "moneyIn"));
        assertThat(value(ledger, "accountedFor")).as("after %s", step).isEqualByComparingTo(accounted);
        assertThat(value(ledger, "moneyIn")).as("money in after %s: %s", step, ledger).isEqualByComparingTo(moneyIn);
        return ledger;
    }
}
