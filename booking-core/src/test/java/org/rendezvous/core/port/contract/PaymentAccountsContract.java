package org.rendezvous.core.port.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.rendezvous.core.port.contract.StoreFixtures.hours;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.rendezvous.core.payment.AccountStatus;
import org.rendezvous.core.payment.PaymentAccount;
import org.rendezvous.core.port.PaymentAccounts;
import org.rendezvous.core.port.Stores;
import org.rendezvous.core.practitioner.PractitionerId;

/** What every {@link PaymentAccounts} adapter must do (issue 12: a practitioner's account at the payment provider). */
public abstract class PaymentAccountsContract {

    protected final StoreFixtures fixtures = new StoreFixtures();
    protected Stores stores;
    protected PaymentAccounts accounts;
    protected PractitionerId anna;
    protected PractitionerId ben;

    protected abstract Stores newStores();

    @BeforeEach
    void freshStores() {
        stores = newStores();
        accounts = stores.paymentAccounts();
        anna = fixtures.registerPractitioner(stores);
        ben = fixtures.registerPractitioner(stores);
    }

    static AccountStatus asking() {
        return new AccountStatus(true, false, true, List.of("individual.verification.document", "external_account"),
                List.of("individual.dob.day"), Optional.of("requirements.past_due"));
    }

    @Test
    @DisplayName("an account is read back by practitioner and by account id, with what the provider still asks for")
    void roundTrip() {
        PaymentAccount account = new PaymentAccount(anna, "acct_1Anna", asking(), hours(1));
        accounts.save(account);

        assertThat(accounts.find(anna)).contains(account);
        assertThat(accounts.findByAccountId("acct_1Anna")).contains(account);
        assertThat(accounts.find(ben)).isEmpty();
        assertThat(accounts.findByAccountId("acct_unknown")).isEmpty();
    }

    @Test
    @DisplayName("saving again replaces the status in place, keeping the requirements' order")
    void replaced() {
        accounts.save(new PaymentAccount(anna, "acct_1Anna", AccountStatus.detailsNeeded(List.of("b", "a")), hours(1)));
        PaymentAccount enabled = new PaymentAccount(anna, "acct_1Anna", AccountStatus.enabled(), hours(2));
        accounts.save(enabled);

        assertThat(accounts.find(anna)).contains(enabled);
        assertThat(accounts.find(anna).orElseThrow().canTakePayments()).isTrue();
        accounts.save(new PaymentAccount(anna, "acct_1Anna", AccountStatus.detailsNeeded(List.of("b", "a")), hours(3)));
        assertThat(accounts.find(anna).orElseThrow().status().currentlyDue()).containsExactly("b", "a");
    }

    @Test
    @DisplayName("one practitioner per account: another practitioner cannot save the same account id")
    void oneOwnerPerAccount() {
        accounts.save(new PaymentAccount(anna, "acct_shared", AccountStatus.enabled(), hours(1)));

        assertThatThrownBy(() -> stores.transactions().inTransaction(() -> {
            accounts.save(new PaymentAccount(ben, "acct_shared", AccountStatus.enabled(), hours(2)));
            return null;
        })).isInstanceOf(RuntimeException.class);
        assertThat(accounts.findByAccountId("acct_shared").orElseThrow().practitionerId()).isEqualTo(anna);
        assertThat(accounts.find(ben)).isEmpty();
    }

    @Test
    @DisplayName("a save inside a transaction that rolls back leaves nothing")
    void rolledBack() {
        assertThatThrownBy(() -> stores.transactions().inTransaction(() -> {
            accounts.save(new PaymentAccount(anna, "acct_1Anna", AccountStatus.enabled(), hours(1)));
            throw new IllegalStateException("boom");
        })).hasMessage("boom");

        assertThat(accounts.find(anna)).isEmpty();
    }
}
