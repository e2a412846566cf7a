package org.rendezvous.persistence;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;
import java.util.Objects;

/**
 * The HikariCP pool every PostgreSQL data source of Rendezvous is opened with, so that a database outage
 * is answered quickly and passes by itself (docs/operations.md, "When the database is down").
 *
 * <ul>
 *   <li>A request waits at most {@code connectionTimeout} for a connection (HikariCP's default is 30 s):
 *       while the database is down every store call fails within that bound with a {@link PersistenceFailure}
 *       that {@link PersistenceFailure#isUnavailable() is unavailable}, which the host answers with 503.
 *       Under a load the pool cannot serve in that time, requests fail the same way rather than queue.</li>
 *   <li>A connection idle for more than half a second is checked before it is handed out, within
 *       {@code validationTimeout} (half the connection timeout, at least 250 ms): a connection the server
 *       dropped is replaced, never given to a request.</li>
 *   <li>The pool keeps trying to open connections in the background: once the database answers again, the
 *       next request gets one. Nothing needs a restart.</li>
 * </ul>
 */
public final class ConnectionPool {

    /** What a request waits for a connection when nothing says otherwise. */
    public static final Duration DEFAULT_CONNECTION_TIMEOUT = Duration.ofSeconds(1);

    private ConnectionPool() {
    }

    /**
     * Opens a pool of at most {@code size} connections to the PostgreSQL at {@code jdbcUrl}; fails if the
     * database cannot be reached now.
     */
    public static HikariDataSource open(String jdbcUrl, String user, String password, int size,
                                        Duration connectionTimeout, String name) {
        return new HikariDataSource(config(jdbcUrl, user, password, size, connectionTimeout, name));
    }

    static HikariConfig config(String jdbcUrl, String user, String password, int size, Duration connectionTimeout,
                               String name) {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        Objects.requireNonNull(connectionTimeout, "connectionTimeout");
        if (size < 1) {
            throw new IllegalArgumentException("size: must be at least 1");
        }
        if (connectionTimeout.toMillis() < 250) {
            throw new IllegalArgumentException("connectionTimeout: must be at least 250 ms");
        }
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);
        config.setUsername(user);
        config.setPassword(password == null ? "" : password);
        config.setMaximumPoolSize(size);
        config.setPoolName(name);
        config.setConnectionTimeout(connectionTimeout.toMillis());
        config.setValidationTimeout(Math.max(250, connectionTimeout.toMillis() / 2));
        // Opening a connection gives up within the same bound (the driver's default is 10 s).
        config.addDataSourceProperty("connectTimeout", String.valueOf(Math.max(1, connectionTimeout.toSeconds())));
        // A server that vanished without closing its sockets is noticed by the operating system in the end.
        config.addDataSourceProperty("tcpKeepAlive", "true");
        // The server's own detail of a failed constraint quotes row values: clients' data stays out of logs.
        config.addDataSourceProperty("logServerErrorDetail", "false");
        return config;
    }
}
