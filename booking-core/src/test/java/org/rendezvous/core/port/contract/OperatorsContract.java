package org.rendezvous.core.port.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.rendezvous.core.account.PasswordHash;
import org.rendezvous.core.account.TokenDigest;
import org.rendezvous.core.contact.EmailAddress;
import org.rendezvous.core.operator.Operator;
import org.rendezvous.core.operator.OperatorId;
import org.rendezvous.core.port.Operators;
import org.rendezvous.core.port.Stores;

/** What every {@link Operators} adapter must do (operator accounts, issue 12 item 4). */
public abstract class OperatorsContract {

    protected final StoreFixtures fixtures = new StoreFixtures();
    protected Stores stores;
    protected Operators operators;

    /** Fresh, empty stores for each test. */
    protected abstract Stores newStores();

    /** The adapter under test, sharing the transactions of {@code stores}. */
    protected abstract Operators newOperators(Stores stores);

    @BeforeEach
    void freshStores() {
        stores = newStores();
        operators = newOperators(stores);
    }

    private Operator operator(String email) {
        return Operator.create(new OperatorId(fixtures.newId()), EmailAddress.of(email), StoreFixtures.T0);
    }

    @Test
    @DisplayName("an operator added is found by id, by e-mail in any case, and by its pending link, with every field")
    void addAndFind() {
        Operator olga = operator("olga@example.org").withLink(TokenDigest.of("secret"), StoreFixtures.T0);

        assertThat(operators.add(olga)).isTrue();

        assertThat(operators.find(olga.id())).contains(olga);
        assertThat(operators.findByEmail(EmailAddress.of("OLGA@example.org"))).contains(olga);
        assertThat(operators.findByLink(TokenDigest.of("secret"))).contains(olga);
        assertThat(operators.findByLink(TokenDigest.of("other"))).isEmpty();
        assertThat(operators.find(new OperatorId(fixtures.newId()))).isEmpty();
    }

    @Test
    @DisplayName("a second operator with the same e-mail is refused as a value, and nothing is stored")
    void emailIsUnique() {
        operators.add(operator("olga@example.org"));
        Operator twin = operator("Olga@Example.org");

        assertThat(operators.add(twin)).isFalse();

        assertThat(operators.find(twin.id())).isEmpty();
        assertThat(operators.all()).hasSize(1);
    }

    @Test
    @DisplayName("an update keeps every field: password, failures, lock, session version; the used link is gone")
    void updateKeepsEveryField() {
        Operator olga = operator("olga@example.org").withLink(TokenDigest.of("secret"), StoreFixtures.T0);
        operators.add(olga);
        Operator changed = olga.withPassword(new PasswordHash("hash")).failedLoginAt(StoreFixtures.hours(1))
                .failedLoginAt(StoreFixtures.hours(1)).failedLoginAt(StoreFixtures.hours(1))
                .failedLoginAt(StoreFixtures.hours(1)).failedLoginAt(StoreFixtures.hours(1)).loggedOut();

        operators.update(changed);

        assertThat(operators.find(olga.id())).contains(changed);
        assertThat(changed.lockedUntil()).isPresent();
        assertThat(operators.findByLink(TokenDigest.of("secret"))).isEmpty();
    }

    @Test
    @DisplayName("all operators, by e-mail")
    void allByEmail() {
        Operator zoe = operator("zoe@example.org");
        Operator anna = operator("anna@example.org");
        operators.add(zoe);
        operators.add(anna);

        assertThat(operators.all()).containsExactly(anna, zoe);
    }

    @Test
    @DisplayName("an operator added in a unit of work that fails is not kept")
    void rolledBack() {
        Operator olga = operator("olga@example.org");

        assertThatThrownBy(() -> stores.transactions().inTransaction(() -> {
            operators.add(olga);
            throw new IllegalStateException("boom");
        })).hasMessage("boom");

        assertThat(operators.find(olga.id())).isEmpty();
        assertThat(operators.findByEmail(olga.email())).isEqualTo(Optional.empty());
    }

    @Test
    @DisplayName("updating an unknown operator is a bug")
    void unknownUpdate() {
        assertThatThrownBy(() -> operators.update(operator("nobody@example.org")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("does not exist");
    }
}
