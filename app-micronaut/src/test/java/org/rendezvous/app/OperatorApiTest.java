package org.rendezvous.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rendezvous.app.AccountsTestSupport.failure;
import static org.rendezvous.app.AccountsTestSupport.problemBody;

import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.BlockingHttpClient;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.web.router.Router;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.rendezvous.core.Rendezvous;
import org.rendezvous.core.account.AccountLinks;
import org.rendezvous.core.agenda.Activity;
import org.rendezvous.core.agenda.AddActivityCommand;
import org.rendezvous.core.agenda.ConsultationMode;
import org.rendezvous.core.agenda.OpeningSpec;
import org.rendezvous.core.booking.BookCommand;
import org.rendezvous.core.booking.Booking;
import org.rendezvous.core.booking.BookingState;
import org.rendezvous.core.booking.CancelByClientCommand;
import org.rendezvous.core.booking.ConfirmBookingCommand;
import org.rendezvous.core.client.ClientDetails;
import org.rendezvous.core.contact.EmailAddress;
import org.rendezvous.core.idempotency.IdempotencyKey;
import org.rendezvous.core.money.Money;
import org.rendezvous.core.money.Percent;
import org.rendezvous.core.notification.ClaimedMessage;
import org.rendezvous.core.notification.Lease;
import org.rendezvous.core.operator.Invitation;
import org.rendezvous.core.payout.Payout;
import org.rendezvous.core.payout.PayoutId;
import org.rendezvous.core.payout.PayoutState;
import org.rendezvous.core.payout.PayoutTrigger;
import org.rendezvous.core.port.Stores;
import org.rendezvous.core.practitioner.PractitionerId;
import org.rendezvous.core.sandbox.SandboxPaymentGateway;

/**
 * The operator area over HTTP (issue 12, item 4): operators' login, the separation of operator and
 * practitioner sessions both ways, every operator route closed to others, suspension, CX-4 reversal, the
 * FEE-4 totals, parked-message retry and the audit log.
 */
@MicronautTest(environments = AccountsTestSupport.ENVIRONMENT)
class OperatorApiTest {

    static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    static final String O = "/api/operator";
    static final String PASSWORD = "the operator's long password";
    /** The operator routes anyone may call: signing in. */
    static final Set<String> OPEN = Set.of("POST " + O + "/login", "POST " + O + "/set-password", "POST " + O + "/logout",
            "POST " + O + "/password-reset");

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    Stores stores;

    @Inject
    Rendezvous engine;

    @Inject
    Router router;

    @Inject
    Clock clock;

    @Inject
    SandboxPaymentGateway sandbox;

    BlockingHttpClient http;
    String email;
    String operator;
    String practitioner;
    String practitionerId;
    String practitionerEmail;

    @Inject
    AccountLinks links;

    @BeforeEach
    void operatorAndPractitioner() {
        http = client.toBlocking();
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        email = "olga-" + suffix + "@operators.example";
        operator = operatorSession(email);
        practitionerEmail = "anna-" + suffix + "@example.org";
        practitioner = AccountsTestSupport.session(http, stores, practitionerEmail, "anna's long password");
        practitionerId = (String) get(practitioner, "/api/practitioner/profile").get("id");
    }

    String operatorSession(String address) {
        Invitation invitation = engine.operators().invite(EmailAddress.of(address)).orElseThrow();
        http.exchange(HttpRequest.POST(O + "/set-password", Map.of("token", invitation.secret(), "password", PASSWORD)));
        HttpResponse<Map> login = http.exchange(HttpRequest.POST(O + "/login", Map.of("email", address, "password", PASSWORD)),
                Map.class);
        assertThat(login.body().get("role")).isEqualTo("OPERATOR");
        return (String) login.body().get("accessToken");
    }

    Map<?, ?> get(String token, String uri) {
        return http.retrieve(HttpRequest.GET(uri).bearerAuth(token), Map.class);
    }

    List<?> list(String token, String uri) {
        return http.retrieve(HttpRequest.GET(uri).bearerAuth(token), io.micronaut.core.type.Argument.listOf(Map.class));
    }

    Map<?, ?> post(String token, String uri, Object body) {
        return http.retrieve(HttpRequest.POST(uri, body).bearerAuth(token), Map.class);
    }

    static Map<String, String> reason(String why) {
        return Map.of("reason", why);
    }

    @Test
    @DisplayName("operator login: one 401 for a wrong password and an unknown e-mail; the set-password link works once")
    void login() {
        assertThat(get(operator, O + "/me").get("email")).isEqualTo(email);
        String wrong = problemBody(failure(http, HttpRequest.POST(O + "/login", Map.of("email", email, "password", "nope nope nope"))), 401);
        String unknown = problemBody(failure(http, HttpRequest.POST(O + "/login",
                Map.of("email", "nobody@operators.example", "password", "nope nope nope"))), 401);
        assertThat(wrong).isEqualTo(unknown);
        Invitation again = engine.operators().newLink(EmailAddress.of(email)).orElseThrow();
        http.exchange(HttpRequest.POST(O + "/set-password", Map.of("token", again.secret(), "password", PASSWORD)));
        problemBody(failure(http, HttpRequest.POST(O + "/set-password", Map.of("token", again.secret(), "password", PASSWORD))), 400);
        problemBody(failure(http, HttpRequest.GET(O + "/me").bearerAuth(operator)), 401);
    }

    @Test
    @DisplayName("role separation: a practitioner's session opens no operator route, an operator's no practitioner route")
    void rolesBothWays() {
        problemOrStatus(HttpRequest.GET(O + "/practitioners").bearerAuth(practitioner), 403);
        problemOrStatus(HttpRequest.GET("/api/practitioner/profile").bearerAuth(operator), 403);
        problemOrStatus(HttpRequest.GET("/api/practitioner/bookings").bearerAuth(operator), 403);
        assertThat(get(practitioner, "/api/practitioner/profile").get("id")).isEqualTo(practitionerId);
    }

    @Test
    @DisplayName("every operator route refuses anonymous callers (401) and practitioners (403)")
    void everyRouteIsClosed() {
        List<String> routes = operatorRoutes();
        assertThat(routes).contains("GET " + O + "/practitioners", "POST " + O + "/bookings/{bookingId}/reverse-charge",
                "GET " + O + "/ledger", "GET " + O + "/payouts", "GET " + O + "/messages/parked",
                "POST " + O + "/messages/{messageId}/retry", "GET " + O + "/audit");
        for (String route : routes) {
            String[] parts = route.split(" ", 2);
            String path = parts[1].replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
            MutableHttpRequest<Object> anonymous = HttpRequest.create(HttpMethod.valueOf(parts[0]), path);
            MutableHttpRequest<Object> asPractitioner = HttpRequest.create(HttpMethod.valueOf(parts[0]), path).bearerAuth(practitioner);
            if (!parts[0].equals("GET") && !parts[0].equals("DELETE")) {
                anonymous.body(reason("probe"));
                asPractitioner.body(reason("probe"));
            }
            assertThat(failure(http, anonymous).getStatus().getCode()).as("anonymous %s", route).isEqualTo(401);
            assertThat(failure(http, asPractitioner).getStatus().getCode()).as("practitioner on %s", route).isEqualTo(403);
        }
        assertThat(engine.operators().auditLog(100)).noneMatch(a -> a.reason().equals("probe"));
    }

    @Test
    @DisplayName("every practitioner route refuses an operator's session (403), whoever wrote the route")
    void everyPractitionerRouteRefusesOperators() {
        List<String> routes = new ArrayList<>();
        router.uriRoutes().forEach(route -> {
            String path = route.getUriMatchTemplate().toPathString();
            if (path.startsWith("/api/practitioner") && route.getHttpMethod() != HttpMethod.HEAD) {
                routes.add(route.getHttpMethodName().toUpperCase(Locale.ROOT) + " " + path);
            }
        });
        assertThat(routes).hasSizeGreaterThan(10);
        for (String route : routes) {
            String[] parts = route.split(" ", 2);
            String path = parts[1].replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
            MutableHttpRequest<Object> request = HttpRequest.create(HttpMethod.valueOf(parts[0]), path).bearerAuth(operator);
            if (!parts[0].equals("GET") && !parts[0].equals("DELETE")) {
                request.body(Map.of());
            }
            assertThat(failure(http, request).getStatus().getCode()).as("operator on %s", route).isEqualTo(403);
        }
    }

    List<String> operatorRoutes() {
        List<String> routes = new ArrayList<>();
        router.uriRoutes().forEach(route -> {
            String path = route.getUriMatchTemplate().toPathString();
            String name = route.getHttpMethodName().toUpperCase(Locale.ROOT) + " " + path;
            if (path.startsWith(O + "/") && route.getHttpMethod() != HttpMethod.HEAD && !OPEN.contains(name)) {
                routes.add(name);
            }
        });
        return routes;
    }

    void problemOrStatus(MutableHttpRequest<?> request, int status) {
        assertThat(failure(http, request).getStatus().getCode()).isEqualTo(status);
    }

    @Test
    @DisplayName("suspend: public routes answer 404 and the practitioner still sees their data; reactivate opens them again; both audited")
    void suspendAndReactivate() {
        String activities = "/api/public/practitioners/" + practitionerId + "/activities";
        http.exchange(HttpRequest.GET(activities));
        problemBody(failure(http, HttpRequest.POST(O + "/practitioners/" + practitionerId + "/suspend", Map.of("reason", " "))
                .bearerAuth(operator)), 400);

        Map<?, ?> suspended = post(operator, O + "/practitioners/" + practitionerId + "/suspend", reason("fraud report #12"));

        assertThat(suspended.get("suspended")).isEqualTo(true);
        problemBody(failure(http, HttpRequest.GET(activities)), 404);
        assertThat(get(practitioner, "/api/practitioner/profile").get("id")).isEqualTo(practitionerId);
        assertThat(list(operator, O + "/practitioners")).anySatisfy(row -> {
            assertThat(((Map<?, ?>) row).get("id")).isEqualTo(practitionerId);
            assertThat(((Map<?, ?>) row).get("suspended")).isEqualTo(true);
            assertThat(((Map<?, ?>) row).get("emailVerified")).isEqualTo(true);
            assertThat(((Map<?, ?>) row).get("plan")).isNotNull();
        });
        problemBody(failure(http, HttpRequest.POST(O + "/practitioners/" + practitionerId + "/suspend", reason("again"))
                .bearerAuth(operator)), 409);

        post(operator, O + "/practitioners/" + practitionerId + "/reactivate", reason("cleared"));
        http.exchange(HttpRequest.GET(activities));
        List<?> audit = list(operator, O + "/audit");
        assertThat(audit).hasSizeGreaterThanOrEqualTo(2);
        Map<?, ?> latest = (Map<?, ?>) audit.get(0);
        assertThat(latest.get("kind")).isEqualTo("REACTIVATE_PRACTITIONER");
        assertThat(latest.get("reason")).isEqualTo("cleared");
        assertThat(latest.get("operatorEmail")).isEqualTo(email);
        assertThat(latest.get("subject")).isEqualTo(practitionerId);
        assertThat(latest.get("at")).isNotNull();
    }

    @Test
    @DisplayName("CX-4 over HTTP: a late cancellation's kept charge reversed once, refunded in full; a retry with the same Idempotency-Key answers the first result (BK-8); FEE-4 balanced after")
    void reversal() {
        PractitionerId anna = PractitionerId.of(practitionerId);
        engine.practitioners().changeSettings(anna, engine.practitioners().settings(anna).orElseThrow()
                .withNoShowPercentage(Percent.of(50))).orElseThrow();
        Activity call = engine.agenda().addActivity(new AddActivityCommand(anna, "Call", Duration.ofMinutes(60),
                Money.of("60.00", "EUR"), Set.of(ConsultationMode.VIDEO))).orElseThrow();
        LocalDate today = LocalDate.now(clock.withZone(PARIS));
        LocalDate monday = today.plusDays(7).with(TemporalAdjusters.nextOrSame(DayOfWeek.MONDAY));
        engine.agenda().addOpening(anna, OpeningSpec.weekly(DayOfWeek.MONDAY, today, LocalTime.of(9, 0), LocalTime.of(12, 0)))
                .orElseThrow();
        Instant start = monday.atTime(10, 0).atZone(PARIS).toInstant();
        Booking held = engine.bookings().book(new BookCommand(anna, call.id(), start, ConsultationMode.VIDEO,
                ClientDetails.of("Léa Moreau", "lea@example.org", "+33 6 12 34 56 78"), new TreeMap<>(), true,
                IdempotencyKey.of("op-book-" + UUID.randomUUID()))).orElseThrow();
        assertThat(sandbox.completePayment(engine.payments().checkout(held.accessToken()).orElseThrow().reference())).isPresent();
        Booking paid = engine.clientBookings().findByLink(held.accessToken()).orElseThrow();
        if (paid.state() == BookingState.PENDING) {
            engine.bookings().confirm(new ConfirmBookingCommand(anna, paid.id(), IdempotencyKey.of("op-confirm-" + paid.id())))
                    .orElseThrow();
        }
        ((AccountsTestSupport.MovableClock) clock).advance(Duration.between(Instant.now(), start.minus(Duration.ofHours(2))));
        Booking cancelled = engine.clientBookings().cancelByClient(new CancelByClientCommand(held.accessToken(),
                IdempotencyKey.of("op-cancel-" + held.id()))).orElseThrow();
        assertThat(cancelled.state()).isEqualTo(BookingState.CANCELLED_BY_CLIENT);
        engine.payments().carryOutDue();
        String reverse = O + "/bookings/" + held.id() + "/reverse-charge";

        String key = "reversal-" + UUID.randomUUID();
        String withoutKey = problemBody(failure(http, HttpRequest.POST(reverse, reason("no key")).bearerAuth(operator)), 400);
        assertThat(withoutKey).contains("Idempotency-Key");
        Map<?, ?> reversal = http.retrieve(HttpRequest.POST(reverse, reason("client sent a hospital certificate"))
                .bearerAuth(operator).header("Idempotency-Key", key), Map.class);

        assertThat(reversal.get("refunded")).isEqualTo(Map.of("amount", "30.00", "currency", "EUR"));
        assertThat(reversal.get("commissionUndone")).isEqualTo(Map.of("amount", "1.50", "currency", "EUR"));
        // CX-4 with BK-8: the same request retried (a lost answer, a double click) answers the first result.
        Map<?, ?> replay = http.retrieve(HttpRequest.POST(reverse, reason("client sent a hospital certificate"))
                .bearerAuth(operator).header("Idempotency-Key", key), Map.class);
        assertThat(replay).as("the first answer, again").isEqualTo(reversal);
        problemBody(failure(http, HttpRequest.POST(reverse, reason("again")).bearerAuth(operator)
                .header("Idempotency-Key", "reversal-" + UUID.randomUUID())), 422);
        problemBody(failure(http, HttpRequest.POST(O + "/bookings/" + UUID.randomUUID() + "/reverse-charge", reason("x"))
                .bearerAuth(operator).header("Idempotency-Key", key)), 404);
        problemBody(failure(http, HttpRequest.POST(O + "/bookings/not-an-id/reverse-charge", reason("x"))
                .bearerAuth(operator).header("Idempotency-Key", key)), 400);
        engine.payments().carryOutDue();
        assertThat(engine.payments().balances(anna).orElseThrow().of(org.rendezvous.core.ledger.Account.REFUNDS))
                .isEqualTo(Money.of("60.00", "EUR"));

        Map<?, ?> ledger = get(operator, O + "/ledger?currency=EUR");
        assertThat(ledger.get("balanced")).isEqualTo(true);
        assertThat(ledger.get("moneyIn")).isEqualTo(ledger.get("accountedFor"));
        problemBody(failure(http, HttpRequest.GET(O + "/ledger?currency=euro").bearerAuth(operator)), 400);
        assertThat(((Map<?, ?>) list(operator, O + "/audit").get(0)).get("kind")).isEqualTo("REVERSE_CHARGE");
        assertThat(get(operator, O + "/payouts").get("payouts")).isInstanceOf(List.class);
    }

    @Test
    @DisplayName("issue 12: the payout list pages newest change first down to the oldest; a bad state, position or size is a 400 naming it")
    void payoutListPages() {
        // Changed far in the future so that they are the newest whatever other tests left in the database.
        List<String> newestFirst = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            Instant at = Instant.parse("2090-01-01T10:00:00Z").plus(Duration.ofMinutes(i));
            Payout payout = new Payout(new PayoutId(UUID.randomUUID()), PractitionerId.of(practitionerId),
                    new PayoutTrigger.Request("paging-" + i), at, Money.of("5.00", "EUR"), PayoutState.FAILED, List.of(),
                    Optional.empty(), Optional.of("account closed"), at, at);
            assertThat(stores.payouts().add(payout)).isTrue();
            newestFirst.add(0, payout.id().toString());
        }

        Map<?, ?> first = get(operator, O + "/payouts?state=FAILED&limit=2");
        assertThat(ids(first)).containsExactlyElementsOf(newestFirst.subList(0, 2));
        Map<?, ?> second = get(operator, O + "/payouts?state=FAILED&limit=2&after=" + first.get("next"));
        assertThat(ids(second)).containsExactlyElementsOf(newestFirst.subList(2, 4));
        Map<?, ?> third = get(operator, O + "/payouts?limit=2&after=" + second.get("next"));
        assertThat(ids(third)).first().isEqualTo(newestFirst.get(4));
        assertThat(((Map<?, ?>) ((List<?>) first.get("payouts")).get(0)).get("updatedAt")).isEqualTo("2090-01-01T10:04:00Z");

        assertThat(problemBody(failure(http, HttpRequest.GET(O + "/payouts?state=LOST").bearerAuth(operator)), 400)).contains("state");
        assertThat(problemBody(failure(http, HttpRequest.GET(O + "/payouts?after=yesterday").bearerAuth(operator)), 400)).contains("after");
        for (String size : List.of("0", "501", "-1", "ten")) {
            assertThat(problemBody(failure(http, HttpRequest.GET(O + "/payouts?limit=" + size).bearerAuth(operator)), 400))
                    .as("limit=%s", size).contains("limit");
        }
    }

    private static List<String> ids(Map<?, ?> page) {
        return ((List<?>) page.get("payouts")).stream().map(p -> (String) ((Map<?, ?>) ((Map<?, ?>) p).get("payout")).get("id")).toList();
    }

    @Test
    @DisplayName("a parked message is listed and put back to pending by an operator's retry, once")
    void parkedRetry() {
        // A message of Anna's (a password-reset e-mail), claimed and parked as a dispatcher does after its last attempt.
        engine.accounts().requestPasswordReset(EmailAddress.of(practitionerEmail), links);
        Instant now = clock.instant();
        Lease lease = new Lease("operator-test-" + UUID.randomUUID(), now.plus(Duration.ofMinutes(10)));
        List<ClaimedMessage> claimed = stores.outbox().claimDue(now.plus(Duration.ofSeconds(1)), 1000, lease);
        assertThat(claimed).as("a message to park").isNotEmpty();
        ClaimedMessage message = claimed.get(0);
        assertThat(stores.outbox().park(message.message().id(), lease, 5, now, "mailbox full")).isTrue();
        String id = message.message().id().value().toString();
        assertThat(list(operator, O + "/messages/parked")).anySatisfy(m -> assertThat(((Map<?, ?>) m).get("id")).isEqualTo(id));

        Map<?, ?> retried = post(operator, O + "/messages/" + id + "/retry", reason("mailbox fixed"));

        assertThat(retried.get("state")).isEqualTo("PENDING");
        assertThat(list(operator, O + "/messages/parked")).noneSatisfy(m -> assertThat(((Map<?, ?>) m).get("id")).isEqualTo(id));
        problemBody(failure(http, HttpRequest.POST(O + "/messages/" + id + "/retry", reason("again")).bearerAuth(operator)), 422);
        assertThat(((Map<?, ?>) list(operator, O + "/audit").get(0)).get("kind")).isEqualTo("RETRY_MESSAGE");
    }
}
