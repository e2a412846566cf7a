package org.rendezvous.core.operator;

import java.util.Objects;
import java.util.Optional;
import org.rendezvous.core.payout.PayoutDestination;
import org.rendezvous.core.plan.Plan;
import org.rendezvous.core.practitioner.Practitioner;

/** What an operator sees of a practitioner: who, whether their e-mail is verified, page and suspension, payout destination, plan. */
public record PractitionerOverview(Practitioner practitioner, boolean emailVerified, boolean pageEnabled,
                                   boolean suspended, Optional<PayoutDestination> payoutDestination, Plan plan) {
    public PractitionerOverview {
        Objects.requireNonNull(practitioner, "practitioner");
        Objects.requireNonNull(payoutDestination, "payoutDestination");
        Objects.requireNonNull(plan, "plan");
    }
}
