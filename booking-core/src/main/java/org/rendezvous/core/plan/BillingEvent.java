package org.rendezvous.core.plan;

import java.time.Instant;
import java.util.Objects;
import org.rendezvous.core.practitioner.PractitionerId;

/**
 * What the payment provider tells the engine about a practitioner's paid plan (PLAN-3), already
 * authenticated by the adapter. Each event carries the provider's own id: the engine applies an id
 * once, so a redelivery changes nothing. Events may come late or out of order; {@link Subscription}
 * combines them so that the order does not matter.
 */
public sealed interface BillingEvent {

    String eventId();

    PractitionerId practitionerId();

    /** The provider's subscription the event is about. */
    String subscriptionRef();

    /** A month was paid (the first invoice, or a renewal): the paid plan runs until {@code periodEnd}. */
    record PeriodPaid(String eventId, PractitionerId practitionerId, String customerRef, String subscriptionRef,
                      Instant periodStart, Instant periodEnd) implements BillingEvent {
        public PeriodPaid {
            requireCommon(eventId, practitionerId, subscriptionRef);
            requireRef(customerRef, "customerRef");
            requirePeriod(periodStart, periodEnd);
        }
    }

    /**
     * The renewal for the period {@code [periodStart, periodEnd)} could not be charged: from
     * {@code periodStart} (the end of the paid period) the free plan applies, until a payment comes in.
     */
    record RenewalFailed(String eventId, PractitionerId practitionerId, String customerRef, String subscriptionRef,
                         Instant periodStart, Instant periodEnd, String reason) implements BillingEvent {
        public RenewalFailed {
            requireCommon(eventId, practitionerId, subscriptionRef);
            requireRef(customerRef, "customerRef");
            requirePeriod(periodStart, periodEnd);
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** The practitioner cancelled at the period's end ({@code renewing} false) or took it back (true). */
    record RenewalChanged(String eventId, PractitionerId practitionerId, String subscriptionRef, boolean renewing)
            implements BillingEvent {
        public RenewalChanged {
            requireCommon(eventId, practitionerId, subscriptionRef);
        }
    }

    /** The provider's subscription is over (at the period's end after a cancellation, or ended early). */
    record SubscriptionEnded(String eventId, PractitionerId practitionerId, String subscriptionRef, Instant endedAt)
            implements BillingEvent {
        public SubscriptionEnded {
            requireCommon(eventId, practitionerId, subscriptionRef);
            Objects.requireNonNull(endedAt, "endedAt");
        }
    }

    private static void requireCommon(String eventId, PractitionerId practitionerId, String subscriptionRef) {
        Objects.requireNonNull(eventId, "eventId");
        if (eventId.isBlank() || eventId.length() > 200) {
            throw new IllegalArgumentException("eventId: must be 1 to 200 characters");
        }
        Objects.requireNonNull(practitionerId, "practitionerId");
        requireRef(subscriptionRef, "subscriptionRef");
    }

    private static void requireRef(String ref, String field) {
        Objects.requireNonNull(ref, field);
        if (ref.isBlank() || ref.length() > 255) {
            throw new IllegalArgumentException(field + ": must be 1 to 255 characters");
        }
    }

    private static void requirePeriod(Instant start, Instant end) {
        Objects.requireNonNull(start, "periodStart");
        Objects.requireNonNull(end, "periodEnd");
        if (!start.isBefore(end)) {
            throw new IllegalArgumentException("periodEnd: must be after periodStart " + start + ", was " + end);
        }
    }
}
