package org.rendezvous.persistence;

import java.sql.SQLException;
import java.util.Optional;

/**
 * The database could not do what a store was asked: unreachable, a constraint the domain does not
 * expect, a timeout. The one exception type that leaves this adapter for an infrastructure failure;
 * the {@link SQLException} underneath is its cause, never thrown itself.
 */
public final class PersistenceFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** PostgreSQL's serialization failure and deadlock: the unit of work may simply be run again. */
    private static final String SERIALIZATION_FAILURE = "40001";
    private static final String DEADLOCK_DETECTED = "40P01";

    private final String sqlState;
    private final boolean unavailable;

    PersistenceFailure(String message, Throwable cause) {
        super(message, cause);
        this.sqlState = sqlStateOf(cause);
        this.unavailable = unavailable(cause, sqlState);
    }

    /** The SQLSTATE PostgreSQL reported, when the failure came from the server. */
    public Optional<String> sqlState() {
        return Optional.ofNullable(sqlState);
    }

    /** Whether running the whole unit of work again may succeed: a serialization failure or a deadlock. */
    public boolean isTransient() {
        return SERIALIZATION_FAILURE.equals(sqlState) || DEADLOCK_DETECTED.equals(sqlState);
    }

    /**
     * Whether the database could not be reached at all: no connection to be had from the pool within its
     * timeout, a connection refused or lost (SQLSTATE class 08), the server shutting down or not accepting
     * connections yet (57P01 … 57P03), or out of connection slots (53300). Nothing about the request is wrong;
     * the same request may succeed once the database is back, which the pool notices by itself.
     */
    public boolean isUnavailable() {
        return unavailable;
    }

    static boolean isTransient(Throwable failure) {
        return failure instanceof PersistenceFailure persistence && persistence.isTransient();
    }

    private static boolean unavailable(Throwable cause, String sqlState) {
        if (sqlState != null && (sqlState.startsWith("08") || sqlState.startsWith("57P") || sqlState.equals("53300"))) {
            return true;
        }
        for (Throwable t = cause; t != null; t = t.getCause() == t ? null : t.getCause()) {
            // The pool's "connection is not available, request timed out", whatever the last attempt's state.
            if (t instanceof java.sql.SQLTransientConnectionException || t instanceof java.net.ConnectException) {
                return true;
            }
        }
        return false;
    }

    private static String sqlStateOf(Throwable cause) {
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                return sql.getSQLState();
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return null;
    }
}
