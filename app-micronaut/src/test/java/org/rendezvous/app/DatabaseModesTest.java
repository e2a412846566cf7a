package org.rendezvous.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rendezvous.app.AccountsTestSupport.failure;
import static org.rendezvous.app.AccountsTestSupport.problemBody;

import io.micronaut.context.ApplicationContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.BlockingHttpClient;
import io.micronaut.http.client.HttpClient;
import io.micronaut.runtime.server.EmbeddedServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.rendezvous.core.Rendezvous;
import org.rendezvous.core.notification.MessageKind;
import org.rendezvous.core.port.Stores;
import org.rendezvous.core.practitioner.PractitionerId;
import org.rendezvous.core.practitioner.RegisterPractitionerCommand;

/** The zero-set-up default: an embedded PostgreSQL whose data under the data directory (accounts too) survives a restart. */
class DatabaseModesTest {

    static EmbeddedServer start(Path data, String... environments) {
        return ApplicationContext.run(EmbeddedServer.class, Map.of("rendezvous.database.mode", "embedded",
                "rendezvous.data-directory", data.toString(), "micronaut.server.port", -1,
                "rendezvous.jobs.delivery-interval", "1h"), environments.length == 0 ? new String[] {"test"} : environments);
    }

    @Test
    @DisplayName("data kept in the embedded PostgreSQL is there after a restart, and the health endpoint checks the database")
    void embeddedDataSurvivesARestart() throws Exception {
        Path data = Files.createTempDirectory("rendezvous-host-data");
        PractitionerId anna;
        try (EmbeddedServer server = start(data)) {
            anna = server.getApplicationContext().getBean(Rendezvous.class).practitioners()
                    .register(RegisterPractitionerCommand.of("Anna Martin", "anna@example.org", ZoneId.of("Europe/Paris"))).id();
            try (HttpClient client = HttpClient.create(server.getURL())) {
                String health = client.toBlocking().retrieve(HttpRequest.GET("/health"));
                assertThat(health).contains("\"database\"").contains("UP");
            }
        }
        try (EmbeddedServer again = start(data)) {
            assertThat(again.getApplicationContext().getBean(Rendezvous.class).practitioners().find(anna)).isPresent();
        }
    }

    @Test
    @DisplayName("ACC-1 a practitioner registered and verified over HTTP logs in after a restart: accounts are kept in the database")
    void accountsSurviveARestart() throws Exception {
        Path data = Files.createTempDirectory("rendezvous-host-accounts");
        String email = "anna@example.org";
        String password = "correct horse battery";
        String[] environments = {"test", AccountsTestSupport.ENVIRONMENT};
        String registered;
        try (EmbeddedServer server = start(data, environments);
             HttpClient client = HttpClient.create(server.getURL())) {
            BlockingHttpClient http = client.toBlocking();
            http.exchange(HttpRequest.POST("/api/auth/register", Map.of("name", "Anna Martin", "email", email,
                    "password", password, "zone", "Europe/Paris")));
            String token = AccountsTestSupport.tokenFrom(server.getApplicationContext().getBean(Stores.class),
                    MessageKind.EMAIL_VERIFICATION);
            Map<?, ?> verified = http.retrieve(HttpRequest.POST("/api/auth/verify-email", Map.of("token", token)), Map.class);
            registered = (String) verified.get("practitionerId");
            assertThat(verified.get("emailVerified")).isEqualTo(true);
        }

        try (EmbeddedServer again = start(data, environments);
             HttpClient client = HttpClient.create(again.getURL())) {
            BlockingHttpClient http = client.toBlocking();
            HttpResponse<Map> login = http.exchange(HttpRequest.POST("/api/auth/login",
                    Map.of("email", "Anna@Example.org", "password", password)), Map.class);
            assertThat(login.getStatus().getCode()).isEqualTo(200);
            assertThat(login.body().get("practitionerId")).isEqualTo(registered);
            assertThat(login.body().get("emailVerified")).isEqualTo(true);
            Map<?, ?> profile = http.retrieve(HttpRequest.GET("/api/practitioner/profile")
                    .bearerAuth((String) login.body().get("accessToken")), Map.class);
            assertThat(profile.get("id")).isEqualTo(registered);
            assertThat(profile.get("email")).isEqualTo(email);
            // Registering the same e-mail again changes nothing: the account kept is the one found at login.
            http.exchange(HttpRequest.POST("/api/auth/register", Map.of("name", "Someone Else", "email", email,
                    "password", "another password here", "zone", "Europe/Paris")));
            problemBody(failure(http, HttpRequest.POST("/api/auth/login",
                    Map.of("email", email, "password", "another password here"))), 401);
        }
    }
}
