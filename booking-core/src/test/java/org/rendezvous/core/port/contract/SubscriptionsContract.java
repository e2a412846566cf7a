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
    @DisplayName("PLAN-3 a paid, then cancelled, subscription replaces the previous one, with every field, instants to the microsecond")
    void saveReplaces() {
        Subscription trial = trial();
        Subscription other = trial();
        subscriptions.save(trial);
        subscriptions.save(other);
        // Microsecond instants: what every store (PostgreSQL included) keeps.
        Subscription paid = trial.subscribePaid(days(70).plusNanos(123_456_000)).orElseThrow();

        subscriptions.save(paid);
        assertThat(subscriptions.find(trial.practitionerId())).contains(paid);

        Subscription cancelled = paid.cancel(days(71)).orElseThrow();
        subscriptions.save(cancelled);
        assertThat(subscriptions.find(trial.practitionerId())).contains(cancelled);
        assertThat(subscriptions.find(other.practitionerId())).contains(other);
    }

    @Test
    @DisplayName("PLAN-3 a subscription in another zone keeps its zone")
    void zoneKept() {
        Subscription tokyo = Subscription.startTrial(newPractitioner(), REGISTERED, ZoneId.of("Asia/Tokyo"), SETTINGS);

        subscriptions.save(tokyo);

        assertThat(subscriptions.find(tokyo.practitionerId()).orElseThrow().zone()).isEqualTo(ZoneId.of("Asia/Tokyo"));
    }

    @Test
    @DisplayName("PLAN-3 renewals due: renewing paid plans whose window has opened, earliest end first, up to the limit")
    void renewalsDue() {
        Subscription early = trial().subscribePaid(days(70)).orElseThrow();
        Subscription late = trial().subscribePaid(days(75)).orElseThrow();
        Subscription cancelled = trial().subscribePaid(days(65)).orElseThrow().cancel(days(66)).orElseThrow();
        Subscription onTrial = trial();
        Subscription notYet = trial().subscribePaid(days(90)).orElseThrow();
        for (Subscription s : new Subscription[] {late, cancelled, onTrial, notYet, early}) {
            subscriptions.save(s);
        }
        Instant now = late.renewalOpensAt().orElseThrow();

        assertThat(subscriptions.renewalsDue(now, 10)).containsExactly(early, late);
        assertThat(subscriptions.renewalsDue(now, 1)).containsExactly(early);
        assertThat(subscriptions.renewalsDue(now.minusNanos(1_000), 10)).containsExactly(early);
        assertThat(subscriptions.renewalsDue(days(0), 10)).isEmpty();

        Subscription renewed = early.renew(now).orElseThrow();
        subscriptions.save(renewed);
        assertThat(subscriptions.renewalsDue(now, 10)).containsExactly(late);
    }

    @Test
    @DisplayName("a rolled-back save is undone: a new subscription is gone, a replaced one is back")
    void rolledBackSave() {
        Subscription kept = trial();
        subscriptions.save(kept);
        Subscription added = trial();
        Subscription keptPaid = kept.subscribePaid(days(70)).orElseThrow();
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
