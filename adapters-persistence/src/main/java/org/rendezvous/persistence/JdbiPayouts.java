package org.rendezvous.persistence;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.reflect.ConstructorMapper;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.customizer.Define;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.rendezvous.core.booking.BookingId;
import org.rendezvous.core.money.Money;
import org.rendezvous.core.payout.BatchItem;
import org.rendezvous.core.payout.BatchSending;
import org.rendezvous.core.payout.Payout;
import org.rendezvous.core.payout.PayoutBatch;
import org.rendezvous.core.payout.PayoutBatchId;
import org.rendezvous.core.payout.PayoutBatchState;
import org.rendezvous.core.payout.PayoutId;
import org.rendezvous.core.payout.PayoutPosition;
import org.rendezvous.core.payout.PayoutState;
import org.rendezvous.core.payout.PayoutTrigger;
import org.rendezvous.core.payout.StatementLine;
import org.rendezvous.core.port.Payouts;
import org.rendezvous.core.practitioner.BankDetails;
import org.rendezvous.core.practitioner.Bic;
import org.rendezvous.core.practitioner.Iban;
import org.rendezvous.core.practitioner.PractitionerId;

/**
 * Payouts and their statements (PO-1 … PO-5). PO-2 is the unique constraint on (practitioner, trigger
 * key): a second payout for the same trigger, from this instance or another, is answered by
 * {@code ON CONFLICT DO NOTHING} (after waiting for the first one's transaction, if it is still open), so
 * the caller's transaction goes on and can read the payout that was there first.
 *
 * <p>Identity, trigger, cut-off, amount and statement are fixed when the payout is added (the domain's
 * {@link Payout#sent} and {@link Payout#failed} change none of them); {@link #update} stores the new state,
 * reference, failure and update time, if the row is still in the expected state; {@link #revise} stores the whole
 * new version, statement included (a carried-over payout moving forward, PO-4; V9's partial unique index keeps one
 * CARRIED_OVER payout per practitioner).
 *
 * <p>Bank-file batches (V9): one per cycle and one open batch on request, by unique indexes; an item is added
 * only while its batch is OPEN, read with {@code FOR SHARE} so that the export ({@code UPDATE ... WHERE state =
 * 'OPEN'}) waits for the transactions adding items and then fixes the batch with all of them.
 */
final class JdbiPayouts implements Payouts {

    public record PayoutRow(UUID id, UUID practitionerId, String triggerKind, LocalDate cycleDate, String requestKey,
                            String triggerKey, Instant cutoff, long amountMinor, String currency, String state,
                            String reference, String failure, Instant createdAt, Instant updatedAt) {
    }

    public record LineRow(UUID payoutId, int seq, Instant at, String kind, UUID bookingId, long amountMinor,
                          String currency) {
    }

    public record PaidUpTo(UUID practitionerId, Instant paidUpTo) {
    }

    private static final String COLUMNS = """
            id, practitioner_id, trigger_kind, cycle_date, request_key, trigger_key, cutoff, amount_minor, currency,
            state, reference, failure, created_at, updated_at""";
    public record BatchRow(UUID id, LocalDate cycleDate, String currency, String state, Instant createdAt,
                           Instant exportedAt, Instant sentAt, String sentBy, String sentNote) {
    }

    public record ItemRow(UUID batchId, UUID payoutId, UUID practitionerId, String holder, String iban, String bic,
                          long amountMinor, String currency, String remittance) {
    }

    private static final String BATCH_COLUMNS = """
            id, cycle_date, currency, state, created_at, exported_at, sent_at, sent_by, sent_note""";
    private static final String CYCLE = "CYCLE";
    private static final String REQUEST = "REQUEST";

    interface Dao {
        @SqlUpdate("""
                INSERT INTO payouts (<columns>)
                VALUES (:id, :practitionerId, :triggerKind, :cycleDate, :requestKey, :triggerKey, :cutoff, :amountMinor,
                    :currency, :state, :reference, :failure, :createdAt, :updatedAt)
                ON CONFLICT (practitioner_id, trigger_key) DO NOTHING
                """)
        int insert(@Define("columns") String columns, @BindMethods PayoutRow row);

        @SqlBatch("""
                INSERT INTO payout_statement_lines (payout_id, seq, at, kind, booking_id, amount_minor, currency)
                VALUES (:payoutId, :seq, :at, :kind, :bookingId, :amountMinor, :currency)
                """)
        void insertLines(@BindMethods List<LineRow> rows);

        @SqlUpdate("""
                UPDATE payouts SET state = :state, reference = :reference, failure = :failure, updated_at = :updatedAt
                WHERE id = :id AND state = :expectedState
                """)
        int update(@BindMethods PayoutRow row, @Bind("expectedState") String expectedState);

        @SqlQuery("SELECT <columns> FROM payouts WHERE id = :id")
        @RegisterConstructorMapper(PayoutRow.class)
        Optional<PayoutRow> find(@Define("columns") String columns, @Bind("id") UUID id);

        @SqlQuery("SELECT <columns> FROM payouts WHERE practitioner_id = :practitionerId AND trigger_key = :triggerKey")
        @RegisterConstructorMapper(PayoutRow.class)
        Optional<PayoutRow> forTrigger(@Define("columns") String columns, @Bind("practitionerId") UUID practitionerId,
                                       @Bind("triggerKey") String triggerKey);

        @SqlQuery("""
                SELECT <columns> FROM payouts WHERE practitioner_id = :practitionerId
                ORDER BY created_at DESC, sequence DESC
                """)
        @RegisterConstructorMapper(PayoutRow.class)
        List<PayoutRow> ofPractitioner(@Define("columns") String columns, @Bind("practitionerId") UUID practitionerId);

        @SqlQuery("SELECT <columns> FROM payouts WHERE state = :state ORDER BY created_at, sequence LIMIT :limit")
        @RegisterConstructorMapper(PayoutRow.class)
        List<PayoutRow> inState(@Define("columns") String columns, @Bind("state") String state, @Bind("limit") int limit);

        @SqlQuery("""
                SELECT payout_id, seq, at, kind, booking_id, amount_minor, currency FROM payout_statement_lines
                WHERE payout_id = ANY (string_to_array(:ids, ',')::uuid[]) ORDER BY payout_id, seq
                """)
        @RegisterConstructorMapper(LineRow.class)
        List<LineRow> lines(@Bind("ids") String ids);

        @SqlUpdate("""
                UPDATE payouts SET trigger_kind = :triggerKind, cycle_date = :cycleDate, request_key = :requestKey,
                    trigger_key = :triggerKey, cutoff = :cutoff, amount_minor = :amountMinor, currency = :currency,
                    state = :state, reference = :reference, failure = :failure, updated_at = :updatedAt
                WHERE id = :id AND state = :expectedState
                """)
        int revise(@BindMethods PayoutRow row, @Bind("expectedState") String expectedState);

        @SqlBatch("""
                INSERT INTO payouts (<columns>)
                VALUES (:id, :practitionerId, :triggerKind, :cycleDate, :requestKey, :triggerKey, :cutoff, :amountMinor,
                    :currency, :state, :reference, :failure, :createdAt, :updatedAt)
                ON CONFLICT (practitioner_id, trigger_key) DO NOTHING
                """)
        int[] insertAll(@Define("columns") String columns, @BindMethods List<PayoutRow> rows);

        /** The statement lines of many payouts in one statement, each column as one comma-separated text. */
        @SqlUpdate("""
                INSERT INTO payout_statement_lines (payout_id, seq, at, kind, booking_id, amount_minor, currency)
                SELECT * FROM unnest(string_to_array(:payoutIds, ',')::uuid[], string_to_array(:seqs, ',')::integer[],
                    string_to_array(:ats, ',')::timestamptz[], string_to_array(:kinds, ','),
                    string_to_array(:bookingIds, ',', '')::uuid[], string_to_array(:amounts, ',')::bigint[],
                    string_to_array(:currencies, ','))
                """)
        int insertLinesAtOnce(@Bind("payoutIds") String payoutIds, @Bind("seqs") String seqs, @Bind("ats") String ats,
                              @Bind("kinds") String kinds, @Bind("bookingIds") String bookingIds,
                              @Bind("amounts") String amounts, @Bind("currencies") String currencies);

        @SqlBatch("""
                UPDATE payouts SET state = :state, reference = :reference, failure = :failure, updated_at = :updatedAt
                WHERE id = :id AND state = :expectedState
                """)
        int[] updateAll(@BindMethods List<PayoutRow> rows, @Bind("expectedState") String expectedState);

        @SqlQuery("""
                SELECT <columns> FROM payouts
                WHERE practitioner_id = ANY (string_to_array(:ids, ',')::uuid[])
                  AND (trigger_key = :triggerKey OR state = 'CARRIED_OVER')
                """)
        @RegisterConstructorMapper(PayoutRow.class)
        List<PayoutRow> forTriggerOrCarried(@Define("columns") String columns, @Bind("ids") String ids,
                                            @Bind("triggerKey") String triggerKey);

        @SqlQuery("""
                SELECT practitioner_id, max(cutoff) AS paid_up_to FROM payouts
                WHERE practitioner_id = ANY (string_to_array(:ids, ',')::uuid[])
                  AND state IN ('SENT', 'PLANNED', 'AWAITING_BANK_FILE')
                GROUP BY practitioner_id
                """)
        @RegisterConstructorMapper(PaidUpTo.class)
        List<PaidUpTo> paidUpTo(@Bind("ids") String ids);

        @SqlUpdate("DELETE FROM payout_statement_lines WHERE payout_id = :id")
        void deleteLines(@Bind("id") UUID id);

        @SqlQuery("SELECT <columns> FROM payouts WHERE practitioner_id = :practitionerId AND state = 'CARRIED_OVER'")
        @RegisterConstructorMapper(PayoutRow.class)
        Optional<PayoutRow> carriedOver(@Define("columns") String columns, @Bind("practitionerId") UUID practitionerId);

        @SqlUpdate("""
                INSERT INTO payout_batches (<columns>)
                VALUES (:id, :cycleDate, :currency, :state, :createdAt, :exportedAt, :sentAt, :sentBy, :sentNote)
                ON CONFLICT DO NOTHING
                """)
        int insertBatch(@Define("columns") String columns, @BindMethods BatchRow row);

        @SqlQuery("SELECT <columns> FROM payout_batches WHERE id = :id")
        @RegisterConstructorMapper(BatchRow.class)
        Optional<BatchRow> batch(@Define("columns") String columns, @Bind("id") UUID id);

        @SqlQuery("SELECT state FROM payout_batches WHERE id = :id FOR SHARE")
        Optional<String> batchStateForShare(@Bind("id") UUID id);

        @SqlQuery("SELECT <columns> FROM payout_batches WHERE cycle_date = :cycleDate")
        @RegisterConstructorMapper(BatchRow.class)
        Optional<BatchRow> batchOfCycle(@Define("columns") String columns, @Bind("cycleDate") LocalDate cycleDate);

        @SqlQuery("SELECT <columns> FROM payout_batches WHERE cycle_date IS NULL AND state = 'OPEN'")
        @RegisterConstructorMapper(BatchRow.class)
        Optional<BatchRow> openBatchOnRequest(@Define("columns") String columns);

        @SqlQuery("SELECT <columns> FROM payout_batches ORDER BY sequence DESC LIMIT :limit")
        @RegisterConstructorMapper(BatchRow.class)
        List<BatchRow> batches(@Define("columns") String columns, @Bind("limit") int limit);

        @SqlUpdate("""
                INSERT INTO payout_batch_items (batch_id, payout_id, practitioner_id, holder, iban, bic, amount_minor,
                    currency, remittance)
                VALUES (:batchId, :payoutId, :practitionerId, :holder, :iban, :bic, :amountMinor, :currency, :remittance)
                ON CONFLICT (payout_id) DO NOTHING
                """)
        int insertItem(@BindMethods ItemRow row);

        @SqlQuery("""
                SELECT batch_id, payout_id, practitioner_id, holder, iban, bic, amount_minor, currency, remittance
                FROM payout_batch_items WHERE batch_id = ANY (string_to_array(:ids, ',')::uuid[]) ORDER BY batch_id, seq
                """)
        @RegisterConstructorMapper(ItemRow.class)
        List<ItemRow> items(@Bind("ids") String ids);

        @SqlUpdate("""
                UPDATE payout_batches SET state = :state, exported_at = :exportedAt, sent_at = :sentAt, sent_by = :sentBy,
                    sent_note = :sentNote
                WHERE id = :id AND state = :expectedState
                """)
        int updateBatch(@BindMethods BatchRow row, @Bind("expectedState") String expectedState);
    }

    private final JdbiTransactions transactions;

    JdbiPayouts(JdbiTransactions transactions) {
        this.transactions = transactions;
    }

    @Override
    public boolean add(Payout payout) {
        PayoutRow row = row(payout);
        List<LineRow> lines = new ArrayList<>();
        for (int i = 0; i < payout.statement().size(); i++) {
            StatementLine line = payout.statement().get(i);
            lines.add(new LineRow(row.id(), i, line.at(), line.kind(), line.bookingId().map(BookingId::value).orElse(null),
                    line.amount().minorUnits(), line.amount().currency().getCurrencyCode()));
        }
        return transactions.withHandle(h -> {
            Dao dao = transactions.attach(h, Dao.class);
            if (dao.insert(COLUMNS, row) == 0) {
                return false;
            }
            if (!lines.isEmpty()) {
                dao.insertLines(lines);
            }
            return true;
        });
    }

    @Override
    public Optional<Payout> find(PayoutId id) {
        return transactions.withHandle(h -> one(h, transactions.attach(h, Dao.class).find(COLUMNS, id.value())));
    }

    @Override
    public Optional<Payout> forTrigger(PractitionerId practitioner, String triggerKey) {
        Objects.requireNonNull(triggerKey, "triggerKey");
        return transactions.withHandle(h -> one(h, transactions.attach(h, Dao.class).forTrigger(COLUMNS, practitioner.value(), triggerKey)));
    }

    @Override
    public boolean update(Payout next, PayoutState expectedState) {
        Objects.requireNonNull(expectedState, "expectedState");
        PayoutRow row = row(next);
        return transactions.withHandle(h -> transactions.attach(h, Dao.class).update(row, expectedState.name())) == 1;
    }

    @Override
    public List<Payout> ofPractitioner(PractitionerId practitioner) {
        return transactions.withHandle(h -> withStatements(h, transactions.attach(h, Dao.class).ofPractitioner(COLUMNS, practitioner.value())));
    }

    @Override
    public List<Payout> inState(PayoutState state, int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("limit: must not be negative, was " + limit);
        }
        return transactions.withHandle(h -> withStatements(h, transactions.attach(h, Dao.class).inState(COLUMNS, state.name(), limit)));
    }

    /**
     * Keyset paging on {@code (updated_at, id)}, read backwards through {@code payouts_newest_change} (or its per-state
     * twin, V16): each page costs the same however deep the operator reads, which an offset would not.
     */
    @Override
    public List<Payout> newestChanged(Optional<PayoutState> state, Optional<PayoutPosition> after, int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("limit: must not be negative, was " + limit);
        }
        List<String> conditions = new ArrayList<>();
        state.ifPresent(s -> conditions.add("state = :state"));
        after.ifPresent(a -> conditions.add("(updated_at, id) < (:afterAt, :afterId)"));
        String sql = "SELECT " + COLUMNS + " FROM payouts"
                + (conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions))
                + " ORDER BY updated_at DESC, id DESC LIMIT :limit";
        return transactions.withHandle(h -> JdbiTransactions.translated(() -> {
            var query = h.createQuery(sql).registerRowMapper(ConstructorMapper.factory(PayoutRow.class)).bind("limit", limit);
            state.ifPresent(s -> query.bind("state", s.name()));
            after.ifPresent(a -> query.bind("afterAt", a.updatedAt()).bind("afterId", a.id().value()));
            return withStatements(h, query.mapTo(PayoutRow.class).list());
        }));
    }

    @Override
    public Optional<Payout> carriedOver(PractitionerId practitioner) {
        return transactions.withHandle(h -> one(h, transactions.attach(h, Dao.class).carriedOver(COLUMNS, practitioner.value())));
    }

    @Override
    public boolean revise(Payout next, PayoutState expectedState) {
        Objects.requireNonNull(expectedState, "expectedState");
        PayoutRow row = row(next);
        List<LineRow> lines = lines(next, row.id());
        return transactions.withHandle(h -> {
            Dao dao = transactions.attach(h, Dao.class);
            if (dao.revise(row, expectedState.name()) != 1) {
                return false;
            }
            dao.deleteLines(row.id());
            if (!lines.isEmpty()) {
                dao.insertLines(lines);
            }
            return true;
        });
    }

    /** Issue 15: a chunk's payouts in one batch, and all their statements' lines in one statement. */
    @Override
    public java.util.Set<PayoutId> addAll(List<Payout> payouts) {
        if (payouts.isEmpty()) {
            return java.util.Set.of();
        }
        List<PayoutRow> rows = payouts.stream().map(JdbiPayouts::row).toList();
        return transactions.withHandle(h -> {
            Dao dao = transactions.attach(h, Dao.class);
            int[] counts = dao.insertAll(COLUMNS, rows);
            java.util.Set<PayoutId> added = new java.util.HashSet<>();
            List<LineRow> lines = new ArrayList<>();
            for (int i = 0; i < payouts.size(); i++) {
                if (counts[i] > 0) {
                    added.add(payouts.get(i).id());
                    lines.addAll(lines(payouts.get(i), rows.get(i).id()));
                }
            }
            if (!lines.isEmpty()) {
                dao.insertLinesAtOnce(
                        SqlArrays.join(lines.stream().map(LineRow::payoutId).toList()),
                        SqlArrays.join(lines.stream().map(LineRow::seq).toList()),
                        SqlArrays.join(lines.stream().map(LineRow::at).toList()),
                        SqlArrays.join(lines.stream().map(LineRow::kind).toList()),
                        lines.stream().map(l -> l.bookingId() == null ? "" : l.bookingId().toString())
                                .collect(java.util.stream.Collectors.joining(",")),
                        SqlArrays.join(lines.stream().map(LineRow::amountMinor).toList()),
                        SqlArrays.join(lines.stream().map(LineRow::currency).toList()));
            }
            return added;
        });
    }

    @Override
    public java.util.Set<PayoutId> updateAll(List<Payout> next, PayoutState expectedState) {
        Objects.requireNonNull(expectedState, "expectedState");
        if (next.isEmpty()) {
            return java.util.Set.of();
        }
        List<PayoutRow> rows = next.stream().map(JdbiPayouts::row).toList();
        int[] counts = transactions.withHandle(h -> transactions.attach(h, Dao.class).updateAll(rows, expectedState.name()));
        java.util.Set<PayoutId> updated = new java.util.HashSet<>();
        for (int i = 0; i < next.size(); i++) {
            if (counts[i] > 0) {
                updated.add(next.get(i).id());
            }
        }
        return updated;
    }

    /** Issue 15: the chunk's payouts for the trigger and carried over in one read, their latest cut-offs in another. */
    @Override
    public Map<PractitionerId, CycleView> cycleViews(java.util.Collection<PractitionerId> practitioners, String triggerKey) {
        Objects.requireNonNull(triggerKey, "triggerKey");
        if (practitioners.isEmpty()) {
            return Map.of();
        }
        String ids = SqlArrays.join(practitioners.stream().map(PractitionerId::value).toList());
        return transactions.withHandle(h -> {
            Dao dao = transactions.attach(h, Dao.class);
            List<Payout> found = withStatements(h, dao.forTriggerOrCarried(COLUMNS, ids, triggerKey));
            Map<UUID, Instant> paidUpTo = new HashMap<>();
            for (PaidUpTo row : dao.paidUpTo(ids)) {
                paidUpTo.put(row.practitionerId(), row.paidUpTo());
            }
            Map<PractitionerId, CycleView> views = new HashMap<>();
            for (PractitionerId practitioner : practitioners) {
                Optional<Payout> forTrigger = Optional.empty();
                Optional<Payout> carried = Optional.empty();
                for (Payout payout : found) {
                    if (!payout.practitionerId().equals(practitioner)) {
                        continue;
                    }
                    if (payout.trigger().key().equals(triggerKey)) {
                        forTrigger = Optional.of(payout);
                    }
                    if (payout.state() == PayoutState.CARRIED_OVER) {
                        carried = Optional.of(payout);
                    }
                }
                views.put(practitioner, new CycleView(forTrigger, carried,
                        paidUpTo.getOrDefault(practitioner.value(), Instant.EPOCH)));
            }
            return views;
        });
    }

    @Override
    public boolean addBatch(PayoutBatch batch) {
        BatchRow row = batchRow(batch);
        return transactions.withHandle(h -> {
            Dao dao = transactions.attach(h, Dao.class);
            if (dao.insertBatch(BATCH_COLUMNS, row) == 0) {
                return false;
            }
            for (BatchItem item : batch.items()) {
                dao.insertItem(itemRow(batch.id(), item));
            }
            return true;
        });
    }

    @Override
    public Optional<PayoutBatch> batch(PayoutBatchId id) {
        return transactions.withHandle(h -> withItems(h, transactions.attach(h, Dao.class).batch(BATCH_COLUMNS, id.value())
                .stream().toList()).stream().findFirst());
    }

    @Override
    public Optional<PayoutBatch> batchOf(Optional<LocalDate> cycle) {
        return transactions.withHandle(h -> {
            Dao dao = transactions.attach(h, Dao.class);
            Optional<BatchRow> row = cycle.isPresent() ? dao.batchOfCycle(BATCH_COLUMNS, cycle.get())
                    : dao.openBatchOnRequest(BATCH_COLUMNS);
            return withItems(h, row.stream().toList()).stream().findFirst();
        });
    }

    @Override
    public boolean addToBatch(PayoutBatchId batch, BatchItem item) {
        ItemRow row = itemRow(batch, item);
        return transactions.withHandle(h -> {
            Dao dao = transactions.attach(h, Dao.class);
            if (!dao.batchStateForShare(batch.value()).map(PayoutBatchState.OPEN.name()::equals).orElse(false)) {
                return false;
            }
            return dao.insertItem(row) == 1;
        });
    }

    @Override
    public boolean updateBatch(PayoutBatch next, PayoutBatchState expectedState) {
        Objects.requireNonNull(expectedState, "expectedState");
        BatchRow row = batchRow(next);
        return transactions.withHandle(h -> transactions.attach(h, Dao.class).updateBatch(row, expectedState.name())) == 1;
    }

    @Override
    public List<PayoutBatch> batches(int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("limit: must not be negative, was " + limit);
        }
        return transactions.withHandle(h -> withItems(h, transactions.attach(h, Dao.class).batches(BATCH_COLUMNS, limit)));
    }

    private List<PayoutBatch> withItems(Handle handle, List<BatchRow> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<UUID, List<BatchItem>> items = new HashMap<>();
        for (ItemRow item : transactions.attach(handle, Dao.class).items(SqlArrays.join(rows.stream().map(BatchRow::id).toList()))) {
            items.computeIfAbsent(item.batchId(), k -> new ArrayList<>()).add(new BatchItem(new PayoutId(item.payoutId()),
                    new PractitionerId(item.practitionerId()),
                    new BankDetails(item.holder(), Iban.of(item.iban()), Optional.ofNullable(item.bic()).map(Bic::of)),
                    new Money(item.amountMinor(), Currency.getInstance(item.currency())), item.remittance()));
        }
        return rows.stream().map(row -> new PayoutBatch(new PayoutBatchId(row.id()), Optional.ofNullable(row.cycleDate()),
                Currency.getInstance(row.currency()), PayoutBatchState.valueOf(row.state()),
                items.getOrDefault(row.id(), List.of()), row.createdAt(), Optional.ofNullable(row.exportedAt()),
                row.sentAt() == null ? Optional.<BatchSending>empty()
                        : Optional.of(new BatchSending(row.sentBy(), row.sentAt(), row.sentNote())))).toList();
    }

    private static BatchRow batchRow(PayoutBatch b) {
        return new BatchRow(b.id().value(), b.cycle().orElse(null), b.currency().getCurrencyCode(), b.state().name(),
                b.createdAt(), b.exportedAt().orElse(null), b.sending().map(BatchSending::at).orElse(null),
                b.sending().map(BatchSending::by).orElse(null), b.sending().map(BatchSending::note).orElse(null));
    }

    private static ItemRow itemRow(PayoutBatchId batch, BatchItem item) {
        return new ItemRow(batch.value(), item.payoutId().value(), item.practitionerId().value(), item.creditor().holder(),
                item.creditor().iban().value(), item.creditor().bic().map(Bic::value).orElse(null),
                item.amount().minorUnits(), item.amount().currency().getCurrencyCode(), item.remittance());
    }

    private static List<LineRow> lines(Payout payout, UUID id) {
        List<LineRow> lines = new ArrayList<>();
        for (int i = 0; i < payout.statement().size(); i++) {
            StatementLine line = payout.statement().get(i);
            lines.add(new LineRow(id, i, line.at(), line.kind(), line.bookingId().map(BookingId::value).orElse(null),
                    line.amount().minorUnits(), line.amount().currency().getCurrencyCode()));
        }
        return lines;
    }

    private Optional<Payout> one(Handle handle, Optional<PayoutRow> row) {
        return row.map(r -> withStatements(handle, List.of(r)).get(0));
    }

    private List<Payout> withStatements(Handle handle, List<PayoutRow> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<UUID, List<StatementLine>> statements = new HashMap<>();
        for (LineRow line : transactions.attach(handle, Dao.class).lines(SqlArrays.join(rows.stream().map(PayoutRow::id).toList()))) {
            statements.computeIfAbsent(line.payoutId(), k -> new ArrayList<>()).add(new StatementLine(line.at(),
                    line.kind(), Optional.ofNullable(line.bookingId()).map(BookingId::new),
                    new Money(line.amountMinor(), Currency.getInstance(line.currency()))));
        }
        return rows.stream().map(row -> payout(row, statements.getOrDefault(row.id(), List.of()))).toList();
    }

    private static PayoutRow row(Payout p) {
        PayoutTrigger trigger = p.trigger();
        LocalDate cycleDate = trigger instanceof PayoutTrigger.Cycle cycle ? cycle.date() : null;
        String requestKey = trigger instanceof PayoutTrigger.Request request ? request.requestKey() : null;
        return new PayoutRow(p.id().value(), p.practitionerId().value(), cycleDate != null ? CYCLE : REQUEST, cycleDate,
                requestKey, trigger.key(), p.cutoff(), p.amount().minorUnits(), p.amount().currency().getCurrencyCode(),
                p.state().name(), p.reference().orElse(null), p.failure().orElse(null), p.createdAt(), p.updatedAt());
    }

    private static Payout payout(PayoutRow row, List<StatementLine> statement) {
        PayoutTrigger trigger = CYCLE.equals(row.triggerKind()) ? new PayoutTrigger.Cycle(row.cycleDate())
                : new PayoutTrigger.Request(row.requestKey());
        return new Payout(new PayoutId(row.id()), new PractitionerId(row.practitionerId()), trigger, row.cutoff(),
                new Money(row.amountMinor(), Currency.getInstance(row.currency())), PayoutState.valueOf(row.state()),
                statement, Optional.ofNullable(row.reference()), Optional.ofNullable(row.failure()), row.createdAt(),
                row.updatedAt());
    }
}
