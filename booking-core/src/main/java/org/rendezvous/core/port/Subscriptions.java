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
     * Up to {@code limit} subscriptions whose trial's end must be told now (PLAN-1): the trial ends
     * after {@code now} and at most {@link Subscription#TRIAL_END_NOTICE} later, it was not told yet,
     * and no paid period covers the trial's end; the earliest end first. The work of a job.
     */
    List<Subscription> trialEndsToTell(Instant now, int limit);
}
