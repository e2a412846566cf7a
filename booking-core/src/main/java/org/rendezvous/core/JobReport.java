package org.rendezvous.core;

/** What one run of a job did: how many items it looked at, changed, and left for a later run. */
public record JobReport(int examined, int changed, int deferred) {
    public JobReport {
        if (examined < 0 || changed < 0 || deferred < 0) {
            throw new IllegalArgumentException("counts: must not be negative");
        }
    }
}
