package org.rendezvous.core.port;

import java.util.Optional;
import org.rendezvous.core.payout.PayoutDestination;
import org.rendezvous.core.practitioner.PractitionerId;

/** Where each practitioner's money goes (PO-4). */
public interface PayoutAccounts {

    Optional<PayoutDestination> find(PractitionerId practitioner);

    void save(PractitionerId practitioner, PayoutDestination destination);

    /** The destinations of these practitioners, those that have one (one read for a chunk of the payout cycle). */
    default java.util.Map<PractitionerId, PayoutDestination> findAll(java.util.Collection<PractitionerId> practitioners) {
        java.util.Map<PractitionerId, PayoutDestination> found = new java.util.HashMap<>();
        for (PractitionerId practitioner : practitioners) {
            find(practitioner).ifPresent(destination -> found.put(practitioner, destination));
        }
        return found;
    }
}
