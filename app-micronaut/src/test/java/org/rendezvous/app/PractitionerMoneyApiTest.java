package org.rendezvous.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.BlockingHttpClient;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.rendezvous.core.Rendezvous;
import org.rendezvous.core.port.Stores;

/**
 * Issue 12, item 5, over HTTP in model PLATFORM_COLLECTS with the sandbox provider: the practitioner's payment
 * history and balances are their own accounts only, a charged guarantee shows what the client paid, the booking
 * views say what happened to the money, and a HELD booking's answer says what the client must do next.
 */
@MicronautTest(environments = AccountsTestSupport.ENVIRONMENT)
class PractitionerMoneyApiTest {

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

    BlockingHttpClient http;
    String session;

    Map<?, ?> send(MutableHttpRequest<?> request) {
        return http.retrieve(request.bearerAuth(session), Map.class);
    }

    List<Map> list(String uri) {
        return http.retrieve(HttpRequest.GET(uri).bearerAuth(session), Argument.listOf(Map.class));
    }

    static Map<?, ?> amount(String value) {
        return Map.of("amount", value, "currency", "EUR");
    }

    static String token(Map<?, ?> booking) {
        String link = (String) booking.get("clientLink");
        return link.substring(link.lastIndexOf('/') + 1);
    }

    Map<?, ?> book(String practitionerId, String activityId, String mode, Instant start) {
        return http.retrieve(HttpRequest.POST("/api/public/practitioners/" + practitionerId + "/bookings", Map.of(
                "activityId", activityId, "start", start.toString(), "mode", mode, "client", Map.of("name", "Chloé Dubois",
                        "email", "chloe@example.org", "phone", "+33 6 12 34 56 78")))
                .header("Idempotency-Key", "money-" + UUID.randomUUID()), Map.class);
    }

    /** The client does their next step on the sandbox provider's page: pays, or saves their card. */
    void doNextStep(Map<?, ?> held) {
        Map<?, ?> next = (Map<?, ?>) held.get("nextStep");
        Map<?, ?> checkout = http.retrieve(HttpRequest.POST(URI.create((String) next.get("checkoutUrl")).getPath(), ""), Map.class);
        http.retrieve(HttpRequest.POST(URI.create((String) checkout.get("redirect")).getPath(), "")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED));
    }

    Map<?, ?> link(Map<?, ?> booking) {
        return http.retrieve(HttpRequest.GET("/api/public/bookings/" + token(booking)), Map.class);
    }

    @Test
    @DisplayName("PAY-6, CX-4, BK-3: next steps for held bookings; net before release; a 30.00 charged guarantee shows 30.00; no platform accounts")
    void practitionerSeesTheirOwnMoney() {
        http = client.toBlocking();
        session = AccountsTestSupport.session(http, stores, "money-" + UUID.randomUUID().toString().substring(0, 8)
                + "@example.org", "a long enough password");
        String id = (String) send(HttpRequest.GET(P + "/profile")).get("id");
        String inPerson = (String) send(HttpRequest.POST(P + "/activities", Map.of("name", "Shiatsu", "durationMinutes", 60,
                "price", amount("60.00"), "modes", List.of("IN_PERSON")))).get("id");
        String video = (String) send(HttpRequest.POST(P + "/activities", Map.of("name", "Video", "durationMinutes", 60,
                "price", amount("60.00"), "modes", List.of("VIDEO")))).get("id");
        send(HttpRequest.POST(P + "/openings", Map.of("day", "MONDAY", "validFrom", LocalDate.now(PARIS).toString(),
                "start", "09:00", "end", "12:00")));
        send(HttpRequest.PUT(P + "/settings", Map.of("noShowPercent", "50", "confirmation", "AUTOMATIC")));
        LocalDate monday = LocalDate.ofInstant(clock.instant(), PARIS).plusDays(7).with(TemporalAdjusters.nextOrSame(DayOfWeek.MONDAY));
        Instant nine = monday.atTime(9, 0).atZone(PARIS).toInstant();

        // PAY-2: in person with a no-show percentage: the client must save a card, and the answer says so.
        Map<?, ?> guaranteed = book(id, inPerson, "IN_PERSON", nine);
        assertThat(guaranteed.get("state")).isEqualTo("HELD");
        Map<?, ?> saveCard = (Map<?, ?>) guaranteed.get("nextStep");
        assertThat(saveCard.get("action")).isEqualTo("SAVE_CARD");
        assertThat(saveCard.get("amount")).isNull();
        assertThat(saveCard.get("until")).isEqualTo(guaranteed.get("expiresAt"));
        assertThat((String) saveCard.get("checkoutUrl")).endsWith("/api/public/bookings/" + token(guaranteed) + "/checkout");
        assertThat(((Map<?, ?>) guaranteed.get("money")).get("state")).isEqualTo("CARD_DUE");
        doNextStep(guaranteed);
        assertThat(link(guaranteed).get("nextStep")).isNull();
        assertThat(((Map<?, ?>) link(guaranteed).get("money")).get("state")).isEqualTo("GUARANTEE_SAVED");

        // PAY-1: a video consultation is paid at booking; its net shows before it is released (PO-1).
        Map<?, ?> prepaid = book(id, video, "VIDEO", monday.atTime(11, 0).atZone(PARIS).toInstant());
        assertThat(((Map<?, ?>) prepaid.get("nextStep")).get("action")).isEqualTo("PAY");
        assertThat(((Map<?, ?>) prepaid.get("nextStep")).get("amount")).isEqualTo(amount("60.00"));
        doNextStep(prepaid);
        Map<?, ?> prepaidMoney = (Map<?, ?>) send(HttpRequest.GET(P + "/bookings/" + prepaid.get("id"))).get("money");
        assertThat(prepaidMoney.get("state")).isEqualTo("PAID");
        assertThat(prepaidMoney.get("pendingEarnings")).isEqualTo(amount("57.00"));
        assertThat(prepaidMoney.get("earned")).isEqualTo(amount("0.00"));
        assertThat(prepaidMoney.get("net")).isEqualTo(amount("57.00"));

        // CX-4: the client does not come; the saved card is charged 50 %.
        ((AccountsTestSupport.MovableClock) clock).advance(Duration.between(clock.instant(), nine.plus(Duration.ofMinutes(30))));
        Map<?, ?> noShow = send(HttpRequest.POST(P + "/bookings/" + guaranteed.get("id") + "/no-show", "")
                .header("Idempotency-Key", "no-show-" + UUID.randomUUID()));
        assertThat(((Map<?, ?>) noShow.get("money")).get("chargePending")).isEqualTo(amount("30.00"));
        engine.payments().carryOutDue();

        List<Map> history = list(P + "/payments");
        assertThat(history).extracting(l -> l.get("kind")).doesNotContain("PROVIDER_FEE");
        Map<?, ?> charge = history.stream().filter(l -> "GUARANTEE_CHARGED".equals(l.get("kind"))).findFirst().orElseThrow();
        assertThat(charge.get("amount")).as("what the client paid, not 31.50").isEqualTo(amount("30.00"));
        assertThat(charge.get("clientPaid")).isEqualTo(amount("30.00"));
        assertThat(charge.get("commission")).isEqualTo(amount("1.50"));
        assertThat(charge.get("earned")).isEqualTo(amount("28.50"));

        Map<?, ?> clientSees = (Map<?, ?>) link(guaranteed).get("money");
        assertThat(clientSees.get("state")).isEqualTo("CHARGED");
        assertThat(clientSees.get("charged")).isEqualTo(amount("30.00"));
        assertThat(clientSees.get("paid")).isEqualTo(amount("30.00"));

        Map<String, Map> byBooking = list(P + "/payments/bookings").stream()
                .collect(Collectors.toMap(m -> (String) m.get("bookingId"), m -> m));
        assertThat(byBooking.get((String) guaranteed.get("id")).get("net")).isEqualTo(amount("28.50"));
        assertThat(byBooking.get((String) prepaid.get("id")).get("pendingEarnings")).isEqualTo(amount("57.00"));

        Map<?, ?> balances = send(HttpRequest.GET(P + "/balances"));
        assertThat(Set.of("HELD_FOR_BOOKINGS", "PRACTITIONER_PAYABLE", "PAYOUTS"))
                .containsAll(((Map<String, ?>) balances.get("byAccount")).keySet());
        assertThat(balances.get("payable")).isEqualTo(amount("28.50"));
        assertThat(balances.get("clientsPaid")).isEqualTo(amount("90.00"));
        assertThat(balances.get("held")).isEqualTo(amount("60.00"));
        assertThat(balances.get("providerFees")).as("the platform bears them").isEqualTo(amount("0.00"));
    }
}
