package org.rendezvous.core.plan;

/** What a practitioner may use in model DIRECT_CONNECT (PLAN-1…PLAN-3). */
public enum Plan {
    /** The first two months: every feature, no quota (PLAN-1). */
    TRIAL,
    /** After the trial: monthly quotas of bookings and invoices, commission on online payments (PLAN-2, FEE-3). */
    FREE,
    /** The monthly subscription: no quota, no commission (PLAN-3). */
    PAID;

    /** True when bookings and invoices are counted against the monthly quotas. */
    public boolean hasQuotas() {
        return this == FREE;
    }
}
