package org.rendezvous.persistence;

import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.customizer.Define;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.rendezvous.core.booking.BookingId;
import org.rendezvous.core.notification.Channel;
import org.rendezvous.core.notification.ClaimedMessage;
import org.rendezvous.core.notification.DeliveryState;
import org.rendezvous.core.notification.Lease;
import org.rendezvous.core.notification.MessageKind;
import org.rendezvous.core.notification.OutboxEntry;
import org.rendezvous.core.notification.OutboxMessage;
import org.rendezvous.core.notification.OutboxMessageId;
import org.rendezvous.core.notification.Recipient;
import org.rendezvous.core.port.Outbox;
import org.rendezvous.core.practitioner.PractitionerId;

/**
 * The outbox (NOT-3). A message already there for the same cause, recipient and channel is not added:
 * {@code ON CONFLICT DO NOTHING} on the unique constraint answers that without an error, so the
 * transaction of the cause goes on.
 *
 * <p>Delivery. A claim is one {@code UPDATE … WHERE sequence IN (SELECT … LIMIT n FOR UPDATE SKIP LOCKED)}
 * in a short transaction of its own ({@link JdbiTransactions#inOwnTransaction}), committed before the
 * dispatcher sends anything: the lease is then visible to every instance, and no rollback of a caller's
 * unit of work can take it back after the messages went out. {@code SKIP LOCKED} lets concurrent claims
 * pass over the rows another claim is taking instead of queueing behind it, and the lease written on
 * the row keeps them from being claimed again once that claim committed. Every later outcome is an
 * {@code UPDATE} conditional on the lease ({@code lease_owner}, {@code lease_until}) and the state, except
 * {@link #markDelivered}, which is conditional only on not being DELIVERED already.
 *
 * <p>A message never attempted has no {@code next_attempt_at}: it is due at its {@code deliver_after}.
 * That way rows written before the delivery columns existed (or by an instance of the previous version
 * during a rolling upgrade) need no update. {@code COALESCE(next_attempt_at, deliver_after)} is the
 * expression the claim index {@code outbox_claim} is built on: the claim must use it as it is written there.
 */
final class JdbiOutbox implements Outbox {

    public record MessageRow(UUID id, UUID practitionerId, UUID bookingId, String kind, String recipient, String channel,
                      String causeKey, Instant createdAt, Instant deliverAfter) {
    }

    public record ParameterRow(UUID messageId, String name, String value) {
    }

    /** A message with its delivery columns; {@code dueAt} is when a PENDING message is due. */
    public record EntryRow(long sequence, UUID id, UUID practitionerId, UUID bookingId, String kind, String recipient,
                           String channel, String causeKey, Instant createdAt, Instant deliverAfter, String state,
                           int attempts, Instant dueAt, String lastError, Instant finishedAt,
                           String providerReference) {
    }

    /** The condition of every outcome after a claim: the message is PENDING and still under this lease. */
    public record LeaseCondition(UUID id, String owner, Instant until) {
    }

    private static final String ENTRY_COLUMNS = """
            sequence, id, practitioner_id, booking_id, kind, recipient, channel, cause_key, created_at, deliver_after,
            state, attempts, COALESCE(next_attempt_at, deliver_after) AS due_at, last_error, finished_at,
            provider_reference""";

    private static final String HELD = "id = :id AND state = 'PENDING' AND lease_owner = :owner AND lease_until = :until";

    interface Dao {
        @SqlUpdate("""
                INSERT INTO outbox (id, practitioner_id, booking_id, kind, recipient, channel, cause_key, created_at,
                    deliver_after)
                VALUES (:id, :practitionerId, :bookingId, :kind, :recipient, :channel, :causeKey, :createdAt,
                    :deliverAfter)
                ON CONFLICT (cause_key, recipient, channel) DO NOTHING
                """)
        int insert(@BindMethods MessageRow row);

        @SqlBatch("INSERT INTO outbox_parameters (message_id, name, value) VALUES (:messageId, :name, :value)")
        void insertParameters(@BindMethods List<ParameterRow> rows);

        @SqlQuery("""
                SELECT id, practitioner_id, booking_id, kind, recipient, channel, cause_key, created_at, deliver_after
                FROM outbox WHERE booking_id = :bookingId ORDER BY sequence
                """)
        @RegisterConstructorMapper(MessageRow.class)
        List<MessageRow> aboutBooking(@Bind("bookingId") UUID bookingId);

        @SqlQuery("""
                SELECT p.message_id, p.name, p.value
                FROM outbox_parameters p JOIN outbox o ON o.id = p.message_id
                WHERE o.booking_id = :bookingId
                """)
        @RegisterConstructorMapper(ParameterRow.class)
        List<ParameterRow> parametersAboutBooking(@Bind("bookingId") UUID bookingId);

        @SqlQuery("""
                SELECT message_id, name, value FROM outbox_parameters
                WHERE message_id = ANY (string_to_array(:ids, ',')::uuid[])
                """)
        @RegisterConstructorMapper(ParameterRow.class)
        List<ParameterRow> parametersOf(@Bind("ids") String ids);

        /**
         * The claim. The SELECT walks the partial index {@code outbox_claim} in due order, skips rows another
         * transaction has locked (a concurrent claim, an outcome being recorded) and locks the first
         * {@code limit} others; the UPDATE gives them the lease. At READ COMMITTED, a row changed and
         * committed meanwhile is checked again against the WHERE clause on its new version. The SELECT is a
         * MATERIALIZED CTE rather than a bare {@code IN (SELECT …)} so that it runs exactly once: a subquery
         * the planner put on the inner side of a join could be scanned again, and with SKIP LOCKED a second
         * scan may lock other rows, so a claim could exceed its limit.
         */
        @SqlQuery("""
                WITH due AS MATERIALIZED (
                    SELECT sequence FROM outbox
                    WHERE state = 'PENDING' AND COALESCE(next_attempt_at, deliver_after) <= :now
                        AND (lease_until IS NULL OR lease_until <= :now)
                    ORDER BY COALESCE(next_attempt_at, deliver_after), sequence
                    LIMIT :limit
                    FOR UPDATE SKIP LOCKED)
                UPDATE outbox SET lease_owner = :owner, lease_until = :until
                WHERE sequence IN (SELECT sequence FROM due)
                RETURNING <columns>
                """)
        @RegisterConstructorMapper(EntryRow.class)
        List<EntryRow> claimDue(@Define("columns") String columns, @Bind("now") Instant now, @Bind("limit") int limit,
                                @Bind("owner") String owner, @Bind("until") Instant until);

        @SqlUpdate("""
                UPDATE outbox SET state = 'DELIVERED', attempts = attempts + 1, lease_owner = NULL, lease_until = NULL,
                    finished_at = :at, provider_reference = :reference
                WHERE id = :id AND state <> 'DELIVERED'
                """)
        int markDelivered(@Bind("id") UUID id, @Bind("at") Instant at, @Bind("reference") String reference);

        @SqlUpdate("""
                UPDATE outbox SET state = 'SKIPPED', lease_owner = NULL, lease_until = NULL, last_error = :reason,
                    finished_at = :at
                WHERE <held>
                """)
        int markSkipped(@Define("held") String held, @BindMethods LeaseCondition lease, @Bind("at") Instant at,
                        @Bind("reason") String reason);

        @SqlUpdate("""
                UPDATE outbox SET attempts = :attempts, next_attempt_at = :next, lease_owner = NULL,
                    lease_until = NULL, last_error = :error
                WHERE <held>
                """)
        int markFailed(@Define("held") String held, @BindMethods LeaseCondition lease, @Bind("attempts") int attempts,
                       @Bind("next") Instant nextAttemptAt, @Bind("error") String error);

        @SqlUpdate("""
                UPDATE outbox SET state = 'FAILED', attempts = :attempts, lease_owner = NULL, lease_until = NULL,
                    last_error = :error, finished_at = :at
                WHERE <held>
                """)
        int park(@Define("held") String held, @BindMethods LeaseCondition lease, @Bind("attempts") int attempts,
                 @Bind("at") Instant at, @Bind("error") String error);

        @SqlUpdate("""
                UPDATE outbox SET lease_owner = NULL, lease_until = NULL
                WHERE id = ANY(string_to_array(:ids, ',')::uuid[]) AND state = 'PENDING' AND lease_owner = :owner
                    AND lease_until = :until
                """)
        int release(@Bind("ids") String ids, @Bind("owner") String owner, @Bind("until") Instant until);

        @SqlQuery("""
                SELECT <columns> FROM outbox WHERE state = 'FAILED'
                ORDER BY finished_at DESC, sequence DESC LIMIT :limit
                """)
        @RegisterConstructorMapper(EntryRow.class)
        List<EntryRow> parked(@Define("columns") String columns, @Bind("limit") int limit);

        /** The last error is kept: it is why the operator retries. */
        @SqlUpdate("""
                UPDATE outbox SET state = 'PENDING', attempts = 0, next_attempt_at = :now, lease_owner = NULL,
                    lease_until = NULL, finished_at = NULL, provider_reference = NULL
                WHERE id = :id AND state = 'FAILED'
                """)
        int retry(@Bind("id") UUID id, @Bind("now") Instant now);

        @SqlQuery("SELECT <columns> FROM outbox WHERE id = :id")
        @RegisterConstructorMapper(EntryRow.class)
        Optional<EntryRow> entry(@Define("columns") String columns, @Bind("id") UUID id);
    }

    private final JdbiTransactions transactions;

    JdbiOutbox(JdbiTransactions transactions) {
        this.transactions = transactions;
    }

    @Override
    public boolean append(OutboxMessage m) {
        MessageRow row = new MessageRow(m.id().value(), m.practitionerId().value(),
                m.bookingId().map(BookingId::value).orElse(null), m.kind().name(), m.recipient().name(),
                m.channel().name(), m.causeKey(), m.createdAt(), m.deliverAfter());
        List<ParameterRow> parameters = m.parameters().entrySet().stream()
                .map(e -> new ParameterRow(m.id().value(), e.getKey(), e.getValue())).toList();
        return transactions.withHandle(h -> {
            Dao dao = transactions.attach(h, Dao.class);
            if (dao.insert(row) == 0) {
                return false;
            }
            if (!parameters.isEmpty()) {
                dao.insertParameters(parameters);
            }
            return true;
        });
    }

    /**
     * All the messages as one multi-row insert (and one for their parameters), sent with the unit of work's
     * other deferred writes: a booking's four messages cost one statement, not four.
     */
    @Override
    public void appendAll(List<OutboxMessage> messages) {
        if (messages.isEmpty()) {
            return;
        }
        SqlValues rows = new SqlValues();
        SqlValues parameters = new SqlValues();
        for (OutboxMessage m : messages) {
            rows.row(m.id().value(), m.practitionerId().value(), m.bookingId().map(BookingId::value).orElse(null),
                    m.kind().name(), m.recipient().name(), m.channel().name(), m.causeKey(), m.createdAt(),
                    m.deliverAfter());
            m.parameters().forEach((name, value) -> parameters.row(m.id().value(), name, value));
        }
        JdbiTransactions.Deferred insert = JdbiTransactions.Deferred.insert("""
                INSERT INTO outbox (id, practitioner_id, booking_id, kind, recipient, channel, cause_key, created_at,
                    deliver_after)
                VALUES %s
                ON CONFLICT (cause_key, recipient, channel) DO NOTHING
                RETURNING id""".formatted(rows.sql()), rows.bindings());
        if (parameters.isEmpty()) {
            transactions.defer(insert);
            return;
        }
        // Parameters only for the messages inserted now: a message already written for the same cause keeps its own.
        transactions.defer(insert, JdbiTransactions.Deferred.insert("""
                INSERT INTO outbox_parameters (message_id, name, value)
                SELECT v.message_id, v.name, v.value FROM (VALUES %s) AS v (message_id, name, value)
                WHERE v.message_id IN (SELECT id FROM {previous})
                RETURNING 1""".formatted(parameters.sql()), parameters.bindings()));
    }

    @Override
    public List<OutboxMessage> aboutBooking(BookingId booking) {
        return transactions.withHandle(h -> {
            Dao dao = transactions.attach(h, Dao.class);
            List<MessageRow> rows = dao.aboutBooking(booking.value());
            if (rows.isEmpty()) {
                return List.of();
            }
            Map<UUID, TreeMap<String, String>> parameters = new HashMap<>();
            for (ParameterRow p : dao.parametersAboutBooking(booking.value())) {
                parameters.computeIfAbsent(p.messageId(), k -> new TreeMap<>()).put(p.name(), p.value());
            }
            return rows.stream().map(row -> message(row.id(), row.practitionerId(), row.bookingId(), row.kind(),
                    row.recipient(), row.channel(), row.causeKey(), row.createdAt(), row.deliverAfter(),
                    parameters.getOrDefault(row.id(), new TreeMap<>()))).toList();
        });
    }

    @Override
    public List<ClaimedMessage> claimDue(Instant now, int limit, Lease lease) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit: must be at least 1");
        }
        if (!lease.until().isAfter(now)) {
            throw new IllegalArgumentException("lease: must end after now");
        }
        // Always its own transaction, even inside a caller's unit of work: see the class comment.
        return transactions.inOwnTransaction(h -> {
            Dao dao = transactions.attach(h, Dao.class);
            List<EntryRow> rows = dao.claimDue(ENTRY_COLUMNS, now, limit, lease.owner(), lease.until()).stream()
                    // RETURNING keeps no order: put them back in the order they were chosen.
                    .sorted(Comparator.comparing(EntryRow::dueAt).thenComparingLong(EntryRow::sequence))
                    .toList();
            Map<UUID, TreeMap<String, String>> parameters = parameters(dao, rows);
            return rows.stream().map(row -> new ClaimedMessage(message(row, parameters), row.attempts(), lease))
                    .toList();
        });
    }

    @Override
    public boolean markDelivered(OutboxMessageId id, Instant at, String providerReference) {
        return transactions.withHandle(h -> transactions.attach(h, Dao.class).markDelivered(id.value(), at, providerReference) == 1);
    }

    @Override
    public boolean markSkipped(OutboxMessageId id, Lease lease, Instant at, String reason) {
        return transactions.withHandle(h -> transactions.attach(h, Dao.class).markSkipped(HELD, held(id, lease), at, reason) == 1);
    }

    @Override
    public boolean markFailed(OutboxMessageId id, Lease lease, int attempts, Instant nextAttemptAt, String error) {
        return transactions.withHandle(h -> transactions.attach(h, Dao.class)
                .markFailed(HELD, held(id, lease), attempts, nextAttemptAt, error) == 1);
    }

    @Override
    public boolean park(OutboxMessageId id, Lease lease, int attempts, Instant at, String error) {
        return transactions.withHandle(h -> transactions.attach(h, Dao.class).park(HELD, held(id, lease), attempts, at, error) == 1);
    }

    @Override
    public int release(List<OutboxMessageId> ids, Lease lease) {
        if (ids.isEmpty()) {
            return 0;
        }
        String joined = SqlArrays.join(ids.stream().map(OutboxMessageId::value).toList());
        return transactions.withHandle(h -> transactions.attach(h, Dao.class).release(joined, lease.owner(), lease.until()));
    }

    @Override
    public List<OutboxEntry> parked(int limit) {
        if (limit < 1) {
            return List.of();
        }
        return transactions.withHandle(h -> entries(h, transactions.attach(h, Dao.class).parked(ENTRY_COLUMNS, limit)));
    }

    @Override
    public boolean retry(OutboxMessageId id, Instant now) {
        return transactions.withHandle(h -> transactions.attach(h, Dao.class).retry(id.value(), now) == 1);
    }

    @Override
    public Optional<OutboxEntry> entry(OutboxMessageId id) {
        return transactions.withHandle(h -> entries(h, transactions.attach(h, Dao.class).entry(ENTRY_COLUMNS, id.value()).stream()
                .toList()).stream().findFirst());
    }

    private static LeaseCondition held(OutboxMessageId id, Lease lease) {
        return new LeaseCondition(id.value(), lease.owner(), lease.until());
    }

    private List<OutboxEntry> entries(Handle h, List<EntryRow> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<UUID, TreeMap<String, String>> parameters = parameters(transactions.attach(h, Dao.class), rows);
        return rows.stream().map(row -> new OutboxEntry(message(row, parameters), DeliveryState.valueOf(row.state()),
                row.attempts(), row.dueAt(), Optional.ofNullable(row.lastError()), Optional.ofNullable(row.finishedAt()),
                Optional.ofNullable(row.providerReference()))).toList();
    }

    private static Map<UUID, TreeMap<String, String>> parameters(Dao dao, List<EntryRow> rows) {
        Map<UUID, TreeMap<String, String>> parameters = new HashMap<>();
        if (rows.isEmpty()) {
            return parameters;
        }
        for (ParameterRow p : dao.parametersOf(SqlArrays.join(rows.stream().map(EntryRow::id).toList()))) {
            parameters.computeIfAbsent(p.messageId(), k -> new TreeMap<>()).put(p.name(), p.value());
        }
        return parameters;
    }

    private static OutboxMessage message(EntryRow row, Map<UUID, TreeMap<String, String>> parameters) {
        return message(row.id(), row.practitionerId(), row.bookingId(), row.kind(), row.recipient(), row.channel(),
                row.causeKey(), row.createdAt(), row.deliverAfter(), parameters.getOrDefault(row.id(), new TreeMap<>()));
    }

    private static OutboxMessage message(UUID id, UUID practitionerId, UUID bookingId, String kind, String recipient,
                                         String channel, String causeKey, Instant createdAt, Instant deliverAfter,
                                         TreeMap<String, String> parameters) {
        return new OutboxMessage(new OutboxMessageId(id), new PractitionerId(practitionerId),
                Optional.ofNullable(bookingId).map(BookingId::new), MessageKind.valueOf(kind),
                Recipient.valueOf(recipient), Channel.valueOf(channel), causeKey, parameters, createdAt, deliverAfter);
    }
}
