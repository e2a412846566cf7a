package org.rendezvous.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rendezvous.app.AccountsTestSupport.failure;
import static org.rendezvous.app.AccountsTestSupport.problemBody;
import static org.rendezvous.app.AccountsTestSupport.tokenFrom;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.BlockingHttpClient;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.rendezvous.core.AccountService;
import org.rendezvous.core.contact.EmailAddress;
import org.rendezvous.core.notification.MessageKind;
import org.rendezvous.core.port.Accounts;
import org.rendezvous.core.port.Stores;

/** Accounts over HTTP (ACC-1, ACC-3): register, verify, log in with a cookie or a bearer token, lockout, reset. */
@MicronautTest(environments = AccountsTestSupport.ENVIRONMENT)
class AuthApiTest {

    static final String PASSWORD = "correct horse battery";

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    Stores stores;

    @Inject
    Accounts accounts;

    @Inject
    AccountService accountService;

    @Inject
    Clock clock;

    BlockingHttpClient http;
    String email;

    @BeforeEach
    void setUp() {
        http = client.toBlocking();
        email = "p-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
    }

    HttpResponse<Map> register(String address, String password) {
        return http.exchange(HttpRequest.POST("/api/auth/register", Map.of("name", "Anna Martin", "email", address,
                "password", password, "zone", "Europe/Paris", "language", "en")), Map.class);
    }

    HttpResponse<Map> login(String address, String password) {
        return http.exchange(HttpRequest.POST("/api/auth/login", Map.of("email", address, "password", password)), Map.class);
    }

    HttpClientResponseException loginFailure(String address, String password) {
        return failure(http, HttpRequest.POST("/api/auth/login", Map.of("email", address, "password", password)));
    }

    void advance(Duration by) {
        ((AccountsTestSupport.MovableClock) clock).advance(by);
    }

    @Test
    @DisplayName("ACC-1 register → verify the e-mail → log in → the session works as a cookie and as a bearer token")
    void registerVerifyLoginAndUseTheSession() {
        HttpResponse<Map> registered = register(email, PASSWORD);
        assertThat(registered.getStatus().getCode()).isEqualTo(202);
        String stored = accounts.findByEmail(EmailAddress.of(email)).orElseThrow().passwordHash().value();
        assertThat(stored).startsWith("$argon2id$").doesNotContain(PASSWORD);

        String verification = tokenFrom(stores, MessageKind.EMAIL_VERIFICATION);
        assertThat(verification.length()).isGreaterThanOrEqualTo(22);
        Map<?, ?> verified = http.retrieve(HttpRequest.POST("/api/auth/verify-email", Map.of("token", verification)), Map.class);
        assertThat(verified.get("emailVerified")).isEqualTo(true);
        problemBody(failure(http, HttpRequest.POST("/api/auth/verify-email", Map.of("token", verification))), 400);

        HttpResponse<Map> login = login(email, PASSWORD);
        assertThat(login.getStatus().getCode()).isEqualTo(200);
        String token = (String) login.body().get("accessToken");
        assertThat(login.body().get("tokenType")).isEqualTo("Bearer");
        List<String> cookies = login.getHeaders().getAll("Set-Cookie");
        assertThat(cookies).anySatisfy(c -> assertThat(c).startsWith("rendezvous_session=" + token)
                .containsIgnoringCase("HttpOnly").containsIgnoringCase("Secure").containsIgnoringCase("SameSite=Lax"));

        Map<?, ?> byBearer = http.retrieve(HttpRequest.GET("/api/practitioner/profile").bearerAuth(token), Map.class);
        assertThat(byBearer.get("email")).isEqualTo(email);
        assertThat(byBearer.get("emailVerified")).isEqualTo(true);
        Map<?, ?> byCookie = http.retrieve(HttpRequest.GET("/api/practitioner/profile")
                .header("Cookie", "rendezvous_session=" + token), Map.class);
        assertThat(byCookie.get("id")).isEqualTo(byBearer.get("id"));
    }

    @Test
    @DisplayName("ACC-1 the public page stays hidden (404, as for nobody) until the e-mail is verified")
    void publicPageWaitsForVerification() {
        register(email, PASSWORD);
        String id = accounts.findByEmail(EmailAddress.of(email)).orElseThrow().practitionerId().toString();
        String page = "/api/public/practitioners/" + id + "/activities";
        String hidden = problemBody(failure(http, HttpRequest.GET(page)), 404);
        String nobody = problemBody(failure(http, HttpRequest.GET("/api/public/practitioners/" + UUID.randomUUID()
                + "/activities")), 404);
        assertThat(hidden).isEqualTo(nobody);

        http.exchange(HttpRequest.POST("/api/auth/verify-email", Map.of("token", tokenFrom(stores, MessageKind.EMAIL_VERIFICATION))));

        assertThat(http.exchange(HttpRequest.GET(page)).getStatus().getCode()).isEqualTo(200);
    }

    @Test
    @DisplayName("ACC-2 without a session, or with a forged one, the practitioner API answers 401 problem+json")
    void practitionerApiNeedsASession() {
        problemBody(failure(http, HttpRequest.GET("/api/practitioner/profile")), 401);
        problemBody(failure(http, HttpRequest.GET("/api/practitioner/profile").bearerAuth("not.a.jwt")), 401);
        String forged = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIwMDAwMDAwMC0wMDAwLTAwMDAtMDAwMC0wMDAwMDAwMDAwMDAiLCJzdiI6MH0."
                + "c2lnbmF0dXJlLXRoYXQtZG9lcy1ub3QtbWF0Y2g";
        problemBody(failure(http, HttpRequest.GET("/api/practitioner/profile").bearerAuth(forged)), 401);
    }

    @Test
    @DisplayName("ACC-2 an unsigned token (alg none) naming a real practitioner and session is refused")
    void unsignedTokenIsRefused() {
        register(email, PASSWORD);
        String id = accounts.findByEmail(EmailAddress.of(email)).orElseThrow().practitionerId().toString();
        String signed = (String) login(email, PASSWORD).body().get("accessToken");
        assertThat(new String(java.util.Base64.getUrlDecoder().decode(signed.split("\\.")[0]))).contains("HS256");
        java.util.Base64.Encoder b64 = java.util.Base64.getUrlEncoder().withoutPadding();
        long now = java.time.Instant.now().getEpochSecond();
        String unsigned = b64.encodeToString("{\"alg\":\"none\"}".getBytes()) + "."
                + b64.encodeToString(("{\"sub\":\"" + id + "\",\"sv\":0,\"iat\":" + now + ",\"exp\":" + (now + 3600) + "}")
                .getBytes()) + ".";

        problemBody(failure(http, HttpRequest.GET("/api/practitioner/profile").bearerAuth(unsigned)), 401);
        problemBody(failure(http, HttpRequest.GET("/api/practitioner/profile").header("Cookie", "rendezvous_session=" + unsigned)),
                401);
    }

    @Test
    @DisplayName("ACC-3 a wrong password and an unknown e-mail get the identical answer")
    void wrongPasswordAndUnknownEmailLookAlike() {
        register(email, PASSWORD);
        String wrong = problemBody(loginFailure(email, "not the password"), 401);
        String unknown = problemBody(loginFailure("nobody-" + email, PASSWORD), 401);
        String malformed = problemBody(loginFailure("not an e-mail", PASSWORD), 401);

        assertThat(wrong).isEqualTo(unknown).isEqualTo(malformed).contains("e-mail or password is wrong");
    }

    @Test
    @DisplayName("ACC-3 registering a taken e-mail and asking a reset for an unknown one answer as for anyone")
    void answersRevealNoRegistration() {
        Map<?, ?> first = register(email, PASSWORD).body();
        HttpResponse<Map> again = register(email.toUpperCase(), "another long password");
        assertThat(again.getStatus().getCode()).isEqualTo(202);
        assertThat(again.body()).isEqualTo(first);

        HttpResponse<Map> known = http.exchange(HttpRequest.POST("/api/auth/password-reset", Map.of("email", email)), Map.class);
        HttpResponse<Map> unknown = http.exchange(HttpRequest.POST("/api/auth/password-reset",
                Map.of("email", "nobody-" + email)), Map.class);
        assertThat(known.getStatus().getCode()).isEqualTo(202).isEqualTo(unknown.getStatus().getCode());
        assertThat(known.body()).isEqualTo(unknown.body());
    }

    @Test
    @DisplayName("ACC-3 after 5 failures the account is locked (same answer, even with the right password) until the delay passes")
    void lockoutAfterRepeatedFailures() {
        register(email, PASSWORD);
        String unknownAnswer = problemBody(loginFailure("nobody-" + email, PASSWORD), 401);
        for (int i = 0; i < 5; i++) {
            problemBody(loginFailure(email, "wrong password " + i), 401);
        }

        assertThat(problemBody(loginFailure(email, PASSWORD), 401)).isEqualTo(unknownAnswer);
        assertThat(accounts.findByEmail(EmailAddress.of(email)).orElseThrow().lockedUntil()).isPresent();
        advance(Duration.ofSeconds(31));
        assertThat(login(email, PASSWORD).getStatus().getCode()).isEqualTo(200);
        assertThat(accounts.findByEmail(EmailAddress.of(email)).orElseThrow().failedLogins()).isZero();
    }

    @Test
    @DisplayName("ACC-1 a reset link works once; the old password and the sessions issued before stop working")
    void resetLinkIsSingleUse() {
        register(email, PASSWORD);
        String oldSession = (String) login(email, PASSWORD).body().get("accessToken");
        http.exchange(HttpRequest.POST("/api/auth/password-reset", Map.of("email", email)));
        String token = tokenFrom(stores, MessageKind.PASSWORD_RESET);

        HttpResponse<?> reset = http.exchange(HttpRequest.POST("/api/auth/password-reset/confirm",
                Map.of("token", token, "password", "a brand new password")));
        assertThat(reset.getStatus().getCode()).isEqualTo(204);
        String again = problemBody(failure(http, HttpRequest.POST("/api/auth/password-reset/confirm",
                Map.of("token", token, "password", "yet another password"))), 400);
        assertThat(again).contains("problems/invalid-token");

        problemBody(loginFailure(email, PASSWORD), 401);
        assertThat(login(email, "a brand new password").getStatus().getCode()).isEqualTo(200);
        problemBody(failure(http, HttpRequest.GET("/api/practitioner/profile").bearerAuth(oldSession)), 401);
    }

    @Test
    @DisplayName("ACC-1 a reset link expires after 1 hour with a clear error, and the password is unchanged")
    void resetLinkExpiresAfterOneHour() {
        register(email, PASSWORD);
        http.exchange(HttpRequest.POST("/api/auth/password-reset", Map.of("email", email)));
        String token = tokenFrom(stores, MessageKind.PASSWORD_RESET);
        advance(Duration.ofMinutes(61));

        String expired = problemBody(failure(http, HttpRequest.POST("/api/auth/password-reset/confirm",
                Map.of("token", token, "password", "a brand new password"))), 410);

        assertThat(expired).contains("problems/token-expired").contains("\"field\":\"token\"").contains("ask for a new one");
        assertThat(login(email, PASSWORD).getStatus().getCode()).isEqualTo(200);
    }

    @Test
    @DisplayName("logging out clears the cookie and ends the session")
    void logout() {
        register(email, PASSWORD);
        String token = (String) login(email, PASSWORD).body().get("accessToken");

        HttpResponse<?> out = http.exchange(HttpRequest.POST("/api/auth/logout", "").bearerAuth(token));

        assertThat(out.getStatus().getCode()).isEqualTo(204);
        assertThat(out.getHeaders().getAll("Set-Cookie")).anySatisfy(c -> assertThat(c).startsWith("rendezvous_session=;")
                .containsIgnoringCase("Max-Age=0"));
        problemBody(failure(http, HttpRequest.GET("/api/practitioner/profile").bearerAuth(token)), 401);
    }

    @Test
    @DisplayName("Bad input on the auth routes: malformed JSON, wrong types, short passwords, bad zones are 400 problems")
    void badInput() {
        for (String route : List.of("/api/auth/register", "/api/auth/verify-email", "/api/auth/verify-email/resend",
                "/api/auth/login", "/api/auth/password-reset", "/api/auth/password-reset/confirm")) {
            problemBody(failure(http, HttpRequest.POST(route, "{not json").contentType(MediaType.APPLICATION_JSON)), 400);
            problemBody(failure(http, HttpRequest.POST(route, "[1,2]").contentType(MediaType.APPLICATION_JSON)), 400);
        }
        Map<String, Object> body = new HashMap<>(Map.of("name", "Anna", "email", email, "password", "short"));
        assertThat(problemBody(failure(http, HttpRequest.POST("/api/auth/register", body)), 400)).contains("\"field\":\"password\"");
        body.put("password", PASSWORD);
        body.put("zone", "Mars/Olympus");
        assertThat(problemBody(failure(http, HttpRequest.POST("/api/auth/register", body)), 400)).contains("\"field\":\"zone\"");
        body.put("zone", 12);
        problemBody(failure(http, HttpRequest.POST("/api/auth/register", body)), 400);
        body.remove("zone");
        body.put("email", "not-an-email");
        assertThat(problemBody(failure(http, HttpRequest.POST("/api/auth/register", body)), 400)).contains("\"field\":\"email\"");
        problemBody(failure(http, HttpRequest.POST("/api/auth/password-reset/confirm", Map.of("token", "x"))), 400);
        assertThat(accounts.findByEmail(EmailAddress.of(email))).isEmpty();
    }
}
