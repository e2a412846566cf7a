package org.rendezvous.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rendezvous.app.AccountsTestSupport.failure;
import static org.rendezvous.app.AccountsTestSupport.problemBody;

import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.BlockingHttpClient;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.rendezvous.core.contact.EmailAddress;
import org.rendezvous.core.notification.Channel;
import org.rendezvous.core.notification.ClaimedMessage;
import org.rendezvous.core.notification.Lease;
import org.rendezvous.core.notification.MessageKind;
import org.rendezvous.core.notification.OutboxMessage;
import org.rendezvous.core.port.Accounts;
import org.rendezvous.core.port.Stores;

/**
 * ACC-1, ACC-3: the routes that send account e-mails cannot flood an inbox nor probe addresses at will, and
 * their answer never tells whether an address is registered or limited.
 */
@MicronautTest(environments = AccountsTestSupport.ENVIRONMENT)
@Property(name = "rendezvous.rate-limits.per-address", value = "3")
@Property(name = "rendezvous.rate-limits.per-address-window", value = "1h")
@Property(name = "rendezvous.rate-limits.per-client", value = "8")
@Property(name = "rendezvous.rate-limits.per-client-window", value = "1h")
@Property(name = "rendezvous.rate-limits.client-address-header", value = "X-Forwarded-For")
class MailRateLimitApiTest {

    private static final AtomicInteger CLIENTS = new AtomicInteger();

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    Stores stores;

    @Inject
    Accounts accounts;

    @Inject
    Clock clock;

    BlockingHttpClient http;
    String email;
    /** Each test comes from its own client address, as a proxy would report it. */
    String clientAddress;
    final List<OutboxMessage> outbox = new ArrayList<>();

    @BeforeEach
    void setUp() {
        http = client.toBlocking();
        email = "limited-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        clientAddress = "203.0.113." + CLIENTS.incrementAndGet();
    }

    MutableHttpRequest<?> from(MutableHttpRequest<?> request) {
        // A client's own X-Forwarded-For entry comes first; the proxy appends the address it saw, which counts.
        return request.header("X-Forwarded-For", "10.9.9.9, " + clientAddress);
    }

    HttpResponse<String> askReset(String address) {
        return http.exchange(from(HttpRequest.POST("/api/auth/password-reset", Map.of("email", address))), String.class);
    }

    void register() {
        http.exchange(from(HttpRequest.POST("/api/auth/register", Map.of("name", "Anna Martin", "email", email,
                "password", "correct horse battery", "zone", "Europe/Paris"))));
    }

    /** The e-mails of this kind written for the account of {@link #email} so far. */
    long mails(MessageKind kind) {
        Instant far = Instant.now().plus(Duration.ofDays(3650));
        for (ClaimedMessage claimed : stores.outbox().claimDue(far, 1000, new Lease("rate-" + UUID.randomUUID(), far.plusSeconds(60)))) {
            outbox.add(claimed.message());
        }
        var practitioner = accounts.findByEmail(EmailAddress.of(email)).orElseThrow().practitionerId();
        return outbox.stream().filter(m -> m.practitionerId().equals(practitioner) && m.kind() == kind
                && m.channel() == Channel.EMAIL).count();
    }

    void advance(Duration by) {
        ((AccountsTestSupport.MovableClock) clock).advance(by);
    }

    @Test
    @DisplayName("ACC-1, ACC-3 the 4th password-reset mail to one address within an hour is not sent, with the same answer; an hour later one is")
    void fourthResetMailInAnHourIsNotSent() {
        register();
        advance(Duration.ofMinutes(61)); // the verification mail's count has passed
        HttpResponse<String> unknown = askReset("nobody-" + email);
        List<HttpResponse<String>> answers = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            answers.add(askReset(email));
        }

        assertThat(mails(MessageKind.PASSWORD_RESET)).isEqualTo(3);
        for (HttpResponse<String> answer : answers) {
            assertThat(answer.getStatus().getCode()).isEqualTo(unknown.getStatus().getCode()).isEqualTo(202);
            assertThat(answer.body()).isEqualTo(unknown.body());
            assertThat(answer.getHeaders().names()).doesNotContain("Retry-After");
        }

        advance(Duration.ofMinutes(61));
        assertThat(askReset(email).body()).isEqualTo(unknown.body());
        assertThat(mails(MessageKind.PASSWORD_RESET)).isEqualTo(4);
    }

    @Test
    @DisplayName("ACC-1 verification resends count with the registration mail: past 3 in an hour, nothing more is sent, and the answer is the same")
    void verificationResendsAreLimited() {
        register();
        HttpResponse<String> unknown = http.exchange(from(HttpRequest.POST("/api/auth/verify-email/resend",
                Map.of("email", "nobody-" + email))), String.class);
        for (int i = 0; i < 4; i++) {
            HttpResponse<String> answer = http.exchange(from(HttpRequest.POST("/api/auth/verify-email/resend",
                    Map.of("email", email))), String.class);
            assertThat(answer.getStatus().getCode()).isEqualTo(202);
            assertThat(answer.body()).isEqualTo(unknown.body());
        }
        assertThat(mails(MessageKind.EMAIL_VERIFICATION)).isEqualTo(3);
    }

    @Test
    @DisplayName("ACC-3 one client asking too many account mails, for any addresses, gets 429 problem+json with Retry-After; other clients are not affected")
    void perClientLimitIs429() {
        for (int i = 0; i < 8; i++) {
            assertThat(askReset("probe-" + i + "-" + email).getStatus().getCode()).isEqualTo(202);
        }

        HttpClientResponseException limited = failure(http, from(HttpRequest.POST("/api/auth/password-reset",
                Map.of("email", "probe-9-" + email))));
        problemBody(limited, 429);
        assertThat(limited.getResponse().getBody(String.class).orElseThrow()).contains("problems/too-many-requests");
        long retryAfter = Long.parseLong(limited.getResponse().getHeaders().get("Retry-After"));
        assertThat(retryAfter).isBetween(1L, 3600L);
        problemBody(failure(http, from(HttpRequest.POST("/api/auth/register", Map.of("name", "Anna Martin", "email", email,
                "password", "correct horse battery")))), 429);
        assertThat(accounts.findByEmail(EmailAddress.of(email))).isEmpty();

        String limitedClient = clientAddress;
        clientAddress = "198.51.100." + CLIENTS.incrementAndGet();
        assertThat(askReset(email).getStatus().getCode()).isEqualTo(202);
        clientAddress = limitedClient;
        advance(Duration.ofSeconds(retryAfter));
        assertThat(askReset(email).getStatus().getCode()).isEqualTo(202);
    }
}
