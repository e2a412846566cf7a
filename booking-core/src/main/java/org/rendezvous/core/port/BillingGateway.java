package org.rendezvous.core.port;

import org.rendezvous.core.plan.BillingPage;
import org.rendezvous.core.plan.PortalRequest;
import org.rendezvous.core.plan.SubscriptionCheckout;

/**
 * The provider that bills the paid plan (PLAN-3) to practitioners: it collects the monthly price,
 * renews, retries a failed card, and reports what happened as {@link org.rendezvous.core.plan.BillingEvent}s
 * that {@code plans().apply} takes. Both methods create the practitioner's customer at the provider
 * the first time (once per practitioner, whatever the retries) and reuse it after. No method throws
 * for a provider failure. Every implementation passes {@code BillingGatewayContract} from the core's test-jar.
 */
public interface BillingGateway {

    /** Opens the provider's page where the practitioner subscribes to the paid plan. */
    BillingPage startSubscription(SubscriptionCheckout request);

    /** Opens the provider's billing portal: change the card, cancel at the period's end, resume. */
    BillingPage openPortal(PortalRequest request);

    /**
     * Cancels a provider subscription now, without renewing it: a duplicate of the practitioner's live subscription
     * (two checkouts paid in a race). Asking again for a subscription cancelled already answers Cancelled or Failed,
     * never a second effect.
     */
    org.rendezvous.core.plan.SubscriptionCancellation cancelSubscription(String subscriptionRef);
}
