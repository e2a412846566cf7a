package org.rendezvous.persistence;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
    private record UnitOfWork(Handle handle, Map<Class<?>, Object> daos, List<Deferred> deferred,
                              Map<Object, Object> memo, java.util.Set<java.util.UUID> lockedAgendas) {
        UnitOfWork(Handle handle) {
            this(handle, new HashMap<>(), new ArrayList<>(), new HashMap<>(), new java.util.HashSet<>());
        }
    }

    /**
     * An insert whose caller needs no answer from it at once (an outbox message, a usage record, a booking's
     * history): inside a unit of work it waits and goes with the others in one statement (data-modifying
     * common table expressions), sent before the unit of work's next statement or before it commits, so
     * that the unit of work still reads what it wrote. Outside a unit of work it runs at once.
     *
     * @param sql one INSERT ending in {@code RETURNING}; {@code {previous}} names the rows the previous
     *            part of the same {@link #defer} call returned
     * @param expectedRows the number of rows the insert must return, or -1 for any
     * @param refusal the message of the {@code IllegalStateException} thrown when it returns another number
     */
    record Deferred(String sql, Map<String, Object> bindings, int expectedRows, String refusal) {
        Deferred {
            Objects.requireNonNull(sql, "sql");
            bindings = new LinkedHashMap<>(bindings);
        }

        static Deferred insert(String sql, Map<String, Object> bindings) {
            return new Deferred(sql, bindings, -1, "");
        }
    }

    private static final Pattern PARAMETER = Pattern.compile("(?<!:):(\\w+)");

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

    /**
     * Issue 15: the agendas' locks in one statement, in the order given, those this unit of work does not hold yet;
     * the whole unit of work is re-run after a transient failure, as {@link #inAgenda} is.
     */
    @Override
    public <T> T inAgendas(List<PractitionerId> practitioners, Supplier<T> work) {
        Objects.requireNonNull(practitioners, "practitioners");
        Objects.requireNonNull(work, "work");
        return run(null, () -> {
            UnitOfWork unit = current.get();
            List<Long> keys = new ArrayList<>();
            for (PractitionerId practitioner : practitioners) {
                if (unit.lockedAgendas().add(practitioner.value())) {
                    keys.add(agendaLockKey(practitioner));
                }
            }
            if (!keys.isEmpty()) {
                translated(() -> unit.handle().createQuery("""
                                SELECT count(pg_advisory_xact_lock(k.key))::integer
                                FROM unnest(string_to_array(:keys, ',')::bigint[]) WITH ORDINALITY AS k (key, n)
                                """)
                        .bind("keys", SqlArrays.join(keys)).mapTo(Integer.class).one());
            }
            return work.get();
        });
    }

    private <T> T run(PractitionerId agenda, Supplier<T> work) {
        UnitOfWork joined = current.get();
        if (joined != null) {
            if (agenda != null && joined.lockedAgendas().add(agenda.value())) {
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
        UnitOfWork unit = new UnitOfWork(handle);
        current.set(unit);
        try {
            run(handle::begin);
            if (agenda != null) {
                lockAgenda(handle, agenda);
                unit.lockedAgendas().add(agenda.value());
            }
            T result = work.get();
            flush(unit);
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
            flush(work);
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

    /**
     * Sends the inserts with the unit of work's other deferred writes (see {@link Deferred}); at once, in
     * a transaction of their own, when no unit of work is open on this thread.
     */
    void defer(Deferred... parts) {
        UnitOfWork work = current.get();
        List<Deferred> numbered = new ArrayList<>();
        int first = work == null ? 0 : work.deferred().size();
        for (int i = 0; i < parts.length; i++) {
            Deferred part = parts[i];
            numbered.add(new Deferred(part.sql().replace("{previous}", "w" + (first + i - 1)), part.bindings(),
                    part.expectedRows(), part.refusal()));
        }
        if (work == null) {
            withHandle(h -> {
                execute(h, numbered);
                return null;
            });
            return;
        }
        work.deferred().addAll(numbered);
    }

    /**
     * Sends the insert now, with the unit of work's deferred writes in the same statement: its refusal (see
     * {@link Deferred#expectedRows}) is thrown to the caller at once, and the unit of work stays usable.
     */
    void sendWithDeferred(Deferred part) {
        defer(part);
        UnitOfWork work = current.get();
        if (work != null) {
            flush(work);
        }
    }

    /** A value this unit of work already read (see {@link #memoize}), if one is open on this thread. */
    Optional<Object> memo(Object key) {
        UnitOfWork work = current.get();
        return work == null ? Optional.empty() : Optional.ofNullable(work.memo().get(key));
    }

    /** Keeps a value read in this unit of work for a later store call of the same unit of work; nothing outside one. */
    void memoize(Object key, Object value) {
        UnitOfWork work = current.get();
        if (work != null) {
            work.memo().put(key, value);
        }
    }

    /** Forgets a kept value, after a write that changes it. */
    void forget(Object key) {
        UnitOfWork work = current.get();
        if (work != null) {
            work.memo().remove(key);
        }
    }

    private static void flush(UnitOfWork work) {
        if (work.deferred().isEmpty()) {
            return;
        }
        List<Deferred> parts = new ArrayList<>(work.deferred());
        work.deferred().clear();
        execute(work.handle(), parts);
    }

    /** All the parts as one statement: {@code WITH w0 AS (INSERT …), w1 AS (…) SELECT the rows each returned}. */
    private static void execute(Handle handle, List<Deferred> parts) {
        StringBuilder sql = new StringBuilder("WITH ");
        StringBuilder counts = new StringBuilder(" SELECT ARRAY[");
        Map<String, Object> bindings = new HashMap<>();
        for (int i = 0; i < parts.size(); i++) {
            String prefix = "d" + i + "_";
            Deferred part = parts.get(i);
            Matcher parameters = PARAMETER.matcher(part.sql());
            sql.append(i == 0 ? "" : ", ").append('w').append(i).append(" AS (")
                    .append(parameters.replaceAll(":" + prefix + "$1")).append(')');
            counts.append(i == 0 ? "" : ", ").append("(SELECT count(*) FROM w").append(i).append(')');
            part.bindings().forEach((name, value) -> bindings.put(prefix + name, value));
        }
        String statement = sql.append(counts).append("]::int[]").toString();
        Integer[] returned = translated(() -> handle.createQuery(statement).bindMap(bindings)
                .map((rows, context) -> (Integer[]) rows.getArray(1).getArray()).one());
        for (int i = 0; i < parts.size(); i++) {
            Deferred part = parts.get(i);
            if (part.expectedRows() >= 0 && returned[i] != part.expectedRows()) {
                throw new IllegalStateException(part.refusal());
            }
        }
    }

    /** Whether the unit of work open on this thread holds this practitioner's agenda lock (its bookings' writers wait). */
    boolean holdsAgenda(java.util.UUID practitioner) {
        UnitOfWork work = current.get();
        return work != null && work.lockedAgendas().contains(practitioner);
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
