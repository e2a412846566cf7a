package org.rendezvous.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rendezvous.app.AccountsTestSupport.failure;
import static org.rendezvous.app.AccountsTestSupport.problemBody;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.BlockingHttpClient;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.web.router.Router;
import jakarta.inject.Inject;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.rendezvous.core.port.Stores;

/**
 * The practitioner API over HTTP: what a practitioner does with their own agenda, and ACC-2, that they
 * reach nobody else's, on every route.
 */
@MicronautTest(environments = AccountsTestSupport.ENVIRONMENT)
class PractitionerApiTest {

    static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    static final String P = "/api/practitioner";

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    Stores stores;

    @Inject
    Router router;

    BlockingHttpClient http;
    String alice;
    String bob;
    String bobId;
    Map<String, String> bobs = new HashMap<>();
    LocalDate monday;

    @BeforeEach
    void twoPractitioners() {
        http = client.toBlocking();
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        alice = AccountsTestSupport.session(http, stores, "alice-" + suffix + "@example.org", "alice's long password");
        bob = AccountsTestSupport.session(http, stores, "bob-" + suffix + "@example.org", "bob's long password");
        bobId = (String) get(bob, P + "/profile").get("id");
        monday = LocalDate.now(PARIS).plusDays(7).with(TemporalAdjusters.nextOrSame(DayOfWeek.MONDAY));

        // Bob's agenda, made through his own session.
        Map<?, ?> activity = send(bob, HttpRequest.POST(P + "/activities", activityBody("Shiatsu", 60)));
        bobs.put("activityId", (String) activity.get("id"));
        Map<?, ?> opening = send(bob, HttpRequest.POST(P + "/openings", Map.of("day", "MONDAY", "validFrom",
                LocalDate.now(PARIS).toString(), "start", "09:00", "end", "12:00")));
        bobs.put("openingId", (String) ((Map<?, ?>) opening.get("opening")).get("id"));
        Map<?, ?> unavailability = send(bob, HttpRequest.POST(P + "/unavailabilities", Map.of(
                "from", monday.plusDays(2).atStartOfDay(PARIS).toInstant().toString(),
                "to", monday.plusDays(3).atStartOfDay(PARIS).toInstant().toString(), "label", "holiday")));
        bobs.put("unavailabilityId", (String) ((Map<?, ?>) unavailability.get("unavailability")).get("id"));
        send(bob, HttpRequest.PUT(P + "/payout-destination", Map.of("holder", "Bob", "iban", "FR7630006000011234567890189")));
        bobs.put("slug", "bob-" + suffix);
        send(bob, HttpRequest.PUT(P + "/profile", Map.of("slug", bobs.get("slug"), "presentation", "Bob's page")));
        send(bob, HttpRequest.PUT(P + "/profile/photo", ProfileApiTest.jpeg(1_000)).contentType(MediaType.IMAGE_JPEG_TYPE));
        // A client books with Bob on the public page.
        Map<?, ?> booking = http.retrieve(HttpRequest.POST("/api/public/practitioners/" + bobId + "/bookings", Map.of(
                "activityId", bobs.get("activityId"), "start", monday.atTime(9, 0).atZone(PARIS).toInstant().toString(),
                "mode", "IN_PERSON", "client", Map.of("name", "Chloé Dubois", "email", "chloe-" + suffix + "@example.org",
                        "phone", "+33 6 12 34 56 78"))).header("Idempotency-Key", "k-" + suffix), Map.class);
        bobs.put("bookingId", (String) booking.get("id"));
        bobs.put("clientEmail", "chloe-" + suffix + "@example.org");
        List<Map> clients = http.retrieve(HttpRequest.GET(P + "/clients").bearerAuth(bob), Argument.listOf(Map.class));
        bobs.put("clientId", (String) clients.get(0).get("id"));
        bobs.put("payoutId", UUID.randomUUID().toString());
    }

    static Map<String, Object> activityBody(String name, long minutes) {
        return Map.of("name", name, "durationMinutes", minutes, "price", Map.of("amount", "60.00", "currency", "EUR"),
                "modes", List.of("IN_PERSON"));
    }

    Map<?, ?> get(String token, String uri) {
        return http.retrieve(HttpRequest.GET(uri).bearerAuth(token), Map.class);
    }

    Map<?, ?> send(String token, MutableHttpRequest<?> request) {
        return http.retrieve(request.bearerAuth(token), Map.class);
    }

    /** Everything Bob can see of his own data, to compare before and after Alice's attempts. */
    String bobsData() {
        StringBuilder all = new StringBuilder();
        for (String uri : List.of(P + "/profile", P + "/settings", P + "/activities", P + "/openings",
                P + "/unavailabilities?from=2000-01-01T00:00:00Z&to=2100-01-01T00:00:00Z", P + "/requests",
                P + "/agenda/week/" + monday, P + "/bookings/" + bobs.get("bookingId"), P + "/clients",
                P + "/clients/" + bobs.get("clientId") + "/bookings", P + "/payments", P + "/payments/bookings", P + "/balances", P + "/payouts",
                P + "/payout-destination", P + "/plan")) {
            all.append(uri).append(" => ").append(http.retrieve(HttpRequest.GET(uri).bearerAuth(bob))).append('\n');
        }
        return all.toString();
    }

    enum Expect { REFUSED, OWN }

    record Probe(Expect expect, Function<Map<String, String>, MutableHttpRequest<?>> request) {
    }

    /** Every practitioner route, with Bob's ids where it takes ids; a new route must be added here. */
    Map<String, Probe> probes() {
        Map<String, Probe> p = new LinkedHashMap<>();
        String date = monday.toString();
        p.put("GET /api/practitioner/profile", new Probe(Expect.OWN, ids -> HttpRequest.GET(P + "/profile")));
        p.put("PUT /api/practitioner/profile", new Probe(Expect.OWN, ids -> HttpRequest.PUT(P + "/profile",
                Map.of("slug", ids.get("slug"), "presentation", "Alice's page"))));
        p.put("GET /api/practitioner/profile/photo", new Probe(Expect.OWN, ids -> HttpRequest.GET(P + "/profile/photo")));
        p.put("PUT /api/practitioner/profile/photo", new Probe(Expect.OWN, ids -> HttpRequest.PUT(P + "/profile/photo",
                ProfileApiTest.png(500)).contentType(MediaType.IMAGE_PNG_TYPE)));
        p.put("DELETE /api/practitioner/profile/photo", new Probe(Expect.OWN, ids -> HttpRequest.DELETE(P + "/profile/photo")));
        p.put("GET /api/practitioner/settings", new Probe(Expect.OWN, ids -> HttpRequest.GET(P + "/settings")));
        p.put("PUT /api/practitioner/settings", new Probe(Expect.OWN, ids -> HttpRequest.PUT(P + "/settings",
                Map.of("spacingMinutes", 5, "noShowPercent", "50"))));
        p.put("GET /api/practitioner/activities", new Probe(Expect.OWN, ids -> HttpRequest.GET(P + "/activities")));
        p.put("POST /api/practitioner/activities", new Probe(Expect.OWN, ids -> HttpRequest.POST(P + "/activities",
                activityBody("Alice's", 30))));
        p.put("PUT /api/practitioner/activities/{activityId}", new Probe(Expect.REFUSED, ids -> HttpRequest.PUT(
                P + "/activities/" + ids.get("activityId"), activityBody("Stolen", 30))));
        p.put("GET /api/practitioner/openings", new Probe(Expect.OWN, ids -> HttpRequest.GET(P + "/openings")));
        p.put("POST /api/practitioner/openings", new Probe(Expect.REFUSED, ids -> HttpRequest.POST(P + "/openings",
                Map.of("date", date, "start", "14:00", "end", "15:00", "activities", List.of(ids.get("activityId"))))));
        p.put("PUT /api/practitioner/openings/{openingId}", new Probe(Expect.REFUSED, ids -> HttpRequest.PUT(
                P + "/openings/" + ids.get("openingId"), Map.of("date", date, "start", "14:00", "end", "15:00"))));
        p.put("DELETE /api/practitioner/openings/{openingId}", new Probe(Expect.REFUSED, ids -> HttpRequest.DELETE(
                P + "/openings/" + ids.get("openingId"))));
        p.put("DELETE /api/practitioner/openings/{openingId}/occurrences/{date}", new Probe(Expect.REFUSED,
                ids -> HttpRequest.DELETE(P + "/openings/" + ids.get("openingId") + "/occurrences/" + date)));
        p.put("DELETE /api/practitioner/days/{date}/openings", new Probe(Expect.OWN, ids -> HttpRequest.DELETE(
                P + "/days/" + date + "/openings")));
        p.put("GET /api/practitioner/days/{date}/openings/clearing", new Probe(Expect.OWN, ids -> HttpRequest.GET(
                P + "/days/" + date + "/openings/clearing")));
        p.put("GET /api/practitioner/unavailabilities", new Probe(Expect.OWN, ids -> HttpRequest.GET(
                P + "/unavailabilities?from=2000-01-01T00:00:00Z&to=2100-01-01T00:00:00Z")));
        p.put("POST /api/practitioner/unavailabilities", new Probe(Expect.OWN, ids -> HttpRequest.POST(P + "/unavailabilities",
                Map.of("from", "2031-01-01T00:00:00Z", "to", "2031-01-02T00:00:00Z"))));
        p.put("DELETE /api/practitioner/unavailabilities/{unavailabilityId}", new Probe(Expect.REFUSED, ids ->
                HttpRequest.DELETE(P + "/unavailabilities/" + ids.get("unavailabilityId"))));
        p.put("GET /api/practitioner/agenda/day/{date}", new Probe(Expect.OWN, ids -> HttpRequest.GET(P + "/agenda/day/" + date)));
        p.put("GET /api/practitioner/agenda/week/{date}", new Probe(Expect.OWN, ids -> HttpRequest.GET(P + "/agenda/week/" + date)));
        p.put("GET /api/practitioner/bookings/{bookingId}", new Probe(Expect.REFUSED, ids -> HttpRequest.GET(
                P + "/bookings/" + ids.get("bookingId"))));
        p.put("GET /api/practitioner/requests", new Probe(Expect.OWN, ids -> HttpRequest.GET(P + "/requests")));
        for (String action : List.of("confirm", "refuse", "cancel", "no-show")) {
            p.put("POST /api/practitioner/bookings/{bookingId}/" + action, new Probe(Expect.REFUSED, ids -> HttpRequest.POST(
                    P + "/bookings/" + ids.get("bookingId") + "/" + action, "").header("Idempotency-Key", "alice-" + action)));
        }
        p.put("POST /api/practitioner/bookings/{bookingId}/move", new Probe(Expect.REFUSED, ids -> HttpRequest.POST(
                P + "/bookings/" + ids.get("bookingId") + "/move", Map.of("newStart",
                        monday.atTime(11, 0).atZone(PARIS).toInstant().toString())).header("Idempotency-Key", "alice-move")));
        p.put("POST /api/practitioner/bookings", new Probe(Expect.REFUSED, ids -> HttpRequest.POST(P + "/bookings", Map.of(
                "activityId", ids.get("activityId"), "start", monday.atTime(10, 0).atZone(PARIS).toInstant().toString(),
                "mode", "IN_PERSON", "email", ids.get("clientEmail"))).header("Idempotency-Key", "alice-enter")));
        p.put("GET /api/practitioner/clients/lookup", new Probe(Expect.REFUSED, ids -> HttpRequest.GET(
                P + "/clients/lookup?email=" + ids.get("clientEmail"))));
        p.put("GET /api/practitioner/clients", new Probe(Expect.OWN, ids -> HttpRequest.GET(P + "/clients")));
        p.put("GET /api/practitioner/clients/{clientId}", new Probe(Expect.REFUSED, ids -> HttpRequest.GET(
                P + "/clients/" + ids.get("clientId"))));
        p.put("GET /api/practitioner/clients/{clientId}/bookings", new Probe(Expect.REFUSED, ids -> HttpRequest.GET(
                P + "/clients/" + ids.get("clientId") + "/bookings")));
        p.put("GET /api/practitioner/payments", new Probe(Expect.OWN, ids -> HttpRequest.GET(P + "/payments")));
        p.put("GET /api/practitioner/payments/bookings", new Probe(Expect.OWN, ids -> HttpRequest.GET(P + "/payments/bookings")));
        p.put("GET /api/practitioner/balances", new Probe(Expect.OWN, ids -> HttpRequest.GET(P + "/balances")));
        p.put("GET /api/practitioner/payouts", new Probe(Expect.OWN, ids -> HttpRequest.GET(P + "/payouts")));
        p.put("GET /api/practitioner/payouts/{payoutId}", new Probe(Expect.REFUSED, ids -> HttpRequest.GET(
                P + "/payouts/" + ids.get("payoutId"))));
        p.put("POST /api/practitioner/payouts", new Probe(Expect.OWN, ids -> HttpRequest.POST(P + "/payouts", "")
                .header("Idempotency-Key", "alice-payout")));
        p.put("GET /api/practitioner/payout-destination", new Probe(Expect.OWN, ids -> HttpRequest.GET(P + "/payout-destination")));
        p.put("PUT /api/practitioner/payout-destination", new Probe(Expect.OWN, ids -> HttpRequest.PUT(P + "/payout-destination",
                Map.of("holder", "Alice", "iban", "DE89370400440532013000"))));
        p.put("GET /api/practitioner/payment-account", new Probe(Expect.OWN, ids -> HttpRequest.GET(P + "/payment-account")));
        // Before onboarding: afterwards refresh redirects to the provider's page, outside this test's server.
        p.put("GET /api/practitioner/payment-account/refresh", new Probe(Expect.OWN, ids -> HttpRequest.GET(
                P + "/payment-account/refresh")));
        p.put("POST /api/practitioner/payment-account/onboarding", new Probe(Expect.OWN, ids -> HttpRequest.POST(
                P + "/payment-account/onboarding", Map.of("country", "FR"))));
        p.put("GET /api/practitioner/payment-account/return", new Probe(Expect.OWN, ids -> HttpRequest.GET(
                P + "/payment-account/return")));
        p.put("PUT /api/practitioner/payment-account/payouts", new Probe(Expect.OWN, ids -> HttpRequest.PUT(
                P + "/payment-account/payouts", "")));
        p.put("GET /api/practitioner/plan", new Probe(Expect.OWN, ids -> HttpRequest.GET(P + "/plan")));
        p.put("POST /api/practitioner/plan/subscribe", new Probe(Expect.OWN, ids -> HttpRequest.POST(P + "/plan/subscribe", "")));
        p.put("POST /api/practitioner/plan/portal", new Probe(Expect.OWN, ids -> HttpRequest.POST(P + "/plan/portal", "")));
        for (String action : List.of("renew", "fail-next-renewal", "end-trial")) {
            p.put("POST /api/practitioner/plan/sandbox/" + action, new Probe(Expect.OWN,
                    ids -> HttpRequest.POST(P + "/plan/sandbox/" + action, "")));
        }
        InvoiceApiTest.probes(p, date);
        // CAL-2: the feed's address and its rotation are the session's own.
        p.put("GET /api/practitioner/calendar", new Probe(Expect.OWN, ids -> HttpRequest.GET(P + "/calendar")));
        p.put("POST /api/practitioner/calendar/rotate", new Probe(Expect.OWN, ids -> HttpRequest.POST(P + "/calendar/rotate", "")));
        p.put("GET /api/practitioner/calendar/import", new Probe(Expect.OWN, ids -> HttpRequest.GET(P + "/calendar/import")));
        p.put("PUT /api/practitioner/calendar/import", new Probe(Expect.OWN, ids -> HttpRequest.PUT(P + "/calendar/import",
                Map.of("address", "https://calendar.example.org/alice.ics"))));
        p.put("POST /api/practitioner/calendar/import/refresh", new Probe(Expect.OWN, ids -> HttpRequest.POST(
                P + "/calendar/import/refresh", "")));
        p.put("DELETE /api/practitioner/calendar/import", new Probe(Expect.OWN, ids -> HttpRequest.DELETE(
                P + "/calendar/import")));
        return p;
    }

    Set<String> practitionerRoutes() {
        Set<String> routes = new TreeSet<>();
        router.uriRoutes().forEach(route -> {
            String path = route.getUriMatchTemplate().toPathString();
            if (path.startsWith(P) && route.getHttpMethod() != HttpMethod.HEAD) {
                routes.add(route.getHttpMethodName().toUpperCase(Locale.ROOT) + " " + path);
            }
        });
        return routes;
    }

    @Test
    @DisplayName("ACC-2 on every practitioner route, another practitioner's ids are refused (404) and nothing of theirs changes or shows")
    void nobodyReachesAnotherPractitionersData() {
        Map<String, Probe> probes = probes();
        assertThat(practitionerRoutes()).hasSizeGreaterThanOrEqualTo(35);
        assertThat(new TreeSet<>(probes.keySet())).as("every practitioner route is probed").isEqualTo(practitionerRoutes());
        String before = bobsData();
        List<String> bobsIds = List.of(bobId, bobs.get("activityId"), bobs.get("openingId"), bobs.get("unavailabilityId"),
                bobs.get("bookingId"), bobs.get("clientId"), bobs.get("clientEmail"));

        for (Map.Entry<String, Probe> entry : probes.entrySet()) {
            MutableHttpRequest<?> request = entry.getValue().request().apply(bobs).bearerAuth(alice);
            if (entry.getValue().expect() == Expect.REFUSED) {
                HttpClientResponseException refused = failure(http, request);
                assertThat(refused.getStatus().getCode()).as(entry.getKey()).isIn(403, 404);
                problemBody(refused, refused.getStatus().getCode());
            } else {
                String body;
                try {
                    body = http.exchange(request, Argument.of(String.class), Argument.of(String.class)).getBody().orElse("");
                } catch (HttpClientResponseException e) {
                    assertThat(e.getStatus().getCode()).as(entry.getKey() + ": " + e.getResponse().getBody(String.class))
                            .isBetween(400, 499);
                    body = e.getResponse().getBody(String.class).orElse("");
                }
                for (String id : bobsIds) {
                    assertThat(body).as("%s shows none of Bob's data", entry.getKey()).doesNotContain(id);
                }
            }
        }

        assertThat(bobsData()).isEqualTo(before);
    }

    @Test
    @DisplayName("ACC-2 every practitioner route without a session answers 401 problem+json")
    void everyRouteNeedsASession() {
        for (Map.Entry<String, Probe> entry : probes().entrySet()) {
            HttpClientResponseException e = failure(http, entry.getValue().request().apply(bobs));
            assertThat(e.getStatus().getCode()).as(entry.getKey()).isEqualTo(401);
            problemBody(e, 401);
        }
    }

    @Test
    @DisplayName("AG-2, AG-3, AG-4, BK-4, BK-6, BK-8 a practitioner runs their agenda: activity, opening, manual booking with auto-fill, confirm once, clear a date after being told how many bookings it leaves outside")
    void practitionerRunsTheirAgenda() {
        Map<?, ?> activity = send(alice, HttpRequest.POST(P + "/activities", activityBody("Yoga", 60)));
        Map<?, ?> changed = send(alice, HttpRequest.PUT(P + "/activities/" + activity.get("id"),
                Map.of("name", "Yoga", "durationMinutes", 45, "price", Map.of("amount", "50.00", "currency", "EUR"),
                        "modes", List.of("IN_PERSON", "VIDEO"), "active", true)));
        assertThat(changed.get("durationMinutes")).isEqualTo(45);
        send(alice, HttpRequest.POST(P + "/openings", Map.of("date", monday.toString(), "start", "09:00", "end", "12:00")));
        String start = monday.atTime(9, 0).atZone(PARIS).toInstant().toString();

        Map<?, ?> first = send(alice, HttpRequest.POST(P + "/bookings", Map.of("activityId", activity.get("id"), "start", start,
                "mode", "IN_PERSON", "email", "zoe@example.org", "name", "Zoé Petit", "phone", "+33 6 11 22 33 44"))
                .header("Idempotency-Key", "enter-1"));
        assertThat(((Map<?, ?>) get(alice, P + "/clients/lookup?email=zoe@example.org")).get("name")).isEqualTo("Zoé Petit");
        String tenOClock = monday.atTime(10, 0).atZone(PARIS).toInstant().toString();
        Map<?, ?> autoFilled = send(alice, HttpRequest.POST(P + "/bookings", Map.of("activityId", activity.get("id"),
                "start", tenOClock, "mode", "IN_PERSON", "email", "zoe@example.org")).header("Idempotency-Key", "enter-2"));
        assertThat(((Map<?, ?>) autoFilled.get("client")).get("phone")).isEqualTo("+33611223344");

        List<Map> day = http.retrieve(HttpRequest.GET(P + "/agenda/day/" + monday).bearerAuth(alice), Argument.listOf(Map.class));
        assertThat(day).extracting(b -> b.get("id")).contains(first.get("id"), autoFilled.get("id"));
        String state = (String) first.get("state");
        if (state.equals("PENDING")) {
            Map<?, ?> confirmed = send(alice, HttpRequest.POST(P + "/bookings/" + first.get("id") + "/confirm", "")
                    .header("Idempotency-Key", "confirm-1"));
            Map<?, ?> replay = send(alice, HttpRequest.POST(P + "/bookings/" + first.get("id") + "/confirm", "")
                    .header("Idempotency-Key", "confirm-1"));
            assertThat(confirmed.get("state")).isEqualTo("CONFIRMED");
            assertThat(replay).isEqualTo(confirmed);
        }

        // AG-4: told before clearing, and nothing changes until then.
        Map<?, ?> preview = get(alice, P + "/days/" + monday + "/openings/clearing");
        assertThat(preview.get("bookingsLeftOutside")).isEqualTo(2);
        assertThat(http.retrieve(HttpRequest.GET(P + "/openings").bearerAuth(alice), Argument.listOf(Map.class))).hasSize(1);
        Map<?, ?> cleared = send(alice, HttpRequest.DELETE(P + "/days/" + monday + "/openings"));
        assertThat(cleared.get("bookingsLeftOutside")).isEqualTo(2);
        assertThat(http.retrieve(HttpRequest.GET(P + "/agenda/week/" + monday.plusDays(3)).bearerAuth(alice),
                Argument.listOf(Map.class))).hasSize(2);
    }

    @Test
    @DisplayName("BK-7, BK-8 the practitioner moves a booking to a free time, even outside an opening, once per key; the past, an unavailability and a full time are refused")
    void practitionerMovesABooking() {
        String uri = P + "/bookings/" + bobs.get("bookingId") + "/move";
        String evening = monday.atTime(19, 0).atZone(PARIS).toInstant().toString();
        Map<?, ?> moved = send(bob, HttpRequest.POST(uri, Map.of("newStart", evening)).header("Idempotency-Key", "move-1"));
        Map<?, ?> replay = send(bob, HttpRequest.POST(uri, Map.of("newStart", evening)).header("Idempotency-Key", "move-1"));
        assertThat(moved.get("start")).isEqualTo(evening);
        assertThat(moved.get("id")).isEqualTo(bobs.get("bookingId"));
        assertThat(replay).isEqualTo(moved);

        assertThat(problemBody(failure(http, HttpRequest.POST(uri, Map.of("newStart", "2020-01-06T09:00:00Z"))
                .header("Idempotency-Key", "move-2").bearerAuth(bob)), 422)).contains("problems/start-in-the-past");
        String onHoliday = monday.plusDays(2).atTime(10, 0).atZone(PARIS).toInstant().toString();
        assertThat(problemBody(failure(http, HttpRequest.POST(uri, Map.of("newStart", onHoliday))
                .header("Idempotency-Key", "move-3").bearerAuth(bob)), 422)).contains("problems/unavailable");
        String other = (String) send(bob, HttpRequest.POST(P + "/bookings", Map.of("activityId", bobs.get("activityId"),
                "start", monday.atTime(10, 0).atZone(PARIS).toInstant().toString(), "mode", "IN_PERSON",
                "email", bobs.get("clientEmail"))).header("Idempotency-Key", "enter-other")).get("id");
        assertThat(problemBody(failure(http, HttpRequest.POST(P + "/bookings/" + other + "/move", Map.of("newStart", evening))
                .header("Idempotency-Key", "move-4").bearerAuth(bob)), 409)).contains("problems/slot-full");
        assertThat(problemBody(failure(http, HttpRequest.POST(uri, Map.of()).header("Idempotency-Key", "move-5")
                .bearerAuth(bob)), 400)).contains("\"field\":\"newStart\"");
        assertThat(get(bob, P + "/bookings/" + bobs.get("bookingId")).get("start")).isEqualTo(evening);
    }

    @Test
    @DisplayName("AG-1, CX-4, PLAN-1, PO-3 settings change only the fields given; the plan and balances are the practitioner's own")
    void settingsPlanAndMoney() {
        Map<?, ?> settings = send(alice, HttpRequest.PUT(P + "/settings", Map.of("spacingMinutes", 10, "confirmation", "AUTOMATIC",
                "noShowPercent", "50", "form", List.of(Map.of("key", "allergies", "label", "Allergies?", "required", true)))));
        assertThat(settings.get("spacingMinutes")).isEqualTo(10);
        assertThat(settings.get("confirmation")).isEqualTo("AUTOMATIC");
        assertThat(settings.get("noShowPercent")).isEqualTo(get(alice, P + "/settings").get("noShowPercent"));
        assertThat(settings.get("zone")).isEqualTo("Europe/Paris");
        assertThat((List<?>) settings.get("form")).hasSize(1);

        assertThat(get(alice, P + "/plan").get("plan")).isEqualTo("TRIAL");
        assertThat(((Map<?, ?>) get(alice, P + "/balances").get("payable")).get("amount")).isEqualTo("0.00");
        String tooLittle = problemBody(failure(http, HttpRequest.POST(P + "/payouts", "").header("Idempotency-Key", "po-1")
                .bearerAuth(alice)), 422);
        assertThat(tooLittle).contains("problems/below-payout-minimum");
        Map<?, ?> destination = send(alice, HttpRequest.PUT(P + "/payout-destination",
                Map.of("holder", "Alice", "iban", "DE89 3704 0044 0532 0130 00")));
        assertThat((String) destination.get("iban")).doesNotContain("0532 0130");
    }

    @Test
    @DisplayName("PO-4 a payout destination with an IBAN that fails its mod-97 check is refused naming the field")
    void ibanChecked() {
        String body = problemBody(failure(http, HttpRequest.PUT(P + "/payout-destination",
                Map.of("holder", "Alice", "iban", "FR7630006000011234567890188")).bearerAuth(alice)), 400);
        assertThat(body).contains("\"field\":\"iban\"");
        problemBody(failure(http, HttpRequest.GET(P + "/payout-destination").bearerAuth(alice)), 404);
    }

    @Test
    @DisplayName("Bad input on the practitioner routes: malformed JSON, wrong types, unknown enums, out-of-range values, bad ids and dates are 400 problems, never a 500, and nothing changes")
    void badInputIsA400Problem() {
        String before = bobsData();
        List<MutableHttpRequest<?>> bad = new ArrayList<>();
        for (String route : List.of("/settings", "/activities/" + bobs.get("activityId"), "/openings/" + bobs.get("openingId"),
                "/payout-destination")) {
            bad.add(HttpRequest.PUT(P + route, "{not json").contentType(MediaType.APPLICATION_JSON));
            bad.add(HttpRequest.PUT(P + route, "[]").contentType(MediaType.APPLICATION_JSON));
        }
        for (String route : List.of("/activities", "/openings", "/unavailabilities")) {
            bad.add(HttpRequest.POST(P + route, "{not json").contentType(MediaType.APPLICATION_JSON));
        }
        bad.add(HttpRequest.POST(P + "/bookings", "{\"activityId\":").contentType(MediaType.APPLICATION_JSON)
                .header("Idempotency-Key", "x"));
        Map<String, Object> activity = new HashMap<>(activityBody("Bad", 60));
        activity.put("durationMinutes", "sixty");
        bad.add(HttpRequest.POST(P + "/activities", activity));
        activity.put("durationMinutes", 100_000);
        bad.add(HttpRequest.POST(P + "/activities", activity));
        activity.put("durationMinutes", 60);
        activity.put("modes", List.of("TELEPATHY"));
        bad.add(HttpRequest.POST(P + "/activities", activity));
        activity.put("modes", List.of("IN_PERSON"));
        activity.put("price", Map.of("amount", "-5.00", "currency", "EUR"));
        bad.add(HttpRequest.POST(P + "/activities", activity));
        activity.put("price", Map.of("amount", "5.00", "currency", "XYZ"));
        bad.add(HttpRequest.POST(P + "/activities", activity));
        bad.add(HttpRequest.PUT(P + "/settings", Map.of("defaultCapacity", 0)));
        bad.add(HttpRequest.PUT(P + "/settings", Map.of("confirmation", "SOMETIMES")));
        bad.add(HttpRequest.PUT(P + "/settings", Map.of("noShowPercent", "150")));
        bad.add(HttpRequest.PUT(P + "/settings", Map.of("zone", "Mars/Olympus")));
        bad.add(HttpRequest.PUT(P + "/settings", Map.of("spacingMinutes", -1)));
        bad.add(HttpRequest.PUT(P + "/settings", Map.of("horizonDays", 99_999_999_999L)));
        bad.add(HttpRequest.POST(P + "/openings", Map.of("day", "FUNDAY", "validFrom", "2030-01-01", "start", "09:00", "end", "12:00")));
        bad.add(HttpRequest.POST(P + "/openings", Map.of("day", "MONDAY", "validFrom", "2030-01-01", "start", "12:00", "end", "09:00")));
        bad.add(HttpRequest.POST(P + "/openings", Map.of("date", "2030-02-30", "start", "09:00", "end", "12:00")));
        bad.add(HttpRequest.POST(P + "/openings", Map.of("date", "2030-02-03", "start", "25:00", "end", "26:00")));
        bad.add(HttpRequest.POST(P + "/openings", Map.of("date", "2030-02-03", "start", "09:00", "end", "12:00", "capacity", 0)));
        bad.add(HttpRequest.POST(P + "/unavailabilities", Map.of("from", "2031-01-02T00:00:00Z", "to", "2031-01-01T00:00:00Z")));
        bad.add(HttpRequest.POST(P + "/unavailabilities", Map.of("from", "yesterday", "to", "2031-01-01T00:00:00Z")));
        bad.add(HttpRequest.GET(P + "/agenda/day/2030-13-01"));
        bad.add(HttpRequest.GET(P + "/unavailabilities?from=x&to=y"));
        bad.add(HttpRequest.GET(P + "/bookings/not-an-id"));
        bad.add(HttpRequest.GET(P + "/clients/lookup?email=not-an-email"));
        bad.add(HttpRequest.POST(P + "/bookings/" + bobs.get("bookingId") + "/confirm", ""));
        bad.add(HttpRequest.POST(P + "/bookings", Map.of("activityId", "'; DROP TABLE bookings; --", "start",
                "2030-01-01T09:00:00Z", "mode", "IN_PERSON", "email", "x@example.org")).header("Idempotency-Key", "x"));
        bad.add(HttpRequest.POST(P + "/bookings", Map.of("activityId", bobs.get("activityId"), "start", "2030-01-01T09:00:00Z",
                "mode", "IN_PERSON", "email", "x@example.org", "phone", "12")).header("Idempotency-Key", "x"));
        bad.add(HttpRequest.POST(P + "/payouts", ""));

        for (MutableHttpRequest<?> request : bad) {
            HttpClientResponseException e = failure(http, request.bearerAuth(bob));
            assertThat(e.getStatus().getCode()).as("%s %s: %s", request.getMethod(), request.getPath(),
                    e.getResponse().getBody(String.class).orElse("")).isEqualTo(400);
            problemBody(e, 400);
        }
        assertThat(bobsData()).isEqualTo(before);
    }
}
