package org.rendezvous.app.http;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Hidden;
import java.nio.file.Files;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.rendezvous.core.OutboxDispatcher;
import org.slf4j.LoggerFactory;

/** Operations (issue 7, item 7): Prometheus metrics, logs without secrets, graceful shutdown. */
class OperationsTest {

    static final String SLOW_ENVIRONMENT = "slow-request-test";

    static EmbeddedServer start(Map<String, Object> properties, String... environments) {
        Map<String, Object> all = new HashMap<>(Map.of("micronaut.server.port", -1,
                "rendezvous.jobs.delivery-interval", "1h", "rendezvous.jobs.reminders-interval", "1h"));
        all.putAll(properties);
        return ApplicationContext.run(EmbeddedServer.class, all, environments);
    }

    @Test
    @DisplayName("/prometheus answers anonymous callers with the bookings, payments and outbox gauges")
    void prometheusScrapeHasTheRendezvousMetrics() {
        try (EmbeddedServer server = start(Map.of(), "test"); HttpClient client = HttpClient.create(server.getURL())) {
            HttpResponse<String> response = client.toBlocking().exchange(HttpRequest.GET("/prometheus"), String.class);
            assertThat(response.getStatus().getCode()).isEqualTo(200);
            assertThat(response.body())
                    .contains("rendezvous_bookings{")
                    .contains("state=\"CONFIRMED\"")
                    .contains("rendezvous_payment_instructions{")
                    .contains("rendezvous_outbox_messages{")
                    .contains("rendezvous_ledger_money_in_cents{")
                    .contains("jvm_memory_used_bytes");
        }
    }

    @Test
    @DisplayName("ACC-2 a client's link token in a failed request's path is not written to the log")
    void linkTokensLeftOutOfLoggedPaths() {
        String token = "WUQUuHXnUN93xABE8W8dsHgwcWM3_nwO";
        assertThat(ProblemHandlers.withoutSecrets("/api/public/bookings/" + token + "/move"))
                .isEqualTo("/api/public/bookings/{accessToken}/move");
        assertThat(ProblemHandlers.withoutSecrets("/b/" + token)).isEqualTo("/b/{accessToken}");
        assertThat(ProblemHandlers.withoutSecrets("/api/practitioner/bookings/0b0c0d0e-0000-4000-8000-000000000042/confirm"))
                .contains("0b0c0d0e-0000-4000-8000-000000000042"); // an id is no secret, and helps find the failure
    }

    @Test
    @DisplayName("the Stripe secret key, webhook secret, JWT secret and SMTP password never appear in the logs of a host start and use")
    void secretsStayOutOfTheLogs() throws Exception {
        String stripeKey = "sk_test_51StripeSecretThatMustNotLeak0000";
        String webhookSecret = "whsec_WebhookSecretThatMustNotLeak0000";
        String jwtSecret = "jwt-secret-that-must-not-leak-0123456789";
        String smtpPassword = "smtp-password-that-must-not-leak-42";
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        Logger ours = (Logger) LoggerFactory.getLogger("org.rendezvous");
        Level before = ours.getLevel();
        ListAppender<ILoggingEvent> logs = new ListAppender<>();
        logs.start();
        root.addAppender(logs);
        ours.setLevel(Level.DEBUG);
        try (EmbeddedServer server = start(Map.of(
                "rendezvous.stripe.secret-key", stripeKey,
                "rendezvous.stripe.webhook-secret", webhookSecret,
                "rendezvous.session.jwt-secret", jwtSecret,
                "rendezvous.smtp.host", "127.0.0.1",
                "rendezvous.smtp.port", 1,
                "rendezvous.smtp.username", "mailer",
                "rendezvous.smtp.password", smtpPassword,
                "rendezvous.mailbox", Files.createTempDirectory("rendezvous-ops-mailbox").toString()), "test");
             HttpClient client = HttpClient.create(server.getURL())) {
            // A registration writes an e-mail, which goes to an SMTP server that is not there; a wrong login
            // and a forged token are refused: each leaves its lines in the log.
            client.toBlocking().exchange(HttpRequest.POST("/api/auth/register", Map.of("name", "Log Test",
                    "email", "logs@example.org", "password", "a long enough password", "zone", "Europe/Paris")));
            server.getApplicationContext().getBean(OutboxDispatcher.class).deliverDue();
            refused(client, HttpRequest.POST("/api/auth/login", Map.of("email", "logs@example.org", "password", "wrong one!")));
            refused(client, HttpRequest.GET("/api/practitioner/profile").bearerAuth("eyJhbGciOiJIUzI1NiJ9.e30.forged"));
            refused(client, HttpRequest.POST("/api/webhooks/stripe", "{}").header("Stripe-Signature", "t=1,v1=00"));
        } finally {
            root.detachAppender(logs);
            ours.setLevel(before);
        }
        List<String> lines = logs.list.stream().map(OperationsTest::render).toList();
        assertThat(lines).as("the host logged its start").isNotEmpty();
        for (String secret : List.of(stripeKey, webhookSecret, jwtSecret, smtpPassword)) {
            assertThat(lines).as("log lines").noneMatch(line -> line.contains(secret));
        }
    }

    private static void refused(HttpClient client, HttpRequest<?> request) {
        try {
            client.toBlocking().exchange(request, String.class);
        } catch (HttpClientResponseException expected) {
            assertThat(expected.getStatus().getCode()).isBetween(400, 499);
        }
    }

    private static String render(ILoggingEvent event) {
        String line = event.getLoggerName() + " " + event.getFormattedMessage() + " " + event.getMDCPropertyMap();
        return event.getThrowableProxy() == null ? line : line + " " + ThrowableProxyUtil.asString(event.getThrowableProxy());
    }

    /** A request that takes a while, reachable only in this test's environment. */
    @Controller("/test/slow")
    @Requires(env = SLOW_ENVIRONMENT)
    @Secured(SecurityRule.IS_ANONYMOUS)
    @Hidden
    static final class SlowController {
        static final CountDownLatch STARTED = new CountDownLatch(1);

        @Get
        @ExecuteOn(TaskExecutors.BLOCKING)
        String slow() throws InterruptedException {
            STARTED.countDown();
            Thread.sleep(1500);
            return "finished";
        }
    }

    @Test
    @DisplayName("a request in flight when the host is asked to stop completes within the grace period")
    void requestInFlightCompletesOnShutdown() throws Exception {
        EmbeddedServer server = start(Map.of(), "test", SLOW_ENVIRONMENT);
        try (HttpClient client = HttpClient.create(server.getURL())) {
            CompletableFuture<HttpResponse<String>> inFlight = CompletableFuture.supplyAsync(
                    () -> client.toBlocking().exchange(HttpRequest.GET("/test/slow"), String.class));
            assertThat(SlowController.STARTED.await(10, TimeUnit.SECONDS)).as("the slow request started").isTrue();
            long stopping = System.nanoTime();
            server.getApplicationContext().close();
            HttpResponse<String> response = inFlight.get(10, TimeUnit.SECONDS);
            assertThat(response.getStatus().getCode()).isEqualTo(200);
            assertThat(response.body()).isEqualTo("finished");
            assertThat(Duration.ofNanos(System.nanoTime() - stopping)).as("the stop waited for the request")
                    .isGreaterThan(Duration.ofMillis(500));
        } finally {
            if (server.getApplicationContext().isRunning()) {
                server.getApplicationContext().close();
            }
        }
    }
}
