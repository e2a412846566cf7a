package org.rendezvous.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.rendezvous.core.Rendezvous;
import org.rendezvous.core.agenda.ConsultationMode;
import org.rendezvous.core.booking.BookCommand;
import org.rendezvous.core.client.ClientDetails;
import org.rendezvous.core.idempotency.IdempotencyKey;
import org.rendezvous.persistence.EmbeddedDatabase;
import org.rendezvous.persistence.PostgresStores;

/**
 * The overbooking count of HttpLoadRun (AG-10 checked from outside the engine): on the real schema,
 * in a schema of its own on the server of RENDEZVOUS_TEST_JDBC_URL, or on an embedded PostgreSQL.
 */
class OverbookingTest {

    private static EmbeddedDatabase embedded;
    private static String url;
    private static String user;
    private static String password;
    private static final String SCHEMA = "overbooking_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    private static HikariDataSource pool;

    @BeforeAll
    static void open() throws Exception {
        url = System.getenv("RENDEZVOUS_TEST_JDBC_URL");
        user = BenchmarkDatabase.env("RENDEZVOUS_TEST_JDBC_USER", "postgres");
        password = BenchmarkDatabase.env("RENDEZVOUS_TEST_JDBC_PASSWORD", "postgres");
        if (url == null || url.isBlank()) {
            embedded = EmbeddedDatabase.start(Files.createTempDirectory("rendezvous-overbooking-test"), 2);
            url = embedded.jdbcUrl();
            password = "";
        }
        execute("CREATE SCHEMA " + SCHEMA);
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(user);
        config.setPassword(password);
        config.setSchema(SCHEMA);
        config.setMaximumPoolSize(2);
        pool = new HikariDataSource(config);
    }

    @AfterAll
    static void close() throws Exception {
        pool.close();
        execute("DROP SCHEMA " + SCHEMA + " CASCADE");
        if (embedded != null) {
            embedded.close();
        }
    }

    @Test
    @DisplayName("AG-10: a seat-holding booking beyond the capacity counts as one overbooked seat; a cancelled one does not")
    void countsSeatsBeyondCapacity() throws Exception {
        Rendezvous engine = Rendezvous.builder().stores(PostgresStores.migrateAndOpen(pool)).build();
        BookingLoadRun.Agenda agenda = BookingLoadRun.prepare(engine, 1, 2);
        Instant start = agenda.starts().get(0);
        for (int client = 1; client <= 2; client++) {
            engine.bookings().book(BookCommand.of(agenda.practitioner(), agenda.activity().id(), start, ConsultationMode.IN_PERSON,
                    ClientDetails.of("Client " + client, "c" + client + "@example.org", "+33612345678"), Map.of(),
                    IdempotencyKey.of("overbooking-" + client))).orElseThrow();
        }
        try (Connection connection = pool.getConnection()) {
            assertThat(Overbooking.count(connection)).isEqualTo(new Overbooking.Count(0, 2));

            // What the engine refuses to do: a third seat-holding booking on the same slot, and a cancelled fourth.
            copyFirstBooking(connection, "CONFIRMED");
            copyFirstBooking(connection, "CANCELLED_BY_CLIENT");

            assertThat(Overbooking.count(connection)).isEqualTo(new Overbooking.Count(1, 3));
        }
    }

    private static void copyFirstBooking(Connection connection, String state) throws Exception {
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TEMP TABLE copied AS SELECT * FROM bookings ORDER BY created_at LIMIT 1");
            statement.execute("UPDATE copied SET id = gen_random_uuid(), access_token = gen_random_uuid()::text, state = '"
                    + state + "'");
            statement.execute("INSERT INTO bookings SELECT * FROM copied");
            statement.execute("DROP TABLE copied");
        }
    }

    private static void execute(String sql) throws Exception {
        try (Connection connection = DriverManager.getConnection(url, user, password);
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
