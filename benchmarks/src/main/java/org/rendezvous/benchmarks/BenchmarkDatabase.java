package org.rendezvous.benchmarks;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.rendezvous.core.port.Stores;
import org.rendezvous.persistence.EmbeddedDatabase;
import org.rendezvous.persistence.PostgresStores;

/**
 * The PostgreSQL a benchmark runs on: the server named by {@code RENDEZVOUS_BENCH_JDBC_URL} (user and
 * password from {@code RENDEZVOUS_BENCH_JDBC_USER} / {@code _PASSWORD}, {@code postgres} by default),
 * or an embedded one in a temporary directory. The schema is emptied and migrated afresh.
 */
final class BenchmarkDatabase implements AutoCloseable {

    private final HikariDataSource pool;
    private final EmbeddedDatabase embedded;
    final String description;

    private BenchmarkDatabase(HikariDataSource pool, EmbeddedDatabase embedded, String description) {
        this.pool = pool;
        this.embedded = embedded;
        this.description = description;
    }

    static BenchmarkDatabase open(int poolSize) {
        String url = System.getenv("RENDEZVOUS_BENCH_JDBC_URL");
        EmbeddedDatabase embedded = null;
        String user = env("RENDEZVOUS_BENCH_JDBC_USER", "postgres");
        String password = env("RENDEZVOUS_BENCH_JDBC_PASSWORD", "postgres");
        if (url == null || url.isBlank()) {
            try {
                embedded = EmbeddedDatabase.start(Files.createTempDirectory("rendezvous-bench"), 2);
            } catch (IOException e) {
                throw new IllegalStateException("cannot create a directory for the embedded database", e);
            }
            url = embedded.jdbcUrl();
            user = "postgres";
            password = "";
        }
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(user);
        config.setPassword(password);
        // Flyway holds a second connection for its lock while it migrates.
        config.setMaximumPoolSize(Math.max(poolSize, 2));
        config.setMinimumIdle(Math.max(poolSize, 2));
        HikariDataSource pool = new HikariDataSource(config);
        reset(pool);
        return new BenchmarkDatabase(pool, embedded, (embedded == null ? "server " : "embedded ") + url);
    }

    DataSource dataSource() {
        return pool;
    }

    Stores stores() {
        return PostgresStores.migrateAndOpen(pool);
    }

    private static void reset(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA IF EXISTS public CASCADE");
            statement.execute("CREATE SCHEMA public");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot reset the benchmark database", e);
        }
    }

    static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    @Override
    public void close() {
        pool.close();
        if (embedded != null) {
            embedded.close();
        }
    }

}
