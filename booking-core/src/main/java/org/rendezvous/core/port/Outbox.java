package org.rendezvous.core.port;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.rendezvous.core.booking.BookingId;
import org.rendezvous.core.notification.ClaimedMessage;
import org.rendezvous.core.notification.Lease;
import org.rendezvous.core.notification.OutboxEntry;
import org.rendezvous.core.notification.OutboxMessage;
import org.rendezvous.core.notification.OutboxMessageId;

/**
 * Messages waiting to be delivered (NOT-3), written in the same transaction as their cause and
 * delivered afterwards by dispatchers that may run on several instances at once.
 *
 * <p>A new message is PENDING and due at its {@code deliverAfter}. A dispatcher claims due messages
 * under a {@link Lease}; while the lease runs no other claim returns them. It then records the result:
 * delivered, skipped, failed with a next attempt, or parked as FAILED. Every change after the claim is
 * conditional on the lease, so a dispatcher whose lease lapsed (and whose messages another dispatcher
 * claimed) cannot overwrite what the other one records. Only {@link #markDelivered} is not: a
 * provider's acceptance is a fact worth keeping whoever learns it.
 *
 * <p>A SQL adapter claims with {@code UPDATE … WHERE id IN (SELECT … FOR UPDATE SKIP LOCKED LIMIT n)}.
 */
public interface Outbox {

    /**
     * Adds the message unless one with the same cause, recipient and channel is already there;
     * true when it was added.
     */
    boolean append(OutboxMessage message);

    /**
     * Appends each message as {@link #append} does, when the caller needs no answer: a message whose cause,
     * recipient and channel were written before is left out. An adapter may write them all in one step,
     * and may send it with the rest of the unit of work's writes.
     */
    default void appendAll(List<OutboxMessage> messages) {
        messages.forEach(this::append);
    }

    /** The messages about one booking, in the order they were written. */
    List<OutboxMessage> aboutBooking(BookingId booking);

    /**
     * Claims at most {@code limit} PENDING messages due at {@code now} (next attempt at or before now)
     * whose earlier claim, if any, has lapsed (its lease ends at or before now), the earliest due first
     * (then in write order), and gives them the lease, whose {@code until} must be after {@code now}. Two
     * calls never return the same message while its lease runs, whatever the interleaving.
     */
    List<ClaimedMessage> claimDue(Instant now, int limit, Lease lease);

    /**
     * Records that a provider accepted the message; false when it was already recorded as delivered.
     * Accepted whatever the lease and state: delivery is a fact.
     */
    boolean markDelivered(OutboxMessageId id, Instant at, String providerReference);

    /** Records that the message was not sent on purpose (no address, no longer applies); false if the lease was lost. */
    boolean markSkipped(OutboxMessageId id, Lease lease, Instant at, String reason);

    /**
     * Records a failed attempt and when to try again: the message stays PENDING, unclaimed, due at
     * {@code nextAttemptAt}. {@code attempts} is the count including this one. False if the lease was lost.
     */
    boolean markFailed(OutboxMessageId id, Lease lease, int attempts, Instant nextAttemptAt, String error);

    /** Parks the message as FAILED after its last attempt or a permanent refusal; false if the lease was lost. */
    boolean park(OutboxMessageId id, Lease lease, int attempts, Instant at, String error);

    /**
     * Gives back claimed messages that were not attempted, such as the rest of a batch whose run stopped on a
     * failure: their lease ends, so that the next claim, by any dispatcher, takes them at once instead of after
     * the lease. A message no longer PENDING under this lease is left alone. Answers how many were released.
     */
    int release(List<OutboxMessageId> ids, Lease lease);

    /** Parked (FAILED) messages for an operator, the most recently parked first. */
    List<OutboxEntry> parked(int limit);

    /**
     * An operator sends a parked message again: it becomes PENDING, due at {@code now}, with its attempts
     * counted from zero. False when the message is not parked.
     */
    boolean retry(OutboxMessageId id, Instant now);

    /** A message with where its delivery stands. */
    Optional<OutboxEntry> entry(OutboxMessageId id);
}
