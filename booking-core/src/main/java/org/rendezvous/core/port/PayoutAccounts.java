package org.rendezvous.core.port;

import java.util.Optional;
import org.rendezvous.core.payout.PayoutDestination;
import org.rendezvous.core.practitioner.PractitionerId;

/** Where each practitioner's money goes (PO-4). */
public interface PayoutAccounts {

    Optional<PayoutDestination> find(PractitionerId practitioner);

    void save(PractitionerId practitioner, PayoutDestination destination);
}
