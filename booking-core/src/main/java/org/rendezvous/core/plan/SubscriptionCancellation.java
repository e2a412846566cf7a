package org.rendezvous.core.plan;

import java.util.Objects;

/** The provider's answer when the engine cancels a duplicate paid-plan subscription (PLAN-3). */
public sealed interface SubscriptionCancellation {

    /** The subscription is cancelled at the provider (now, or it was already). */
    record Cancelled(String subscriptionRef) implements SubscriptionCancellation {
        public Cancelled {
            Objects.requireNonNull(subscriptionRef, "subscriptionRef");
        }
    }

    /** The provider refused or could not be reached; the next event of that subscription asks again. */
    record Failed(String why) implements SubscriptionCancellation {
        public Failed {
            Objects.requireNonNull(why, "why");
        }
    }
}
