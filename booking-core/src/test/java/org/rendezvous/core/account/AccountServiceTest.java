package org.rendezvous.core.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.rendezvous.core.Rendezvous;
import org.rendezvous.core.contact.EmailAddress;
import org.rendezvous.core.inmemory.InMemoryAccounts;
import org.rendezvous.core.inmemory.InMemoryStores;
import org.rendezvous.core.inmemory.Pbkdf2PasswordHasher;
import org.rendezvous.core.notification.ClaimedMessage;
import org.rendezvous.core.notification.Lease;
import org.rendezvous.core.notification.MessageKind;
import org.rendezvous.core.outcome.Outcome;
import org.rendezvous.core.outcome.Reason;
import org.rendezvous.core.port.Accounts;
import org.rendezvous.core.port.PasswordHasher;
import org.rendezvous.core.port.Stores;
import org.rendezvous.core.practitioner.Practitioner;
import org.rendezvous.core.practitioner.PractitionerId;
import org.rendezvous.core.testing.MutableClock;

/** Registration, e-mail verification, login and password reset (ACC-1, ACC-3). */
class AccountServiceTest {

    static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    static final AccountLinks LINKS = new AccountLinks(URI.create("https://rdv.example.org/verify"),
            URI.create("https://rdv.example.org/reset?lang=fr"));

    /** Counts the work done, so that a test can see that an unknown e-mail costs a hash too. */
    static final class CountingHasher implements PasswordHasher {
        final Pbkdf2PasswordHasher real = new Pbkdf2PasswordHasher(1_000);
        final AtomicInteger verifications = new AtomicInteger();

        @Override
        public PasswordHash hash(String password) {
            return real.hash(password);
        }

        @Override
        public boolean verify(String password, PasswordHash hash) {
            verifications.incrementAndGet();
            return real.verify(password, hash);
        }
    }

    MutableClock clock = MutableClock.at("2030-03-04T08:00:00Z");
    Stores stores = InMemoryStores.create();
    Accounts accountStore = InMemoryAccounts.joining(stores.transactions());
    CountingHasher hasher = new CountingHasher();
    Rendezvous engine;
    int claimed;

    @BeforeEach
    void engine() {
        engine = Rendezvous.builder().stores(stores).clock(clock).accounts(accountStore).passwordHasher(hasher).build();
    }

    Practitioner register(String email) {
        return engine.accounts().register(RegisterAccountCommand.of("Anna Martin", email, "correct horse battery", PARIS),
                LINKS).orElseThrow();
    }

    /** The messages written since the last call, as the dispatcher would claim them. */
    List<ClaimedMessage> newMessages() {
        List<ClaimedMessage> messages = stores.outbox().claimDue(clock.instant().plus(Duration.ofDays(400)), 100,
                new Lease("test-" + (claimed++), clock.instant().plus(Duration.ofDays(500))));
        return messages;
    }

    static String tokenIn(ClaimedMessage message) {
        String link = message.message().parameters().get("link");
        return link.substring(link.indexOf("token=") + "token=".length());
    }

    String onlyLink(MessageKind kind) {
        List<ClaimedMessage> messages = newMessages();
        assertThat(messages).hasSize(1);
        assertThat(messages.get(0).message().kind()).isEqualTo(kind);
        return tokenIn(messages.get(0));
    }

    @Test
    @DisplayName("ACC-1 registering opens an agenda, stores a slow salted hash, and e-mails a verification link whose token is stored hashed")
    void registrationSendsAVerificationLink() {
        Practitioner anna = register("anna@example.org");

        Credentials credentials = accountStore.find(anna.id()).orElseThrow();
        assertThat(credentials.emailVerified()).isFalse();
        assertThat(credentials.passwordHash().value()).startsWith("pbkdf2-sha256$").doesNotContain("correct horse");
        assertThat(engine.practitioners().settings(anna.id())).isPresent();
        List<ClaimedMessage> messages = newMessages();
        assertThat(messages).singleElement().satisfies(m -> {
            assertThat(m.message().kind()).isEqualTo(MessageKind.EMAIL_VERIFICATION);
            assertThat(m.message().parameters().get("link")).startsWith("https://rdv.example.org/verify?token=");
        });
        String token = tokenIn(messages.get(0));
        assertThat(token.length()).as("at least 128 random bits in base64url").isGreaterThanOrEqualTo(22);
        OneTimeToken stored = accountStore.findToken(TokenDigest.of(token)).orElseThrow();
        assertThat(stored.digest().hex()).doesNotContain(token);
        assertThat(stored.expiresAt()).isEqualTo(clock.instant().plus(Duration.ofHours(24)));
    }

    @Test
    @DisplayName("ACC-1 the verification link verifies the e-mail once; a second use is refused")
    void verifyEmailOnce() {
        Practitioner anna = register("anna@example.org");
        String token = onlyLink(MessageKind.EMAIL_VERIFICATION);

        assertThat(engine.accounts().verifyEmail(token)).isEqualTo(Outcome.accepted(anna.id()));
        assertThat(accountStore.find(anna.id()).orElseThrow().emailVerified()).isTrue();
        assertThat(reason(engine.accounts().verifyEmail(token))).isEqualTo(Reason.INVALID_TOKEN);
        assertThat(reason(engine.accounts().verifyEmail("no-such-token-at-all-1234"))).isEqualTo(Reason.INVALID_TOKEN);
    }

    @Test
    @DisplayName("ACC-1 a verification link expires after 24 hours with a clear error; a new one can be asked for")
    void verificationLinkExpires() {
        Practitioner anna = register("anna@example.org");
        String token = onlyLink(MessageKind.EMAIL_VERIFICATION);
        clock.advance(Duration.ofHours(24));

        Outcome<PractitionerId> late = engine.accounts().verifyEmail(token);

        assertThat(reason(late)).isEqualTo(Reason.TOKEN_EXPIRED);
        assertThat(detail(late)).startsWith("token: the link expired");
        engine.accounts().resendVerification(EmailAddress.of("anna@example.org"), LINKS);
        assertThat(engine.accounts().verifyEmail(onlyLink(MessageKind.EMAIL_VERIFICATION))).isEqualTo(Outcome.accepted(anna.id()));
    }

    @Test
    @DisplayName("ACC-1 an e-mail registered already is refused and nothing is created")
    void emailTaken() {
        register("anna@example.org");
        newMessages();

        Outcome<Practitioner> again = engine.accounts().register(
                RegisterAccountCommand.of("Someone Else", "Anna@Example.org", "another long password", PARIS), LINKS);

        assertThat(reason(again)).isEqualTo(Reason.EMAIL_TAKEN);
        assertThat(newMessages()).isEmpty();
    }

    @Test
    @DisplayName("ACC-1 a password shorter than 10 characters is refused, naming the field")
    void passwordPolicy() {
        assertThatThrownBy(() -> Password.of("short")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("password: at least 10");
        assertThat(Password.of("0123456789").toString()).doesNotContain("0123");
    }

    @Test
    @DisplayName("ACC-3 a wrong password and an unknown e-mail get the same answer, after the same hashing work")
    void loginFailuresLookAlike() {
        Practitioner anna = register("anna@example.org");
        EmailAddress email = EmailAddress.of("anna@example.org");

        assertThat(engine.accounts().login(email, "correct horse battery").orElseThrow().practitionerId()).isEqualTo(anna.id());
        int before = hasher.verifications.get();
        Outcome<LoggedIn> wrong = engine.accounts().login(email, "wrong password!!");
        Outcome<LoggedIn> unknown = engine.accounts().login(EmailAddress.of("nobody@example.org"), "correct horse battery");

        assertThat(wrong).isEqualTo(unknown);
        assertThat(reason(wrong)).isEqualTo(Reason.LOGIN_FAILED);
        assertThat(hasher.verifications.get() - before).isEqualTo(2);
    }

    @Test
    @DisplayName("ACC-3 after 5 failures the account is locked for a delay that doubles; the right password waits too")
    void lockoutAfterRepeatedFailures() {
        register("anna@example.org");
        EmailAddress email = EmailAddress.of("anna@example.org");
        for (int i = 0; i < 5; i++) {
            assertThat(engine.accounts().login(email, "wrong password " + i).isAccepted()).isFalse();
        }

        assertThat(reason(engine.accounts().login(email, "correct horse battery"))).isEqualTo(Reason.LOGIN_FAILED);
        clock.advance(Duration.ofSeconds(31));
        assertThat(engine.accounts().login(email, "wrong again!!")).isEqualTo(
                engine.accounts().login(EmailAddress.of("nobody@example.org"), "x"));
        Credentials locked = engine.accounts().credentials(engine.accounts().login(email, "correct horse battery")
                .fold(ok -> ok.practitionerId(), r -> accountStore.findByEmail(email).orElseThrow().practitionerId()))
                .orElseThrow();
        assertThat(locked.lockedUntil()).contains(clock.instant().plus(Duration.ofSeconds(60)));

        clock.advance(Duration.ofSeconds(61));
        assertThat(engine.accounts().login(email, "correct horse battery").isAccepted()).isTrue();
        assertThat(accountStore.findByEmail(email).orElseThrow().failedLogins()).isZero();
    }

    @Test
    @DisplayName("ACC-3 the lock delay doubles from 30 s and stops at one hour")
    void throttleDelays() {
        Instant now = Instant.parse("2030-01-01T00:00:00Z");
        assertThat(LoginThrottle.lockedUntil(4, now)).isEmpty();
        assertThat(LoginThrottle.lockedUntil(5, now)).contains(now.plusSeconds(30));
        assertThat(LoginThrottle.lockedUntil(6, now)).contains(now.plusSeconds(60));
        assertThat(LoginThrottle.lockedUntil(12, now)).contains(now.plus(Duration.ofHours(1)));
        assertThat(LoginThrottle.lockedUntil(Integer.MAX_VALUE, now)).contains(now.plus(Duration.ofHours(1)));
    }

    @Test
    @DisplayName("ACC-1 a reset link changes the password once, ends the sessions and lifts the lock")
    void resetPasswordOnce() {
        Practitioner anna = register("anna@example.org");
        newMessages();
        EmailAddress email = EmailAddress.of("anna@example.org");
        long session = engine.accounts().login(email, "correct horse battery").orElseThrow().sessionVersion();
        engine.accounts().requestPasswordReset(email, LINKS);
        engine.accounts().requestPasswordReset(EmailAddress.of("nobody@example.org"), LINKS);
        List<ClaimedMessage> messages = newMessages();
        assertThat(messages).singleElement().satisfies(m -> {
            assertThat(m.message().kind()).isEqualTo(MessageKind.PASSWORD_RESET);
            assertThat(m.message().parameters().get("link")).startsWith("https://rdv.example.org/reset?lang=fr&token=");
        });
        String token = tokenIn(messages.get(0));

        assertThat(engine.accounts().resetPassword(token, Password.of("a brand new password"))).isEqualTo(Outcome.accepted(anna.id()));
        assertThat(reason(engine.accounts().resetPassword(token, Password.of("yet another password")))).isEqualTo(Reason.INVALID_TOKEN);

        assertThat(engine.accounts().login(email, "correct horse battery").isAccepted()).isFalse();
        assertThat(engine.accounts().login(email, "a brand new password").isAccepted()).isTrue();
        assertThat(engine.accounts().sessionValid(anna.id(), session)).isFalse();
    }

    @Test
    @DisplayName("ACC-1 a reset link used by several requests at once changes the password once")
    void resetLinkSingleUseUnderRace() throws Exception {
        register("anna@example.org");
        newMessages();
        engine.accounts().requestPasswordReset(EmailAddress.of("anna@example.org"), LINKS);
        String token = onlyLink(MessageKind.PASSWORD_RESET);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
            List<java.util.concurrent.Future<Boolean>> results = new java.util.ArrayList<>();
            for (int i = 0; i < 8; i++) {
                String password = "new password number " + i;
                results.add(pool.submit(() -> {
                    start.await();
                    return engine.accounts().resetPassword(token, Password.of(password)).isAccepted();
                }));
            }
            start.countDown();
            int accepted = 0;
            for (java.util.concurrent.Future<Boolean> result : results) {
                accepted += result.get() ? 1 : 0;
            }
            assertThat(accepted).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    @DisplayName("ACC-1 a reset link expires after one hour with a clear error, and a newer link replaces older ones")
    void resetLinkExpires() {
        register("anna@example.org");
        newMessages();
        EmailAddress email = EmailAddress.of("anna@example.org");
        engine.accounts().requestPasswordReset(email, LINKS);
        String first = onlyLink(MessageKind.PASSWORD_RESET);
        clock.advance(Duration.ofMinutes(59));
        engine.accounts().requestPasswordReset(email, LINKS);
        String second = onlyLink(MessageKind.PASSWORD_RESET);

        assertThat(reason(engine.accounts().resetPassword(first, Password.of("a brand new password")))).isEqualTo(Reason.INVALID_TOKEN);
        clock.advance(Duration.ofHours(1));
        Outcome<PractitionerId> late = engine.accounts().resetPassword(second, Password.of("a brand new password"));
        assertThat(reason(late)).isEqualTo(Reason.TOKEN_EXPIRED);
        assertThat(engine.accounts().login(email, "correct horse battery").isAccepted()).isTrue();
    }

    @Test
    @DisplayName("ACC-1 a verification token does not reset a password")
    void tokensServeTheirPurposeOnly() {
        register("anna@example.org");
        String verification = onlyLink(MessageKind.EMAIL_VERIFICATION);

        assertThat(reason(engine.accounts().resetPassword(verification, Password.of("a brand new password"))))
                .isEqualTo(Reason.INVALID_TOKEN);
    }

    @Test
    @DisplayName("logging out ends the sessions issued before")
    void logout() {
        Practitioner anna = register("anna@example.org");
        long session = engine.accounts().login(EmailAddress.of("anna@example.org"), "correct horse battery").orElseThrow()
                .sessionVersion();
        assertThat(engine.accounts().sessionValid(anna.id(), session)).isTrue();

        engine.accounts().logout(anna.id());

        assertThat(engine.accounts().sessionValid(anna.id(), session)).isFalse();
    }

    @Test
    @DisplayName("the JDK's PBKDF2 hasher salts every hash and refuses what it cannot read")
    void pbkdf2() {
        Pbkdf2PasswordHasher pbkdf2 = new Pbkdf2PasswordHasher(1_000);
        PasswordHash one = pbkdf2.hash("correct horse battery");
        assertThat(pbkdf2.hash("correct horse battery")).isNotEqualTo(one);
        assertThat(pbkdf2.verify("correct horse battery", one)).isTrue();
        assertThat(pbkdf2.verify("Correct horse battery", one)).isFalse();
        assertThat(pbkdf2.verify("x", new PasswordHash("$argon2id$whatever"))).isFalse();
    }

    static Reason reason(Outcome<?> outcome) {
        return outcome.fold(ok -> null, rejected -> rejected.reason());
    }

    static String detail(Outcome<?> outcome) {
        return outcome.fold(ok -> null, rejected -> rejected.detail());
    }
}
