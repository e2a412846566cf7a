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

    PersistenceFailure(String message, Throwable cause) {
        super(message, cause);
        this.sqlState = sqlStateOf(cause);
    }

    /** The SQLSTATE PostgreSQL reported, when the failure came from the server. */
    public Optional<String> sqlState() {
        return Optional.ofNullable(sqlState);
    }

    /** Whether running the whole unit of work again may succeed: a serialization failure or a deadlock. */
    public boolean isTransient() {
        return SERIALIZATION_FAILURE.equals(sqlState) || DEADLOCK_DETECTED.equals(sqlState);
    }

    static boolean isTransient(Throwable failure) {
        return failure instanceof PersistenceFailure persistence && persistence.isTransient();
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
