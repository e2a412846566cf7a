package org.rendezvous.core.port;

import java.util.function.Supplier;
import org.rendezvous.core.practitioner.PractitionerId;

/**
 * Units of work. Store calls made by {@code work} on the calling thread belong to the transaction:
 * all of them commit when it returns, none when it throws.
 *
 * <p>An adapter may run {@code work} more than once: a database rolls back and re-runs a unit of work
 * that lost a serialization conflict or a deadlock. Work must therefore have no effect outside the
 * stores (no provider call, no message sent) and compute its result from what it reads. The core's
 * use cases keep to this: they call providers outside any unit of work. Instants handed to the stores
 * are truncated to microseconds, what PostgreSQL keeps.
 */
public interface Transactions {

    <T> T inTransaction(Supplier<T> work);

    /**
     * A transaction holding the practitioner's agenda lock until it ends: every use case that takes
     * or frees a seat runs here, so no interleaving can overbook a start time (AG-10), not even across
     * application instances sharing one database.
     */
    <T> T inAgenda(PractitionerId practitioner, Supplier<T> work);

    /**
     * A transaction holding the agenda locks of all these practitioners, taken in the order given (callers give
     * them in one order, the practitioners' ids, so that two such transactions never wait for each other in a
     * circle): what the payout cycle decides for a chunk of practitioners at once (issue 15). An adapter may take
     * them all in one step; by default, one {@link #inAgenda} inside the other.
     */
    default <T> T inAgendas(java.util.List<PractitionerId> practitioners, Supplier<T> work) {
        java.util.Objects.requireNonNull(practitioners, "practitioners");
        java.util.Objects.requireNonNull(work, "work");
        if (practitioners.isEmpty()) {
            return inTransaction(work);
        }
        return inAgenda(practitioners.get(0), () -> inAgendas(practitioners.subList(1, practitioners.size()), work));
    }
}
