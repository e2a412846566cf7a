package org.rendezvous.app.wiring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.SignedJWT;
import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.BlockingHttpClient;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.rendezvous.app.AccountsTestSupport;
import org.rendezvous.core.port.Stores;

/** RENDEZVOUS_JWT_SECRET signs the sessions, so that they survive restarts and work across instances. */
@MicronautTest(environments = AccountsTestSupport.ENVIRONMENT)
@Property(name = "rendezvous.session.jwt-secret", value = SessionSecretTest.SECRET)
@Property(name = "rendezvous.session.lifetime", value = "2h")
class SessionSecretTest {

    static final String SECRET = "a-test-secret-of-at-least-32-characters!";

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    Stores stores;

    @Test
    @DisplayName("sessions are HS256 JWTs signed with the configured secret, naming the practitioner and lasting the lifetime")
    void sessionsAreSignedWithTheConfiguredSecret() throws Exception {
        BlockingHttpClient http = client.toBlocking();
        String token = AccountsTestSupport.session(http, stores, "secret-test@example.org", "a long enough password");

        SignedJWT jwt = SignedJWT.parse(token);
        assertThat(jwt.getHeader().getAlgorithm().getName()).isEqualTo("HS256");
        assertThat(jwt.verify(new MACVerifier(SECRET.getBytes(StandardCharsets.UTF_8)))).isTrue();
        String id = (String) http.retrieve(HttpRequest.GET("/api/practitioner/profile").bearerAuth(token), java.util.Map.class)
                .get("id");
        assertThat(jwt.getJWTClaimsSet().getSubject()).isEqualTo(id);
        long seconds = (jwt.getJWTClaimsSet().getExpirationTime().getTime() - jwt.getJWTClaimsSet().getIssueTime().getTime()) / 1000;
        assertThat(seconds).isEqualTo(Duration.ofHours(2).toSeconds());
    }

    @Test
    @DisplayName("a secret shorter than 32 characters, or a lifetime out of range, is refused at start naming the setting")
    void badSettingsAreRefused() {
        assertThatThrownBy(() -> new SessionSettings("too-short", Duration.ofHours(8)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("RENDEZVOUS_JWT_SECRET");
        assertThatThrownBy(() -> new SessionSettings(null, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("rendezvous.session.lifetime");
        assertThat(new SessionSettings(null, Duration.ofHours(8)).hasSecret()).isFalse();
    }
}
