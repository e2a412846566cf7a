package org.rendezvous.core.plan;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;
import org.rendezvous.core.practitioner.PractitionerId;

/**
 * A practitioner's plan over time (model DIRECT_CONNECT): the trial from registration (PLAN-1,
 * PLAN-2), then the free plan, or the paid plan while a paid period runs (PLAN-3). Immutable: every
 * change returns a new instance, and {@link #planAt(Instant)} answers for any instant.
 *
 * <p>The paid plan is billed by the payment provider (a subscription there, renewed monthly). The
 * engine does not decide when a month is paid: it records what the provider reports, as
 * {@link BillingEvent}s, and they may arrive late, twice or out of order. So the paid time is kept
 * as one run {@code [paidSince, paidUntil)}: a paid period that touches or overlaps the run extends
 * it, and so does a later one of the same subscription that never failed (the month between is paid
 * and reported late); otherwise a later one after a gap starts a new run, and an earlier one after a
 * gap is history and changes nothing. A failed renewal of the period starting at {@code X} ends the run at {@code X} at the
 * latest: from the end of the paid period the free plan applies, with its quotas, until a payment
 * (the provider's retry, or a new subscription) comes in. A period already paid cannot fail.
 */
public final class Subscription {

    /** PLAN-1: how long before the trial's end the practitioner is told by e-mail. */
    public static final Duration TRIAL_END_NOTICE = Duration.ofDays(7);

    private final PractitionerId practitionerId;
    private final ZoneId zone;
    private final Instant trialEndsAt;
    private final Optional<Instant> paidSince;
    private final Optional<Instant> paidUntil;
    private final boolean renewing;
    private final Billing billing;
    private final boolean trialEndTold;
    private final Optional<PendingCheckout> checkout;

    private Subscription(PractitionerId practitionerId, ZoneId zone, Instant trialEndsAt, Optional<Instant> paidSince,
                         Optional<Instant> paidUntil, boolean renewing, Billing billing, boolean trialEndTold) {
        this(practitionerId, zone, trialEndsAt, paidSince, paidUntil, renewing, billing, trialEndTold, Optional.empty());
    }

    private Subscription(PractitionerId practitionerId, ZoneId zone, Instant trialEndsAt, Optional<Instant> paidSince,
                         Optional<Instant> paidUntil, boolean renewing, Billing billing, boolean trialEndTold,
                         Optional<PendingCheckout> checkout) {
        this.checkout = Objects.requireNonNull(checkout, "checkout");
        this.practitionerId = Objects.requireNonNull(practitionerId, "practitionerId");
        this.zone = Objects.requireNonNull(zone, "zone");
        this.trialEndsAt = Objects.requireNonNull(trialEndsAt, "trialEndsAt");
        this.paidSince = Objects.requireNonNull(paidSince, "paidSince");
        this.paidUntil = Objects.requireNonNull(paidUntil, "paidUntil");
        this.billing = Objects.requireNonNull(billing, "billing");
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
        this.trialEndTold = trialEndTold;
    }

    /**
     * The provider's side of the paid plan: the customer the platform bills (created once per
     * practitioner, then reused), the live subscription there if any, and whether its last renewal failed.
     */
    public record Billing(Optional<String> customerRef, Optional<String> subscriptionRef, boolean renewalFailed) {

        public static final Billing NONE = new Billing(Optional.empty(), Optional.empty(), false);

        public Billing {
            customerRef = checkedRef(customerRef, "customerRef");
            subscriptionRef = checkedRef(subscriptionRef, "subscriptionRef");
            if (subscriptionRef.isPresent() && customerRef.isEmpty()) {
                throw new IllegalArgumentException("customerRef: a provider subscription belongs to a customer");
            }
        }

        private static Optional<String> checkedRef(Optional<String> ref, String field) {
            Objects.requireNonNull(ref, field);
            if (ref.isPresent() && (ref.get().isBlank() || ref.get().length() > 255)) {
                throw new IllegalArgumentException(field + ": must be 1 to 255 characters");
            }
            return ref;
        }
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
        return new Subscription(practitionerId, zone, trialEnd, Optional.empty(), Optional.empty(), false, Billing.NONE,
                false);
    }

    /** Rebuilds a stored subscription; every rule of the constructor applies. */
    public static Subscription restore(PractitionerId practitionerId, ZoneId zone, Instant trialEndsAt,
                                       Optional<Instant> paidSince, Optional<Instant> paidUntil, boolean renewing,
                                       Billing billing, boolean trialEndTold) {
        return new Subscription(practitionerId, zone, trialEndsAt, paidSince, paidUntil, renewing, billing, trialEndTold);
    }

    /** Rebuilds a stored subscription with its pending checkout page; every rule of the constructor applies. */
    public static Subscription restore(PractitionerId practitionerId, ZoneId zone, Instant trialEndsAt,
                                       Optional<Instant> paidSince, Optional<Instant> paidUntil, boolean renewing,
                                       Billing billing, boolean trialEndTold, Optional<PendingCheckout> checkout) {
        return new Subscription(practitionerId, zone, trialEndsAt, paidSince, paidUntil, renewing, billing, trialEndTold,
                checkout);
    }

    /** Rebuilds a subscription that never met the provider. */
    public static Subscription restore(PractitionerId practitionerId, ZoneId zone, Instant trialEndsAt,
                                       Optional<Instant> paidSince, Optional<Instant> paidUntil, boolean renewing) {
        return restore(practitionerId, zone, trialEndsAt, paidSince, paidUntil, renewing, Billing.NONE, false);
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
     * Whether a new subscription may be opened at the provider: not while one lives there (it is
     * resumed, or its card changed, through the provider's portal), so that nobody pays twice.
     */
    public boolean canSubscribe() {
        return billing.subscriptionRef().isEmpty();
    }

    /** The customer the provider bills, recorded the first time it is created. */
    public Subscription withCustomer(String customerRef) {
        Objects.requireNonNull(customerRef, "customerRef");
        if (billing.customerRef().equals(Optional.of(customerRef))) {
            return this;
        }
        return with(paidSince, paidUntil, renewing, new Billing(Optional.of(customerRef), billing.subscriptionRef(),
                billing.renewalFailed()));
    }

    /** Applies what the provider reported; see the class comment for how periods combine. */
    public Subscription apply(BillingEvent event) {
        Objects.requireNonNull(event, "event");
        if (!event.practitionerId().equals(practitionerId)) {
            throw new IllegalArgumentException("event: for practitioner " + event.practitionerId() + ", not " + practitionerId);
        }
        if (event instanceof BillingEvent.PeriodPaid paid) {
            return periodPaid(paid).withCheckout(Optional.empty()); // the checkout was paid: it is over
        }
        if (event instanceof BillingEvent.RenewalFailed failed) {
            return renewalFailed(failed);
        }
        if (event instanceof BillingEvent.RenewalChanged changed) {
            if (paidUntil.isEmpty() || !ofThisSubscription(changed.subscriptionRef())) {
                return this;
            }
            return with(paidSince, paidUntil, changed.renewing(), billing);
        }
        BillingEvent.SubscriptionEnded ended = (BillingEvent.SubscriptionEnded) event;
        if (!ofThisSubscription(ended.subscriptionRef())) {
            return this;
        }
        Billing over = new Billing(billing.customerRef(), Optional.empty(), false);
        return cutAt(ended.endedAt(), false, over);
    }

    private Subscription periodPaid(BillingEvent.PeriodPaid paid) {
        Billing live = new Billing(Optional.of(paid.customerRef()), Optional.of(paid.subscriptionRef()), false);
        boolean sameSubscription = billing.subscriptionRef().equals(Optional.of(paid.subscriptionRef()));
        // Within one subscription that never failed, months are paid back to back: a gap is a month still to be reported.
        boolean unbroken = sameSubscription && !billing.renewalFailed();
        if (paidSince.isEmpty() || paid.periodStart().isAfter(paidUntil.get()) && !unbroken) {
            // A first run, or a new one after a gap (the plan was FREE in between): the provider renews it.
            return with(Optional.of(paid.periodStart()), Optional.of(paid.periodEnd()), true, live);
        }
        if (paid.periodEnd().isBefore(paidSince.get())) {
            return this; // an old period reported late: the run it belonged to is over
        }
        Instant since = paid.periodStart().isBefore(paidSince.get()) ? paid.periodStart() : paidSince.get();
        if (!paid.periodEnd().isAfter(paidUntil.get())) {
            return with(Optional.of(since), paidUntil, renewing, billing); // nothing new, or an earlier month late
        }
        // A cancellation at the period's end (RenewalChanged) belongs to its subscription: a new one renews.
        return with(Optional.of(since), Optional.of(paid.periodEnd()), !sameSubscription || renewing, live);
    }

    private Subscription renewalFailed(BillingEvent.RenewalFailed failed) {
        if (paidUntil.isPresent() && !failed.periodEnd().isAfter(paidUntil.get())) {
            return this; // that period was paid after all (a retry that succeeded came first)
        }
        Billing failing = new Billing(billing.customerRef().or(() -> Optional.of(failed.customerRef())),
                Optional.of(failed.subscriptionRef()), true);
        return cutAt(failed.periodStart(), renewing, failing);
    }

    /** The run ends at {@code end} at the latest; nothing paid is left when it ends before it started. */
    private Subscription cutAt(Instant end, boolean stillRenewing, Billing newBilling) {
        if (paidUntil.isEmpty()) {
            return with(paidSince, paidUntil, false, newBilling);
        }
        if (!end.isAfter(paidSince.get())) {
            return with(Optional.empty(), Optional.empty(), false, newBilling);
        }
        Instant until = end.isBefore(paidUntil.get()) ? end : paidUntil.get();
        return with(paidSince, Optional.of(until), stillRenewing, newBilling);
    }

    private boolean ofThisSubscription(String subscriptionRef) {
        return billing.subscriptionRef().isEmpty() || billing.subscriptionRef().get().equals(subscriptionRef);
    }

    /**
     * Ends the trial at {@code now} if it runs: for the sandbox and demos, so that the free plan can be
     * tried without waiting two months. A trial already over stays as it is.
     */
    public Subscription endTrial(Instant now) {
        Objects.requireNonNull(now, "now");
        if (!now.isBefore(trialEndsAt)) {
            return this;
        }
        return new Subscription(practitionerId, zone, now, paidSince, paidUntil, renewing, billing, trialEndTold, checkout);
    }

    /**
     * PLAN-1: whether the practitioner must now be told that the trial ends: within
     * {@link #TRIAL_END_NOTICE} of its end, not told yet, and no paid period covering the trial's end.
     */
    public boolean trialEndNoticeDue(Instant now) {
        Objects.requireNonNull(now, "now");
        return !trialEndTold && now.isBefore(trialEndsAt) && !now.isBefore(trialEndsAt.minus(TRIAL_END_NOTICE))
                && !isPaidAt(trialEndsAt);
    }

    /** The trial's end was told (or no longer needs to be): it is not told again. */
    public Subscription trialEndWasTold() {
        return new Subscription(practitionerId, zone, trialEndsAt, paidSince, paidUntil, renewing, billing, true, checkout);
    }

    /** The same subscription read in another zone, after the practitioner changed theirs (AG-1); instants stay. */
    public Subscription inZone(ZoneId newZone) {
        return new Subscription(practitionerId, newZone, trialEndsAt, paidSince, paidUntil, renewing, billing, trialEndTold,
                checkout);
    }

    private Subscription with(Optional<Instant> since, Optional<Instant> until, boolean newRenewing, Billing newBilling) {
        return new Subscription(practitionerId, zone, trialEndsAt, since, until, newRenewing && until.isPresent(),
                newBilling, trialEndTold, checkout);
    }

    /** The checkout page open (or being opened) for the paid plan, or none. */
    public Subscription withCheckout(Optional<PendingCheckout> pending) {
        return new Subscription(practitionerId, zone, trialEndsAt, paidSince, paidUntil, renewing, billing, trialEndTold,
                pending);
    }

    /** The checkout page still open (or being opened) at {@code now}. */
    public Optional<PendingCheckout> checkoutOpenAt(Instant now) {
        return checkout.filter(c -> c.openAt(now));
    }

    public Optional<PendingCheckout> checkout() {
        return checkout;
    }

    /**
     * Whether the event is about a second provider subscription while this one lives and is in good standing: the
     * race of two checkouts paid for one practitioner. Such an event is not applied (no month counted twice, the live
     * subscription kept) and the duplicate is cancelled at the provider.
     */
    public boolean duplicateSubscription(BillingEvent event) {
        Objects.requireNonNull(event, "event");
        return (event instanceof BillingEvent.PeriodPaid || event instanceof BillingEvent.RenewalFailed)
                && billing.subscriptionRef().isPresent() && !billing.renewalFailed()
                && !billing.subscriptionRef().get().equals(event.subscriptionRef());
    }

    public PractitionerId practitionerId() {
        return practitionerId;
    }

    /** The practitioner's zone, in which the trial's end and the months are reckoned. */
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

    /** True when the provider renews the paid plan at the end of the period; false once cancelled (or never subscribed). */
    public boolean renewing() {
        return renewing;
    }

    public Billing billing() {
        return billing;
    }

    public boolean trialEndTold() {
        return trialEndTold;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Subscription that
                && renewing == that.renewing
                && trialEndTold == that.trialEndTold
                && practitionerId.equals(that.practitionerId)
                && zone.equals(that.zone)
                && trialEndsAt.equals(that.trialEndsAt)
                && paidSince.equals(that.paidSince)
                && paidUntil.equals(that.paidUntil)
                && billing.equals(that.billing)
                && checkout.equals(that.checkout);
    }

    @Override
    public int hashCode() {
        return Objects.hash(practitionerId, zone, trialEndsAt, paidSince, paidUntil, renewing, billing, trialEndTold, checkout);
    }

    @Override
    public String toString() {
        return "Subscription[practitionerId=" + practitionerId + ", zone=" + zone + ", trialEndsAt=" + trialEndsAt
                + ", paidSince=" + paidSince.map(Instant::toString).orElse("-")
                + ", paidUntil=" + paidUntil.map(Instant::toString).orElse("-") + ", renewing=" + renewing
                + ", billing=" + billing + ", trialEndTold=" + trialEndTold + ", checkout=" + checkout + "]";
    }
}
