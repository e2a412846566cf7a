package org.rendezvous.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.BlockingHttpClient;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.rendezvous.app.wiring.EngineFactory;
import org.rendezvous.app.wiring.NotificationFactory;
import org.rendezvous.core.OutboxDispatcher;
import org.rendezvous.core.inmemory.InMemoryStores;
import org.rendezvous.core.notification.ClaimedMessage;
import org.rendezvous.core.notification.DeliverySettings;
import org.rendezvous.core.notification.Lease;
import org.rendezvous.core.notification.MessageKind;
import org.rendezvous.core.port.MessageSender;
import org.rendezvous.core.port.Stores;

/** What the account and practitioner API tests share: a clock they move, the outbox they read, HTTP helpers. */
public final class AccountsTestSupport {

    public static final String ENVIRONMENT = "accounts-test";

    private AccountsTestSupport() {
    }

    /** The system clock plus an offset the test moves forward. */
    public static final class MovableClock extends Clock {
        private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);

        public void advance(Duration by) {
            offset.updateAndGet(current -> current.plus(by));
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return Instant.now().plus(offset.get());
        }
    }

    /**
     * In these tests the scheduled delivery reads an empty outbox, so that the tests read the real one
     * (the links in account e-mails) without racing the dispatcher.
     */
    @Factory
    @Requires(env = ENVIRONMENT)
    static final class TestBeans {
        @Singleton
        @Replaces(value = Clock.class, factory = EngineFactory.class)
        Clock clock() {
            return new MovableClock();
        }

        @Singleton
        @Replaces(value = OutboxDispatcher.class, factory = NotificationFactory.class)
        OutboxDispatcher idleDispatcher(MessageSender sender, Clock clock) {
            return new OutboxDispatcher(InMemoryStores.create(), sender, clock, DeliverySettings.of("idle-test-dispatcher"));
        }
    }

    private static final AtomicInteger LEASES = new AtomicInteger();

    /** The newest link of this kind in the outbox, taken out of it; its token is what follows "token=". */
    static String tokenFrom(Stores stores, MessageKind kind) {
        List<ClaimedMessage> claimed = stores.outbox().claimDue(Instant.now().plus(Duration.ofDays(3650)), 1000,
                new Lease("test-" + LEASES.incrementAndGet(), Instant.now().plus(Duration.ofDays(3650))));
        String token = null;
        for (ClaimedMessage message : claimed) {
            if (message.message().kind() == kind) {
                String link = message.message().parameters().get("link");
                token = link.substring(link.indexOf("token=") + "token=".length());
            }
        }
        assertThat(token).as("a %s link in the outbox", kind).isNotNull();
        return token;
    }

    public static HttpClientResponseException failure(BlockingHttpClient http, HttpRequest<?> request) {
        try {
            http.exchange(request, Argument.of(String.class), Argument.of(String.class));
        } catch (HttpClientResponseException e) {
            return e;
        }
        throw new AssertionError("expected an error for " + request.getMethod() + " " + request.getPath());
    }

    static String problemBody(HttpClientResponseException e, int status) {
        assertThat(e.getStatus().getCode()).as("status of %s", e.getResponse().getBody(String.class).orElse(""))
                .isEqualTo(status);
        assertThat(e.getResponse().getContentType()).map(MediaType::toString).contains("application/problem+json");
        String body = e.getResponse().getBody(String.class).orElseThrow();
        assertThat(body).contains("\"type\":\"https://rendezvous.dev/problems/").contains("\"status\":" + status);
        return body;
    }

    /** Registers, verifies the e-mail and logs in: the session token. */
    /** A real operator's session: invited, password set through the link, logged in (role OPERATOR). */
    static String operatorSession(BlockingHttpClient http, org.rendezvous.core.Rendezvous engine, String email) {
        String password = "the operator's long password";
        org.rendezvous.core.operator.Invitation invitation = engine.operators()
                .invite(org.rendezvous.core.contact.EmailAddress.of(email)).orElseThrow();
        http.exchange(HttpRequest.POST("/api/operator/set-password", Map.of("token", invitation.secret(), "password", password)));
        HttpResponse<Map> login = http.exchange(HttpRequest.POST("/api/operator/login",
                Map.of("email", email, "password", password)), Map.class);
        return (String) login.body().get("accessToken");
    }

    public static String session(BlockingHttpClient http, Stores stores, String email, String password) {
        http.exchange(HttpRequest.POST("/api/auth/register", Map.of("name", "Practitioner " + email, "email", email,
                "password", password, "zone", "Europe/Paris")));
        http.exchange(HttpRequest.POST("/api/auth/verify-email",
                Map.of("token", tokenFrom(stores, MessageKind.EMAIL_VERIFICATION))));
        HttpResponse<Map> login = http.exchange(HttpRequest.POST("/api/auth/login", Map.of("email", email, "password", password)),
                Map.class);
        return (String) login.body().get("accessToken");
    }
}
