package org.rendezvous.core.plan;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;
import org.rendezvous.core.outcome.Outcome;
import org.rendezvous.core.outcome.Reason;
import org.rendezvous.core.practitioner.PractitionerId;

/**
 * A practitioner's plan over time (model DIRECT_CONNECT): the trial from registration (PLAN-1,
 * PLAN-2), then the free plan, or the paid plan while a paid period runs (PLAN-3). Immutable: every
 * change returns a new instance, and {@link #planAt(Instant)} answers for any instant.
 *
 * <p>A paid <em>run</em> starts when the practitioner subscribes and lasts as long as it is renewed,
 * month after month on the same day of the month in the practitioner's zone. Subscribing during the
 * trial starts the paid plan at once, and the first paid period ends one month after the trial
 * would have ended: the trial's remaining days are not lost, and renewals fall on the trial's end
 * date. A new run starts (and the monthly price is due) exactly when {@code planAt(now)} was not
 * {@link Plan#PAID} before {@link #subscribePaid}; a renewal is due on every accepted {@link #renew}.
 */
public final class Subscription {

    /**
     * How long before the end of a paid period the renewal may be taken: so that the plan does not
     * drop to FREE between the end and a renewal job running a little late, and so that a retried
     * renewal is refused once the period has been extended.
     */
    public static final Duration RENEWAL_WINDOW = Duration.ofDays(1);

    private final PractitionerId practitionerId;
    private final ZoneId zone;
    private final Instant trialEndsAt;
    private final Optional<Instant> paidSince;
    private final Optional<Instant> paidUntil;
    private final boolean renewing;

    private Subscription(PractitionerId practitionerId, ZoneId zone, Instant trialEndsAt, Optional<Instant> paidSince,
                         Optional<Instant> paidUntil, boolean renewing) {
        this.practitionerId = Objects.requireNonNull(practitionerId, "practitionerId");
        this.zone = Objects.requireNonNull(zone, "zone");
        this.trialEndsAt = Objects.requireNonNull(trialEndsAt, "trialEndsAt");
        this.paidSince = Objects.requireNonNull(paidSince, "paidSince");
        this.paidUntil = Objects.requireNonNull(paidUntil, "paidUntil");
        if (paidSince.isPresent() != paidUntil.isPresent()) {
            throw new IllegalArgumentException("paidUntil: a paid period needs both paidSince and paidUntil");
        }
        if (paidSince.isPresent() && !paidSince.get().isBefore(paidUntil.get())) {
            throw new IllegalArgumentException("paidUntil: must be after paidSince " + paidSince.get()
                    + ", was " + paidUntil.get());
        }
        if (renewing && paidUntil.isEmpty()) {
            throw new IllegalArgumentException("renewing: only a paid period can renew");
        }
        this.renewing = renewing;
    }

    /**
     * A new practitioner's subscription: the trial (PLAN-1), ending {@code settings.trialLength()}
     * after the local date of registration, at the start of that day in the practitioner's zone
     * (PLAN-2: 00:00, or the first instant of the day where a DST change skips midnight).
     */
    public static Subscription startTrial(PractitionerId practitionerId, Instant registeredAt, ZoneId zone,
                                          PlanSettings settings) {
        Objects.requireNonNull(registeredAt, "registeredAt");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(settings, "settings");
        Instant trialEnd = LocalDate.ofInstant(registeredAt, zone).plus(settings.trialLength()).atStartOfDay(zone)
                .toInstant();
        return new Subscription(practitionerId, zone, trialEnd, Optional.empty(), Optional.empty(), false);
    }

    /** Rebuilds a stored subscription; every rule of the constructor applies. */
    public static Subscription restore(PractitionerId practitionerId, ZoneId zone, Instant trialEndsAt,
                                       Optional<Instant> paidSince, Optional<Instant> paidUntil, boolean renewing) {
        return new Subscription(practitionerId, zone, trialEndsAt, paidSince, paidUntil, renewing);
    }

    /** The plan in force at {@code now}: PAID inside a paid period, otherwise TRIAL before the trial's end, otherwise FREE. */
    public Plan planAt(Instant now) {
        Objects.requireNonNull(now, "now");
        if (isPaidAt(now)) {
            return Plan.PAID;
        }
        return now.isBefore(trialEndsAt) ? Plan.TRIAL : Plan.FREE;
    }

    private boolean isPaidAt(Instant now) {
        return paidSince.isPresent() && !now.isBefore(paidSince.get()) && now.isBefore(paidUntil.get());
    }

    /**
     * Subscribes to the paid plan at {@code now}. Outside a paid period this starts a new run,
     * [now, one month later) — or, during the trial, [now, one month after the trial's end). During
     * a paid period that was cancelled it resumes the renewals, with nothing new to pay. Refused with
     * {@link Reason#ALREADY_SUBSCRIBED} during a paid period that renews.
     */
    public Outcome<Subscription> subscribePaid(Instant now) {
        Objects.requireNonNull(now, "now");
        if (isPaidAt(now)) {
            if (renewing) {
                return Outcome.rejected(Reason.ALREADY_SUBSCRIBED, "plan: already on the paid plan, renewed on "
                        + localDay(paidUntil.get()));
            }
            return Outcome.accepted(new Subscription(practitionerId, zone, trialEndsAt, paidSince, paidUntil, true));
        }
        Instant anchor = now.isBefore(trialEndsAt) ? trialEndsAt : now;
        return Outcome.accepted(new Subscription(practitionerId, zone, trialEndsAt, Optional.of(now),
                Optional.of(monthsAfter(anchor, 1)), true));
    }

    /**
     * Extends the paid period by a month, keeping the run's day of the month. Allowed from
     * {@link #RENEWAL_WINDOW} before the period's end, and also after it (a late job or a retried
     * payment): the new end is then the first monthly date after {@code now}, so months entirely
     * missed are not paid for. Refused with {@link Reason#NOT_SUBSCRIBED} without a paid period,
     * {@link Reason#SUBSCRIPTION_CANCELLED} after a cancellation, {@link Reason#RENEWAL_NOT_DUE}
     * before the window opens (which also makes a repeated renewal harmless).
     */
    public Outcome<Subscription> renew(Instant now) {
        Objects.requireNonNull(now, "now");
        if (paidUntil.isEmpty()) {
            return Outcome.rejected(Reason.NOT_SUBSCRIBED, "plan: no paid plan to renew");
        }
        if (!renewing) {
            return Outcome.rejected(Reason.SUBSCRIPTION_CANCELLED, "plan: the paid plan was cancelled; it ends on "
                    + localDay(paidUntil.get()));
        }
        Instant opens = paidUntil.get().minus(RENEWAL_WINDOW);
        if (now.isBefore(opens)) {
            return Outcome.rejected(Reason.RENEWAL_NOT_DUE, "plan: the paid period runs until "
                    + localDay(paidUntil.get()) + "; it can be renewed from " + opens);
        }
        Instant from = now.isAfter(paidUntil.get()) ? now : paidUntil.get();
        return Outcome.accepted(new Subscription(practitionerId, zone, trialEndsAt, paidSince,
                Optional.of(endAfter(from)), true));
    }

    /**
     * Cancels the paid plan: it stays PAID until the end of the period paid for, then the plan is
     * FREE (PLAN-3). Cancelling again changes nothing. Refused with {@link Reason#NOT_SUBSCRIBED}
     * when no paid period runs at {@code now}.
     */
    public Outcome<Subscription> cancel(Instant now) {
        Objects.requireNonNull(now, "now");
        if (!isPaidAt(now)) {
            return Outcome.rejected(Reason.NOT_SUBSCRIBED, "plan: not on the paid plan");
        }
        if (!renewing) {
            return Outcome.accepted(this);
        }
        return Outcome.accepted(new Subscription(practitionerId, zone, trialEndsAt, paidSince, paidUntil, false));
    }

    /** The same subscription read in another zone, after the practitioner changed theirs (AG-1); instants stay. */
    public Subscription inZone(ZoneId newZone) {
        return new Subscription(practitionerId, newZone, trialEndsAt, paidSince, paidUntil, renewing);
    }

    /** The first monthly date of the run strictly after {@code instant}. */
    private Instant endAfter(Instant instant) {
        Instant anchor = paidSince.get().isBefore(trialEndsAt) ? trialEndsAt : paidSince.get();
        ZonedDateTime start = anchor.atZone(zone);
        long months = Math.max(1, ChronoUnit.MONTHS.between(start, instant.atZone(zone)));
        Instant end = start.plusMonths(months).toInstant();
        while (!end.isAfter(instant)) {
            months++;
            end = start.plusMonths(months).toInstant();
        }
        return end;
    }

    private Instant monthsAfter(Instant anchor, long months) {
        return anchor.atZone(zone).plusMonths(months).toInstant();
    }

    private LocalDate localDay(Instant instant) {
        return LocalDate.ofInstant(instant, zone);
    }

    public PractitionerId practitionerId() {
        return practitionerId;
    }

    /** The practitioner's zone, in which the trial's end and the monthly dates are reckoned. */
    public ZoneId zone() {
        return zone;
    }

    public Instant trialEndsAt() {
        return trialEndsAt;
    }

    /** The start of the current paid run, if there is or was one. */
    public Optional<Instant> paidSince() {
        return paidSince;
    }

    /** The end (exclusive) of the last period paid for, if any. */
    public Optional<Instant> paidUntil() {
        return paidUntil;
    }

    /** True when the paid plan renews at the end of the period; false once cancelled (or never subscribed). */
    public boolean renewing() {
        return renewing;
    }

    /** When a renewal may be taken, for a paid plan that renews. */
    public Optional<Instant> renewalOpensAt() {
        return renewing ? paidUntil.map(until -> until.minus(RENEWAL_WINDOW)) : Optional.empty();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Subscription that
                && renewing == that.renewing
                && practitionerId.equals(that.practitionerId)
                && zone.equals(that.zone)
                && trialEndsAt.equals(that.trialEndsAt)
                && paidSince.equals(that.paidSince)
                && paidUntil.equals(that.paidUntil);
    }

    @Override
    public int hashCode() {
        return Objects.hash(practitionerId, zone, trialEndsAt, paidSince, paidUntil, renewing);
    }

    @Override
    public String toString() {
        return "Subscription[practitionerId=" + practitionerId + ", zone=" + zone + ", trialEndsAt=" + trialEndsAt
                + ", paidSince=" + paidSince.map(Instant::toString).orElse("-")
                + ", paidUntil=" + paidUntil.map(Instant::toString).orElse("-") + ", renewing=" + renewing + "]";
    }
}
