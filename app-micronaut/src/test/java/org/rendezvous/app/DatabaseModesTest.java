package org.rendezvous.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.ApplicationContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.runtime.server.EmbeddedServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.rendezvous.core.Rendezvous;
import org.rendezvous.core.practitioner.PractitionerId;
import org.rendezvous.core.practitioner.RegisterPractitionerCommand;

/** The zero-set-up default: an embedded PostgreSQL whose data under the data directory survives a restart. */
class DatabaseModesTest {

    static EmbeddedServer start(Path data) {
        return ApplicationContext.run(EmbeddedServer.class, Map.of("rendezvous.database.mode", "embedded",
                "rendezvous.data-directory", data.toString(), "micronaut.server.port", -1,
                "rendezvous.jobs.delivery-interval", "1h"), "test");
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
}
