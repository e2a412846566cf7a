package org.rendezvous.core.port.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.rendezvous.core.account.Credentials;
import org.rendezvous.core.account.OneTimeToken;
import org.rendezvous.core.account.PasswordHash;
import org.rendezvous.core.account.TokenDigest;
import org.rendezvous.core.account.TokenPurpose;
import org.rendezvous.core.contact.EmailAddress;
import org.rendezvous.core.port.Accounts;
import org.rendezvous.core.port.Stores;
import org.rendezvous.core.practitioner.PractitionerId;

/** What every {@link Accounts} adapter must do (ACC-1, ACC-3). */
public abstract class AccountsContract {

    protected final StoreFixtures fixtures = new StoreFixtures();
    protected Stores stores;
    protected Accounts accounts;

    /** Fresh, empty stores for each test. */
    protected abstract Stores newStores();

    /** The accounts adapter under test, sharing the transactions of {@code stores}. */
    protected abstract Accounts newAccounts(Stores stores);

    @BeforeEach
    void freshStores() {
        stores = newStores();
        accounts = newAccounts(stores);
    }

    private Credentials credentials(String email) {
        PractitionerId id = fixtures.registerPractitioner(stores);
        return Credentials.create(id, EmailAddress.of(email), new PasswordHash("hash-of-" + email));
    }

    private static TokenDigest digest(String secret) {
        return TokenDigest.of(secret);
    }

    @Test
    @DisplayName("ACC-1 credentials added are found by practitioner and by e-mail, with every field")
    void addAndFind() {
        Credentials anna = credentials("anna@example.org");

        assertThat(accounts.add(anna)).isTrue();

        assertThat(accounts.find(anna.practitionerId())).contains(anna);
        assertThat(accounts.findByEmail(EmailAddress.of("ANNA@example.org"))).contains(anna);
        assertThat(accounts.findByEmail(EmailAddress.of("bob@example.org"))).isEmpty();
    }

    @Test
    @DisplayName("ACC-1 an e-mail belongs to one account only: a second one is refused and nothing is stored")
    void emailIsUnique() {
        Credentials anna = credentials("anna@example.org");
        Credentials impostor = credentials("anna@example.org");
        accounts.add(anna);

        assertThat(accounts.add(impostor)).isFalse();

        assertThat(accounts.find(impostor.practitionerId())).isEmpty();
        assertThat(accounts.findByEmail(anna.email())).contains(anna);
    }

    @Test
    @DisplayName("ACC-3 update keeps the failed logins, the lock, the verified flag, the hash and the session version")
    void updateReplacesEveryField() {
        Credentials anna = credentials("anna@example.org");
        Credentials other = credentials("other@example.org");
        accounts.add(anna);
        accounts.add(other);
        Credentials changed = new Credentials(anna.practitionerId(), anna.email(), new PasswordHash("new-hash"), true, 6,
                Optional.of(StoreFixtures.T0.plusSeconds(60)), 3);

        accounts.update(changed);

        assertThat(accounts.find(anna.practitionerId())).contains(changed);
        assertThat(accounts.find(other.practitionerId())).contains(other);
    }

    @Test
    @DisplayName("ACC-1 a one-time token is found by its digest, with its purpose and expiry")
    void tokenSavedAndFound() {
        Credentials anna = credentials("anna@example.org");
        accounts.add(anna);
        OneTimeToken token = OneTimeToken.issue(digest("secret-1"), anna.practitionerId(), TokenPurpose.PASSWORD_RESET,
                StoreFixtures.T0);

        accounts.saveToken(token);

        assertThat(accounts.findToken(digest("secret-1"))).contains(token);
        assertThat(accounts.findToken(digest("secret-2"))).isEmpty();
        assertThat(token.expiresAt()).isEqualTo(StoreFixtures.T0.plus(Duration.ofHours(1)));
    }

    @Test
    @DisplayName("ACC-1 a token is used once: the second use is refused")
    void tokenUsedOnce() {
        Credentials anna = credentials("anna@example.org");
        accounts.add(anna);
        accounts.saveToken(OneTimeToken.issue(digest("secret-1"), anna.practitionerId(), TokenPurpose.EMAIL_VERIFICATION,
                StoreFixtures.T0));

        assertThat(accounts.useToken(digest("secret-1"), StoreFixtures.T0.plusSeconds(5))).isTrue();
        assertThat(accounts.useToken(digest("secret-1"), StoreFixtures.T0.plusSeconds(6))).isFalse();
        assertThat(accounts.findToken(digest("secret-1")).orElseThrow().usedAt())
                .contains(StoreFixtures.T0.plusSeconds(5));
        assertThat(accounts.useToken(digest("unknown"), StoreFixtures.T0)).isFalse();
    }

    @Test
    @DisplayName("ACC-1 using every token of one purpose leaves the other purpose and other practitioners alone")
    void useAllTokensOfAPurpose() {
        Credentials anna = credentials("anna@example.org");
        Credentials bob = credentials("bob@example.org");
        accounts.add(anna);
        accounts.add(bob);
        accounts.saveToken(OneTimeToken.issue(digest("a1"), anna.practitionerId(), TokenPurpose.PASSWORD_RESET, StoreFixtures.T0));
        accounts.saveToken(OneTimeToken.issue(digest("a2"), anna.practitionerId(), TokenPurpose.PASSWORD_RESET, StoreFixtures.T0));
        accounts.saveToken(OneTimeToken.issue(digest("a3"), anna.practitionerId(), TokenPurpose.EMAIL_VERIFICATION,
                StoreFixtures.T0));
        accounts.saveToken(OneTimeToken.issue(digest("b1"), bob.practitionerId(), TokenPurpose.PASSWORD_RESET, StoreFixtures.T0));

        assertThat(accounts.useAllTokens(anna.practitionerId(), TokenPurpose.PASSWORD_RESET, StoreFixtures.T0)).isEqualTo(2);

        assertThat(accounts.findToken(digest("a1")).orElseThrow().used()).isTrue();
        assertThat(accounts.findToken(digest("a2")).orElseThrow().used()).isTrue();
        assertThat(accounts.findToken(digest("a3")).orElseThrow().used()).isFalse();
        assertThat(accounts.findToken(digest("b1")).orElseThrow().used()).isFalse();
    }

    @Test
    @DisplayName("writes inside a failed transaction are taken back")
    void failedTransactionLeavesNothing() {
        Credentials anna = credentials("anna@example.org");
        assertThatThrownBy(() -> stores.transactions().inTransaction(() -> {
            accounts.add(anna);
            accounts.saveToken(OneTimeToken.issue(digest("s"), anna.practitionerId(), TokenPurpose.EMAIL_VERIFICATION,
                    StoreFixtures.T0));
            throw new IllegalStateException("boom");
        })).hasMessage("boom");

        assertThat(accounts.find(anna.practitionerId())).isEmpty();
        assertThat(accounts.findByEmail(anna.email())).isEmpty();
        assertThat(accounts.findToken(digest("s"))).isEmpty();
        assertThat(accounts.add(anna)).isTrue();
    }
}
