package org.rendezvous.core.inmemory;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.rendezvous.core.port.Transactions;
import org.rendezvous.core.practitioner.PractitionerId;

/**
 * Transactions for the in-memory stores: a lock per practitioner's agenda (AG-10) and a journal of
 * undo actions, replayed in reverse when the work throws, so that a failed use case leaves nothing
 * half-written. A transaction opened inside another joins it.
 */
public final class InMemoryTransactions implements Transactions {

    private final ConcurrentHashMap<PractitionerId, ReentrantLock> agendaLocks = new ConcurrentHashMap<>();
    private final ThreadLocal<Deque<Runnable>> journal = new ThreadLocal<>();

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        if (journal.get() != null) {
            return work.get();
        }
        Deque<Runnable> undo = new ArrayDeque<>();
        journal.set(undo);
        try {
            return work.get();
        } catch (RuntimeException | Error failure) {
            while (!undo.isEmpty()) {
                undo.pop().run();
            }
            throw failure;
        } finally {
            journal.remove();
        }
    }

    @Override
    public <T> T inAgenda(PractitionerId practitioner, Supplier<T> work) {
        ReentrantLock lock = agendaLocks.computeIfAbsent(practitioner, id -> new ReentrantLock());
        lock.lock();
        try {
            return inTransaction(work);
        } finally {
            lock.unlock();
        }
    }

    /** Registers how to take back a write, if a transaction is open on this thread. */
    void onRollback(Runnable undo) {
        Deque<Runnable> current = journal.get();
        if (current != null) {
            current.push(undo);
        }
    }
}
