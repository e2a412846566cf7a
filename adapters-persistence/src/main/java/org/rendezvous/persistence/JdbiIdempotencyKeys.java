package org.rendezvous.persistence;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.rendezvous.core.idempotency.IdempotencyKey;
import org.rendezvous.core.idempotency.IdempotencyRecord;
import org.rendezvous.core.outcome.Reason;
import org.rendezvous.core.port.IdempotencyKeys;
import org.rendezvous.core.practitioner.PractitionerId;

/** BK-8: one record per practitioner and key, guarded by the primary key. */
final class JdbiIdempotencyKeys implements IdempotencyKeys {

    public record RecordRow(UUID practitionerId, String idempotencyKey, String operation, String fingerprint,
                     String subjectId, String rejection, String detail, Instant createdAt) {
    }

    interface Dao {
        @SqlUpdate("""
                INSERT INTO idempotency_keys (practitioner_id, idempotency_key, operation, fingerprint, subject_id,
                    rejection, detail, created_at)
                VALUES (:practitionerId, :idempotencyKey, :operation, :fingerprint, :subjectId, :rejection, :detail,
                    :createdAt)
                ON CONFLICT (practitioner_id, idempotency_key) DO NOTHING
                """)
        int insert(@BindMethods RecordRow row);

        @SqlQuery("""
                SELECT practitioner_id, idempotency_key, operation, fingerprint, subject_id, rejection, detail, created_at
                FROM idempotency_keys WHERE practitioner_id = :practitionerId AND idempotency_key = :key
                """)
        @RegisterConstructorMapper(RecordRow.class)
        Optional<RecordRow> find(@Bind("practitionerId") UUID practitionerId, @Bind("key") String key);
    }

    private final JdbiTransactions transactions;

    JdbiIdempotencyKeys(JdbiTransactions transactions) {
        this.transactions = transactions;
    }

    @Override
    public Optional<IdempotencyRecord> find(PractitionerId scope, IdempotencyKey key) {
        return transactions.withHandle(h -> transactions.attach(h, Dao.class).find(scope.value(), key.value()))
                .map(row -> new IdempotencyRecord(new PractitionerId(row.practitionerId()),
                        IdempotencyKey.of(row.idempotencyKey()), row.operation(), row.fingerprint(),
                        Optional.ofNullable(row.subjectId()), Optional.ofNullable(row.rejection()).map(Reason::valueOf),
                        row.detail(), row.createdAt()));
    }

    /** A key remembered already is refused without spoiling the transaction: the caller decides what follows. */
    @Override
    public void remember(IdempotencyRecord r) {
        RecordRow row = new RecordRow(r.scope().value(), r.key().value(), r.operation(), r.fingerprint(),
                r.subjectId().orElse(null), r.rejection().map(Enum::name).orElse(null), r.detail(), r.createdAt());
        // Sent now with the unit of work's deferred writes (a booking's history, messages, usage): one statement.
        java.util.Map<String, Object> bindings = new java.util.HashMap<>();
        bindings.put("practitionerId", row.practitionerId());
        bindings.put("idempotencyKey", row.idempotencyKey());
        bindings.put("operation", row.operation());
        bindings.put("fingerprint", row.fingerprint());
        bindings.put("subjectId", row.subjectId());
        bindings.put("rejection", row.rejection());
        bindings.put("detail", row.detail());
        bindings.put("createdAt", row.createdAt());
        transactions.sendWithDeferred(new JdbiTransactions.Deferred("""
                INSERT INTO idempotency_keys (practitioner_id, idempotency_key, operation, fingerprint, subject_id,
                    rejection, detail, created_at)
                VALUES (:practitionerId, :idempotencyKey, :operation, :fingerprint, :subjectId, :rejection, :detail,
                    :createdAt)
                ON CONFLICT (practitioner_id, idempotency_key) DO NOTHING
                RETURNING 1""", bindings, 1, "idempotency key " + r.key() + " is remembered already"));
    }
}
