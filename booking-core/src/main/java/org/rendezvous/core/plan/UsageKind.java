package org.rendezvous.core.plan;

/** What the free plan's quotas count (PLAN-2). */
public enum UsageKind {
    /** A booking, counted in the month it is created once it reaches PENDING or CONFIRMED. */
    BOOKING,
    /** An invoice, counted when it is numbered. */
    INVOICE
}
