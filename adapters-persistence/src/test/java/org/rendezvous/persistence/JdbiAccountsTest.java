package org.rendezvous.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.rendezvous.core.account.Credentials;
import org.rendezvous.core.account.OneTimeToken;
import org.rendezvous.core.account.PasswordHash;
import org.rendezvous.core.account.TokenDigest;
import org.rendezvous.core.account.TokenPurpose;
import org.rendezvous.core.contact.EmailAddress;
import org.rendezvous.core.inmemory.InMemoryStores;
import org.rendezvous.core.port.Accounts;
import org.rendezvous.core.port.Stores;
import org.rendezvous.core.port.contract.AccountsContract;
import org.rendezvous.core.port.contract.StoreFixtures;
import org.rendezvous.core.practitioner.PractitionerId;

/**
 * The PostgreSQL adapter passes the Accounts contract of booking-core, unchanged; and keeps a link
 * single-use and an e-mail unique when requests race, from one instance's threads or several instances.
 */
class JdbiAccountsTest extends AccountsContract {

    private static final int RACERS = 8;

    @Override
    protected Stores newStores() {
        return TestDatabase.freshStores();
    }

    @Override
    protected Accounts newAccounts(Stores stores) {
        return PostgresStores.accounts(stores);
    }

    private Credentials account(String email) {
        PractitionerId id = fixtures.registerPractitioner(stores);
        return Credentials.create(id, EmailAddress.of(email), new PasswordHash("hash-of-" + email));
    }

    /** Runs the tasks at once (released together), each on its own thread; their answers in task order. */
    private static <T> List<T> race(List<Callable<T>> tasks) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(tasks.size());
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (Callable<T> task : tasks) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return task.call();
                }));
            }
            start.countDown();
            List<T> answers = new ArrayList<>();
            for (Future<T> future : futures) {
                answers.add(future.get(30, TimeUnit.SECONDS));
            }
            return answers;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    @DisplayName("ACC-1 a link used by 8 requests at once, in units of work and in store calls of their own, is used once")
    void tokenUsedOnceUnderRace() throws Exception {
        Credentials anna = account("anna@example.org");
        accounts.add(anna);
        TokenDigest digest = TokenDigest.of("raced-secret");
        accounts.saveToken(OneTimeToken.issue(digest, anna.practitionerId(), TokenPurpose.PASSWORD_RESET, StoreFixtures.T0));
        // A second instance on its own pool, as another application server would be.
        Stores otherStores = PostgresStores.open(TestDatabase.newPool(RACERS, "accounts-race"));
        Accounts otherAccounts = PostgresStores.accounts(otherStores);

        List<Callable<Boolean>> requests = new ArrayList<>();
        for (int i = 0; i < RACERS; i++) {
            Instant at = StoreFixtures.T0.plusSeconds(i + 1);
            Stores instance = i % 2 == 0 ? stores : otherStores;
            Accounts instanceAccounts = i % 2 == 0 ? accounts : otherAccounts;
            requests.add(i % 4 < 2
                    ? () -> instance.transactions().inTransaction(() -> instanceAccounts.useToken(digest, at))
                    : () -> instanceAccounts.useToken(digest, at));
        }
        List<Boolean> answers = race(requests);

        assertThat(answers).containsOnlyOnce(true);
        Instant winner = StoreFixtures.T0.plusSeconds(answers.indexOf(true) + 1);
        assertThat(accounts.findToken(digest).orElseThrow().usedAt()).contains(winner);
    }

    @Test
    @DisplayName("ACC-1 8 registrations of one e-mail at once, in any case: one account, the others refused as values")
    void emailUniqueUnderRace() throws Exception {
        List<Credentials> candidates = new ArrayList<>();
        for (int i = 0; i < RACERS; i++) {
            candidates.add(account(i % 2 == 0 ? "anna@example.org" : "ANNA@Example.org"));
        }

        List<Callable<Boolean>> registrations = new ArrayList<>();
        for (Credentials candidate : candidates) {
            registrations.add(() -> stores.transactions().inTransaction(() -> accounts.add(candidate)));
        }
        List<Boolean> answers = race(registrations);

        assertThat(answers).containsOnlyOnce(true);
        Credentials winner = candidates.get(answers.indexOf(true));
        assertThat(accounts.findByEmail(EmailAddress.of("Anna@example.org"))).contains(winner);
        for (Credentials candidate : candidates) {
            if (candidate != winner) {
                assertThat(accounts.find(candidate.practitionerId())).isEmpty();
            }
        }
    }

    @Test
    @DisplayName("an update to another account's e-mail is refused, and the unit of work goes on")
    void updateToATakenEmailIsRefused() {
        Credentials anna = account("anna@example.org");
        Credentials bob = account("bob@example.org");
        accounts.add(anna);
        accounts.add(bob);
        Credentials stealing = new Credentials(bob.practitionerId(), anna.email(), bob.passwordHash(), true, 0,
                Optional.empty(), 0);

        boolean goesOn = stores.transactions().inTransaction(() -> {
            assertThatThrownBy(() -> accounts.update(stealing)).isInstanceOf(IllegalStateException.class)
                    .hasMessageStartingWith("email:");
            accounts.update(bob.verified());
            return true;
        });

        assertThat(goesOn).isTrue();
        assertThat(accounts.find(bob.practitionerId())).contains(bob.verified());
        assertThat(accounts.findByEmail(anna.email())).contains(anna);
    }

    @Test
    @DisplayName("an account twice for one practitioner, or an unknown account updated, is a bug, as in memory")
    void bugsAreExceptions() {
        Credentials anna = account("anna@example.org");
        accounts.add(anna);

        assertThatThrownBy(() -> accounts.add(Credentials.create(anna.practitionerId(), EmailAddress.of("other@example.org"),
                new PasswordHash("h")))).isInstanceOf(IllegalStateException.class).hasMessageContaining("exists already");
        Credentials nobody = account("nobody@example.org");
        assertThatThrownBy(() -> accounts.update(nobody)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("does not exist");
    }

    @Test
    @DisplayName("accounts are built only on stores PostgresStores opened")
    void refusesOtherStores() {
        assertThatThrownBy(() -> PostgresStores.accounts(InMemoryStores.create()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not opened by PostgresStores");
    }
}
