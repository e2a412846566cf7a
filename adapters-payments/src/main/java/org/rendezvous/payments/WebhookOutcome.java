package org.rendezvous.payments;

import java.util.Objects;
import org.rendezvous.core.payment.PaymentEvent;
import org.rendezvous.core.plan.BillingEvent;

/**
 * What a Stripe webhook delivery amounts to. The host answers 400 to {@link Rejected} (Stripe will
 * retry, and an attacker learns nothing) and 200 to the others, after passing a {@link Verified} event
 * to {@code payments().apply} or, for {@link PaymentEvent.PayoutFailed}, to {@code payouts().apply}, for
 * {@link PaymentEvent.AccountUpdated}, to {@code paymentAccounts().apply}, and a {@link VerifiedBilling} event to
 * {@code plans().apply}.
 */
public sealed interface WebhookOutcome {

    /** A signed, fresh event the engine must apply; applying it twice changes nothing (PAY-5). */
    record Verified(PaymentEvent event) implements WebhookOutcome {
        public Verified {
            Objects.requireNonNull(event, "event");
        }
    }

    /** A signed, fresh event about a practitioner's paid plan (PLAN-3), for {@code plans().apply}; applied once per id. */
    record VerifiedBilling(BillingEvent event) implements WebhookOutcome {
        public VerifiedBilling {
            Objects.requireNonNull(event, "event");
        }
    }

    /** Signed and fresh, but nothing for the engine to do; {@code why} says so for the logs. */
    record Ignored(String eventId, String type, String why) implements WebhookOutcome {
        public Ignored {
            Objects.requireNonNull(eventId, "eventId");
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(why, "why");
        }
    }

    /** Not from Stripe, tampered with, too old or unreadable: nothing is applied. */
    record Rejected(String reason) implements WebhookOutcome {
        public Rejected {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
