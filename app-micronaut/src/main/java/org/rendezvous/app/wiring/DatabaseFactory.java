package org.rendezvous.app.wiring;

import com.zaxxer.hikari.HikariDataSource;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.nio.file.Path;
import java.time.Duration;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.rendezvous.core.inmemory.InMemoryReminderCandidates;
import org.rendezvous.core.inmemory.InMemoryStores;
import org.rendezvous.core.port.ReminderCandidates;
import org.rendezvous.core.port.Stores;
import org.rendezvous.persistence.ConnectionPool;
import org.rendezvous.persistence.EmbeddedDatabase;
import org.rendezvous.persistence.PostgresStores;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the engine keeps its data, by {@code rendezvous.database.mode} ({@code RENDEZVOUS_DATABASE_MODE}):
 * {@code embedded} (the default: a PostgreSQL started from Maven Central binaries, its data under
 * {@code rendezvous.data-directory}, kept across restarts), {@code server} (the PostgreSQL at
 * {@code rendezvous.database.url}), or {@code memory} (nothing kept; for tests and demos).
 */
@Factory
public final class DatabaseFactory {

    private static final Logger LOG = LoggerFactory.getLogger(DatabaseFactory.class);

    /** The database the host opened, closed when the host stops. */
    public static final class Database implements AutoCloseable {
        private final DataSource dataSource;
        private final @Nullable HikariDataSource pool;
        private final @Nullable EmbeddedDatabase embedded;

        Database(DataSource dataSource, @Nullable HikariDataSource pool, @Nullable EmbeddedDatabase embedded) {
            this.dataSource = dataSource;
            this.pool = pool;
            this.embedded = embedded;
        }

        public DataSource dataSource() {
            return dataSource;
        }

        /** Whether the database answers a query now, for the health endpoint. */
        public boolean answers() {
            // Bounded: the pool gives up on a connection within its connection timeout, the query within a second.
            try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
                statement.setQueryTimeout(1);
                return statement.execute("SELECT 1");
            } catch (SQLException | RuntimeException e) {
                return false;
            }
        }

        @Override
        public void close() {
            if (pool != null) {
                pool.close();
            }
            if (embedded != null) {
                embedded.close();
            }
        }
    }

    @Singleton
    @Bean(preDestroy = "close")
    @Requires(property = "rendezvous.database.mode", value = "server")
    Database server(@Value("${rendezvous.database.url}") String url,
                    @Value("${rendezvous.database.username:postgres}") String username,
                    @Nullable @Value("${rendezvous.database.password:}") String password,
                    @Value("${rendezvous.database.pool-size:10}") int poolSize,
                    @Value("${rendezvous.database.connection-timeout:1s}") Duration connectionTimeout) {
        // A request waits for a connection at most connection-timeout: during an outage it is a 503 within it.
        HikariDataSource pool = ConnectionPool.open(url, username, password, poolSize, connectionTimeout, "rendezvous");
        LOG.info("data on the PostgreSQL server {}", url);
        return new Database(pool, pool, null);
    }

    @Singleton
    @Bean(preDestroy = "close")
    @Requires(property = "rendezvous.database.mode", value = "embedded", defaultValue = "embedded")
    Database embedded(@Value("${rendezvous.data-directory:data}") String dataDirectory,
                      @Value("${rendezvous.database.pool-size:10}") int poolSize) {
        Path directory = Path.of(dataDirectory, "postgres").toAbsolutePath();
        EmbeddedDatabase database = EmbeddedDatabase.start(directory, poolSize);
        LOG.info("data in an embedded PostgreSQL under {} (kept across restarts)", directory);
        return new Database(database.dataSource(), null, database);
    }

    @Singleton
    @Requires(property = "rendezvous.database.mode", notEquals = "memory", defaultValue = "embedded")
    Stores postgresStores(Database database) {
        return PostgresStores.migrateAndOpen(database.dataSource());
    }

    @Singleton
    @Requires(property = "rendezvous.database.mode", value = "memory")
    Stores memoryStores() {
        LOG.warn("rendezvous.database.mode=memory: nothing is kept when the host stops");
        return InMemoryStores.create();
    }

    /** INV-1, INV-2: invoicing's stores, on the same database and transactions as the others. */
    @Singleton
    @Requires(property = "rendezvous.database.mode", notEquals = "memory", defaultValue = "embedded")
    org.rendezvous.core.port.InvoiceStores postgresInvoiceStores(Stores stores) {
        return PostgresStores.invoices(stores);
    }

    @Singleton
    @Requires(property = "rendezvous.database.mode", value = "memory")
    org.rendezvous.core.port.InvoiceStores memoryInvoiceStores(Stores stores) {
        return org.rendezvous.core.inmemory.InMemoryInvoiceStores.joining(stores.transactions());
    }

    @Singleton
    @Requires(property = "rendezvous.database.mode", notEquals = "memory", defaultValue = "embedded")
    ReminderCandidates postgresReminderCandidates(Stores stores) {
        return PostgresStores.reminderCandidates(stores);
    }

    @Singleton
    @Requires(property = "rendezvous.database.mode", value = "memory")
    ReminderCandidates memoryReminderCandidates(Stores stores) {
        return new InMemoryReminderCandidates(stores.bookings());
    }
}
