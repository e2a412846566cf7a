package org.rendezvous.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.Statement;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.rendezvous.core.contact.EmailAddress;
import org.rendezvous.core.operator.ActionKind;
import org.rendezvous.core.operator.Operator;
import org.rendezvous.core.operator.OperatorAction;
import org.rendezvous.core.operator.OperatorId;
import org.rendezvous.core.port.OperatorActions;
import org.rendezvous.core.port.Stores;
import org.rendezvous.core.port.contract.OperatorActionsContract;
import org.rendezvous.core.port.contract.StoreFixtures;

/** The PostgreSQL adapter passes the audit log contract of booking-core; the table refuses changes. */
class JdbiOperatorActionsTest extends OperatorActionsContract {

    @Override
    protected Stores newStores() {
        Stores stores = TestDatabase.freshStores();
        return stores;
    }

    @Override
    protected OperatorActions newActions(Stores stores) {
        return PostgresStores.operatorActions(stores);
    }

    @Override
    protected OperatorAction prepare(OperatorAction action) {
        // The log refers to its operator: make them once.
        var operators = PostgresStores.operators(stores);
        if (operators.find(action.operatorId()).isEmpty()) {
            operators.add(new Operator(action.operatorId(), action.operatorEmail(), Optional.empty(), 0, Optional.empty(),
                    0, Optional.empty(), Optional.empty(), StoreFixtures.T0));
        }
        return action;
    }

    @Test
    @DisplayName("the audit log is append-only in the database too: UPDATE and DELETE are refused")
    void appendOnly() throws Exception {
        OperatorId olga = new OperatorId(fixtures.newId());
        actions.record(prepare(new OperatorAction(fixtures.newId(), olga, EmailAddress.of("olga@example.org"),
                ActionKind.RETRY_MESSAGE, "m-1", Optional.empty(), "retry", StoreFixtures.T0)));

        try (Connection connection = TestDatabase.dataSource().getConnection();
             Statement statement = connection.createStatement()) {
            assertThatThrownBy(() -> statement.execute("UPDATE operator_actions SET reason = 'changed'"))
                    .hasMessageContaining("append-only");
            assertThatThrownBy(() -> statement.execute("DELETE FROM operator_actions"))
                    .hasMessageContaining("append-only");
        }
        assertThat(actions.recent(10)).singleElement().satisfies(a -> assertThat(a.reason()).isEqualTo("retry"));
    }
}
