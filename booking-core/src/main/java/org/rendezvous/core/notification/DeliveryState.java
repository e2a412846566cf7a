package org.rendezvous.core.notification;

/** Where a message of the outbox stands in its delivery (NOT-3). */
public enum DeliveryState {
    /** Waiting for its next attempt, or being attempted under a lease. */
    PENDING,
    /** A provider accepted it. */
    DELIVERED,
    /** Not sent on purpose: the recipient has no address for the channel, or the message no longer applies. */
    SKIPPED,
    /** Parked after its last allowed attempt, or refused for good by the provider: an operator may retry it. */
    FAILED
}
