package org.rendezvous.persistence;

import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.rendezvous.core.plan.UsageKind;
import org.rendezvous.core.plan.UsageMonth;
import org.rendezvous.core.port.Usage;

/**
 * Quota usage (PLAN-2): one row per counted thing, its month beside it. The primary key (practitioner,
 * kind, thing) is what counts a thing once: {@code ON CONFLICT DO NOTHING} answers a second record, in
 * any month and from any instance, and a month's count is an index-only count of its rows.
 */
final class JdbiUsage implements Usage {

    interface Dao {
        @SqlQuery("""
                SELECT count(*) FROM usage_records
                WHERE practitioner_id = :practitionerId AND kind = :kind AND usage_month = :month
                """)
        long count(@Bind("practitionerId") UUID practitionerId, @Bind("kind") String kind, @Bind("month") LocalDate month);

        @SqlUpdate("""
                INSERT INTO usage_records (practitioner_id, kind, thing_id, usage_month)
                VALUES (:practitionerId, :kind, :thingId, :month)
                ON CONFLICT (practitioner_id, kind, thing_id) DO NOTHING
                """)
        int record(@Bind("practitionerId") UUID practitionerId, @Bind("kind") String kind, @Bind("thingId") String thingId,
                   @Bind("month") LocalDate month);
    }

    private final JdbiTransactions transactions;

    JdbiUsage(JdbiTransactions transactions) {
        this.transactions = transactions;
    }

    @Override
    public long count(UsageMonth month, UsageKind kind) {
        Objects.requireNonNull(month, "month");
        Objects.requireNonNull(kind, "kind");
        return transactions.withHandle(h -> transactions.attach(h, Dao.class)
                .count(month.practitionerId().value(), kind.name(), month.month().atDay(1)));
    }

    @Override
    public boolean record(UsageMonth month, UsageKind kind, String countedThingId) {
        Objects.requireNonNull(month, "month");
        Objects.requireNonNull(kind, "kind");
        if (countedThingId == null || countedThingId.isBlank()) {
            throw new IllegalArgumentException("countedThingId: required");
        }
        return transactions.withHandle(h -> transactions.attach(h, Dao.class)
                .record(month.practitionerId().value(), kind.name(), countedThingId, month.month().atDay(1))) == 1;
    }

    /** Recorded with the unit of work's other deferred writes (see {@link JdbiTransactions.Deferred}). */
    @Override
    public void note(UsageMonth month, UsageKind kind, String countedThingId) {
        Objects.requireNonNull(month, "month");
        Objects.requireNonNull(kind, "kind");
        if (countedThingId == null || countedThingId.isBlank()) {
            throw new IllegalArgumentException("countedThingId: required");
        }
        transactions.defer(JdbiTransactions.Deferred.insert("""
                INSERT INTO usage_records (practitioner_id, kind, thing_id, usage_month)
                VALUES (:practitionerId, :kind, :thingId, :month)
                ON CONFLICT (practitioner_id, kind, thing_id) DO NOTHING
                RETURNING 1""", java.util.Map.of("practitionerId", month.practitionerId().value(), "kind", kind.name(),
                "thingId", countedThingId, "month", month.month().atDay(1))));
    }
}
