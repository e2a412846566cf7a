package org.rendezvous.app.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Property;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.rendezvous.app.AccountsTestSupport;
import org.rendezvous.app.account.Roles;
import org.rendezvous.app.wiring.NotificationFactory;
import org.rendezvous.core.contact.EmailAddress;
import org.rendezvous.core.notification.OutgoingMessage;
import org.rendezvous.core.notification.SendResult;
import org.rendezvous.core.port.MessageSender;

/**
 * RENDEZVOUS_OPERATORS: at start every operator named is made and e-mailed a single-use link to choose a
 * password; with RENDEZVOUS_DEMO a demo operator logs in with its printed password.
 */
@MicronautTest(environments = {AccountsTestSupport.ENVIRONMENT, OperatorInvitationsTest.ENVIRONMENT})
@Property(name = "rendezvous.operators", value = "Olga@Operators.example, max@operators.example")
@Property(name = "rendezvous.demo", value = "true")
class OperatorInvitationsTest {

    static final String ENVIRONMENT = "operator-invitations-test";

    /** What the host sent, instead of the mailbox. */
    @Factory
    @Requires(env = ENVIRONMENT)
    static final class Recording {
        static final List<OutgoingMessage> SENT = new CopyOnWriteArrayList<>();

        @Singleton
        @Replaces(value = MessageSender.class, factory = NotificationFactory.class)
        MessageSender recordingSender() {
            return message -> {
                SENT.add(message);
                return new SendResult.Sent("recorded:" + message.id());
            };
        }
    }

    @Inject
    @Client("/")
    HttpClient client;

    @Test
    @DisplayName("each operator named gets one link at start; the link's page sets the password; the demo operator logs in")
    void invitedAtStart() {
        List<OutgoingMessage> invitations = Recording.SENT.stream()
                .filter(m -> m.causeKey().startsWith("operator-invitation:")).toList();
        assertThat(invitations).extracting(m -> m.to().email().value())
                .containsExactlyInAnyOrder("olga@operators.example", "max@operators.example");
        String link = invitations.stream().filter(m -> m.to().email().value().startsWith("olga")).findFirst().orElseThrow()
                .parameters().get("link");
        assertThat(link).contains("/operator/set-password?token=");
        String token = URLDecoder.decode(link.substring(link.indexOf("token=") + 6), StandardCharsets.UTF_8);

        var http = client.toBlocking();
        http.exchange(HttpRequest.POST("/api/operator/set-password", Map.of("token", token, "password", "olga's long password")));
        HttpResponse<Map> olga = http.exchange(HttpRequest.POST("/api/operator/login",
                Map.of("email", "olga@operators.example", "password", "olga's long password")), Map.class);
        assertThat(olga.body().get("role")).isEqualTo(Roles.OPERATOR);
        HttpResponse<Map> demo = http.exchange(HttpRequest.POST("/api/operator/login",
                Map.of("email", OperatorInvitations.DEMO_EMAIL, "password", OperatorInvitations.DEMO_PASSWORD)), Map.class);
        assertThat(demo.body().get("accessToken")).isNotNull();
    }

    @Test
    @DisplayName("a forgotten password: a new link to a known operator, nothing to an unknown e-mail, the same 202 for both")
    void passwordReset() {
        var http = client.toBlocking();
        int before = Recording.SENT.size();
        HttpResponse<Map> known = http.exchange(HttpRequest.POST("/api/operator/password-reset",
                Map.of("email", "max@operators.example")), Map.class);
        HttpResponse<Map> unknown = http.exchange(HttpRequest.POST("/api/operator/password-reset",
                Map.of("email", "nobody@operators.example")), Map.class);

        assertThat(known.getStatus().getCode()).isEqualTo(202);
        assertThat(unknown.body()).isEqualTo(known.body());
        List<OutgoingMessage> sent = Recording.SENT.subList(before, Recording.SENT.size());
        assertThat(sent).singleElement().satisfies(m -> {
            assertThat(m.to().email().value()).isEqualTo("max@operators.example");
            assertThat(m.parameters().get("link")).contains("/operator/set-password?token=");
        });
    }

    @Test
    @DisplayName("RENDEZVOUS_OPERATORS with something not an e-mail stops the start, naming the variable")
    void badList() {
        assertThat(OperatorInvitations.parse(" a@example.org ;b@example.org\n")).containsExactly(
                EmailAddress.of("a@example.org"), EmailAddress.of("b@example.org"));
        assertThat(OperatorInvitations.parse("")).isEmpty();
        assertThatThrownBy(() -> OperatorInvitations.parse("a@example.org, not-an-email"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("RENDEZVOUS_OPERATORS")
                .hasMessageContaining("not-an-email");
    }
}
