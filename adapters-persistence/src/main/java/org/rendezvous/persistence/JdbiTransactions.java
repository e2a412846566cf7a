package org.rendezvous.persistence;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;
import org.rendezvous.core.port.Transactions;
import org.rendezvous.core.practitioner.PractitionerId;

/**
 * Units of work on PostgreSQL. The handle of the transaction open on a thread is kept in a
 * {@link ThreadLocal}, so that every store call the work makes on that thread joins it, and a
 * transaction opened inside another joins the outer one.
 *
 * <p>Transactions run at READ COMMITTED: every statement sees what was committed before it started,
 * so that what is read after taking the agenda lock is what the previous holder left. The agenda lock
 * is {@code pg_advisory_xact_lock} on a 64-bit key drawn from the practitioner id: it serialises
 * every unit of work on one agenda across all application instances sharing the database (AG-10),
 * needs no row to exist (a practitioner being registered is locked too), does not conflict with the
 * row locks foreign keys take, and is released by PostgreSQL itself at commit, rollback or when the
 * connection dies.
 *
 * <p>A serialization failure or a deadlock (SQLSTATE 40001, 40P01) rolls the transaction back and
 * runs the whole work again, at most {@value #ATTEMPTS} times in all, with a short random back-off.
 * A transaction that joined an outer one is never re-run by itself: the failure reaches the outer
 * one, which re-runs everything. Any other failure of the work is rethrown unchanged after rollback.
 */
final class JdbiTransactions implements Transactions {

    static final int ATTEMPTS = 5;

    private final Jdbi jdbi;
    private final ThreadLocal<UnitOfWork> current = new ThreadLocal<>();

    /**
     * The handle of a unit of work and the SQL objects attached to it. Attaching one costs a proxy and
     * copies of the configuration for it and for each of its methods, together a
     * quarter of the host's CPU per booking when it was done for every store call; a unit of work makes
     * several store calls on a few DAO types, so each is attached once and kept until the handle closes.
     */
    private record UnitOfWork(Handle handle, Map<Class<?>, Object> daos) {
    }

    JdbiTransactions(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        Objects.requireNonNull(work, "work");
        return run(null, work);
    }

    @Override
    public <T> T inAgenda(PractitionerId practitioner, Supplier<T> work) {
        Objects.requireNonNull(practitioner, "practitioner");
        Objects.requireNonNull(work, "work");
        return run(practitioner, work);
    }

    private <T> T run(PractitionerId agenda, Supplier<T> work) {
        UnitOfWork joined = current.get();
        if (joined != null) {
            if (agenda != null) {
                lockAgenda(joined.handle(), agenda);
            }
            return work.get();
        }
        for (int attempt = 1; ; attempt++) {
            try {
                return once(agenda, work);
            } catch (RuntimeException failure) {
                if (attempt >= ATTEMPTS || !PersistenceFailure.isTransient(failure)) {
                    throw failure;
                }
                backOff(attempt);
            }
        }
    }

    private <T> T once(PractitionerId agenda, Supplier<T> work) {
        Handle handle = open();
        current.set(new UnitOfWork(handle, new HashMap<>()));
        try {
            run(handle::begin);
            if (agenda != null) {
                lockAgenda(handle, agenda);
            }
            T result = work.get();
            run(handle::commit);
            return result;
        } catch (Throwable failure) {
            // Whatever the work threw (even a checked exception thrown sneakily) rolls everything back.
            rollbackQuietly(handle, failure);
            throw failure;
        } finally {
            current.remove();
            closeQuietly(handle);
        }
    }

    /**
     * Runs a store's statements: in the transaction open on this thread if there is one, otherwise in
     * a transaction of their own (REPEATABLE READ, so that a read of several tables is one snapshot),
     * re-run on a serialization failure or deadlock. Every JDBI failure comes out as a
     * {@link PersistenceFailure}.
     */
    <T> T withHandle(Function<Handle, T> statements) {
        UnitOfWork work = current.get();
        if (work != null) {
            return translated(() -> statements.apply(work.handle()));
        }
        for (int attempt = 1; ; attempt++) {
            try {
                return translated(() -> jdbi.inTransaction(TransactionIsolationLevel.REPEATABLE_READ,
                        h -> statements.apply(h)));
            } catch (PersistenceFailure failure) {
                if (attempt >= ATTEMPTS || !failure.isTransient()) {
                    throw failure;
                }
                backOff(attempt);
            }
        }
    }

    /**
     * The SQL object of the given type on this handle: the one already attached if the handle is the
     * unit of work's open on this thread, otherwise attached now (a handle of its own lives for one
     * store call only, so there is nothing to keep).
     */
    <D> D attach(Handle handle, Class<D> type) {
        UnitOfWork work = current.get();
        if (work == null || work.handle() != handle) {
            return handle.attach(type);
        }
        Object dao = work.daos().get(type);
        if (dao == null) {
            dao = handle.attach(type);
            work.daos().put(type, dao);
        }
        return type.cast(dao);
    }

    /** Whether the calling thread is inside a unit of work (READ COMMITTED: each statement its own snapshot). */
    boolean inUnitOfWork() {
        return current.get() != null;
    }

    /**
     * Runs statements in a short READ COMMITTED transaction of their own, on a connection of their own,
     * committed before this returns, whether or not a unit of work is open on this thread; re-run on a
     * serialization failure or deadlock. For what must be visible to other instances at once and must
     * not be undone by the caller's rollback, such as an outbox claim. The caller's unit of work, if any,
     * keeps its own connection meanwhile: the pool must have a connection to spare.
     */
    <T> T inOwnTransaction(Function<Handle, T> statements) {
        for (int attempt = 1; ; attempt++) {
            try {
                return translated(() -> jdbi.inTransaction(TransactionIsolationLevel.READ_COMMITTED,
                        h -> statements.apply(h)));
            } catch (PersistenceFailure failure) {
                if (attempt >= ATTEMPTS || !failure.isTransient()) {
                    throw failure;
                }
                backOff(attempt);
            }
        }
    }

    private static void lockAgenda(Handle handle, PractitionerId practitioner) {
        translated(() -> handle.createQuery("SELECT 1 FROM pg_advisory_xact_lock(:key)")
                .bind("key", agendaLockKey(practitioner)).mapTo(Integer.class).one());
    }

    /** The advisory lock key of an agenda: two agendas that share one only wait for each other, nothing worse. */
    static long agendaLockKey(PractitionerId practitioner) {
        return practitioner.value().getMostSignificantBits() ^ practitioner.value().getLeastSignificantBits();
    }

    private Handle open() {
        return translated(jdbi::open);
    }

    private static void rollbackQuietly(Handle handle, Throwable failure) {
        try {
            if (handle.isInTransaction()) {
                handle.rollback();
            }
        } catch (RuntimeException rollbackFailure) {
            failure.addSuppressed(rollbackFailure);
        }
    }

    private static void closeQuietly(Handle handle) {
        try {
            handle.close();
        } catch (RuntimeException ignored) {
            // The connection goes back to the pool or is discarded by it; the outcome is already decided.
        }
    }

    private static void backOff(int attempt) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(1, 10L * attempt + 1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PersistenceFailure("interrupted while waiting to retry a unit of work", e);
        }
    }

    static <T> T translated(Supplier<T> statements) {
        try {
            return statements.get();
        } catch (JdbiException e) {
            throw new PersistenceFailure(e.getMessage(), e);
        }
    }

    private static void run(Runnable statements) {
        translated(() -> {
            statements.run();
            return null;
        });
    }
}
