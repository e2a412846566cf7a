package org.rendezvous.persistence;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.rendezvous.core.plan.Subscription;
import org.rendezvous.core.port.Subscriptions;
import org.rendezvous.core.practitioner.PractitionerId;

/**
 * One subscription per practitioner (PLAN-1 … PLAN-3), replaced in place. The trial-end job asks for
 * trials ending in {@code (now, now + TRIAL_END_NOTICE]} not told yet, which the partial index on
 * untold trials by {@code trial_ends_at} answers.
 */
final class JdbiSubscriptions implements Subscriptions {

    public record SubscriptionRow(UUID practitionerId, String zone, Instant trialEndsAt, Instant paidSince,
                                  Instant paidUntil, boolean renewing, String customerRef, String subscriptionRef,
                                  boolean renewalFailed, boolean trialEndTold, String checkoutUrl,
                                  Instant checkoutExpiresAt) {
    }

    private static final String COLUMNS = "practitioner_id, zone, trial_ends_at, paid_since, paid_until, renewing, "
            + "customer_ref, subscription_ref, renewal_failed, trial_end_told, checkout_url, checkout_expires_at";

    interface Dao {
        @SqlUpdate("""
                INSERT INTO subscriptions (practitioner_id, zone, trial_ends_at, paid_since, paid_until, renewing,
                                           customer_ref, subscription_ref, renewal_failed, trial_end_told,
                                           checkout_url, checkout_expires_at)
                VALUES (:practitionerId, :zone, :trialEndsAt, :paidSince, :paidUntil, :renewing,
                        :customerRef, :subscriptionRef, :renewalFailed, :trialEndTold, :checkoutUrl, :checkoutExpiresAt)
                ON CONFLICT (practitioner_id) DO UPDATE SET
                    zone = EXCLUDED.zone, trial_ends_at = EXCLUDED.trial_ends_at, paid_since = EXCLUDED.paid_since,
                    paid_until = EXCLUDED.paid_until, renewing = EXCLUDED.renewing,
                    customer_ref = EXCLUDED.customer_ref, subscription_ref = EXCLUDED.subscription_ref,
                    renewal_failed = EXCLUDED.renewal_failed, trial_end_told = EXCLUDED.trial_end_told,
                    checkout_url = EXCLUDED.checkout_url, checkout_expires_at = EXCLUDED.checkout_expires_at
                """)
        void save(@BindMethods SubscriptionRow row);

        @SqlQuery("SELECT " + COLUMNS + " FROM subscriptions WHERE practitioner_id = :practitionerId")
        @RegisterConstructorMapper(SubscriptionRow.class)
        Optional<SubscriptionRow> find(@Bind("practitionerId") UUID practitionerId);

        @SqlQuery("SELECT " + COLUMNS + """
                 FROM subscriptions
                WHERE NOT trial_end_told AND trial_ends_at > :now AND trial_ends_at <= :latestEnd
                  AND NOT (paid_since IS NOT NULL AND paid_since <= trial_ends_at AND trial_ends_at < paid_until)
                ORDER BY trial_ends_at, practitioner_id
                LIMIT :limit
                """)
        @RegisterConstructorMapper(SubscriptionRow.class)
        List<SubscriptionRow> trialEndsToTell(@Bind("now") Instant now, @Bind("latestEnd") Instant latestEnd,
                                              @Bind("limit") int limit);
    }

    private final JdbiTransactions transactions;

    JdbiSubscriptions(JdbiTransactions transactions) {
        this.transactions = transactions;
    }

    @Override
    public Optional<Subscription> find(PractitionerId practitionerId) {
        Objects.requireNonNull(practitionerId, "practitionerId");
        return transactions.withHandle(h -> transactions.attach(h, Dao.class).find(practitionerId.value()))
                .map(JdbiSubscriptions::subscription);
    }

    @Override
    public void save(Subscription s) {
        SubscriptionRow row = new SubscriptionRow(s.practitionerId().value(), s.zone().getId(), s.trialEndsAt(),
                s.paidSince().orElse(null), s.paidUntil().orElse(null), s.renewing(),
                s.billing().customerRef().orElse(null), s.billing().subscriptionRef().orElse(null),
                s.billing().renewalFailed(), s.trialEndTold(),
                s.checkout().flatMap(c -> c.page()).map(java.net.URI::toString).orElse(null),
                s.checkout().map(c -> c.expiresAt()).orElse(null));
        transactions.withHandle(h -> {
            transactions.attach(h, Dao.class).save(row);
            return null;
        });
    }

    @Override
    public List<Subscription> trialEndsToTell(Instant now, int limit) {
        Objects.requireNonNull(now, "now");
        if (limit < 0) {
            throw new IllegalArgumentException("limit: must not be negative, was " + limit);
        }
        Instant latestEnd = now.plus(Subscription.TRIAL_END_NOTICE);
        return transactions.withHandle(h -> transactions.attach(h, Dao.class).trialEndsToTell(now, latestEnd, limit))
                .stream().map(JdbiSubscriptions::subscription).toList();
    }

    private static Subscription subscription(SubscriptionRow row) {
        return Subscription.restore(new PractitionerId(row.practitionerId()), ZoneId.of(row.zone()), row.trialEndsAt(),
                Optional.ofNullable(row.paidSince()), Optional.ofNullable(row.paidUntil()), row.renewing(),
                new Subscription.Billing(Optional.ofNullable(row.customerRef()), Optional.ofNullable(row.subscriptionRef()),
                        row.renewalFailed()),
                row.trialEndTold(),
                Optional.ofNullable(row.checkoutExpiresAt()).map(expires -> new org.rendezvous.core.plan.PendingCheckout(
                        Optional.ofNullable(row.checkoutUrl()).map(java.net.URI::create), expires)));
    }
}
