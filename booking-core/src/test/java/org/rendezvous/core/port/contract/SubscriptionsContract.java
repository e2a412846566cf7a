package org.rendezvous.core.port.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Currency;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.rendezvous.core.plan.BillingEvent;
import org.rendezvous.core.plan.PlanSettings;
import org.rendezvous.core.plan.Subscription;
import org.rendezvous.core.port.Subscriptions;
import org.rendezvous.core.port.Transactions;
import org.rendezvous.core.practitioner.PractitionerId;

/** What every {@link Subscriptions} adapter must do (PLAN-1…PLAN-3). */
public abstract class SubscriptionsContract {

    protected static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    protected static final PlanSettings SETTINGS = PlanSettings.defaults(Currency.getInstance("EUR"));
    /** A registration instant: 10 January 2030, 09:00 in Paris. */
    protected static final Instant REGISTERED = Instant.parse("2030-01-10T08:00:00Z");

    protected Subscriptions subscriptions;

    /** A fresh, empty store for each test. */
    protected abstract Subscriptions newSubscriptions();

    /** The transactions that the store last made by {@link #newSubscriptions()} takes part in. */
    protected abstract Transactions transactions();

    /**
     * A practitioner the store may hold a subscription for. Adapters whose storage needs the
     * practitioner to exist first (a foreign key) override this to register one.
     */
    protected PractitionerId newPractitioner() {
        return new PractitionerId(UUID.randomUUID());
    }

    @BeforeEach
    void freshStore() {
        subscriptions = newSubscriptions();
    }

    private Subscription trial() {
        return Subscription.startTrial(newPractitioner(), REGISTERED, PARIS, SETTINGS);
    }

    private static Instant days(long days) {
        return REGISTERED.plus(Duration.ofDays(days));
    }

    @Test
    @DisplayName("PLAN-1 a trial subscription saved is found with every field; an unknown practitioner has none")
    void trialRoundTrip() {
        Subscription trial = trial();

        subscriptions.save(trial);

        assertThat(subscriptions.find(trial.practitionerId())).contains(trial);
        assertThat(subscriptions.find(new PractitionerId(UUID.randomUUID()))).isEmpty();
    }

    @Test
    @DisplayName("PLAN-3 a paid (billed by the provider), then cancelled and told, subscription replaces the previous one, with every field, instants to the microsecond")
    void saveReplaces() {
        Subscription trial = trial();
        Subscription other = trial();
        subscriptions.save(trial);
        subscriptions.save(other);
        // Microsecond instants: what every store (PostgreSQL included) keeps.
        Subscription paid = paid(trial.withCustomer("cus_1"), days(70).plusNanos(123_456_000));

        subscriptions.save(paid);
        assertThat(subscriptions.find(trial.practitionerId())).contains(paid);

        Subscription cancelled = paid.apply(new BillingEvent.RenewalChanged("evt_c", paid.practitionerId(), "sub_1", false))
                .trialEndWasTold();
        subscriptions.save(cancelled);
        assertThat(subscriptions.find(trial.practitionerId())).contains(cancelled);
        assertThat(subscriptions.find(other.practitionerId())).contains(other);
    }

    @Test
    @DisplayName("PLAN-3 the pending checkout is kept: a claim without a page, then the page with its expiry, then none")
    void pendingCheckoutKept() {
        Subscription trial = trial().withCustomer("cus_1");
        Subscription claimed = trial.withCheckout(java.util.Optional.of(new org.rendezvous.core.plan.PendingCheckout(
                java.util.Optional.empty(), days(1))));
        subscriptions.save(claimed);
        assertThat(subscriptions.find(trial.practitionerId())).contains(claimed);

        Subscription open = trial.withCheckout(java.util.Optional.of(new org.rendezvous.core.plan.PendingCheckout(
                java.util.Optional.of(java.net.URI.create("https://checkout.stripe.com/c/pay/cs_test_1")),
                days(2).plusNanos(5_000))));
        subscriptions.save(open);
        assertThat(subscriptions.find(trial.practitionerId())).contains(open);

        Subscription over = open.withCheckout(java.util.Optional.empty());
        subscriptions.save(over);
        assertThat(subscriptions.find(trial.practitionerId())).contains(over);
    }

    @Test
    @DisplayName("PLAN-3 a subscription in another zone keeps its zone")
    void zoneKept() {
        Subscription tokyo = Subscription.startTrial(newPractitioner(), REGISTERED, ZoneId.of("Asia/Tokyo"), SETTINGS);

        subscriptions.save(tokyo);

        assertThat(subscriptions.find(tokyo.practitionerId()).orElseThrow().zone()).isEqualTo(ZoneId.of("Asia/Tokyo"));
    }

    private static Subscription paid(Subscription subscription, Instant from) {
        return subscription.apply(new BillingEvent.PeriodPaid("evt_" + from, subscription.practitionerId(), "cus_1", "sub_1",
                from, from.plus(Duration.ofDays(30))));
    }

    @Test
    @DisplayName("PLAN-1 trial ends to tell: within 7 days of the end, not told, not paid through it; earliest end first, up to the limit")
    void trialEndsToTell() {
        Subscription early = trial();
        Subscription late = Subscription.startTrial(newPractitioner(), REGISTERED.plus(Duration.ofDays(2)), PARIS, SETTINGS);
        Subscription told = trial().trialEndWasTold();
        Subscription paidThrough = paid(trial(), days(40));
        Subscription paidBefore = paid(trial(), days(10));
        Subscription notYet = Subscription.startTrial(newPractitioner(), REGISTERED.plus(Duration.ofDays(20)), PARIS, SETTINGS);
        for (Subscription s : new Subscription[] {late, told, paidThrough, paidBefore, notYet, early}) {
            subscriptions.save(s);
        }
        Instant now = early.trialEndsAt().minus(Duration.ofDays(5));

        assertThat(subscriptions.trialEndsToTell(now, 10)).containsExactlyInAnyOrder(early, paidBefore, late)
                .last().isEqualTo(late);
        assertThat(subscriptions.trialEndsToTell(now, 1)).hasSize(1);
        assertThat(subscriptions.trialEndsToTell(early.trialEndsAt(), 10)).containsExactly(late);
        assertThat(subscriptions.trialEndsToTell(days(0), 10)).isEmpty();

        subscriptions.save(early.trialEndWasTold());
        assertThat(subscriptions.trialEndsToTell(now, 10)).doesNotContain(early);
    }

    @Test
    @DisplayName("a rolled-back save is undone: a new subscription is gone, a replaced one is back")
    void rolledBackSave() {
        Subscription kept = trial();
        subscriptions.save(kept);
        Subscription added = trial();
        Subscription keptPaid = paid(kept, days(70));
        RuntimeException boom = new IllegalStateException("the work failed");

        assertThatThrownBy(() -> transactions().inTransaction(() -> {
            subscriptions.save(added);
            subscriptions.save(keptPaid);
            assertThat(subscriptions.find(added.practitionerId())).contains(added);
            throw boom;
        })).isSameAs(boom);

        assertThat(subscriptions.find(added.practitionerId())).isEmpty();
        assertThat(subscriptions.find(kept.practitionerId())).contains(kept);
    }
}
