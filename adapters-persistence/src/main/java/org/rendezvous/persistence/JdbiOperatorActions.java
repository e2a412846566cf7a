package org.rendezvous.persistence;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.rendezvous.core.contact.EmailAddress;
import org.rendezvous.core.operator.ActionKind;
import org.rendezvous.core.operator.OperatorAction;
import org.rendezvous.core.operator.OperatorId;
import org.rendezvous.core.port.OperatorActions;
import org.rendezvous.core.practitioner.PractitionerId;

/**
 * The operators' audit log in {@code operator_actions}, append-only (a trigger refuses UPDATE and
 * DELETE). Rows are ordered by {@code position}, a sequence, so "latest" does not depend on clocks.
 */
final class JdbiOperatorActions implements OperatorActions {

    public record ActionRow(UUID id, UUID operatorId, String operatorEmail, String kind, String subject,
                            UUID practitionerId, String reason, Instant at) {
    }

    interface Dao {
        String COLUMNS = "id, operator_id, operator_email, kind, subject, practitioner_id, reason, at";

        @SqlUpdate("INSERT INTO operator_actions (" + COLUMNS + ") VALUES (:id, :operatorId, :operatorEmail, :kind, "
                + ":subject, :practitionerId, :reason, :at)")
        int insert(@BindMethods ActionRow row);

        @SqlQuery("SELECT " + COLUMNS + " FROM operator_actions ORDER BY position DESC LIMIT :limit")
        @RegisterConstructorMapper(ActionRow.class)
        List<ActionRow> recent(@Bind("limit") int limit);

        @SqlQuery("SELECT " + COLUMNS + " FROM operator_actions WHERE practitioner_id = :practitionerId ORDER BY position DESC")
        @RegisterConstructorMapper(ActionRow.class)
        List<ActionRow> about(@Bind("practitionerId") UUID practitionerId);

        @SqlQuery("""
                SELECT kind = 'SUSPEND_PRACTITIONER' FROM operator_actions
                WHERE practitioner_id = :practitionerId AND kind IN ('SUSPEND_PRACTITIONER', 'REACTIVATE_PRACTITIONER')
                ORDER BY position DESC LIMIT 1
                """)
        Optional<Boolean> suspended(@Bind("practitionerId") UUID practitionerId);

        @SqlQuery("""
                SELECT practitioner_id FROM (
                    SELECT DISTINCT ON (practitioner_id) practitioner_id, kind FROM operator_actions
                    WHERE kind IN ('SUSPEND_PRACTITIONER', 'REACTIVATE_PRACTITIONER')
                    ORDER BY practitioner_id, position DESC) latest
                WHERE kind = 'SUSPEND_PRACTITIONER'
                """)
        List<UUID> suspendedNow();
    }

    private final JdbiTransactions transactions;

    JdbiOperatorActions(JdbiTransactions transactions) {
        this.transactions = transactions;
    }

    @Override
    public void record(OperatorAction action) {
        ActionRow row = new ActionRow(action.id(), action.operatorId().value(), action.operatorEmail().value(),
                action.kind().name(), action.subject(), action.practitionerId().map(PractitionerId::value).orElse(null),
                action.reason(), action.at());
        action.practitionerId().ifPresent(p -> transactions.forget(suspendedMemo(p)));
        transactions.withHandle(h -> transactions.attach(h, Dao.class).insert(row));
    }

    @Override
    public List<OperatorAction> recent(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit: at least 1");
        }
        return transactions.withHandle(h -> transactions.attach(h, Dao.class).recent(limit)).stream()
                .map(JdbiOperatorActions::action).toList();
    }

    @Override
    public List<OperatorAction> about(PractitionerId practitioner) {
        Objects.requireNonNull(practitioner, "practitioner");
        return transactions.withHandle(h -> transactions.attach(h, Dao.class).about(practitioner.value())).stream()
                .map(JdbiOperatorActions::action).toList();
    }

    @Override
    public boolean suspended(PractitionerId practitioner) {
        Objects.requireNonNull(practitioner, "practitioner");
        // Read already in this unit of work with the agenda (JdbiAgendas.settingsAndActivity): not read again.
        Optional<Object> known = transactions.memo(suspendedMemo(practitioner));
        if (known.isPresent()) {
            return (Boolean) known.get();
        }
        return transactions.withHandle(h -> transactions.attach(h, Dao.class).suspended(practitioner.value())).orElse(false);
    }

    @Override
    public Set<PractitionerId> suspended() {
        Set<PractitionerId> all = new HashSet<>();
        for (UUID id : transactions.withHandle(h -> transactions.attach(h, Dao.class).suspendedNow())) {
            all.add(new PractitionerId(id));
        }
        return all;
    }

    private static OperatorAction action(ActionRow row) {
        return new OperatorAction(row.id(), new OperatorId(row.operatorId()), EmailAddress.of(row.operatorEmail()),
                ActionKind.valueOf(row.kind()), row.subject(), Optional.ofNullable(row.practitionerId()).map(PractitionerId::new),
                row.reason(), row.at());
    }

    /** The key under which a unit of work keeps whether a practitioner is suspended. */
    static Object suspendedMemo(PractitionerId practitioner) {
        return java.util.List.of("suspended", practitioner.value());
    }
}
