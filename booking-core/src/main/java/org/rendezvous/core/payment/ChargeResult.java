package org.rendezvous.core.payment;

import java.util.Objects;
import java.util.Optional;
import org.rendezvous.core.money.Money;

/** The provider's answer to an off-session charge; the engine keeps decline, authentication and network apart. */
public sealed interface ChargeResult {

    /** @param providerFee the provider's actual fee, when it says it at once */
    record Charged(String reference, Optional<Money> providerFee) implements ChargeResult {
        public Charged {
            Objects.requireNonNull(reference, "reference");
            Objects.requireNonNull(providerFee, "providerFee");
        }
    }

    /** The card's bank wants the client to authenticate (SCA): the client is asked to pay themselves. */
    record NeedsClient(String reference) implements ChargeResult {
        public NeedsClient {
            Objects.requireNonNull(reference, "reference");
        }
    }

    /** Declined for good (insufficient funds, card expired…): retrying will not help. */
    record Declined(String reason) implements ChargeResult {
        public Declined {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** Network failure, timeout, rate limit, provider error: asked again later with the same key. */
    record Unreachable(String why) implements ChargeResult {
        public Unreachable {
            Objects.requireNonNull(why, "why");
        }
    }
}
