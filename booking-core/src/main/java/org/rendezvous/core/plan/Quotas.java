package org.rendezvous.core.plan;

import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Objects;
import java.util.OptionalLong;
import org.rendezvous.core.outcome.Outcome;
import org.rendezvous.core.outcome.Reason;

/**
 * The free plan's monthly quotas (PLAN-2) as a pure decision: may one more booking or invoice be
 * made, given how many the month already counts? The trial and the paid plan have no quota.
 */
public final class Quotas {

    private static final DateTimeFormatter DAY_AND_MONTH = DateTimeFormatter.ofPattern("d MMMM", Locale.ENGLISH);

    private Quotas() {
    }

    /**
     * Accepted (with the kind) when one more of {@code kind} is allowed this month, that is on the
     * trial or the paid plan, or while {@code usedThisMonth} is below the free plan's limit;
     * otherwise rejected with {@link Reason#QUOTA_REACHED}.
     */
    public static Outcome<UsageKind> check(Plan plan, PlanSettings settings, UsageKind kind, long usedThisMonth) {
        return decide(plan, settings, kind, usedThisMonth, "wait until next month");
    }

    /**
     * As {@link #check(Plan, PlanSettings, UsageKind, long)}, with the month counted, so that a refusal
     * says when the count starts again: "quota: the free plan allows 40 bookings a month; upgrade or
     * wait until 1 December".
     */
    public static Outcome<UsageKind> check(Plan plan, PlanSettings settings, UsageKind kind, UsageMonth month,
                                           long usedThisMonth) {
        Objects.requireNonNull(month, "month");
        return decide(plan, settings, kind, usedThisMonth,
                "wait until " + month.month().plusMonths(1).atDay(1).format(DAY_AND_MONTH));
    }

    /** How many more of {@code kind} this month allows; empty when there is no limit (trial, paid plan). */
    public static OptionalLong remaining(Plan plan, PlanSettings settings, UsageKind kind, long usedThisMonth) {
        requireArguments(plan, settings, kind, usedThisMonth);
        if (!plan.hasQuotas()) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(Math.max(0, settings.limit(kind) - usedThisMonth));
    }

    private static Outcome<UsageKind> decide(Plan plan, PlanSettings settings, UsageKind kind, long usedThisMonth,
                                             String wait) {
        requireArguments(plan, settings, kind, usedThisMonth);
        if (!plan.hasQuotas() || usedThisMonth < settings.limit(kind)) {
            return Outcome.accepted(kind);
        }
        int limit = settings.limit(kind);
        return Outcome.rejected(Reason.QUOTA_REACHED, "quota: the free plan allows " + limit + " "
                + noun(kind, limit) + " a month; upgrade or " + wait);
    }

    private static void requireArguments(Plan plan, PlanSettings settings, UsageKind kind, long usedThisMonth) {
        Objects.requireNonNull(plan, "plan");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(kind, "kind");
        if (usedThisMonth < 0) {
            throw new IllegalArgumentException("usedThisMonth: must not be negative, was " + usedThisMonth);
        }
    }

    private static String noun(UsageKind kind, int count) {
        String singular = switch (kind) {
            case BOOKING -> "booking";
            case INVOICE -> "invoice";
        };
        return count == 1 ? singular : singular + "s";
    }
}
