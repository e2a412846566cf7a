package org.rendezvous.core.sandbox;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.rendezvous.core.plan.BillingEvent;
import org.rendezvous.core.plan.BillingPage;
import org.rendezvous.core.plan.PortalRequest;
import org.rendezvous.core.plan.SubscriptionCheckout;
import org.rendezvous.core.port.BillingGateway;
import org.rendezvous.core.practitioner.PractitionerId;

/**
 * The paid plan's billing inside the process, for running without a provider account (PLAN-3): a
 * subscription checkout and a billing portal with pages the host serves, and renewals played on
 * demand instead of a month later — {@link #renewNow} ends the current period now and charges the
 * next one, {@link #failNextRenewal} makes that charge fail. Its events reach the engine as a
 * provider's webhooks would. Thread-safe.
 */
public final class SandboxBillingGateway implements BillingGateway {

    /** A subscription the sandbox bills: its current period and whether it ends there. */
    public record SandboxSubscription(String reference, PractitionerId practitionerId, String customerRef,
                                      Instant periodStart, Instant periodEnd, boolean cancelAtPeriodEnd,
                                      boolean failNextRenewal) {
    }

    private final URI pagesBase;
    private final Clock clock;
    private final ConcurrentHashMap<PractitionerId, String> customers = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, SubscriptionCheckout> openCheckouts = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, BillingPage> pagesByKey = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, PractitionerId> portals = new ConcurrentHashMap<>();
    private final Map<PractitionerId, SandboxSubscription> subscriptions = new ConcurrentHashMap<>();
    private volatile Consumer<BillingEvent> events = event -> { };
    private final java.util.List<String> cancelled = new java.util.concurrent.CopyOnWriteArrayList<>();

    /** @param pagesBase where the host serves the sandbox's billing pages: {@code pagesBase/checkout/ref}, {@code pagesBase/portal/ref} */
    public SandboxBillingGateway(URI pagesBase, Clock clock) {
        this.pagesBase = Objects.requireNonNull(pagesBase, "pagesBase");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public SandboxBillingGateway(Clock clock) {
        this(URI.create("http://localhost/sandbox/billing/"), clock);
    }

    /** Where the sandbox sends its events: usually the engine's plans().apply. */
    public void onEvent(Consumer<BillingEvent> listener) {
        this.events = Objects.requireNonNull(listener, "listener");
    }

    @Override
    public BillingPage startSubscription(SubscriptionCheckout request) {
        return pagesByKey.computeIfAbsent(request.key().value(), key -> {
            String customer = customer(request.practitionerId(), request.customerRef());
            String reference = "sbx_bcs_" + UUID.randomUUID();
            openCheckouts.put(reference, request);
            return new BillingPage.Opened(pagesBase.resolve("checkout/" + reference), customer);
        });
    }

    @Override
    public BillingPage openPortal(PortalRequest request) {
        String customer = customer(request.practitionerId(), request.customerRef());
        String reference = "sbx_bps_" + UUID.randomUUID();
        portals.put(reference, request.practitionerId());
        return new BillingPage.Opened(pagesBase.resolve("portal/" + reference), customer);
    }

    @Override
    public synchronized org.rendezvous.core.plan.SubscriptionCancellation cancelSubscription(String subscriptionRef) {
        Objects.requireNonNull(subscriptionRef, "subscriptionRef");
        subscriptions.values().removeIf(s -> s.reference().equals(subscriptionRef));
        cancelled.add(subscriptionRef);
        return new org.rendezvous.core.plan.SubscriptionCancellation.Cancelled(subscriptionRef);
    }

    /** The subscriptions the engine cancelled as duplicates, in order. */
    public java.util.List<String> cancelledSubscriptions() {
        return java.util.List.copyOf(cancelled);
    }

    private String customer(PractitionerId practitioner, Optional<String> known) {
        return known.orElseGet(() -> customers.computeIfAbsent(practitioner, p -> "sbx_cus_" + UUID.randomUUID()));
    }

    /** The subscription checkout a page shows, while it is open. */
    public Optional<SubscriptionCheckout> openCheckout(String reference) {
        return Optional.ofNullable(openCheckouts.get(reference));
    }

    /** The practitioner a portal page is for. */
    public Optional<PractitionerId> portal(String reference) {
        return Optional.ofNullable(portals.get(reference));
    }

    public Optional<SandboxSubscription> subscription(PractitionerId practitioner) {
        return Optional.ofNullable(subscriptions.get(practitioner));
    }

    /**
     * The practitioner pays on the checkout page: the subscription starts, its first period (until the
     * trial's end if billing starts then, else a month) is paid and reported.
     */
    public synchronized Optional<BillingEvent> completeCheckout(String reference) {
        SubscriptionCheckout request = openCheckouts.remove(reference);
        if (request == null) {
            return Optional.empty();
        }
        Instant now = now();
        Instant end = request.paidFrom().filter(now::isBefore).orElseGet(() -> monthAfter(now));
        String customer = customer(request.practitionerId(), request.customerRef());
        SandboxSubscription subscription = new SandboxSubscription("sbx_sub_" + UUID.randomUUID(),
                request.practitionerId(), customer, now, end, false, false);
        subscriptions.put(request.practitionerId(), subscription);
        return Optional.of(send(new BillingEvent.PeriodPaid(eventId(), request.practitionerId(), customer,
                subscription.reference(), now, end)));
    }

    /** On the portal: cancel at the period's end ({@code renewing} false), or take the cancellation back. */
    public synchronized Optional<BillingEvent> setRenewing(PractitionerId practitioner, boolean renewing) {
        SandboxSubscription current = subscriptions.get(practitioner);
        if (current == null) {
            return Optional.empty();
        }
        subscriptions.put(practitioner, new SandboxSubscription(current.reference(), practitioner, current.customerRef(),
                current.periodStart(), current.periodEnd(), !renewing, current.failNextRenewal()));
        return Optional.of(send(new BillingEvent.RenewalChanged(eventId(), practitioner, current.reference(), renewing)));
    }

    /** The next renewal's charge fails (a declined card). */
    public synchronized boolean failNextRenewal(PractitionerId practitioner) {
        SandboxSubscription current = subscriptions.get(practitioner);
        if (current == null) {
            return false;
        }
        subscriptions.put(practitioner, new SandboxSubscription(current.reference(), practitioner, current.customerRef(),
                current.periodStart(), current.periodEnd(), current.cancelAtPeriodEnd(), true));
        return true;
    }

    /**
     * Plays the end of the current period now: a cancelled subscription ends; otherwise the next month
     * is charged, and paid (PeriodPaid) or, after {@link #failNextRenewal}, refused (RenewalFailed).
     */
    public synchronized Optional<BillingEvent> renewNow(PractitionerId practitioner) {
        SandboxSubscription current = subscriptions.get(practitioner);
        if (current == null) {
            return Optional.empty();
        }
        Instant now = now();
        if (current.cancelAtPeriodEnd()) {
            subscriptions.remove(practitioner);
            return Optional.of(send(new BillingEvent.SubscriptionEnded(eventId(), practitioner, current.reference(), now)));
        }
        Instant end = monthAfter(now);
        if (current.failNextRenewal()) {
            subscriptions.put(practitioner, new SandboxSubscription(current.reference(), practitioner,
                    current.customerRef(), now, end, false, false));
            return Optional.of(send(new BillingEvent.RenewalFailed(eventId(), practitioner, current.customerRef(),
                    current.reference(), now, end, "sandbox: card declined")));
        }
        subscriptions.put(practitioner, new SandboxSubscription(current.reference(), practitioner, current.customerRef(),
                now, end, false, false));
        return Optional.of(send(new BillingEvent.PeriodPaid(eventId(), practitioner, current.customerRef(),
                current.reference(), now, end)));
    }

    private BillingEvent send(BillingEvent event) {
        events.accept(event);
        return event;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private static Instant monthAfter(Instant instant) {
        return instant.atZone(ZoneOffset.UTC).plusMonths(1).toInstant();
    }

    private static String eventId() {
        return "sbx_evt_" + UUID.randomUUID();
    }
}
