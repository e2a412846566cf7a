package org.rendezvous.core.port.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.rendezvous.core.account.TokenDigest;
import org.rendezvous.core.client.ClientAccount;
import org.rendezvous.core.client.ClientAccountId;
import org.rendezvous.core.contact.EmailAddress;
import org.rendezvous.core.port.ClientAccounts;
import org.rendezvous.core.port.Stores;

/** What every {@link ClientAccounts} adapter must do: clients' passwordless accounts (CLI-2). */
public abstract class ClientAccountsContract {

    protected final StoreFixtures fixtures = new StoreFixtures();
    protected Stores stores;
    protected ClientAccounts accounts;

    /** Fresh, empty stores for each test. */
    protected abstract Stores newStores();

    /** The adapter under test, sharing the transactions of {@code stores}. */
    protected abstract ClientAccounts newClientAccounts(Stores stores);

    @BeforeEach
    void freshStores() {
        stores = newStores();
        accounts = newClientAccounts(stores);
    }

    private ClientAccount account(String email) {
        return ClientAccount.create(new ClientAccountId(fixtures.newId()), EmailAddress.of(email),
                StoreFixtures.micros(StoreFixtures.T0));
    }

    @Test
    @DisplayName("CLI-2 an account added is found by id, by e-mail in any case, and by its pending link, with every field")
    void addAndFind() {
        ClientAccount claire = account("claire@example.org").withLink(TokenDigest.of("secret"), StoreFixtures.T0);

        assertThat(accounts.add(claire)).isTrue();

        assertThat(accounts.find(claire.id())).contains(claire);
        assertThat(accounts.findByEmail(EmailAddress.of("CLAIRE@example.org"))).contains(claire);
        assertThat(accounts.findByLink(TokenDigest.of("secret"))).contains(claire);
        assertThat(accounts.findByLink(TokenDigest.of("other"))).isEmpty();
        assertThat(accounts.find(new ClientAccountId(fixtures.newId()))).isEmpty();
    }

    @Test
    @DisplayName("CLI-2 one account per e-mail: a second is refused as a value, and nothing is stored")
    void emailIsUnique() {
        accounts.add(account("claire@example.org"));
        ClientAccount twin = account("Claire@Example.org");

        assertThat(accounts.add(twin)).isFalse();

        assertThat(accounts.find(twin.id())).isEmpty();
    }

    @Test
    @DisplayName("an update keeps every field: a new link replaces the old one, the session version goes up")
    void updateKeepsEveryField() {
        ClientAccount claire = account("claire@example.org").withLink(TokenDigest.of("first"), StoreFixtures.T0);
        accounts.add(claire);
        ClientAccount changed = claire.withLink(TokenDigest.of("second"), StoreFixtures.hours(1)).signedOut();

        accounts.update(changed);

        assertThat(accounts.find(claire.id())).contains(changed);
        assertThat(accounts.findByLink(TokenDigest.of("first"))).isEmpty();
        assertThat(accounts.findByLink(TokenDigest.of("second"))).contains(changed);
        assertThat(changed.sessionVersion()).isEqualTo(1);
    }

    @Test
    @DisplayName("updating an account that does not exist is a bug")
    void updateUnknown() {
        assertThatThrownBy(() -> accounts.update(account("nobody@example.org")))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    @DisplayName("CLI-2 a sign-in link is used once: the first use clears it, a second or a replaced link is refused")
    void linkIsSingleUse() {
        ClientAccount claire = account("claire@example.org").withLink(TokenDigest.of("secret"), StoreFixtures.T0);
        accounts.add(claire);

        assertThat(accounts.useLink(claire.id(), TokenDigest.of("other"))).isFalse();
        assertThat(accounts.useLink(claire.id(), TokenDigest.of("secret"))).isTrue();
        assertThat(accounts.useLink(claire.id(), TokenDigest.of("secret"))).isFalse();

        assertThat(accounts.find(claire.id())).contains(claire.withoutLink());
        assertThat(accounts.findByLink(TokenDigest.of("secret"))).isEmpty();
        assertThat(accounts.useLink(new ClientAccountId(fixtures.newId()), TokenDigest.of("secret"))).isFalse();
    }

    @Test
    @DisplayName("CLI-2 an account removed (erasure) is gone, with its link; removing it again changes nothing")
    void remove() {
        ClientAccount claire = account("claire@example.org").withLink(TokenDigest.of("secret"), StoreFixtures.T0);
        accounts.add(claire);

        accounts.remove(claire.id());
        accounts.remove(claire.id());

        assertThat(accounts.find(claire.id())).isEmpty();
        assertThat(accounts.findByEmail(claire.email())).isEmpty();
        assertThat(accounts.findByLink(TokenDigest.of("secret"))).isEmpty();
        assertThat(accounts.add(account("claire@example.org"))).isTrue();
    }

    @Test
    @DisplayName("an account added inside a transaction that rolls back is not kept")
    void rollback() {
        ClientAccount claire = account("claire@example.org");
        assertThatThrownBy(() -> stores.transactions().inTransaction(() -> {
            accounts.add(claire);
            throw new IllegalStateException("boom");
        })).hasMessage("boom");

        assertThat(accounts.find(claire.id())).isEmpty();
    }
}
