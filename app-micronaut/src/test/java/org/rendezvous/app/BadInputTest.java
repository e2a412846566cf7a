package org.rendezvous.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.client.BlockingHttpClient;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.http.server.HttpServerConfiguration;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.web.router.Router;
import io.micronaut.web.router.UriRouteInfo;
import jakarta.inject.Inject;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.rendezvous.app.http.Problem;
import org.rendezvous.core.port.Stores;

/**
 * SPEC "Bad input" on every route the router knows (issue 7 item 5): malformed JSON, wrong shapes and
 * types, out-of-range numbers, impossible dates and times, unknown enum values, missing fields, empty and
 * oversized bodies, wrong content types, injection strings, bad ids, query values and headers. Each is a
 * 4xx {@code application/problem+json}, never a 5xx, and afterwards everything the practitioner and their
 * client can read is as it was.
 */
@MicronautTest(environments = AccountsTestSupport.ENVIRONMENT)
class BadInputTest {

    static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    static final String P = "/api/practitioner";

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    Stores stores;

    @Inject
    Router router;

    @Inject
    JsonMapper json;

    @Inject
    EmbeddedServer server;

    @Inject
    HttpServerConfiguration serverConfiguration;

    BlockingHttpClient http;
    String bob;
    String bobEmail;
    String newcomer;
    LocalDate monday;
    final Map<String, String> valid = new HashMap<>();
    final Map<String, Map<String, Object>> templates = new HashMap<>();

    /** Bob, with an activity, an opening, an unavailability, a payout destination, and a client's booking. */
    @BeforeEach
    void bobsAgenda() {
        http = client.toBlocking();
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        bobEmail = "bob-" + suffix + "@example.org";
        bob = AccountsTestSupport.session(http, stores, bobEmail, "bob's long password");
        String bobId = (String) send(HttpRequest.GET(P + "/profile")).get("id");
        monday = LocalDate.now(PARIS).plusDays(7).with(TemporalAdjusters.nextOrSame(DayOfWeek.MONDAY));
        String activityId = (String) send(HttpRequest.POST(P + "/activities",
                PractitionerApiTest.activityBody("Shiatsu", 60))).get("id");
        Map<?, ?> opening = send(HttpRequest.POST(P + "/openings", Map.of("day", "MONDAY", "validFrom",
                LocalDate.now(PARIS).toString(), "start", "09:00", "end", "12:00")));
        Map<?, ?> unavailability = send(HttpRequest.POST(P + "/unavailabilities", Map.of(
                "from", monday.plusDays(2).atStartOfDay(PARIS).toInstant().toString(),
                "to", monday.plusDays(3).atStartOfDay(PARIS).toInstant().toString(), "label", "holiday")));
        send(HttpRequest.PUT(P + "/payout-destination", Map.of("holder", "Bob", "iban", "FR7630006000011234567890189")));
        String clientEmail = "chloe-" + suffix + "@example.org";
        Map<?, ?> booking = http.retrieve(HttpRequest.POST("/api/public/practitioners/" + bobId + "/bookings", Map.of(
                "activityId", activityId, "start", monday.atTime(9, 0).atZone(PARIS).toInstant().toString(),
                "mode", "IN_PERSON", "client", Map.of("name", "Chloé Dubois", "email", clientEmail,
                        "phone", "+33 6 12 34 56 78"))).header("Idempotency-Key", "k-" + suffix), Map.class);
        String link = (String) booking.get("clientLink");
        List<Map> clients = http.retrieve(HttpRequest.GET(P + "/clients").bearerAuth(bob), Argument.listOf(Map.class));

        valid.put("practitionerId", bobId);
        valid.put("activityId", activityId);
        valid.put("openingId", (String) ((Map<?, ?>) opening.get("opening")).get("id"));
        valid.put("unavailabilityId", (String) ((Map<?, ?>) unavailability.get("unavailability")).get("id"));
        valid.put("bookingId", (String) booking.get("id"));
        valid.put("clientId", (String) clients.get(0).get("id"));
        valid.put("payoutId", UUID.randomUUID().toString());
        valid.put("accessToken", link.substring(link.lastIndexOf('/') + 1));
        valid.put("reference", "no-such-reference");
        valid.put("date", monday.toString());
        valid.put("email", clientEmail);
        valid.put("from:Instant", "2000-01-01T00:00:00Z");
        valid.put("to:Instant", "2100-01-01T00:00:00Z");
        valid.put("from:LocalDate", monday.toString());
        valid.put("to:LocalDate", monday.plusDays(6).toString());
        valid.put("Idempotency-Key", "x");
        valid.put("Stripe-Signature", "t=1,v1=0000");

        String ten = monday.atTime(10, 0).atZone(PARIS).toInstant().toString();
        newcomer = "newcomer-" + suffix + "@example.org";
        templates.put("SettingsRequest", Map.of());
        templates.put("FormFieldInput", Map.of("key", "allergies", "label", "Allergies?"));
        templates.put("ActivityRequest", PractitionerApiTest.activityBody("Massage", 30));
        templates.put("OpeningRequest", Map.of("date", monday.plusDays(1).toString(), "start", "14:00", "end", "15:00"));
        templates.put("UnavailabilityRequest", Map.of("from", "2031-01-01T00:00:00Z", "to", "2031-01-02T00:00:00Z",
                "label", "off"));
        templates.put("ManualBookingRequest", Map.of("activityId", activityId, "start", ten, "mode", "IN_PERSON",
                "email", "dan-" + suffix + "@example.org", "name", "Dan Durand", "phone", "+33 6 12 34 56 80"));
        templates.put("DestinationRequest", Map.of("holder", "Bob", "iban", "FR7630006000011234567890189"));
        templates.put("BookingRequest", Map.of("activityId", activityId, "start", ten, "mode", "IN_PERSON",
                "client", Map.of("name", "Eve Martin", "email", "eve-" + suffix + "@example.org", "phone", "+33 6 12 34 56 79")));
        templates.put("ClientInput", Map.of("name", "Eve Martin", "email", "eve-" + suffix + "@example.org",
                "phone", "+33 6 12 34 56 79"));
        templates.put("Price", Map.of("amount", "40.00", "currency", "EUR"));
        templates.put("MoveRequest", Map.of("newStart", ten));
        templates.put("WaitlistOfferRequest", Map.of("offeredStart", ten));
        templates.put("ProfileRequest", Map.of());
        templates.put("AddressView", Map.of("label", "Cabinet", "address", "1 rue de Rivoli, Paris"));
        templates.put("RegisterRequest", Map.of("name", "New Comer", "email", newcomer, "password", "a long password 123"));
        templates.put("TokenRequest", Map.of("token", "0000"));
        templates.put("EmailRequest", Map.of("email", "nobody-" + suffix + "@example.org"));
        templates.put("LoginRequest", Map.of("email", "nobody-" + suffix + "@example.org", "password", "a long password 123"));
        templates.put("NewPasswordRequest", Map.of("token", "0000", "password", "a long password 123"));
        templates.put("SignInRequest", Map.of("email", "nobody-" + suffix + "@example.org"));
        templates.put("SessionRequest", Map.of("token", "0000"));
    }

    Map<?, ?> send(io.micronaut.http.MutableHttpRequest<?> request) {
        return http.retrieve(request.bearerAuth(bob), Map.class);
    }

    /** Every GET route of the app with valid ids and query values: what the practitioner and the client can read. */
    String everythingReadable() {
        Map<String, String> all = new LinkedHashMap<>();
        for (UriRouteInfo<?, ?> route : BadInputBarrage.appRoutes(router)) {
            if (!route.getHttpMethodName().equals("GET")) {
                continue;
            }
            String uri = route.getUriMatchTemplate().toPathString();
            for (String variable : route.getUriMatchTemplate().getVariableNames()) {
                uri = uri.replaceFirst("\\{" + variable + "[^}]*}", valid.getOrDefault(variable, "x"));
            }
            StringBuilder query = new StringBuilder();
            for (Argument<?> argument : route.getTargetMethod().getArguments()) {
                if (argument.getAnnotationMetadata().hasAnnotation(QueryValue.class)) {
                    String name = argument.getName();
                    query.append(query.length() == 0 ? "?" : "&").append(name).append('=').append(BadInputBarrage.enc(
                            valid.getOrDefault(name + ":" + argument.getType().getSimpleName(), valid.getOrDefault(name, "x"))));
                }
            }
            String result;
            try {
                HttpResponse<String> response = http.exchange(HttpRequest.GET(uri + query).bearerAuth(bob), String.class);
                result = response.getStatus().getCode() + " " + response.body();
            } catch (HttpClientResponseException e) {
                result = e.getStatus().getCode() + " " + e.getResponse().getBody(String.class).orElse("");
            }
            all.put(uri + query, result);
        }
        StringBuilder out = new StringBuilder();
        all.forEach((uri, result) -> out.append(uri).append(" => ").append(result).append('\n'));
        return out.toString();
    }

    @Test
    @DisplayName("Bad input (SPEC, issue 7): on every route, every kind of bad input is a 4xx problem+json naming the field, never a 5xx, and nothing stored changes")
    void everyRouteRefusesBadInput() {
        String before = everythingReadable();
        assertThat(before).contains(valid.get("bookingId")).contains("Shiatsu").contains("holiday");
        BadInputBarrage barrage = new BadInputBarrage(router, server.getURI(), json, bob, valid, templates,
                serverConfiguration.getMaxRequestSize());
        List<BadInputBarrage.Attack> attacks = barrage.attacks(route -> true);
        barrage.run(attacks);
        System.out.println(barrage.counts());
        barrage.failures.stream().limit(200).forEach(System.out::println);
        try {
            java.nio.file.Files.write(java.nio.file.Path.of("target", "bad-input-failures.txt"), barrage.failures);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }

        assertThat(barrage.sentPerRoute.keySet()).as("every route of the app is attacked")
                .hasSize(BadInputBarrage.appRoutes(router).size());
        assertThat(barrage.failures).as("answers that were not a 4xx problem").isEmpty();
        assertThat(everythingReadable()).as("everything readable is as before").isEqualTo(before);
        HttpClientResponseException login = AccountsTestSupport.failure(http, HttpRequest.POST("/api/auth/login",
                Map.of("email", newcomer, "password", "a long password 123")));
        assertThat(login.getStatus().getCode()).as("no account was opened by a bad registration").isEqualTo(401);
    }

    Map<?, ?> problem(io.micronaut.http.MutableHttpRequest<?> request, int status) throws Exception {
        String body = AccountsTestSupport.problemBody(AccountsTestSupport.failure(http, request.bearerAuth(bob)), status);
        return json.readValue(body, Map.class);
    }

    @Test
    @DisplayName("Bad input: a field's mistake is a 400 invalid-request problem whose detail and field name the field as sent, nested ones by their path")
    void problemsNameTheField() throws Exception {
        Map<String, Object> activity = new LinkedHashMap<>(PractitionerApiTest.activityBody("Massage", 30));
        activity.put("durationMinutes", 1);
        Map<?, ?> tooShort = problem(HttpRequest.POST(P + "/activities", activity), 400);
        assertThat(tooShort.get("type")).isEqualTo(Problem.TYPE_BASE + "invalid-request");
        assertThat(tooShort.get("field")).isEqualTo("durationMinutes");
        assertThat((String) tooShort.get("detail")).startsWith("durationMinutes: must be greater than or equal to 5");

        activity.put("durationMinutes", "sixty");
        assertThat(problem(HttpRequest.POST(P + "/activities", activity), 400).get("detail"))
                .isEqualTo("durationMinutes: must be a whole number");
        activity.put("durationMinutes", 30);
        activity.put("price", Map.of("amount", "1e3", "currency", "EUR"));
        assertThat(problem(HttpRequest.POST(P + "/activities", activity), 400).get("detail"))
                .isEqualTo("price.amount: a decimal number such as 60.00");
        activity.put("price", Map.of("amount", Map.of(), "currency", "EUR"));
        assertThat((String) problem(HttpRequest.POST(P + "/activities", activity), 400).get("field")).startsWith("price");
        activity.put("price", Map.of("amount", "60.00", "currency", "EUR"));
        activity.put("modes", List.of("TELEPATHY"));
        assertThat((String) problem(HttpRequest.POST(P + "/activities", activity), 400).get("detail"))
                .startsWith("modes").contains("must be one of").contains("IN_PERSON");

        assertThat(problem(HttpRequest.POST(P + "/activities", "{\"name\":").contentType("application/json"), 400)
                .get("detail")).isEqualTo("body: not valid JSON");
        assertThat(problem(HttpRequest.PUT(P + "/settings", Map.of("waitlistAlerts", "yes")), 400).get("detail"))
                .isEqualTo("waitlistAlerts: must be true or false");
        assertThat((String) problem(HttpRequest.POST(P + "/openings", Map.of("date", "+999999999-12-31", "start", "09:00",
                "end", "10:00")), 400).get("detail")).startsWith("date: must be a date yyyy-mm-dd from 1900 to 9999");
        assertThat(problem(HttpRequest.GET(P + "/agenda/day/2026-02-30"), 400).get("detail"))
                .isEqualTo("date: not a valid date (yyyy-mm-dd)");
        assertThat(problem(HttpRequest.POST(P + "/bookings/" + valid.get("bookingId") + "/confirm", ""), 400)
                .get("detail")).isEqualTo("Idempotency-Key: required");
    }

    @Test
    @DisplayName("Bad input: a body that is not JSON is a 415 problem; text that looks like an attack, in a free-text field, is kept as typed and answered as JSON")
    void contentTypesAndFreeText() throws Exception {
        HttpClientResponseException xml = AccountsTestSupport.failure(http, HttpRequest.POST("/api/public/practitioners/"
                + valid.get("practitionerId") + "/bookings", "<a/>").contentType("application/xml").header("Idempotency-Key", "x"));
        assertThat(AccountsTestSupport.problemBody(xml, 415)).contains(Problem.TYPE_BASE + "unsupported-media-type");
        // Where no route reads the content type, a route's own @Secured does not apply: the security filter
        // answers first, 401 without a session, 403 with one.
        problem(HttpRequest.POST(P + "/activities", "x=1").contentType("text/plain"), 403);
        AccountsTestSupport.problemBody(AccountsTestSupport.failure(http, HttpRequest.POST("/api/auth/register", "<a/>")
                .contentType("application/xml")), 401);
        String name = "<script>alert(1)</script> '; drop table bookings; -- ${jndi:ldap://x/a}";
        send(HttpRequest.POST(P + "/activities", PractitionerApiTest.activityBody(name, 30)));
        HttpResponse<String> activities = http.exchange(HttpRequest.GET(P + "/activities").bearerAuth(bob), String.class);
        assertThat(activities.getContentType()).map(Object::toString).contains("application/json");
        List<Map> read = json.readValue(activities.body(), Argument.listOf(Map.class));
        assertThat(read).extracting(a -> a.get("name")).contains(name);
    }

    @Test
    @DisplayName("Bad input: a body over micronaut.server.max-request-size is a 413 problem, also on a route that reads no body")
    void oversizedBodies() throws Exception {
        String big = "{\"name\":\"" + "x".repeat((int) serverConfiguration.getMaxRequestSize()) + "\"}";
        assertThat(problem(HttpRequest.POST(P + "/activities", big).contentType("application/json"), 413).get("type"))
                .isEqualTo(Problem.TYPE_BASE + "payload-too-large");
        problem(HttpRequest.POST(P + "/plan/subscribe", big).contentType("application/json"), 413);
        assertThat(get(P + "/plan").get("plan")).isEqualTo("TRIAL");
    }

    Map<?, ?> get(String uri) {
        return http.retrieve(HttpRequest.GET(uri).bearerAuth(bob), Map.class);
    }
}
