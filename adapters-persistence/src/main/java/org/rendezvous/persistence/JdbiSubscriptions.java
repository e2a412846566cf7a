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
 * One subscription per practitioner (PLAN-1 … PLAN-3), replaced in place. A renewal is due when
 * {@code paid_until - RENEWAL_WINDOW <= now}, asked as {@code paid_until <= now + RENEWAL_WINDOW} so that
 * the partial index on renewing subscriptions by {@code paid_until} answers it.
 */
final class JdbiSubscriptions implements Subscriptions {

    public record SubscriptionRow(UUID practitionerId, String zone, Instant trialEndsAt, Instant paidSince,
                                  Instant paidUntil, boolean renewing) {
    }

    private static final String COLUMNS = "practitioner_id, zone, trial_ends_at, paid_since, paid_until, renewing";

    interface Dao {
        @SqlUpdate("""
                INSERT INTO subscriptions (practitioner_id, zone, trial_ends_at, paid_since, paid_until, renewing)
                VALUES (:practitionerId, :zone, :trialEndsAt, :paidSince, :paidUntil, :renewing)
                ON CONFLICT (practitioner_id) DO UPDATE SET
                    zone = EXCLUDED.zone, trial_ends_at = EXCLUDED.trial_ends_at, paid_since = EXCLUDED.paid_since,
                    paid_until = EXCLUDED.paid_until, renewing = EXCLUDED.renewing
                """)
        void save(@BindMethods SubscriptionRow row);

        @SqlQuery("SELECT " + COLUMNS + " FROM subscriptions WHERE practitioner_id = :practitionerId")
        @RegisterConstructorMapper(SubscriptionRow.class)
        Optional<SubscriptionRow> find(@Bind("practitionerId") UUID practitionerId);

        @SqlQuery("""
                SELECT practitioner_id, zone, trial_ends_at, paid_since, paid_until, renewing FROM subscriptions
                WHERE renewing AND paid_until <= :latestEnd
                ORDER BY paid_until, practitioner_id
                LIMIT :limit
                """)
        @RegisterConstructorMapper(SubscriptionRow.class)
        List<SubscriptionRow> renewalsDue(@Bind("latestEnd") Instant latestEnd, @Bind("limit") int limit);
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
                s.paidSince().orElse(null), s.paidUntil().orElse(null), s.renewing());
        transactions.withHandle(h -> {
            transactions.attach(h, Dao.class).save(row);
            return null;
        });
    }

    @Override
    public List<Subscription> renewalsDue(Instant now, int limit) {
        Objects.requireNonNull(now, "now");
        if (limit < 0) {
            throw new IllegalArgumentException("limit: must not be negative, was " + limit);
        }
        Instant latestEnd = now.plus(Subscription.RENEWAL_WINDOW);
        return transactions.withHandle(h -> transactions.attach(h, Dao.class).renewalsDue(latestEnd, limit)).stream()
                .map(JdbiSubscriptions::subscription).toList();
    }

    private static Subscription subscription(SubscriptionRow row) {
        return Subscription.restore(new PractitionerId(row.practitionerId()), ZoneId.of(row.zone()), row.trialEndsAt(),
                Optional.ofNullable(row.paidSince()), Optional.ofNullable(row.paidUntil()), row.renewing());
    }
}
