package org.rendezvous.core.notification;

/** What one run of the dispatcher did with the messages it claimed. */
public record DeliveryReport(int claimed, int delivered, int skipped, int retryLater, int parked) {
    public DeliveryReport {
        if (claimed < 0 || delivered < 0 || skipped < 0 || retryLater < 0 || parked < 0) {
            throw new IllegalArgumentException("counts: must not be negative");
        }
    }
}
