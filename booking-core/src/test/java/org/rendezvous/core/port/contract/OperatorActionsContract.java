package org.rendezvous.core.port.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.rendezvous.core.contact.EmailAddress;
import org.rendezvous.core.operator.ActionKind;
import org.rendezvous.core.operator.OperatorAction;
import org.rendezvous.core.operator.OperatorId;
import org.rendezvous.core.port.OperatorActions;
import org.rendezvous.core.port.Stores;
import org.rendezvous.core.practitioner.PractitionerId;

/** What every {@link OperatorActions} adapter (the operators' audit log) must do. */
public abstract class OperatorActionsContract {

    protected final StoreFixtures fixtures = new StoreFixtures();
    protected Stores stores;
    protected OperatorActions actions;
    private final OperatorId olga = new OperatorId(fixtures.newId());

    /** Fresh, empty stores for each test. */
    protected abstract Stores newStores();

    /** The adapter under test, sharing the transactions of {@code stores}. */
    protected abstract OperatorActions newActions(Stores stores);

    @BeforeEach
    void freshStores() {
        stores = newStores();
        actions = newActions(stores);
    }

    /** What an adapter needs before it can record the action (its operator, where the log refers to them). */
    protected OperatorAction prepare(OperatorAction action) {
        return action;
    }

    private OperatorAction action(ActionKind kind, Optional<PractitionerId> practitioner, String subject, Instant at) {
        return prepare(new OperatorAction(fixtures.newId(), olga, EmailAddress.of("olga@example.org"), kind, subject, practitioner,
                "because the client disputed it", at));
    }

    private OperatorAction suspension(PractitionerId practitioner, boolean suspend, Instant at) {
        return action(suspend ? ActionKind.SUSPEND_PRACTITIONER : ActionKind.REACTIVATE_PRACTITIONER,
                Optional.of(practitioner), practitioner.toString(), at);
    }

    @Test
    @DisplayName("actions are kept with who, when, what and why, and read back newest first")
    void recentNewestFirst() {
        PractitionerId anna = fixtures.practitionerId();
        OperatorAction first = action(ActionKind.REVERSE_CHARGE, Optional.of(anna), "booking-1", StoreFixtures.hours(1));
        OperatorAction second = action(ActionKind.RETRY_MESSAGE, Optional.empty(), "message-1", StoreFixtures.hours(2));

        actions.record(first);
        actions.record(second);

        assertThat(actions.recent(10)).containsExactly(second, first);
        assertThat(actions.recent(1)).containsExactly(second);
        assertThat(actions.about(anna)).containsExactly(first);
    }

    @Test
    @DisplayName("issue 12 item 4: every kind of action is kept, the bank-file batch's export and marking included")
    void everyKindIsKept() {
        java.util.List<OperatorAction> recorded = new java.util.ArrayList<>();
        int hour = 1;
        for (ActionKind kind : ActionKind.values()) {
            OperatorAction action = action(kind, Optional.empty(), "subject-" + kind, StoreFixtures.hours(hour++));
            actions.record(action);
            recorded.add(0, action);
        }
        assertThat(actions.recent(100)).containsExactlyElementsOf(recorded);
    }

    @Test
    @DisplayName("the latest suspension or reactivation of a practitioner says whether they are suspended")
    void suspendedFromTheLatest() {
        PractitionerId anna = fixtures.practitionerId();
        PractitionerId bob = fixtures.practitionerId();
        assertThat(actions.suspended(anna)).isFalse();

        actions.record(suspension(anna, true, StoreFixtures.hours(1)));
        actions.record(suspension(bob, true, StoreFixtures.hours(1)));
        assertThat(actions.suspended(anna)).isTrue();
        assertThat(actions.suspended()).containsExactlyInAnyOrder(anna, bob);

        actions.record(suspension(anna, false, StoreFixtures.hours(2)));
        actions.record(action(ActionKind.REVERSE_CHARGE, Optional.of(bob), "booking-2", StoreFixtures.hours(3)));
        assertThat(actions.suspended(anna)).isFalse();
        assertThat(actions.suspended(bob)).isTrue();
        assertThat(actions.suspended()).containsExactly(bob);
    }

    @Test
    @DisplayName("an action recorded in a unit of work that fails is not kept")
    void rolledBack() {
        PractitionerId anna = fixtures.practitionerId();

        assertThatThrownBy(() -> stores.transactions().inTransaction(() -> {
            actions.record(suspension(anna, true, StoreFixtures.hours(1)));
            throw new IllegalStateException("boom");
        })).hasMessage("boom");

        assertThat(actions.recent(10)).isEmpty();
        assertThat(actions.suspended(anna)).isFalse();
    }

    @Test
    @DisplayName("an action needs a reason, at most 1000 characters")
    void reasonRequired() {
        assertThatThrownBy(() -> new OperatorAction(fixtures.newId(), olga, EmailAddress.of("olga@example.org"),
                ActionKind.RETRY_MESSAGE, "m", Optional.empty(), "  ", StoreFixtures.T0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("reason:");
        assertThatThrownBy(() -> new OperatorAction(fixtures.newId(), olga, EmailAddress.of("olga@example.org"),
                ActionKind.RETRY_MESSAGE, "m", Optional.empty(), "x".repeat(1001), StoreFixtures.T0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("reason:");
    }
}
