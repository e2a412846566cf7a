package org.rendezvous.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micronaut.context.annotation.Property;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.BlockingHttpClient;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.rendezvous.app.wiring.ProviderFeeSettings;
import org.rendezvous.core.Rendezvous;
import org.rendezvous.core.port.Stores;

/**
 * Issue 12, item 6: the provider's fee estimate is a host setting (RENDEZVOUS_PROVIDER_FEE_PERCENT and _FIXED),
 * and FEE-3's example reproduces over HTTP in model DIRECT_CONNECT with the sandbox provider.
 */
@Property(name = "micronaut.http.client.follow-redirects", value = "false")
@MicronautTest(environments = AccountsTestSupport.ENVIRONMENT)
@Property(name = "rendezvous.model", value = "DIRECT_CONNECT")
@Property(name = "rendezvous.provider-fee.percent", value = "2.9")
@Property(name = "rendezvous.provider-fee.fixed", value = "0.25")
class ProviderFeeApiTest {

    static final ZoneId PARIS = ZoneId.of("Europe/Paris");
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

    Map<?, ?> send(String token, MutableHttpRequest<?> request) {
        return client.toBlocking().retrieve(request.bearerAuth(token), Map.class);
    }

    static Map<?, ?> amount(String value) {
        return Map.of("amount", value, "currency", "EUR");
    }

    /** Books 20.00 on the public page and pays it on the sandbox provider's page: the paid booking's link view. */
    Map<?, ?> bookAndPay(BlockingHttpClient http, String practitionerId, String activityId, LocalDate monday, int hour) {
        Map<?, ?> held = http.retrieve(HttpRequest.POST("/api/public/practitioners/" + practitionerId + "/bookings", Map.of(
                "activityId", activityId, "start", monday.atTime(hour, 0).atZone(PARIS).toInstant().toString(),
                "mode", "IN_PERSON", "client", Map.of("name", "Chloé Dubois", "email", "chloe@example.org",
                        "phone", "+33 6 12 34 56 78"))).header("Idempotency-Key", "fee3-" + UUID.randomUUID()), Map.class);
        assertThat(held.get("state")).isEqualTo("HELD");
        Map<?, ?> next = (Map<?, ?>) held.get("nextStep");
        assertThat(next.get("action")).as("BK-3: the answer says what the client must do next").isEqualTo("PAY");
        assertThat(next.get("amount")).isEqualTo(amount("20.00"));
        assertThat(((Map<?, ?>) held.get("money")).get("state")).isEqualTo("PAYMENT_DUE");
        String checkoutUrl = (String) next.get("checkoutUrl");
        assertThat(next.get("pageUrl")).isEqualTo(held.get("clientLink"));

        Map<?, ?> checkout = http.retrieve(HttpRequest.POST(java.net.URI.create(checkoutUrl).getPath(), ""), Map.class);
        String page = java.net.URI.create((String) checkout.get("redirect")).getPath();
        http.retrieve(HttpRequest.POST(page, "").contentType(MediaType.APPLICATION_FORM_URLENCODED));
        String link = (String) held.get("clientLink");
        return http.retrieve(HttpRequest.GET("/api/public/bookings/" + link.substring(link.lastIndexOf('/') + 1)), Map.class);
    }

    @Test
    @DisplayName("FEE-3 over HTTP: 20.00 paid online, provider fee 2.9 % + 0.25: free plan 0.65 / 0.83 / 18.52, paid plan 0 / 0.83 / 19.17")
    void feeThreeExampleOverHttp() {
        BlockingHttpClient http = client.toBlocking();
        String session = AccountsTestSupport.session(http, stores, "fee3-" + UUID.randomUUID().toString().substring(0, 8)
                + "@example.org", "a long enough password");
        String id = (String) send(session, HttpRequest.GET(P + "/profile")).get("id");
        String activityId = (String) send(session, HttpRequest.POST(P + "/activities", Map.of("name", "Shiatsu",
                "durationMinutes", 60, "price", amount("20.00"), "modes", List.of("IN_PERSON")))).get("id");
        send(session, HttpRequest.POST(P + "/openings", Map.of("day", "MONDAY", "validFrom", LocalDate.now(PARIS).toString(),
                "start", "09:00", "end", "12:00")));
        // DIRECT_CONNECT: the money goes to the practitioner's connected account, connected on the sandbox's onboarding
        // page before online payment can be switched on (PAY-1).
        String page = java.net.URI.create((String) send(session, HttpRequest.POST(P + "/payment-account/onboarding",
                Map.of("country", "FR"))).get("url")).getPath();
        http.exchange(HttpRequest.POST(page + "/complete", "").contentType(io.micronaut.http.MediaType.APPLICATION_FORM_URLENCODED),
                String.class);
        send(session, HttpRequest.PUT(P + "/settings", Map.of("onlinePayment", "REQUIRED", "noShowPercent", "0")));
        // PLAN-1: the two months' trial has the paid plan's 0 %; three months on, the free plan applies.
        ((AccountsTestSupport.MovableClock) clock).advance(Duration.ofDays(92));
        LocalDate monday = LocalDate.ofInstant(clock.instant(), PARIS).plusDays(7)
                .with(TemporalAdjusters.nextOrSame(DayOfWeek.MONDAY));
        assertThat(send(session, HttpRequest.GET(P + "/plan")).get("plan")).isEqualTo("FREE");

        Map<?, ?> paid = bookAndPay(http, id, activityId, monday, 9);
        assertThat(paid.get("nextStep")).as("paid: nothing more to do").isNull();
        Map<?, ?> clientMoney = (Map<?, ?>) paid.get("money");
        assertThat(clientMoney.get("state")).isEqualTo("PAID");
        assertThat(clientMoney.get("paid")).isEqualTo(amount("20.00"));
        assertThat(clientMoney.containsKey("commission") || clientMoney.containsKey("providerFee")).as("the client sees no fees").isFalse();

        List<Map> bookings = http.retrieve(HttpRequest.GET(P + "/payments/bookings").bearerAuth(session), Argument.listOf(Map.class));
        assertThat(bookings).singleElement().satisfies(m -> {
            assertThat(m.get("bookingId")).isEqualTo(paid.get("id"));
            assertThat(m.get("paid")).isEqualTo(amount("20.00"));
            assertThat(m.get("commission")).isEqualTo(amount("0.65"));
            assertThat(m.get("providerFee")).isEqualTo(amount("0.83"));
            assertThat(m.get("net")).isEqualTo(amount("18.52"));
        });
        Map<?, ?> booking = send(session, HttpRequest.GET(P + "/bookings/" + paid.get("id")));
        assertThat(((Map<?, ?>) booking.get("money")).get("net")).isEqualTo(amount("18.52"));
        List<Map> lines = http.retrieve(HttpRequest.GET(P + "/payments").bearerAuth(session), Argument.listOf(Map.class));
        assertThat(lines).extracting(l -> l.get("kind")).containsExactly("PAYMENT_RECEIVED", "COMMISSION", "PROVIDER_FEE");
        assertThat(lines).extracting(l -> l.get("amount")).containsExactly(amount("20.00"), amount("0.65"), amount("0.83"));
        Map<?, ?> balances = send(session, HttpRequest.GET(P + "/balances"));
        assertThat(List.copyOf(((Map<?, ?>) balances.get("byAccount")).keySet())).isEqualTo(List.of("PRACTITIONER_DIRECT"));
        assertThat(((Map<?, ?>) balances.get("byAccount")).get("PRACTITIONER_DIRECT")).isEqualTo(amount("18.52"));

        // PLAN-3: the paid plan starts once the sandbox's subscription checkout is paid.
        String checkout = java.net.URI.create((String) send(session, HttpRequest.POST(P + "/plan/subscribe", "")).get("redirect")).getPath();
        http.exchange(HttpRequest.POST(checkout, "").contentType(io.micronaut.http.MediaType.APPLICATION_FORM_URLENCODED), String.class);
        assertThat(send(session, HttpRequest.GET(P + "/plan")).get("plan")).isEqualTo("PAID");
        Map<?, ?> onPaidPlan = bookAndPay(http, id, activityId, monday, 10);
        Map<?, ?> money = send(session, HttpRequest.GET(P + "/bookings/" + onPaidPlan.get("id")));
        assertThat((Map<?, ?>) money.get("money")).satisfies(m -> {
            assertThat(m.get("commission")).isEqualTo(amount("0.00"));
            assertThat(m.get("providerFee")).isEqualTo(amount("0.83"));
            assertThat(m.get("net")).isEqualTo(amount("19.17"));
        });
    }

    @Test
    @DisplayName("the provider-fee setting is checked at start: a bad or half-given value is refused naming the variable")
    void badProviderFeeSettingsAreRefused() {
        assertThatThrownBy(() -> new ProviderFeeSettings("2,9", "0.25")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("RENDEZVOUS_PROVIDER_FEE_PERCENT");
        assertThatThrownBy(() -> new ProviderFeeSettings("101", "0.25")).hasMessageStartingWith("RENDEZVOUS_PROVIDER_FEE_PERCENT");
        assertThatThrownBy(() -> new ProviderFeeSettings("2.9", "-1")).hasMessageStartingWith("RENDEZVOUS_PROVIDER_FEE_FIXED");
        assertThatThrownBy(() -> new ProviderFeeSettings("2.9", "0.255")).hasMessageStartingWith("RENDEZVOUS_PROVIDER_FEE_FIXED");
        assertThatThrownBy(() -> new ProviderFeeSettings("2.9", "")).hasMessageStartingWith("RENDEZVOUS_PROVIDER_FEE_FIXED");
        assertThatThrownBy(() -> new ProviderFeeSettings(null, "0.25")).hasMessageStartingWith("RENDEZVOUS_PROVIDER_FEE_PERCENT");
        assertThat(new ProviderFeeSettings("", " ").schedule()).as("both blank: the engine's default").isEmpty();
    }
}
