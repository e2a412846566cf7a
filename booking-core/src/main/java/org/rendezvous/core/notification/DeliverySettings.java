package org.rendezvous.core.notification;

import java.time.Duration;
import java.util.Objects;

/**
 * How a dispatcher works.
 *
 * @param owner     names this dispatcher in its leases, e.g. the instance's host name; 1 to 100 characters
 * @param lease     how long a claimed message stays this dispatcher's: longer than sending a batch takes
 * @param batchSize how many messages one run claims at most
 * @param retry     back-off and parking of failed deliveries
 */
public record DeliverySettings(String owner, Duration lease, int batchSize, RetryPolicy retry) {
    public DeliverySettings {
        Objects.requireNonNull(owner, "owner");
        if (owner.isBlank() || owner.length() > 100) {
            throw new IllegalArgumentException("owner: must be 1 to 100 characters");
        }
        Objects.requireNonNull(lease, "lease");
        if (lease.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException("lease: must be at least one second");
        }
        if (batchSize < 1 || batchSize > 10_000) {
            throw new IllegalArgumentException("batchSize: must be from 1 to 10000");
        }
        Objects.requireNonNull(retry, "retry");
    }

    /** A 5-minute lease, batches of 100, the default back-off. */
    public static DeliverySettings of(String owner) {
        return new DeliverySettings(owner, Duration.ofMinutes(5), 100, RetryPolicy.defaults());
    }

    public DeliverySettings withRetry(RetryPolicy value) {
        return new DeliverySettings(owner, lease, batchSize, value);
    }

    public DeliverySettings withBatchSize(int value) {
        return new DeliverySettings(owner, lease, value, retry);
    }

    public DeliverySettings withLease(Duration value) {
        return new DeliverySettings(owner, value, batchSize, retry);
    }
}
