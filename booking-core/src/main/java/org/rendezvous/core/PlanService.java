package org.rendezvous.core;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import org.rendezvous.core.agenda.AgendaSettings;
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
 * <p>The engine keeps the subscription and its periods. Collecting the 30.00 a month is the payment
 * adapter's business (a provider's billing product); the host renews a period once it is paid.
 */
public final class PlanService {

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

    private final Engine engine;
    private final Cashier cashier;
    private final int batchSize;

    PlanService(Engine engine, Cashier cashier, int batchSize) {
        this.engine = engine;
        this.cashier = cashier;
        this.batchSize = batchSize;
    }

    public Optional<Subscription> subscription(PractitionerId practitioner) {
        return engine.stores.subscriptions().find(practitioner);
    }

    public Plan planOf(PractitionerId practitioner) {
        return cashier.planOf(practitioner, engine.now());
    }

    public Outcome<QuotaStatus> quota(PractitionerId practitioner) {
        Optional<AgendaSettings> settings = engine.agendaSettings(practitioner);
        if (settings.isEmpty()) {
            return Outcome.rejected(Reason.NOT_FOUND, "practitionerId: no such practitioner");
        }
        Instant now = engine.now();
        Plan plan = cashier.planOf(practitioner, now);
        UsageMonth month = UsageMonth.of(practitioner, now, settings.get().zone());
        long used = engine.stores.usage().count(month, UsageKind.BOOKING);
        OptionalLong left = engine.settings.model() == org.rendezvous.core.policy.CommercialModel.DIRECT_CONNECT
                ? Quotas.remaining(plan, engine.settings.plans(), UsageKind.BOOKING, used) : OptionalLong.empty();
        return Outcome.accepted(new QuotaStatus(plan, month, used, left));
    }

    /** PLAN-3: the paid plan from now (or from the trial's end, if still on trial). */
    public Outcome<Subscription> subscribe(PractitionerId practitioner) {
        return change(practitioner, (subscription, now) -> subscription.subscribePaid(now));
    }

    /** PLAN-3: no more renewals; the paid plan stays active until the end of the period paid for. */
    public Outcome<Subscription> cancel(PractitionerId practitioner) {
        return change(practitioner, (subscription, now) -> subscription.cancel(now));
    }

    /** Extends one paid period by a month, once its payment is in. Repeating it changes nothing (RENEWAL_NOT_DUE). */
    public Outcome<Subscription> renew(PractitionerId practitioner) {
        return change(practitioner, (subscription, now) -> subscription.renew(now));
    }

    /** The subscriptions whose renewal window opened: what the host must collect and then renew. */
    public List<Subscription> renewalsDue() {
        return engine.stores.subscriptions().renewalsDue(engine.now(), batchSize);
    }

    @FunctionalInterface
    private interface Change {
        Outcome<Subscription> apply(Subscription subscription, Instant now);
    }

    private Outcome<Subscription> change(PractitionerId practitioner, Change change) {
        return engine.stores.transactions().inAgenda(practitioner, () -> {
            Optional<Subscription> current = engine.stores.subscriptions().find(practitioner);
            if (current.isEmpty()) {
                return Outcome.rejected(Reason.NOT_FOUND, "practitionerId: no such practitioner");
            }
            Outcome<Subscription> next = change.apply(current.get(), engine.now());
            next.fold(saved -> {
                engine.stores.subscriptions().save(saved);
                return saved;
            }, rejected -> null);
            return next;
        });
    }
}
