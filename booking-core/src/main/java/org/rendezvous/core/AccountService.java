package org.rendezvous.core;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.rendezvous.core.account.AccountLinks;
import org.rendezvous.core.account.Credentials;
import org.rendezvous.core.account.LoggedIn;
import org.rendezvous.core.account.OneTimeToken;
import org.rendezvous.core.account.Password;
import org.rendezvous.core.account.PasswordHash;
import org.rendezvous.core.account.RegisterAccountCommand;
import org.rendezvous.core.account.TokenDigest;
import org.rendezvous.core.account.TokenPurpose;
import org.rendezvous.core.contact.EmailAddress;
import org.rendezvous.core.notification.MessageKind;
import org.rendezvous.core.outcome.Outcome;
import org.rendezvous.core.outcome.Reason;
import org.rendezvous.core.port.Accounts;
import org.rendezvous.core.port.Ids;
import org.rendezvous.core.port.PasswordHasher;
import org.rendezvous.core.port.Transactions;
import org.rendezvous.core.practitioner.Practitioner;
import org.rendezvous.core.practitioner.PractitionerId;
import org.rendezvous.core.practitioner.RegisterPractitionerCommand;

/**
 * Practitioners' accounts (ACC-1, ACC-3): registration with a verified e-mail, login slowed down after
 * failures, password reset by a single-use link. One-time links carry at least 128 random bits and are
 * stored as their SHA-256 only. No answer tells whether an e-mail is registered: login fails the same
 * way, and with the same work, for an unknown e-mail; reset requests always succeed.
 */
public final class AccountService {

    private static final String FAILED = "email: e-mail or password is wrong";

    private final Transactions transactions;
    private final Ids ids;
    private final Now clock;
    private final Announcements announcements;
    private final PractitionerService practitioners;
    private final Accounts accounts;
    private final PasswordHasher hasher;
    private volatile PasswordHash decoy;

    AccountService(Transactions transactions, Ids ids, Now clock, Announcements announcements,
                   PractitionerService practitioners, Accounts accounts, PasswordHasher hasher) {
        this.transactions = transactions;
        this.ids = ids;
        this.clock = clock;
        this.announcements = announcements;
        this.practitioners = practitioners;
        this.accounts = Objects.requireNonNull(accounts, "accounts");
        this.hasher = Objects.requireNonNull(hasher, "passwordHasher");
    }

    /**
     * Opens an agenda with credentials and sends the e-mail verification link (valid 24 h). An e-mail
     * another account has is refused with EMAIL_TAKEN and changes nothing: a host should answer it
     * as it answers a success, so that registration does not reveal who is registered.
     */
    public Outcome<Practitioner> register(RegisterAccountCommand command, AccountLinks links) {
        // Hashing first, whatever comes next: the answer takes as long for a taken e-mail.
        PasswordHash hash = hasher.hash(command.password().value());
        if (accounts.findByEmail(command.email()).isPresent()) {
            return Outcome.rejected(Reason.EMAIL_TAKEN, "email: already registered");
        }
        try {
            return transactions.inTransaction(() -> {
                Practitioner practitioner = practitioners.register(new RegisterPractitionerCommand(command.name(),
                        command.email(), Optional.empty(), command.language(), command.zone()));
                if (!accounts.add(Credentials.create(practitioner.id(), command.email(), hash))) {
                    throw new EmailTaken();
                }
                sendLink(practitioner.id(), TokenPurpose.EMAIL_VERIFICATION, MessageKind.EMAIL_VERIFICATION, links,
                        clock.instant());
                return Outcome.accepted(practitioner);
            });
        } catch (EmailTaken raced) {
            return Outcome.rejected(Reason.EMAIL_TAKEN, "email: already registered");
        }
    }

    /** A new verification link for an unverified account; always the same answer (nothing sent otherwise). */
    public void resendVerification(EmailAddress email, AccountLinks links) {
        accounts.findByEmail(email).filter(c -> !c.emailVerified()).ifPresent(credentials ->
                transactions.inAgenda(credentials.practitionerId(), () -> {
                    Instant now = clock.instant();
                    accounts.useAllTokens(credentials.practitionerId(), TokenPurpose.EMAIL_VERIFICATION, now);
                    sendLink(credentials.practitionerId(), TokenPurpose.EMAIL_VERIFICATION, MessageKind.EMAIL_VERIFICATION,
                            links, now);
                    return null;
                }));
    }

    /** ACC-1: the link from the verification e-mail, used once within 24 hours. */
    public Outcome<PractitionerId> verifyEmail(String token) {
        return useToken(token, TokenPurpose.EMAIL_VERIFICATION, credentials -> credentials.verified());
    }

    /**
     * ACC-3: the same rejection, after the same slow hash, for an unknown e-mail, a wrong password and
     * a locked account. Each failure counts; from the fifth on, the account is locked for a delay
     * that doubles (see {@link org.rendezvous.core.account.LoginThrottle}).
     */
    public Outcome<LoggedIn> login(EmailAddress email, String password) {
        Objects.requireNonNull(password, "password");
        if (password.length() > Password.MAXIMUM_LENGTH * 2) {
            hasher.verify("", decoy());
            return Outcome.rejected(Reason.LOGIN_FAILED, FAILED);
        }
        Optional<Credentials> found = accounts.findByEmail(email);
        if (found.isEmpty()) {
            hasher.verify(password, decoy());
            return Outcome.rejected(Reason.LOGIN_FAILED, FAILED);
        }
        Instant now = clock.instant();
        if (found.get().lockedAt(now)) {
            hasher.verify(password, decoy());
            return Outcome.rejected(Reason.LOGIN_FAILED, FAILED);
        }
        boolean matches = hasher.verify(password, found.get().passwordHash());
        PractitionerId id = found.get().practitionerId();
        return transactions.inAgenda(id, () -> {
            Credentials current = accounts.find(id).orElseThrow();
            if (!matches || current.lockedAt(now)) {
                accounts.update(current.failedLoginAt(now));
                return Outcome.rejected(Reason.LOGIN_FAILED, FAILED);
            }
            if (current.failedLogins() > 0) {
                accounts.update(current.loggedIn());
            }
            return Outcome.accepted(new LoggedIn(id, current.sessionVersion(), current.emailVerified()));
        });
    }

    /** Ends every session of the practitioner: tokens issued before carry an older session version. */
    public void logout(PractitionerId practitioner) {
        transactions.inAgenda(practitioner, () -> {
            accounts.find(practitioner).ifPresent(c -> accounts.update(c.loggedOut()));
            return null;
        });
    }

    /** Whether a session issued with this version is still good. */
    public boolean sessionValid(PractitionerId practitioner, long sessionVersion) {
        return accounts.find(practitioner).filter(c -> c.sessionVersion() == sessionVersion).isPresent();
    }

    public Optional<Credentials> credentials(PractitionerId practitioner) {
        return accounts.find(practitioner);
    }

    /**
     * ACC-1: sends a single-use reset link valid one hour if the e-mail has an account, and nothing
     * otherwise; the caller cannot tell which. A new link replaces the earlier ones.
     */
    public void requestPasswordReset(EmailAddress email, AccountLinks links) {
        accounts.findByEmail(email).ifPresent(credentials ->
                transactions.inAgenda(credentials.practitionerId(), () -> {
                    Instant now = clock.instant();
                    accounts.useAllTokens(credentials.practitionerId(), TokenPurpose.PASSWORD_RESET, now);
                    sendLink(credentials.practitionerId(), TokenPurpose.PASSWORD_RESET, MessageKind.PASSWORD_RESET, links,
                            now);
                    return null;
                }));
    }

    /** ACC-1: a new password through a reset link, once, within the hour; every session ends. */
    public Outcome<PractitionerId> resetPassword(String token, Password newPassword) {
        PasswordHash hash = hasher.hash(newPassword.value());
        return useToken(token, TokenPurpose.PASSWORD_RESET, credentials -> credentials.withPassword(hash));
    }

    private Outcome<PractitionerId> useToken(String token, TokenPurpose purpose,
                                             java.util.function.UnaryOperator<Credentials> change) {
        if (token == null || token.isBlank() || token.length() > 200) {
            return Outcome.rejected(Reason.INVALID_TOKEN, "token: unknown or already used");
        }
        TokenDigest digest = TokenDigest.of(token);
        Optional<OneTimeToken> found = accounts.findToken(digest).filter(t -> t.purpose() == purpose);
        if (found.isEmpty()) {
            return Outcome.rejected(Reason.INVALID_TOKEN, "token: unknown or already used");
        }
        PractitionerId id = found.get().practitionerId();
        return transactions.inAgenda(id, () -> {
            Instant now = clock.instant();
            OneTimeToken current = accounts.findToken(digest).orElseThrow();
            if (current.used()) {
                return Outcome.rejected(Reason.INVALID_TOKEN, "token: unknown or already used");
            }
            if (current.expiredAt(now)) {
                return Outcome.rejected(Reason.TOKEN_EXPIRED, "token: the link expired at " + current.expiresAt()
                        + "; ask for a new one");
            }
            Optional<Credentials> credentials = accounts.find(id);
            if (credentials.isEmpty() || !accounts.useToken(digest, now)) {
                return Outcome.rejected(Reason.INVALID_TOKEN, "token: unknown or already used");
            }
            if (purpose == TokenPurpose.PASSWORD_RESET) {
                accounts.useAllTokens(id, TokenPurpose.PASSWORD_RESET, now);
            }
            accounts.update(change.apply(credentials.get()));
            return Outcome.accepted(id);
        });
    }

    /** Stores the digest of a fresh secret and writes the e-mail that carries the secret itself. */
    private void sendLink(PractitionerId practitioner, TokenPurpose purpose, MessageKind kind, AccountLinks links,
                          Instant now) {
        String secret = ids.newAccessToken().value();
        TokenDigest digest = TokenDigest.of(secret);
        accounts.saveToken(OneTimeToken.issue(digest, practitioner, purpose, now));
        announcements.announceToPractitioner(kind, practitioner, kind + ":" + digest.hex().substring(0, 32),
                Map.of("link", links.link(purpose, secret)), now);
    }

    /** A hash of nothing anyone knows, so that a failed login costs the same work whatever failed. */
    private PasswordHash decoy() {
        PasswordHash value = decoy;
        if (value == null) {
            value = hasher.hash(ids.newAccessToken().value());
            decoy = value;
        }
        return value;
    }

    private static final class EmailTaken extends RuntimeException {
        EmailTaken() {
            super("email taken", null, false, false);
        }
    }
}
