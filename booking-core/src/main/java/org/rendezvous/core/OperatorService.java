package org.rendezvous.core;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.rendezvous.core.account.Password;
import org.rendezvous.core.account.PasswordHash;
import org.rendezvous.core.account.TokenDigest;
import org.rendezvous.core.booking.Booking;
import org.rendezvous.core.booking.BookingId;
import org.rendezvous.core.booking.BookingState;
import org.rendezvous.core.contact.EmailAddress;
import org.rendezvous.core.idempotency.Fingerprint;
import org.rendezvous.core.idempotency.IdempotencyKey;
import org.rendezvous.core.idempotency.IdempotencyRecord;
import org.rendezvous.core.ledger.Balances;
import org.rendezvous.core.notification.MessageKind;
import org.rendezvous.core.notification.OutboxEntry;
import org.rendezvous.core.notification.OutboxMessageId;
import org.rendezvous.core.operator.ActionKind;
import org.rendezvous.core.operator.ChargeReversal;
import org.rendezvous.core.operator.Invitation;
import org.rendezvous.core.operator.Operator;
import org.rendezvous.core.operator.OperatorAction;
import org.rendezvous.core.operator.OperatorId;
import org.rendezvous.core.operator.OperatorLoggedIn;
import org.rendezvous.core.operator.PractitionerOverview;
import org.rendezvous.core.outcome.Outcome;
import org.rendezvous.core.outcome.Reason;
import org.rendezvous.core.payout.Payout;
import org.rendezvous.core.payout.PayoutBatch;
import org.rendezvous.core.payout.PayoutBatchId;
import org.rendezvous.core.payout.PayoutPage;
import org.rendezvous.core.payout.PayoutPosition;
import org.rendezvous.core.payout.PayoutState;
import org.rendezvous.core.port.Bookings;
import org.rendezvous.core.port.IdempotencyKeys;
import org.rendezvous.core.port.Ids;
import org.rendezvous.core.port.Ledger;
import org.rendezvous.core.port.OperatorActions;
import org.rendezvous.core.port.Operators;
import org.rendezvous.core.port.Outbox;
import org.rendezvous.core.port.PasswordHasher;
import org.rendezvous.core.port.PaymentInstructions;
import org.rendezvous.core.port.PayoutAccounts;
import org.rendezvous.core.port.Payouts;
import org.rendezvous.core.port.Practitioners;
import org.rendezvous.core.port.Profiles;
import org.rendezvous.core.port.Transactions;
import org.rendezvous.core.practitioner.Practitioner;
import org.rendezvous.core.practitioner.PractitionerId;

/**
 * The operator tools (issue 12, item 4). Operators are configured by the host, apart from practitioners:
 * each gets a single-use link to choose a password, then logs in with the same slowing down as
 * practitioners (ACC-3). They see practitioners with their state and plan, suspend and reactivate them,
 * reverse a contested no-show or late-cancellation charge (CX-4), read the platform's books (FEE-4),
 * payouts, and parked messages, which they can send again. Every action takes a reason and is written
 * to the audit log in the transaction that makes it.
 */
public final class OperatorService {

    private static final String FAILED = "email: e-mail or password is wrong";
    private static final String REVERSE_CHARGE = "reverse-charge";

    private final Practitioners practitionersStore;
    private final Bookings bookings;
    private final Outbox outbox;
    private final IdempotencyKeys idempotencyKeys;
    private final Ledger ledger;
    private final PaymentInstructions paymentInstructions;
    private final Payouts payoutsStore;
    private final PayoutAccounts payoutAccounts;
    private final Profiles profiles;
    private final Transactions transactions;
    private final Ids ids;
    private final Now clock;
    private final Announcements announcements;
    private final Cashier cashier;
    private final Operators operators;
    private final OperatorActions actions;
    private final AccountService accounts;
    private final PasswordHasher hasher;
    private final PayoutService payouts;
    private volatile PasswordHash decoy;

    OperatorService(Practitioners practitionersStore, Bookings bookings, Outbox outbox,
                    IdempotencyKeys idempotencyKeys, Ledger ledger, PaymentInstructions paymentInstructions,
                    Payouts payoutsStore, PayoutAccounts payoutAccounts, Profiles profiles, Transactions transactions,
                    Ids ids, Now clock, Announcements announcements, Cashier cashier, Operators operators,
                    OperatorActions actions,
                    AccountService accounts, PasswordHasher hasher, PayoutService payouts) {
        this.practitionersStore = practitionersStore;
        this.bookings = bookings;
        this.outbox = outbox;
        this.idempotencyKeys = idempotencyKeys;
        this.ledger = ledger;
        this.paymentInstructions = paymentInstructions;
        this.payoutsStore = payoutsStore;
        this.payoutAccounts = payoutAccounts;
        this.profiles = profiles;
        this.transactions = transactions;
        this.ids = ids;
        this.clock = clock;
        this.announcements = announcements;
        this.cashier = cashier;
        this.operators = Objects.requireNonNull(operators, "operators");
        this.actions = Objects.requireNonNull(actions, "operatorActions");
        this.accounts = accounts;
        this.hasher = Objects.requireNonNull(hasher, "passwordHasher");
        this.payouts = Objects.requireNonNull(payouts, "payouts");
    }

    // Operators' accounts

    /**
     * Makes the operator with this e-mail if there is none, and answers a set-password link to send them
     * when they have no password and no link still valid; empty otherwise (a restart sends nothing twice).
     */
    public Optional<Invitation> invite(EmailAddress email) {
        Objects.requireNonNull(email, "email");
        return transactions.inTransaction(() -> {
            Instant now = clock.instant();
            Operator operator = operators.findByEmail(email).orElse(null);
            if (operator == null) {
                operator = Operator.create(new OperatorId(ids.newId()), email, now);
                if (!operators.add(operator)) {
                    return Optional.<Invitation>empty();
                }
            }
            if (operator.hasPassword() || operator.linkPendingAt(now)) {
                return Optional.<Invitation>empty();
            }
            return Optional.of(issueLink(operator, now));
        });
    }

    /** A new set-password link for an operator, replacing any earlier one (a forgotten password, say). */
    public Outcome<Invitation> newLink(EmailAddress email) {
        return transactions.inTransaction(() -> operators.findByEmail(email)
                .map(operator -> Outcome.accepted(issueLink(operator, clock.instant())))
                .orElseGet(() -> Outcome.rejected(Reason.NOT_FOUND, "email: no such operator")));
    }

    private Invitation issueLink(Operator operator, Instant now) {
        String secret = ids.newAccessToken().value();
        Operator linked = operator.withLink(TokenDigest.of(secret), now);
        operators.update(linked);
        return new Invitation(operator.id(), operator.email(), secret, linked.linkExpiresAt().orElseThrow());
    }

    /** The password chosen through the link: once, within its validity; every earlier session ends. */
    public Outcome<OperatorId> setPassword(String token, Password password) {
        Objects.requireNonNull(password, "password");
        if (token == null || token.isBlank() || token.length() > 200) {
            return Outcome.rejected(Reason.INVALID_TOKEN, "token: unknown or already used");
        }
        PasswordHash hash = hasher.hash(password.value());
        TokenDigest digest = TokenDigest.of(token);
        return transactions.inTransaction(() -> {
            Optional<Operator> found = operators.findByLink(digest);
            if (found.isEmpty()) {
                return Outcome.rejected(Reason.INVALID_TOKEN, "token: unknown or already used");
            }
            if (!found.get().linkPendingAt(clock.instant())) {
                return Outcome.rejected(Reason.TOKEN_EXPIRED, "token: the link expired; ask the host for a new one");
            }
            operators.update(found.get().withPassword(hash));
            return Outcome.accepted(found.get().id());
        });
    }

    /**
     * ACC-3 for operators: the same rejection, after the same slow hash, for an unknown e-mail, an operator
     * without a password, a wrong password and a locked account; from the fifth failure on, locked for a
     * delay that doubles.
     */
    public Outcome<OperatorLoggedIn> login(EmailAddress email, String password) {
        Objects.requireNonNull(password, "password");
        if (password.length() > Password.MAXIMUM_LENGTH * 2) {
            hasher.verify("", decoy());
            return Outcome.rejected(Reason.LOGIN_FAILED, FAILED);
        }
        Optional<Operator> found = operators.findByEmail(email);
        Instant now = clock.instant();
        if (found.isEmpty() || found.get().passwordHash().isEmpty() || found.get().lockedAt(now)) {
            hasher.verify(password, decoy());
            return Outcome.rejected(Reason.LOGIN_FAILED, FAILED);
        }
        boolean matches = hasher.verify(password, found.get().passwordHash().get());
        OperatorId id = found.get().id();
        return transactions.inTransaction(() -> {
            Operator current = operators.find(id).orElseThrow();
            if (!matches || current.lockedAt(now)) {
                operators.update(current.failedLoginAt(now));
                return Outcome.rejected(Reason.LOGIN_FAILED, FAILED);
            }
            if (current.failedLogins() > 0) {
                operators.update(current.loggedIn());
            }
            return Outcome.accepted(new OperatorLoggedIn(id, current.sessionVersion()));
        });
    }

    /** Ends every session of the operator. */
    public void logout(OperatorId operator) {
        transactions.inTransaction(() -> {
            operators.find(operator).ifPresent(o -> operators.update(o.loggedOut()));
            return null;
        });
    }

    /** Whether an operator session issued with this version is still good. */
    public boolean sessionValid(OperatorId operator, long sessionVersion) {
        return operators.find(operator).filter(o -> o.hasPassword() && o.sessionVersion() == sessionVersion).isPresent();
    }

    public Optional<Operator> operator(OperatorId id) {
        return operators.find(id);
    }

    public List<Operator> operators() {
        return operators.all();
    }

    // Practitioners

    /** Practitioners with their state and plan, by e-mail, at most {@code limit}. */
    public List<PractitionerOverview> practitioners(int limit) {
        Instant now = clock.instant();
        List<PractitionerOverview> overviews = new ArrayList<>();
        for (Practitioner practitioner : practitionersStore.all(limit)) {
            overviews.add(overview(practitioner, now));
        }
        return overviews;
    }

    public Optional<PractitionerOverview> practitioner(PractitionerId id) {
        return practitionersStore.find(id).map(p -> overview(p, clock.instant()));
    }

    private PractitionerOverview overview(Practitioner practitioner, Instant now) {
        PractitionerId id = practitioner.id();
        boolean verified = accounts.credentials(id).map(c -> c.emailVerified()).orElse(false);
        return new PractitionerOverview(practitioner, verified, profiles.pageEnabled(id),
                actions.suspended(id), payoutAccounts.find(id), cashier.planOf(id, now));
    }

    /** Whether an operator suspended the practitioner: their public page and routes are closed. */
    public boolean suspended(PractitionerId practitioner) {
        return actions.suspended(practitioner);
    }

    /**
     * Suspends a practitioner: their public page and public routes answer as for a disabled page and new
     * bookings are refused (PRACTITIONER_SUSPENDED); they can still log in, see their data and act on
     * their existing bookings. Refused with ILLEGAL_TRANSITION when they are suspended already.
     */
    public Outcome<PractitionerOverview> suspend(OperatorId by, PractitionerId practitioner, String reason) {
        return changeSuspension(by, practitioner, reason, true);
    }

    /** Lifts a suspension; refused with ILLEGAL_TRANSITION when the practitioner is not suspended. */
    public Outcome<PractitionerOverview> reactivate(OperatorId by, PractitionerId practitioner, String reason) {
        return changeSuspension(by, practitioner, reason, false);
    }

    private Outcome<PractitionerOverview> changeSuspension(OperatorId by, PractitionerId practitioner, String reason,
                                                           boolean suspend) {
        String why = OperatorAction.checkedReason(reason);
        Operator operator = existing(by);
        if (practitionersStore.find(practitioner).isEmpty()) {
            return Outcome.rejected(Reason.NOT_FOUND, "practitionerId: no such practitioner");
        }
        return transactions.inAgenda(practitioner, () -> {
            if (actions.suspended(practitioner) == suspend) {
                return Outcome.rejected(Reason.ILLEGAL_TRANSITION, "practitionerId: "
                        + (suspend ? "suspended already" : "not suspended"));
            }
            Instant now = clock.instant();
            actions.record(new OperatorAction(ids.newId(), operator.id(), operator.email(),
                    suspend ? ActionKind.SUSPEND_PRACTITIONER : ActionKind.REACTIVATE_PRACTITIONER, practitioner.toString(),
                    Optional.of(practitioner), why, now));
            return Outcome.accepted(overview(practitionersStore.find(practitioner).orElseThrow(), now));
        });
    }

    // Money

    /**
     * CX-4: reverses a contested no-show or late-cancellation charge: a full refund to the client through
     * the payment instructions, the commission and the practitioner's earnings undone in the ledger, the
     * client and the practitioner told. Once per booking: a second reversal is ALREADY_REVERSED; a booking
     * without such a charge (or already refunded) is NOTHING_TO_REVERSE.
     */
    public Outcome<ChargeReversal> reverseCharge(OperatorId by, BookingId bookingId, String reason) {
        return reverseCharge(by, bookingId, reason, Optional.empty());
    }

    /**
     * As {@link #reverseCharge(OperatorId, BookingId, String)}, once per idempotency key (BK-8): a retried request
     * with the same key answers the first result (the reversal, or the first refusal) and moves nothing; the key
     * given with another booking is refused with IDEMPOTENCY_KEY_REUSED. Keys are kept in the booking's
     * practitioner's scope, like every command on their agenda.
     */
    public Outcome<ChargeReversal> reverseCharge(OperatorId by, BookingId bookingId, String reason, IdempotencyKey key) {
        return reverseCharge(by, bookingId, reason, Optional.of(Objects.requireNonNull(key, "idempotencyKey")));
    }

    private Outcome<ChargeReversal> reverseCharge(OperatorId by, BookingId bookingId, String reason,
                                                  Optional<IdempotencyKey> key) {
        String why = OperatorAction.checkedReason(reason);
        Operator operator = existing(by);
        Optional<Booking> found = bookings.find(bookingId);
        if (found.isEmpty()) {
            return Outcome.rejected(Reason.NOT_FOUND, "bookingId: no such booking");
        }
        PractitionerId practitioner = found.get().practitionerId();
        return transactions.inAgenda(practitioner, () -> {
            if (key.isEmpty()) {
                return reverseLocked(operator, bookingId, practitioner, why);
            }
            String fingerprint = Fingerprint.of(REVERSE_CHARGE, bookingId);
            Optional<IdempotencyRecord> earlier = idempotencyKeys.find(practitioner, key.get());
            if (earlier.isPresent()) {
                IdempotencyRecord record = earlier.get();
                if (!record.sameCommand(REVERSE_CHARGE, fingerprint)) {
                    return Outcome.rejected(Reason.IDEMPOTENCY_KEY_REUSED, "idempotencyKey: already used for another command");
                }
                if (record.rejection().isPresent()) {
                    return Outcome.rejected(record.rejection().get(), record.detail());
                }
                Booking booking = bookings.find(bookingId).orElseThrow();
                return Outcome.accepted(cashier.reversalOf(booking).orElseThrow(
                        () -> new IllegalStateException("remembered reversal of " + bookingId + " is gone")));
            }
            Outcome<ChargeReversal> result = reverseLocked(operator, bookingId, practitioner, why);
            Instant now = clock.instant();
            idempotencyKeys.remember(result.fold(
                    reversal -> new IdempotencyRecord(practitioner, key.get(), REVERSE_CHARGE, fingerprint,
                            Optional.of(bookingId.toString()), Optional.empty(), "", now),
                    rejected -> new IdempotencyRecord(practitioner, key.get(), REVERSE_CHARGE, fingerprint, Optional.empty(),
                            Optional.of(rejected.reason()), rejected.detail(), now)));
            return result;
        });
    }

    /** Under the booking's agenda lock. */
    private Outcome<ChargeReversal> reverseLocked(Operator operator, BookingId bookingId, PractitionerId practitioner,
                                              String why) {
        Booking booking = bookings.find(bookingId).orElseThrow();
        String cause = Cashier.reversalCause(bookingId);
        boolean reversed = ledger.ofBooking(bookingId).stream()
                .anyMatch(p -> p.causeKey().equals(cause))
                || paymentInstructions.ofBooking(bookingId).stream()
                .anyMatch(i -> i.causeKey().equals("refund:" + cause));
        if (reversed) {
            return Outcome.rejected(Reason.ALREADY_REVERSED, "bookingId: this booking's charge was reversed already");
        }
        if (booking.state() != BookingState.NO_SHOW && booking.state() != BookingState.CANCELLED_BY_CLIENT) {
            return Outcome.rejected(Reason.NOTHING_TO_REVERSE, "bookingId: the booking is " + booking.state()
                    + ", not a no-show or a late cancellation");
        }
        Instant now = clock.instant();
        Optional<ChargeReversal> reversal = cashier.reverseCharge(booking, now);
        if (reversal.isEmpty()) {
            return Outcome.rejected(Reason.NOTHING_TO_REVERSE,
                    "bookingId: nothing was charged for this booking, or it is refunded already");
        }
        announcements.announce(MessageKind.CHARGE_REVERSED, booking, "charge-reversed:" + bookingId,
                Map.of("amount", reversal.get().refunded().toString()), now);
        actions.record(new OperatorAction(ids.newId(), operator.id(), operator.email(), ActionKind.REVERSE_CHARGE,
                bookingId.toString(), Optional.of(practitioner), why, now));
        return Outcome.accepted(reversal.get());
    }

    /** The whole platform's books in one currency, where FEE-4 says money in equals what is accounted for. */
    public Balances ledgerTotals(Currency currency) {
        return ledger.totals(currency);
    }

    /**
     * A page of payouts, failed and carried-over ones with their reason, newest change first, in one state or in all;
     * pass the page's {@code next} to read on. Every payout is reached, however many there are.
     */
    public PayoutPage payouts(Optional<PayoutState> state, Optional<PayoutPosition> after, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit: must be at least 1, was " + limit);
        }
        // One more than asked tells whether a next page exists without a count over the whole table.
        List<Payout> read = payoutsStore.newestChanged(state, after, limit + 1);
        if (read.size() <= limit) {
            return new PayoutPage(read, Optional.empty());
        }
        List<Payout> page = read.subList(0, limit);
        return new PayoutPage(page, Optional.of(PayoutPosition.of(page.get(limit - 1))));
    }

    // Bank-file payout batches

    /**
     * Exports a bank-file batch: the first export fixes its content (a payout joining later goes in another batch)
     * and is written to the audit log in the same transaction; exporting again answers the same batch, so the same
     * file, and records nothing more.
     */
    public Outcome<PayoutBatch> exportBatch(OperatorId by, PayoutBatchId batch, String reason) {
        String why = OperatorAction.checkedReason(reason);
        Operator operator = existing(by);
        return payouts.exportBatch(batch, exported -> actions.record(new OperatorAction(ids.newId(), operator.id(),
                operator.email(), ActionKind.EXPORT_PAYOUT_BATCH, batch.toString(), Optional.empty(), why, clock.instant())));
    }

    /**
     * The bank has the batch's file: its payouts become SENT and each practitioner is told. The marking is written to
     * the audit log in the transaction that makes it; marking again changes nothing and records nothing.
     */
    public Outcome<PayoutBatch> markBatchSent(OperatorId by, PayoutBatchId batch, String reason) {
        String why = OperatorAction.checkedReason(reason);
        Operator operator = existing(by);
        return payouts.markBatchSent(batch, operator.id().toString(), why, sent -> actions.record(new OperatorAction(
                ids.newId(), operator.id(), operator.email(), ActionKind.MARK_PAYOUT_BATCH_SENT, batch.toString(),
                Optional.empty(), why, clock.instant())));
    }

    // Messages

    /** Parked messages (FAILED after their last attempt), most recently parked first. */
    public List<OutboxEntry> parkedMessages(int limit) {
        return outbox.parked(limit);
    }

    /** Puts a parked message back to PENDING, due now, its attempts counted from zero; NOT_PARKED otherwise. */
    public Outcome<OutboxEntry> retryMessage(OperatorId by, OutboxMessageId message, String reason) {
        String why = OperatorAction.checkedReason(reason);
        Operator operator = existing(by);
        return transactions.inTransaction(() -> {
            Optional<OutboxEntry> entry = outbox.entry(message);
            if (entry.isEmpty()) {
                return Outcome.rejected(Reason.NOT_FOUND, "messageId: no such message");
            }
            Instant now = clock.instant();
            if (!outbox.retry(message, now)) {
                return Outcome.rejected(Reason.NOT_PARKED, "messageId: the message is " + entry.get().state()
                        + ", not parked");
            }
            actions.record(new OperatorAction(ids.newId(), operator.id(), operator.email(), ActionKind.RETRY_MESSAGE,
                    message.toString(), Optional.of(entry.get().message().practitionerId()), why, now));
            return Outcome.accepted(outbox.entry(message).orElseThrow());
        });
    }

    /** The audit log, newest first. */
    public List<OperatorAction> auditLog(int limit) {
        return actions.recent(limit);
    }

    private Operator existing(OperatorId id) {
        Objects.requireNonNull(id, "operatorId");
        return operators.find(id).orElseThrow(() -> new IllegalArgumentException("operatorId: no such operator"));
    }

    private PasswordHash decoy() {
        PasswordHash value = decoy;
        if (value == null) {
            value = hasher.hash(ids.newAccessToken().value());
            decoy = value;
        }
        return value;
    }
}
