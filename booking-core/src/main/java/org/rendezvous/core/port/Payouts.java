package org.rendezvous.core.port;

import java.util.List;
import java.util.Optional;
import org.rendezvous.core.payout.Payout;
import org.rendezvous.core.payout.PayoutId;
import org.rendezvous.core.payout.PayoutState;
import org.rendezvous.core.practitioner.PractitionerId;

/** Payouts and their statements. */
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
}
