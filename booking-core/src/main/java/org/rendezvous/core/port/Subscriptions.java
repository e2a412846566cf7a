package org.rendezvous.core.port;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.rendezvous.core.plan.Subscription;
import org.rendezvous.core.practitioner.PractitionerId;

/** Every practitioner's plan subscription (PLAN-1…PLAN-3), one per practitioner. */
public interface Subscriptions {

    Optional<Subscription> find(PractitionerId practitionerId);

    /** Stores the subscription, replacing the practitioner's previous one if any. */
    void save(Subscription subscription);

    /**
     * Up to {@code limit} subscriptions that renew and whose renewal window has opened by {@code now}
     * ({@link Subscription#renewalOpensAt()} ≤ now), the earliest first: the work of a renewal job.
     */
    List<Subscription> renewalsDue(Instant now, int limit);
}
