package org.rendezvous.core.payout;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/** PO-1: cycles are dated the 1st and the 15th; the cycle dated D pays what became payable before 00:00 on D. */
public final class PayoutCycles {

    private PayoutCycles() {
    }

    public static boolean isCycleDate(LocalDate date) {
        return date.getDayOfMonth() == 1 || date.getDayOfMonth() == 15;
    }

    /** The cut-off of the cycle dated {@code date}: 00:00 on that day in the operator's zone (or the first instant after a gap). */
    public static Instant cutoff(LocalDate date, ZoneId operatorZone) {
        return date.atStartOfDay(operatorZone).toInstant();
    }

    /** The latest cycle date at or before {@code now} in the operator's zone: the cycle a job should run. */
    public static LocalDate latestCycle(Instant now, ZoneId operatorZone) {
        LocalDate today = LocalDate.ofInstant(now, operatorZone);
        return today.getDayOfMonth() >= 15 ? today.withDayOfMonth(15) : today.withDayOfMonth(1);
    }
}
