package org.rendezvous.core.port;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.rendezvous.core.payout.BatchItem;
import org.rendezvous.core.payout.Payout;
import org.rendezvous.core.payout.PayoutBatch;
import org.rendezvous.core.payout.PayoutBatchId;
import org.rendezvous.core.payout.PayoutBatchState;
import org.rendezvous.core.payout.PayoutId;
import org.rendezvous.core.payout.PayoutState;
import org.rendezvous.core.practitioner.PractitionerId;

/** Payouts, their statements, and the bank-file batches the operator pays some of them with. */
public interface Payouts {

    /**
     * Adds the payout unless the practitioner already has one for the same trigger (PO-2); true when
     * added. A database enforces it with a unique constraint, so two instances cannot both add one.
     */
    boolean add(Payout payout);

    Optional<Payout> find(PayoutId id);

    /** The practitioner's payout for a trigger key ({@link org.rendezvous.core.payout.PayoutTrigger#key()}). */
    Optional<Payout> forTrigger(PractitionerId practitioner, String triggerKey);

    /** Stores a new version if the payout is still in {@code expectedState}; false otherwise. */
    boolean update(Payout next, PayoutState expectedState);

    /** The practitioner's payouts, newest first. */
    List<Payout> ofPractitioner(PractitionerId practitioner);

    /** Payouts in a state, oldest first (the PLANNED ones a crash left behind, say). */
    List<Payout> inState(PayoutState state, int limit);

    /** The practitioner's one CARRIED_OVER payout, if any (PO-4: there is at most one). */
    Optional<Payout> carriedOver(PractitionerId practitioner);

    /**
     * Stores a new version of the whole payout (trigger, cut-off, amount, statement, state…) if it is still in
     * {@code expectedState}; false otherwise. This is how a carried-over payout moves forward to a later trigger.
     * The new trigger must be one the practitioner has no other payout for (PO-2).
     */
    boolean revise(Payout next, PayoutState expectedState);

    /**
     * Adds an empty batch unless its cycle already has one, or, for a batch of payouts on request (no cycle),
     * unless one is already open; true when added. A database enforces both with unique indexes.
     */
    boolean addBatch(PayoutBatch batch);

    Optional<PayoutBatch> batch(PayoutBatchId id);

    /** The cycle's one batch, whatever its state; without a cycle, the open batch of payouts on request. */
    Optional<PayoutBatch> batchOf(Optional<LocalDate> cycle);

    /** Adds the item to the batch if the batch is still OPEN and the payout is in no batch yet; true when added. */
    boolean addToBatch(PayoutBatchId batch, BatchItem item);

    /** Stores the batch's new state, export time and sending if it is still in {@code expectedState}; items are kept. */
    boolean updateBatch(PayoutBatch next, PayoutBatchState expectedState);

    /** The latest batches, newest first. */
    List<PayoutBatch> batches(int limit);
}
