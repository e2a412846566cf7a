package org.rendezvous.persistence;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.rendezvous.core.port.Stores;

/**
 * The database of a test run. With {@code RENDEZVOUS_TEST_JDBC_URL} set (user and password
 * {@code postgres} unless {@code RENDEZVOUS_TEST_JDBC_USER} / {@code RENDEZVOUS_TEST_JDBC_PASSWORD}
 * say otherwise) it is that server; otherwise one embedded PostgreSQL started for the whole run.
 * Either way the run works in a schema of its own, created and migrated once and dropped at the end,
 * so runs sharing a server do not see each other; {@link #freshStores()} empties it for each test.
 */
final class TestDatabase {

    private static final Object LOCK = new Object();
    /** The tables, each after every table that refers to it. */
    private static final List<String> DELETION_ORDER = List.of("outbox_parameters", "outbox", "waitlist_entries",
            "booking_moves", "booking_transitions", "booking_answers", "bookings", "clients", "unavailabilities",
            "openings", "activities", "booking_form_fields", "agenda_settings", "idempotency_keys", "account_tokens",
            "accounts", "practitioner_photos", "practitioner_addresses", "practitioner_profiles", "practitioners");
    private static TestDatabase instance;

    private final String jdbcUrl;
    private final String user;
    private final String password;
    private final String schema;
    private final HikariDataSource shared;
    private final Stores stores;
    private final List<String> tables;
    private final List<HikariDataSource> pools = new ArrayList<>();

    private TestDatabase(String jdbcUrl, String user, String password) {
        this.jdbcUrl = jdbcUrl;
        this.user = user;
        this.password = password;
        this.schema = "rendezvous_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        execute("CREATE SCHEMA " + schema);
        this.shared = pool(10, "shared");
        this.stores = PostgresStores.migrateAndOpen(shared);
        this.tables = tables();
    }

    static TestDatabase get() {
        synchronized (LOCK) {
            if (instance == null) {
                instance = start();
            }
            return instance;
        }
    }

    /** The shared stores with every table emptied: what each contract test starts from. */
    static Stores freshStores() {
        TestDatabase database = get();
        database.truncate();
        return database.stores;
    }

    /** The run's schema through the shared pool. */
    static DataSource dataSource() {
        return get().shared;
    }

    /** Another pool on the run's schema, as a second application instance would have; closed at the end. */
    static DataSource newPool(int size, String name) {
        TestDatabase database = get();
        synchronized (database.pools) {
            HikariDataSource pool = database.pool(size, name);
            database.pools.add(pool);
            return pool;
        }
    }

    /**
     * A pool on another, empty schema of the run's database, created now, for tests that migrate a schema
     * step by step; the pool is closed at the end, the schema is the caller's to drop.
     */
    static DataSource newPoolOnNewSchema(String schema, int size) {
        TestDatabase database = get();
        database.execute("CREATE SCHEMA " + schema);
        synchronized (database.pools) {
            HikariDataSource pool = database.pool(schema, size, schema);
            database.pools.add(pool);
            return pool;
        }
    }

    /** Drops a schema made by {@link #newPoolOnNewSchema}. */
    static void dropSchema(String schema) {
        get().execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
    }

    private static TestDatabase start() {
        String url = System.getenv("RENDEZVOUS_TEST_JDBC_URL");
        if (url != null && !url.isBlank()) {
            String user = envOr("RENDEZVOUS_TEST_JDBC_USER", "postgres");
            String password = envOr("RENDEZVOUS_TEST_JDBC_PASSWORD", "postgres");
            TestDatabase database = new TestDatabase(url, user, password);
            Runtime.getRuntime().addShutdownHook(new Thread(database::dropSchema, "drop-test-schema"));
            return database;
        }
        // One directory per module build, wiped when a run starts: a run that was killed leaves nothing behind
        // for the next one, and `mvn clean` removes the last.
        Path directory = Path.of("target", "test-postgres").toAbsolutePath();
        deleteRecursively(directory);
        EmbeddedDatabase embedded = EmbeddedDatabase.start(directory, 1, false);
        TestDatabase database = new TestDatabase(embedded.jdbcUrl(), "postgres", "");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            database.closePools();
            embedded.close();
        }, "stop-embedded-postgres"));
        return database;
    }

    private HikariDataSource pool(int size, String name) {
        return pool(schema, size, name);
    }

    private HikariDataSource pool(String onSchema, int size, String name) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);
        config.setUsername(user);
        config.setPassword(password);
        config.setSchema(onSchema);
        config.setMaximumPoolSize(size);
        config.setPoolName("test-" + name);
        return new HikariDataSource(config);
    }

    private List<String> tables() {
        List<String> found = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(jdbcUrl, user, password);
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT tablename FROM pg_tables WHERE schemaname = '" + schema
                     + "' AND tablename <> 'flyway_schema_history'")) {
            while (rows.next()) {
                found.add(schema + "." + rows.getString(1));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return found;
    }

    /**
     * Empties every table: DELETE, children first, which on a few rows is much quicker than TRUNCATE (no
     * new files to create and sync); the tables this list does not know are truncated first, since they
     * may refer to the known ones (the ledger's tables refuse DELETE: they are append-only).
     */
    private void truncate() {
        List<String> unknown = new ArrayList<>(tables);
        StringBuilder deletes = new StringBuilder();
        for (String table : DELETION_ORDER) {
            unknown.remove(schema + "." + table);
            deletes.append("DELETE FROM ").append(schema).append('.').append(table).append(";\n");
        }
        String truncate = unknown.isEmpty() ? "" : "TRUNCATE " + String.join(", ", unknown) + " CASCADE;\n";
        execute(truncate + deletes);
    }

    private void dropSchema() {
        closePools();
        execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
    }

    private void closePools() {
        synchronized (pools) {
            pools.forEach(HikariDataSource::close);
        }
        shared.close();
    }

    private void execute(String sql) {
        try (Connection connection = DriverManager.getConnection(jdbcUrl, user, password);
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    private static String envOr(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    private static void deleteRecursively(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // Whatever could not be removed is left for `mvn clean`.
        }
    }
}
