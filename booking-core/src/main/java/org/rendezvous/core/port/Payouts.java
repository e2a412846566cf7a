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
import org.rendezvous.core.payout.PayoutPosition;
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

    /**
     * A page of payouts, newest change first ({@link PayoutPosition#NEWEST_CHANGE_FIRST}), in one state or in all,
     * only those after {@code after} when given: paging on with the position of the last one read reaches every
     * payout once, however many there are.
     */
    List<Payout> newestChanged(Optional<PayoutState> state, Optional<PayoutPosition> after, int limit);

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

    /**
     * What the payout cycle needs to know of a practitioner's payouts: the payout for this cycle's trigger if any
     * (PO-2), the one carried-over payout if any (PO-4), and the latest cut-off of a payout that pays (PLANNED,
     * SENT or AWAITING_BANK_FILE), where the next statement starts (PO-5; the epoch without one).
     */
    record CycleView(Optional<Payout> forTrigger, Optional<Payout> carriedOver, java.time.Instant paidUpTo) {
        public CycleView {
            java.util.Objects.requireNonNull(forTrigger, "forTrigger");
            java.util.Objects.requireNonNull(carriedOver, "carriedOver");
            java.util.Objects.requireNonNull(paidUpTo, "paidUpTo");
        }
    }

    /** The {@link CycleView} of each of these practitioners for a trigger key, in one read for a chunk of the cycle. */
    default java.util.Map<PractitionerId, CycleView> cycleViews(java.util.Collection<PractitionerId> practitioners,
                                                                String triggerKey) {
        java.util.Objects.requireNonNull(triggerKey, "triggerKey");
        java.util.Map<PractitionerId, CycleView> found = new java.util.HashMap<>();
        for (PractitionerId practitioner : practitioners) {
            java.time.Instant paidUpTo = ofPractitioner(practitioner).stream()
                    .filter(p -> p.state() == PayoutState.SENT || p.state() == PayoutState.PLANNED
                            || p.state() == PayoutState.AWAITING_BANK_FILE)
                    .map(Payout::cutoff).max(java.time.Instant::compareTo).orElse(java.time.Instant.EPOCH);
            found.put(practitioner, new CycleView(forTrigger(practitioner, triggerKey), carriedOver(practitioner), paidUpTo));
        }
        return found;
    }

    /** Adds each payout as {@link #add} does (PO-2); the ids of those added. An adapter may write them all at once. */
    default java.util.Set<PayoutId> addAll(List<Payout> payouts) {
        java.util.Set<PayoutId> added = new java.util.HashSet<>();
        for (Payout payout : payouts) {
            if (add(payout)) {
                added.add(payout.id());
            }
        }
        return added;
    }

    /** Updates each payout as {@link #update} does, if still in {@code expectedState}; the ids of those updated. */
    default java.util.Set<PayoutId> updateAll(List<Payout> next, PayoutState expectedState) {
        java.util.Objects.requireNonNull(expectedState, "expectedState");
        java.util.Set<PayoutId> updated = new java.util.HashSet<>();
        for (Payout payout : next) {
            if (update(payout, expectedState)) {
                updated.add(payout.id());
            }
        }
        return updated;
    }
}
