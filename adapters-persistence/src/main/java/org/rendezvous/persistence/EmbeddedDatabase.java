package org.rendezvous.persistence;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * A PostgreSQL server started from the binaries on the classpath, for machines without a server:
 * the zero-set-up default of the host, demos and tests. Its data lives in the directory given and is
 * kept when the server stops, so the next start finds every booking again.
 *
 * <pre>{@code
 * try (EmbeddedDatabase database = EmbeddedDatabase.start(Path.of("data/postgres"))) {
 *     Stores stores = PostgresStores.migrateAndOpen(database.dataSource());
 *     ...
 * }
 * }</pre>
 */
public final class EmbeddedDatabase implements AutoCloseable {

    private static final String USER = "postgres";
    private static final String DATABASE = "postgres";

    private final EmbeddedPostgres server;
    private final HikariDataSource dataSource;

    private EmbeddedDatabase(EmbeddedPostgres server, HikariDataSource dataSource) {
        this.server = server;
        this.dataSource = dataSource;
    }

    /** Starts a server on a free local port, with its data in {@code dataDirectory} (created if missing). */
    public static EmbeddedDatabase start(Path dataDirectory) {
        return start(dataDirectory, 10);
    }

    /** As {@link #start(Path)}, with a connection pool of at most {@code poolSize} connections. */
    public static EmbeddedDatabase start(Path dataDirectory, int poolSize) {
        return start(dataDirectory, poolSize, true);
    }

    /**
     * @param durable whether a commit waits for its WAL to reach the disk. The embedded server's library
     *                turns that off by default, which may lose the last commits on a crash: kept on for
     *                anyone's bookings, off only for throw-away test databases.
     */
    static EmbeddedDatabase start(Path dataDirectory, int poolSize, boolean durable) {
        Objects.requireNonNull(dataDirectory, "dataDirectory");
        if (poolSize < 1) {
            throw new IllegalArgumentException("poolSize: must be at least 1");
        }
        EmbeddedPostgres server;
        try {
            Files.createDirectories(dataDirectory);
            server = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false)
                    .setServerConfig("synchronous_commit", durable ? "on" : "off")
                    .start();
        } catch (IOException e) {
            throw new PersistenceFailure("the embedded PostgreSQL did not start in " + dataDirectory + ": "
                    + e.getMessage(), e);
        }
        try {
            return new EmbeddedDatabase(server, pool(server.getJdbcUrl(USER, DATABASE), poolSize));
        } catch (RuntimeException e) {
            PersistenceFailure failure = new PersistenceFailure("no connection pool on the embedded PostgreSQL: "
                    + e.getMessage(), e);
            closeQuietly(server, failure);
            throw failure;
        }
    }

    /** A HikariCP pool on the server; closed with it. */
    public DataSource dataSource() {
        return dataSource;
    }

    /** The JDBC URL of the server's {@code postgres} database (user {@code postgres}, no password). */
    public String jdbcUrl() {
        return server.getJdbcUrl(USER, DATABASE);
    }

    /** Closes the pool and stops the server; the data directory stays. */
    @Override
    public void close() {
        dataSource.close();
        try {
            server.close();
        } catch (IOException e) {
            throw new PersistenceFailure("the embedded PostgreSQL did not stop cleanly: " + e.getMessage(), e);
        }
    }

    private static HikariDataSource pool(String jdbcUrl, int poolSize) {
        return ConnectionPool.open(jdbcUrl, USER, "", poolSize, ConnectionPool.DEFAULT_CONNECTION_TIMEOUT,
                "rendezvous-embedded");
    }

    private static void closeQuietly(EmbeddedPostgres server, RuntimeException failure) {
        try {
            server.close();
        } catch (IOException e) {
            failure.addSuppressed(e);
        }
    }
}
