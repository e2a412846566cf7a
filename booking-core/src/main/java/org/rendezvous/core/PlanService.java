package org.rendezvous.core;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.time.LocalDate;
import java.util.Map;
import org.rendezvous.core.agenda.AgendaSettings;
import org.rendezvous.core.idempotency.IdempotencyKey;
import org.rendezvous.core.idempotency.IdempotencyRecord;
import org.rendezvous.core.notification.MessageKind;
import org.rendezvous.core.payment.ProviderKey;
import org.rendezvous.core.plan.BillingEvent;
import org.rendezvous.core.plan.BillingPage;
import org.rendezvous.core.plan.PendingCheckout;
import org.rendezvous.core.plan.PortalRequest;
import org.rendezvous.core.plan.SubscriptionCheckout;
import org.rendezvous.core.policy.CommercialModel;
import org.rendezvous.core.port.Agendas;
import org.rendezvous.core.port.BillingGateway;
import org.rendezvous.core.port.IdempotencyKeys;
import org.rendezvous.core.port.Ids;
import org.rendezvous.core.port.Practitioners;
import org.rendezvous.core.port.Subscriptions;
import org.rendezvous.core.port.Transactions;
import org.rendezvous.core.port.Usage;
import org.rendezvous.core.practitioner.Practitioner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.rendezvous.core.outcome.Outcome;
import org.rendezvous.core.outcome.Reason;
import org.rendezvous.core.plan.Plan;
import org.rendezvous.core.plan.Quotas;
import org.rendezvous.core.plan.Subscription;
import org.rendezvous.core.plan.UsageKind;
import org.rendezvous.core.plan.UsageMonth;
import org.rendezvous.core.practitioner.PractitionerId;

/**
 * Plans and quotas (PLAN-1 … PLAN-3): the trial every practitioner starts with, the free plan's
 * monthly quotas, the paid plan and its renewals.
 *
 * <p>The engine keeps the subscription and its periods. Collecting the 30.00 a month, renewing and
 * retrying a declined card are the billing provider's ({@link BillingGateway}); what it reports comes
 * back as {@link BillingEvent}s through {@link #apply}.
 */
public final class PlanService {

    private static final Logger LOG = LoggerFactory.getLogger(PlanService.class);

    /** How long a checkout page being opened holds off a second one, should its request die on the way. */
    static final java.time.Duration CHECKOUT_CLAIM = java.time.Duration.ofMinutes(2);
    /** How long a page the provider does not date is answered again (Stripe's own default for Checkout). */
    static final java.time.Duration CHECKOUT_VALIDITY = java.time.Duration.ofHours(24);

    /** What a practitioner may still do this month, for the dashboard and the public page (PLAN-2). */
    public record QuotaStatus(Plan plan, UsageMonth month, long bookingsUsed, OptionalLong bookingsLeft) {
        public QuotaStatus {
            Objects.requireNonNull(plan, "plan");
            Objects.requireNonNull(month, "month");
            Objects.requireNonNull(bookingsLeft, "bookingsLeft");
        }

        /** Whether new bookings are refused until next month: what the public page says. */
        public boolean bookingsClosed() {
            return bookingsLeft.isPresent() && bookingsLeft.getAsLong() == 0;
        }
    }

    private final Practitioners practitioners;
    private final Agendas agendas;
    private final IdempotencyKeys idempotencyKeys;
    private final Subscriptions subscriptions;
    private final Usage usage;
    private final Transactions transactions;
    private final Ids ids;
    private final Now clock;
    private final EngineSettings engineSettings;
    private final Announcements announcements;
    private final Cashier cashier;
    private final BillingGateway billing;
    private final int batchSize;

    PlanService(Practitioners practitioners, Agendas agendas, IdempotencyKeys idempotencyKeys,
                Subscriptions subscriptions, Usage usage, Transactions transactions, Ids ids, Now clock,
                EngineSettings engineSettings, Announcements announcements, Cashier cashier, BillingGateway billing,
                int batchSize) {
        this.practitioners = practitioners;
        this.agendas = agendas;
        this.idempotencyKeys = idempotencyKeys;
        this.subscriptions = subscriptions;
        this.usage = usage;
        this.transactions = transactions;
        this.ids = ids;
        this.clock = clock;
        this.engineSettings = engineSettings;
        this.announcements = announcements;
        this.cashier = cashier;
        this.billing = billing;
        this.batchSize = batchSize;
    }

    public Optional<Subscription> subscription(PractitionerId practitioner) {
        return subscriptions.find(practitioner);
    }

    public Plan planOf(PractitionerId practitioner) {
        return cashier.planOf(practitioner, clock.instant());
    }

    public Outcome<QuotaStatus> quota(PractitionerId practitioner) {
        Optional<AgendaSettings> settings = agendas.settings(practitioner);
        if (settings.isEmpty()) {
            return Outcome.rejected(Reason.NOT_FOUND, "practitionerId: no such practitioner");
        }
        Instant now = clock.instant();
        Plan plan = cashier.planOf(practitioner, now);
        UsageMonth month = UsageMonth.of(practitioner, now, settings.get().zone());
        long used = usage.count(month, UsageKind.BOOKING);
        OptionalLong left = engineSettings.model() == org.rendezvous.core.policy.CommercialModel.DIRECT_CONNECT
                ? Quotas.remaining(plan, engineSettings.plans(), UsageKind.BOOKING, used) : OptionalLong.empty();
        return Outcome.accepted(new QuotaStatus(plan, month, used, left));
    }

    /**
     * PLAN-3: opens the provider's subscription checkout for the paid plan. Nothing is granted here:
     * the paid plan starts when the provider reports the first payment ({@link #apply}). During the
     * trial, billing starts at the trial's end, so that its remaining days are not lost. Refused with
     * {@link Reason#ALREADY_SUBSCRIBED} while a provider subscription lives (it is resumed or its card
     * changed through the portal, so that nobody pays twice).
     */
    public Outcome<BillingPage.Opened> subscribe(PractitionerId practitioner) {
        Optional<Outcome<BillingPage.Opened>> refused = refusedPlans(practitioner);
        if (refused.isPresent()) {
            return refused.get();
        }
        // The pending-checkout guard: one checkout page at a time, claimed before the provider is asked, so that two
        // requests at once (two tabs, a double click) never open two subscriptions.
        Outcome<Optional<BillingPage.Opened>> claim = transactions.inAgenda(practitioner, () -> {
            Subscription current = subscriptions.find(practitioner).orElseThrow();
            if (!current.canSubscribe()) {
                return Outcome.rejected(Reason.ALREADY_SUBSCRIBED, "plan: already subscribed to the paid plan; "
                        + "change the card, cancel or resume it from the billing portal");
            }
            Instant now = clock.instant();
            Optional<PendingCheckout> pending = current.checkoutOpenAt(now);
            if (pending.isPresent() && pending.get().page().isPresent()) {
                return Outcome.accepted(Optional.of(new BillingPage.Opened(pending.get().page().get(),
                        current.billing().customerRef().orElse(""), Optional.of(pending.get().expiresAt()))));
            }
            if (pending.isPresent()) {
                return Outcome.rejected(Reason.CHECKOUT_IN_PROGRESS,
                        "plan: the checkout page is being opened by another request; try again in a moment");
            }
            subscriptions.save(current.withCheckout(Optional.of(
                    new PendingCheckout(Optional.empty(), now.plus(CHECKOUT_CLAIM)))));
            return Outcome.accepted(Optional.<BillingPage.Opened>empty());
        });
        if (!claim.isAccepted()) {
            return claim.fold(x -> null, rejected -> Outcome.rejected(rejected.reason(), rejected.detail()));
        }
        if (claim.orElseThrow().isPresent()) {
            return Outcome.accepted(claim.orElseThrow().get()); // the page already open: the same URL
        }
        Subscription current = subscriptions.find(practitioner).orElseThrow();
        Practitioner who = practitioners.find(practitioner).orElseThrow();
        Instant now = clock.instant();
        Optional<Instant> paidFrom = now.isBefore(current.trialEndsAt()) ? Optional.of(current.trialEndsAt())
                : Optional.empty();
        // A new key per checkout: each page is a fresh one; the customer's own key is the adapter's.
        BillingPage page = billing.startSubscription(new SubscriptionCheckout(practitioner, who.email(),
                current.billing().customerRef(), engineSettings.plans().monthlyPrice(), paidFrom,
                new ProviderKey("rdv:plan-checkout:" + practitioner + ":" + ids.newId())));
        transactions.inAgenda(practitioner, () -> {
            Subscription claimed = subscriptions.find(practitioner).orElseThrow();
            Optional<PendingCheckout> opened = page instanceof BillingPage.Opened o
                    ? Optional.of(new PendingCheckout(Optional.of(o.redirect()),
                            o.expiresAt().orElseGet(() -> clock.instant().plus(CHECKOUT_VALIDITY))))
                    : Optional.empty(); // refused or unreachable: the claim is given up, so that a retry can open one
            subscriptions.save(claimed.withCheckout(opened));
            return null;
        });
        return opened(practitioner, page);
    }

    /** PLAN-3: opens the provider's billing portal, where the practitioner changes the card, cancels or resumes. */
    public Outcome<BillingPage.Opened> portal(PractitionerId practitioner) {
        Optional<Outcome<BillingPage.Opened>> refused = refusedPlans(practitioner);
        if (refused.isPresent()) {
            return refused.get();
        }
        Subscription current = subscriptions.find(practitioner).orElseThrow();
        if (current.billing().customerRef().isEmpty()) {
            return Outcome.rejected(Reason.NOT_SUBSCRIBED, "plan: nothing billed yet; subscribe to the paid plan first");
        }
        Practitioner who = practitioners.find(practitioner).orElseThrow();
        return opened(practitioner, billing.openPortal(new PortalRequest(practitioner, who.email(),
                current.billing().customerRef())));
    }

    private Optional<Outcome<BillingPage.Opened>> refusedPlans(PractitionerId practitioner) {
        if (engineSettings.model() != CommercialModel.DIRECT_CONNECT) {
            return Optional.of(Outcome.rejected(Reason.NO_PLANS_IN_THIS_MODEL,
                    "plan: plans exist only in model DIRECT_CONNECT"));
        }
        if (subscriptions.find(practitioner).isEmpty()
                || practitioners.find(practitioner).isEmpty()) {
            return Optional.of(Outcome.rejected(Reason.NOT_FOUND, "practitionerId: no such practitioner"));
        }
        return Optional.empty();
    }

    private Outcome<BillingPage.Opened> opened(PractitionerId practitioner, BillingPage page) {
        if (page instanceof BillingPage.Opened opened) {
            // The customer is created once at the provider; it is remembered for every later page.
            transactions.inAgenda(practitioner, () -> {
                subscriptions.find(practitioner)
                        .filter(s -> s.billing().customerRef().isEmpty())
                        .ifPresent(s -> subscriptions.save(s.withCustomer(opened.customerRef())));
                return null;
            });
            return Outcome.accepted(opened);
        }
        if (page instanceof BillingPage.Refused refused) {
            LOG.warn("billing page refused for practitioner {}: {}", practitioner, refused.reason());
            return Outcome.rejected(Reason.PAYMENT_REFUSED, "plan: the payment provider refused: " + refused.reason());
        }
        return Outcome.rejected(Reason.PAYMENT_PROVIDER_UNAVAILABLE,
                "plan: the payment provider cannot be reached; try again in a moment");
    }

    /**
     * Applies what the provider reported about a paid plan (PLAN-3), once per event id: delivered
     * twice, it changes nothing the second time. The answer is the subscription as the event left it.
     */
    public Outcome<Subscription> apply(BillingEvent event) {
        PractitionerId practitioner = event.practitionerId();
        java.util.concurrent.atomic.AtomicBoolean duplicate = new java.util.concurrent.atomic.AtomicBoolean();
        Outcome<Subscription> outcome = transactions.inAgenda(practitioner, () -> {
            Optional<Subscription> current = subscriptions.find(practitioner);
            if (current.isEmpty()) {
                return Outcome.rejected(Reason.NOT_FOUND, "practitionerId: no such practitioner");
            }
            IdempotencyKey key = IdempotencyKey.of("billing-event:" + event.eventId());
            if (idempotencyKeys.find(practitioner, key).isPresent()) {
                return Outcome.accepted(current.get());
            }
            Subscription next = current.get();
            if (current.get().duplicateSubscription(event)) {
                // Two checkouts paid in a race: the live subscription stays, the other one's months count for nothing
                // and it is cancelled at the provider (below, outside the lock).
                duplicate.set(true);
            } else {
                next = current.get().apply(event);
                if (!next.equals(current.get())) {
                    subscriptions.save(next);
                }
            }
            idempotencyKeys.remember(new IdempotencyRecord(practitioner, key, "billing-event",
                    event.getClass().getSimpleName(), Optional.of(practitioner.toString()), Optional.empty(), "",
                    clock.instant()));
            return Outcome.accepted(next);
        });
        if (duplicate.get()) {
            LOG.warn("practitioner {}: provider subscription {} duplicates the live one; cancelling it", practitioner,
                    event.subscriptionRef());
            if (billing.cancelSubscription(event.subscriptionRef())
                    instanceof org.rendezvous.core.plan.SubscriptionCancellation.Failed failed) {
                LOG.warn("duplicate subscription {} not cancelled ({}); its next event asks again",
                        event.subscriptionRef(), failed.why());
            }
        }
        return outcome;
    }

    /**
     * PLAN-1: tells practitioners by e-mail, {@link Subscription#TRIAL_END_NOTICE} before, that their
     * trial ends (once per practitioner and trial: the message's cause names both, and the
     * subscription remembers it was told). Those who subscribed already are not told.
     */
    public JobReport tellTrialsEnding() {
        Instant now = clock.instant();
        List<Subscription> due = subscriptions.trialEndsToTell(now, batchSize);
        int told = 0;
        for (Subscription candidate : due) {
            boolean sent = transactions.inAgenda(candidate.practitionerId(), () -> {
                Optional<Subscription> current = subscriptions.find(candidate.practitionerId());
                if (current.isEmpty() || !current.get().trialEndNoticeDue(now)) {
                    return false;
                }
                Subscription subscription = current.get();
                announcements.announceToPractitioner(MessageKind.TRIAL_ENDING, subscription.practitionerId(),
                        "trial-ending:" + subscription.practitionerId() + ":" + subscription.trialEndsAt(),
                        Map.of("trialEndsOn", LocalDate.ofInstant(subscription.trialEndsAt(), subscription.zone()).toString(),
                                "amount", engineSettings.plans().monthlyPrice().toString(),
                                "limit", Integer.toString(engineSettings.plans().bookingsPerMonth())),
                        now);
                subscriptions.save(subscription.trialEndWasTold());
                return true;
            });
            if (sent) {
                told++;
            }
        }
        return new JobReport(due.size(), told, 0);
    }

    /**
     * Ends a running trial now: for the sandbox and demos only (the host offers it with the sandbox
     * provider, never with a real one), so that the free plan and its quotas can be tried at once.
     */
    public Outcome<Subscription> endTrialNow(PractitionerId practitioner) {
        return change(practitioner, (subscription, now) -> Outcome.accepted(subscription.endTrial(now)));
    }

    @FunctionalInterface
    private interface Change {
        Outcome<Subscription> apply(Subscription subscription, Instant now);
    }

    private Outcome<Subscription> change(PractitionerId practitioner, Change change) {
        return transactions.inAgenda(practitioner, () -> {
            Optional<Subscription> current = subscriptions.find(practitioner);
            if (current.isEmpty()) {
                return Outcome.rejected(Reason.NOT_FOUND, "practitionerId: no such practitioner");
            }
            Outcome<Subscription> next = change.apply(current.get(), clock.instant());
            next.fold(saved -> {
                subscriptions.save(saved);
                return saved;
            }, rejected -> null);
            return next;
        });
    }
}
