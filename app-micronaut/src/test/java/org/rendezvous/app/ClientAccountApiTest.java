package org.rendezvous.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rendezvous.app.AccountsTestSupport.failure;
import static org.rendezvous.app.AccountsTestSupport.problemBody;
import static org.rendezvous.app.ClientAccountsTestSupport.P;

import com.icegreen.greenmail.util.GreenMail;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.BlockingHttpClient;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.micronaut.web.router.Router;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.rendezvous.app.ClientAccountsTestSupport.Agenda;
import org.rendezvous.app.account.Roles;
import org.rendezvous.core.Rendezvous;
import org.rendezvous.core.port.Stores;

/**
 * Client accounts over HTTP (CLI-2, issue 14 item 4): the sign-in link by e-mail (the same answer for an
 * unknown address, single use, 15 minutes), the separation of the CLIENT role from practitioners and operators
 * both ways, every booking with two practitioners, cancelling with an Idempotency-Key, export and erasure.
 */
@MicronautTest(environments = AccountsTestSupport.ENVIRONMENT)
@io.micronaut.context.annotation.Property(name = "micronaut.http.client.read-timeout", value = "60s")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClientAccountApiTest implements TestPropertyProvider {

    static final String C = "/api/client";
    /** The client routes anyone may call: asking for a link, opening a session with it, signing out. */
    static final List<String> OPEN = List.of("POST " + C + "/sign-in", "POST " + C + "/session", "POST " + C + "/sign-out");

    final GreenMail mail = ClientAccountsTestSupport.startMail();

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

    BlockingHttpClient http;
    String email;

    @Override
    public Map<String, String> getProperties() {
        return new HashMap<>(ClientAccountsTestSupport.mailProperties(mail));
    }

    @AfterAll
    void stopMail() {
        mail.stop();
    }

    @BeforeEach
    void client() {
        http = client.toBlocking();
        email = "claire-" + UUID.randomUUID().toString().substring(0, 8) + "@example.net";
    }

    String signIn(String address, int nth) {
        http.exchange(HttpRequest.POST(C + "/sign-in", Map.of("email", address)));
        String token = ClientAccountsTestSupport.token(ClientAccountsTestSupport.signInLink(mail, address, nth));
        HttpResponse<Map> session = http.exchange(HttpRequest.POST(C + "/session", Map.of("token", token)), Map.class);
        assertThat(session.body().get("role")).isEqualTo(Roles.CLIENT);
        assertThat(session.getHeaders().get("Set-Cookie")).containsIgnoringCase("HttpOnly");
        return (String) session.body().get("accessToken");
    }

    List<Map> bookings(String session) {
        return http.retrieve(HttpRequest.GET(C + "/bookings").bearerAuth(session), Argument.listOf(Map.class));
    }

    @Test
    @DisplayName("CLI-2 ACC-3 the sign-in request answers the same for a known and an unknown address; only the client gets an e-mail")
    void enumerationSafety() {
        Agenda anna = ClientAccountsTestSupport.agenda(http, stores, "Anna");
        ClientAccountsTestSupport.book(http, anna, "Claire Martin", email, LocalTime.of(9, 0));
        String stranger = "nobody-" + UUID.randomUUID().toString().substring(0, 8) + "@example.net";

        HttpResponse<String> known = http.exchange(HttpRequest.POST(C + "/sign-in", Map.of("email", email)), String.class);
        HttpResponse<String> unknown = http.exchange(HttpRequest.POST(C + "/sign-in", Map.of("email", stranger)), String.class);

        assertThat(known.getStatus().getCode()).isEqualTo(202);
        assertThat(unknown.getStatus().getCode()).isEqualTo(202);
        assertThat(unknown.body()).isEqualTo(known.body());
        assertThat(ClientAccountsTestSupport.signInLink(mail, email, 1)).startsWith("/client/sign-in?token=");
        mail.waitForIncomingEmail(500, mail.getReceivedMessages().length + 1);
        assertThat(ClientAccountsTestSupport.mailTo(mail, stranger)).isEmpty();
        problemBody(failure(http, HttpRequest.POST(C + "/sign-in", Map.of("email", "not an address"))), 400);
    }

    @Test
    @DisplayName("CLI-2 a sign-in link opens one session only; a used link is refused (400), an expired one too (410)")
    void singleUseAndExpiry() {
        Agenda anna = ClientAccountsTestSupport.agenda(http, stores, "Anna");
        ClientAccountsTestSupport.book(http, anna, "Claire Martin", email, LocalTime.of(9, 0));
        http.exchange(HttpRequest.POST(C + "/sign-in", Map.of("email", email)));
        String token = ClientAccountsTestSupport.token(ClientAccountsTestSupport.signInLink(mail, email, 1));

        assertThat(http.exchange(HttpRequest.POST(C + "/session", Map.of("token", token)), Map.class).getStatus().getCode())
                .isEqualTo(200);
        assertThat(problemBody(failure(http, HttpRequest.POST(C + "/session", Map.of("token", token))), 400))
                .contains("invalid-token");

        http.exchange(HttpRequest.POST(C + "/sign-in", Map.of("email", email)));
        String late = ClientAccountsTestSupport.token(ClientAccountsTestSupport.signInLink(mail, email, 2));
        ((AccountsTestSupport.MovableClock) clock).advance(Duration.ofMinutes(15));
        assertThat(problemBody(failure(http, HttpRequest.POST(C + "/session", Map.of("token", late))), 410))
                .contains("token-expired");
    }

    @Test
    @DisplayName("CLI-2 ACC-2 the account shows the bookings with two practitioners, with state and money; cancel follows the rules, once per Idempotency-Key")
    void bookingsWithTwoPractitioners() {
        Agenda anna = ClientAccountsTestSupport.agenda(http, stores, "Anna");
        Agenda bruno = ClientAccountsTestSupport.agenda(http, stores, "Bruno");
        Map<?, ?> atAnna = ClientAccountsTestSupport.book(http, anna, "Claire Martin", email, LocalTime.of(9, 0));
        ClientAccountsTestSupport.book(http, bruno, "Claire M.", email.toUpperCase(Locale.ROOT), LocalTime.of(10, 0));
        Map<?, ?> someoneElse = ClientAccountsTestSupport.book(http, anna, "Zoé", "zoe-" + email, LocalTime.of(11, 0));
        String session = signIn(email, 1);

        List<Map> mine = bookings(session);
        assertThat(mine).hasSize(2);
        assertThat(mine).extracting(b -> b.get("practitionerName")).containsExactly("Anna", "Bruno");
        assertThat(mine).allSatisfy(b -> {
            assertThat(((Map<?, ?>) b.get("booking")).get("state")).isEqualTo("CONFIRMED");
            assertThat(((Map<?, ?>) ((Map<?, ?>) b.get("booking")).get("money")).get("state")).isNotNull();
            assertThat(b.get("upcoming")).isEqualTo(true);
            assertThat((String) b.get("pageUrl")).contains("/p/");
        });
        Map<?, ?> me = http.retrieve(HttpRequest.GET(C + "/me").bearerAuth(session), Map.class);
        assertThat(me.get("email")).isEqualTo(email);
        assertThat(me.get("phone")).isEqualTo("+33612345678");

        String key = UUID.randomUUID().toString();
        MutableHttpRequest<?> cancel = HttpRequest.POST(C + "/bookings/" + atAnna.get("id") + "/cancel", "")
                .header("Idempotency-Key", key).bearerAuth(session);
        Map<?, ?> cancelled = http.retrieve(cancel, Map.class);
        Map<?, ?> again = http.retrieve(HttpRequest.POST(C + "/bookings/" + atAnna.get("id") + "/cancel", "")
                .header("Idempotency-Key", key).bearerAuth(session), Map.class);
        assertThat(((Map<?, ?>) cancelled.get("booking")).get("state")).isEqualTo("CANCELLED_BY_CLIENT");
        assertThat(again).isEqualTo(cancelled);
        problemBody(failure(http, HttpRequest.POST(C + "/bookings/" + someoneElse.get("id") + "/cancel", "")
                .header("Idempotency-Key", UUID.randomUUID().toString()).bearerAuth(session)), 404);
        problemBody(failure(http, HttpRequest.POST(C + "/bookings/" + atAnna.get("id") + "/cancel", "")
                .bearerAuth(session)), 400);
    }

    @Test
    @DisplayName("CLI-2 GDPR the export holds details, bookings and messages; erasure waits for no upcoming booking, then anonymises everywhere and ends the session")
    void exportAndErase() {
        Agenda anna = ClientAccountsTestSupport.agenda(http, stores, "Anna");
        Agenda bruno = ClientAccountsTestSupport.agenda(http, stores, "Bruno");
        Map<?, ?> atAnna = ClientAccountsTestSupport.book(http, anna, "Claire Martin", email, LocalTime.of(9, 0));
        Map<?, ?> atBruno = ClientAccountsTestSupport.book(http, bruno, "Claire Martin", email, LocalTime.of(10, 0));
        String session = signIn(email, 1);

        HttpResponse<Map> export = http.exchange(HttpRequest.GET(C + "/data").bearerAuth(session), Map.class);
        assertThat(export.getHeaders().get("Content-Disposition")).contains("attachment");
        assertThat((List<?>) export.body().get("clientFiles")).hasSize(2);
        assertThat((List<?>) export.body().get("bookings")).hasSize(2);
        assertThat((List<?>) export.body().get("messages")).isNotEmpty();

        assertThat(problemBody(failure(http, HttpRequest.DELETE(C + "/account").bearerAuth(session)), 422))
                .contains("upcoming-bookings");
        for (Map<?, ?> booking : List.of(atAnna, atBruno)) {
            http.exchange(HttpRequest.POST(C + "/bookings/" + booking.get("id") + "/cancel", "")
                    .header("Idempotency-Key", UUID.randomUUID().toString()).bearerAuth(session));
        }
        Map<?, ?> erased = http.retrieve(HttpRequest.DELETE(C + "/account").bearerAuth(session), Map.class);

        assertThat(erased.get("clientFiles")).isEqualTo(2);
        assertThat(erased.get("bookings")).isEqualTo(2);
        assertThat(failure(http, HttpRequest.GET(C + "/bookings").bearerAuth(session)).getStatus().getCode()).isEqualTo(401);
        String clients = http.retrieve(HttpRequest.GET(P + "/clients").bearerAuth(anna.session()), String.class);
        assertThat(clients).doesNotContain(email).doesNotContain("Claire").contains("Erased client");
        Map<?, ?> booking = http.retrieve(HttpRequest.GET(P + "/bookings/" + atAnna.get("id")).bearerAuth(anna.session()), Map.class);
        assertThat(booking.toString()).doesNotContain(email).doesNotContain("Claire");
        http.exchange(HttpRequest.POST(C + "/sign-in", Map.of("email", email)));
        mail.waitForIncomingEmail(500, mail.getReceivedMessages().length + 1);
        assertThat(ClientAccountsTestSupport.mailTo(mail, email)).hasSize(1);
    }

    @Test
    @DisplayName("role separation: a client's session opens no practitioner or operator route, and client routes refuse anonymous callers (401), practitioners and operators (403)")
    void rolesAllWays() {
        Agenda anna = ClientAccountsTestSupport.agenda(http, stores, "Anna");
        ClientAccountsTestSupport.book(http, anna, "Claire Martin", email, LocalTime.of(9, 0));
        String session = signIn(email, 1);
        String operator = AccountsTestSupport.operatorSession(http, engine,
                "olga-" + UUID.randomUUID().toString().substring(0, 8) + "@operators.example");

        List<String> others = routes("/api/practitioner", "/api/operator");
        assertThat(others).hasSizeGreaterThan(20);
        for (String route : others) {
            if (route.startsWith("POST /api/operator/") && OperatorApiTest.OPEN.contains(route)) {
                continue;
            }
            assertThat(failure(http, request(route).bearerAuth(session)).getStatus().getCode())
                    .as("client on %s", route).isEqualTo(403);
        }
        List<String> mine = routes(C);
        assertThat(mine).contains("GET " + C + "/bookings", "POST " + C + "/bookings/{bookingId}/cancel",
                "POST " + C + "/bookings/{bookingId}/move", "GET " + C + "/data", "DELETE " + C + "/account", "GET " + C + "/me");
        for (String route : mine) {
            if (OPEN.contains(route)) {
                continue;
            }
            assertThat(failure(http, request(route)).getStatus().getCode()).as("anonymous on %s", route).isEqualTo(401);
            assertThat(failure(http, request(route).bearerAuth(anna.session())).getStatus().getCode())
                    .as("practitioner on %s", route).isEqualTo(403);
            assertThat(failure(http, request(route).bearerAuth(operator)).getStatus().getCode())
                    .as("operator on %s", route).isEqualTo(403);
        }
        assertThat(bookings(session)).hasSize(1);
    }

    MutableHttpRequest<Object> request(String route) {
        String[] parts = route.split(" ", 2);
        String path = parts[1].replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
        if (path.contains("/availability")) {
            path += "?from=2030-01-01&to=2030-01-02";
        }
        MutableHttpRequest<Object> request = HttpRequest.create(HttpMethod.valueOf(parts[0]), path);
        if (!parts[0].equals("GET") && !parts[0].equals("DELETE")) {
            request.body(Map.of());
        }
        return request;
    }

    List<String> routes(String... prefixes) {
        List<String> routes = new ArrayList<>();
        router.uriRoutes().forEach(route -> {
            String path = route.getUriMatchTemplate().toPathString();
            for (String prefix : prefixes) {
                if (path.startsWith(prefix) && route.getHttpMethod() != HttpMethod.HEAD) {
                    routes.add(route.getHttpMethodName().toUpperCase(Locale.ROOT) + " " + path);
                }
            }
        });
        return routes;
    }
}
