package org.rendezvous.core.port;

import org.rendezvous.core.plan.UsageKind;
import org.rendezvous.core.plan.UsageMonth;

/**
 * What each practitioner used, month by month, for the free plan's quotas (PLAN-2). A thing (a
 * booking, an invoice) counts at most once, in the month it was first recorded, whatever happens
 * to it later: recording it again, in that month or another, changes nothing.
 */
public interface Usage {

    /** How many things of that kind the practitioner's month counts. */
    long count(UsageMonth month, UsageKind kind);

    /**
     * Counts the thing in the month, unless that practitioner's thing of that kind was already
     * counted (in any month).
     *
     * @param countedThingId the thing's stable id (a booking id, an invoice id), not blank
     * @return true if it was counted now, false if it had been counted before
     */
    boolean record(UsageMonth month, UsageKind kind, String countedThingId);

    /**
     * Counts the thing as {@link #record} does, when the caller needs no answer; an adapter may send it with
     * the rest of the unit of work's writes.
     */
    default void note(UsageMonth month, UsageKind kind, String countedThingId) {
        record(month, kind, countedThingId);
    }
}
