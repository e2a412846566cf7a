package org.rendezvous.core;

import java.time.Duration;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import org.rendezvous.core.agenda.AgendaSettings;
import org.rendezvous.core.booking.AccessToken;
import org.rendezvous.core.booking.Booking;
import org.rendezvous.core.booking.BookingId;
import org.rendezvous.core.booking.BookingState;
import org.rendezvous.core.booking.RecordGuaranteeCommand;
import org.rendezvous.core.booking.RecordPaymentCommand;
import org.rendezvous.core.idempotency.IdempotencyKey;
import org.rendezvous.core.ledger.Balances;
import org.rendezvous.core.ledger.PaymentLine;
import org.rendezvous.core.ledger.Posting;
import org.rendezvous.core.ledger.PractitionerTotals;
import org.rendezvous.core.ledger.PractitionerView;
import org.rendezvous.core.money.FeeSchedule;
import org.rendezvous.core.money.Money;
import org.rendezvous.core.money.PaymentPurpose;
import org.rendezvous.core.notification.MessageKind;
import org.rendezvous.core.outcome.Outcome;
import org.rendezvous.core.outcome.Reason;
import org.rendezvous.core.payment.ChargeRequest;
import org.rendezvous.core.payment.ChargeResult;
import org.rendezvous.core.payment.CheckoutSession;
import org.rendezvous.core.payment.GuaranteeRequest;
import org.rendezvous.core.payment.InstructionKind;
import org.rendezvous.core.payment.BookingMoney;
import org.rendezvous.core.payment.InstructionState;
import org.rendezvous.core.payment.NextStep;
import org.rendezvous.core.payment.PaymentEvent;
import org.rendezvous.core.payment.PaymentInstruction;
import org.rendezvous.core.payment.PaymentRequest;
import org.rendezvous.core.payment.ProviderKey;
import org.rendezvous.core.payment.RefundRequest;
import org.rendezvous.core.payment.RefundResult;
import org.rendezvous.core.payout.PayoutDestination;
import org.rendezvous.core.policy.CommercialModel;
import org.rendezvous.core.policy.MoneyDecision;
import org.rendezvous.core.policy.PaymentArrangement;
import org.rendezvous.core.port.Agendas;
import org.rendezvous.core.port.Bookings;
import org.rendezvous.core.port.Ledger;
import org.rendezvous.core.port.PaymentAccounts;
import org.rendezvous.core.port.PaymentGateway;
import org.rendezvous.core.port.PaymentInstructions;
import org.rendezvous.core.port.PayoutAccounts;
import org.rendezvous.core.port.Transactions;
import org.rendezvous.core.practitioner.PractitionerId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Payments through the provider (PAY-1 … PAY-6): payment pages, provider events, and the money work
 * the lifecycle decided (refunds, off-session charges, earnings becoming payable), carried out after
 * the fact so that a slow or failing provider never holds an agenda lock nor loses a decision.
 */
public final class PaymentService {

    private static final Logger LOG = LoggerFactory.getLogger(PaymentService.class);
    private static final Duration LONGEST_RETRY_DELAY = Duration.ofDays(1);
    /** How long a client has to complete a charge their bank asked them to authenticate. */
    private static final Duration CLIENT_CHARGE_WINDOW = Duration.ofDays(7);

    private final Agendas agendas;
    private final Bookings bookings;
    private final Ledger ledger;
    private final PaymentInstructions paymentInstructions;
    private final PayoutAccounts payoutAccounts;
    private final Transactions transactions;
    private final PaymentAccounts paymentAccounts;
    private final Now clock;
    private final EngineSettings engineSettings;
    private final PaymentGateway paymentGateway;
    private final Cashier cashier;
    private final BookingCommands commands;
    private final Arrivals arrivals;
    private final LockedSaves saves;
    private final Announcements announcements;
    private final int batchSize;

    PaymentService(Agendas agendas, Bookings bookings, Ledger ledger, PaymentInstructions paymentInstructions,
                   PayoutAccounts payoutAccounts, Transactions transactions, PaymentAccounts paymentAccounts,
                   Now clock, EngineSettings engineSettings, PaymentGateway paymentGateway, Cashier cashier,
                   BookingCommands commands, Arrivals arrivals, LockedSaves saves,
                   Announcements announcements, int batchSize) {
        this.agendas = agendas;
        this.bookings = bookings;
        this.ledger = ledger;
        this.paymentInstructions = paymentInstructions;
        this.payoutAccounts = payoutAccounts;
        this.transactions = transactions;
        this.paymentAccounts = paymentAccounts;
        this.clock = clock;
        this.engineSettings = engineSettings;
        this.paymentGateway = paymentGateway;
        this.cashier = cashier;
        this.commands = commands;
        this.arrivals = arrivals;
        this.saves = saves;
        this.announcements = announcements;
        this.batchSize = batchSize;
    }

    // The provider reports (BK-3, PAY-2)

    /**
     * The provider reports a payment. A held booking moves on (BK-3, BK-4); a booking that is no longer
     * waiting for it (expired, cancelled) gets it refunded in full and the client is told.
     */
    public Outcome<Booking> recordPayment(RecordPaymentCommand command) {
        return commands.onBooking(command.bookingId(), booking -> commands.once(booking.practitionerId(), command.idempotencyKey(),
                "payment", command.fingerprint(), () -> applyPayment(booking, command.amount(), command.reference(),
                        command.providerFee())));
    }

    private Outcome<Booking> applyPayment(Booking booking, Money amount, String reference,
                                         Optional<Money> providerFee) {
        Instant now = clock.instant();
        return booking.paymentArrives(amount, reference).flatMap(fate -> switch (fate) {
            case ALREADY_RECORDED -> Outcome.accepted(booking);
            case PAYS_THE_HOLD -> arrivals.holdPaid(booking, amount, reference, providerFee, now);
            case REFUNDED_LATE -> {
                // BK-3: money that arrives for a booking no longer waiting for it goes back in full.
                Booking refunded = booking.withPayment(amount, reference)
                        .withSettlement(new MoneyDecision.RefundInFull(booking.paid().plus(amount)));
                saves.save(booking, refunded);
                cashier.latePaymentReceived(refunded, amount, reference, providerFee, now);
                announcements.announce(MessageKind.LATE_PAYMENT_REFUNDED, refunded, now);
                yield Outcome.accepted(refunded);
            }
        });
    }

    /** The provider reports the card guarantee saved at booking (PAY-2). */
    public Outcome<Booking> recordGuarantee(RecordGuaranteeCommand command) {
        return commands.onBooking(command.bookingId(), booking -> commands.once(booking.practitionerId(), command.idempotencyKey(),
                "guarantee", command.fingerprint(), () -> applyGuarantee(booking, command.reference())));
    }

    private Outcome<Booking> applyGuarantee(Booking booking, String reference) {
        Instant now = clock.instant();
        return booking.guaranteeArrives(reference).flatMap(fate -> switch (fate) {
            case ALREADY_RECORDED -> Outcome.accepted(booking);
            case GUARANTEES_THE_HOLD -> arrivals.holdGuaranteed(booking, reference, now);
            case RELEASED_LATE -> {
                Booking released = booking.withGuarantee(reference).withSettlement(new MoneyDecision.ReleaseGuarantee());
                saves.save(booking, released);
                yield Outcome.accepted(released);
            }
        });
    }

    // The client pays (PAY-1, PAY-2)

    /**
     * Opens the provider's page for what the client behind this link must do online now: pay a held
     * prepaid booking, save a card for a guaranteed one, or pay a charge their bank wanted them to
     * authenticate. The provider is called outside any lock; asking twice opens the same page.
     */
    public Outcome<CheckoutSession.Started> checkout(AccessToken token) {
        Optional<Booking> found = commands.findByLink(token);
        if (found.isEmpty()) {
            return Outcome.rejected(Reason.NOT_FOUND, "accessToken: no such booking");
        }
        Booking booking = found.get();
        Instant now = clock.instant();
        Optional<String> account = connectedAccount(booking.practitionerId());
        String description = "Booking " + booking.id();
        CheckoutSession session;
        if (booking.state() == BookingState.HELD && booking.expiresAt().filter(now::isBefore).isPresent()) {
            if (booking.terms().payment() == PaymentArrangement.PREPAID) {
                session = paymentGateway.startPayment(new PaymentRequest(booking.id(), booking.practitionerId(),
                        booking.price(), applicationFee(booking, booking.price(), PaymentPurpose.CONSULTATION, now), account,
                        booking.client().email(), description, booking.expiresAt().get(),
                        new ProviderKey("rdv:checkout:" + booking.id())));
            } else {
                session = paymentGateway.startGuarantee(new GuaranteeRequest(booking.id(), booking.practitionerId(),
                        account, booking.client().email(), description, booking.expiresAt().get(),
                        new ProviderKey("rdv:guarantee:" + booking.id())));
            }
        } else {
            Optional<PaymentInstruction> waiting = chargeWaitingForClient(booking.id());
            if (waiting.isEmpty()) {
                return Outcome.rejected(Reason.NOTHING_TO_PAY, "accessToken: this booking has nothing to pay online now");
            }
            PaymentPurpose purpose = purposeOf(booking);
            session = paymentGateway.startPayment(new PaymentRequest(booking.id(), booking.practitionerId(),
                    waiting.get().amount(), applicationFee(booking, waiting.get().amount(), purpose, now), account,
                    booking.client().email(), description, waiting.get().updatedAt().plus(CLIENT_CHARGE_WINDOW),
                    new ProviderKey("rdv:client-charge:" + waiting.get().id())));
        }
        if (session instanceof CheckoutSession.Started started) {
            return Outcome.accepted(started);
        }
        if (session instanceof CheckoutSession.Refused refused) {
            LOG.warn("payment page refused for booking {}: {}", booking.id(), refused.reason());
            return Outcome.rejected(Reason.PAYMENT_REFUSED, "accessToken: the payment provider refused: " + refused.reason());
        }
        return Outcome.rejected(Reason.PAYMENT_PROVIDER_UNAVAILABLE,
                "accessToken: the payment provider cannot be reached; try again in a moment");
    }

    // Provider events (PAY-5)

    /**
     * Applies an authenticated provider event once per event id: delivered twice, it changes nothing
     * the second time. The answer is the booking as the event left it.
     */
    public Outcome<Booking> apply(PaymentEvent event) {
        IdempotencyKey key = IdempotencyKey.of("event:" + event.eventId());
        if (event instanceof PaymentEvent.PaymentSucceeded paid) {
            // PAY-5: a payment the ledger already holds, reported again under another event id, changes nothing.
            boolean known = ledger.ofBooking(paid.bookingId()).stream()
                    .anyMatch(posting -> posting.causeKey().equals("payment:" + paid.reference()));
            if (known) {
                return current(paid.bookingId());
            }
            Optional<PaymentInstruction> waiting = chargeWaitingForClient(paid.bookingId())
                    .filter(i -> i.amount().equals(paid.amount()));
            if (waiting.isPresent()) {
                return clientCompletedCharge(waiting.get(), paid);
            }
            return recordPayment(new RecordPaymentCommand(paid.bookingId(), paid.amount(), paid.reference(),
                    paid.providerFee(), key));
        }
        if (event instanceof PaymentEvent.GuaranteeSaved saved) {
            return recordGuarantee(new RecordGuaranteeCommand(saved.bookingId(), saved.reference(), key));
        }
        if (event instanceof PaymentEvent.PaymentFailed failed) {
            // The client may try again until the hold expires; the hold's expiry handles the rest.
            LOG.info("payment attempt failed for booking {}: {}", failed.bookingId(), failed.reason());
            return current(failed.bookingId());
        }
        if (event instanceof PaymentEvent.RefundFailed failed) {
            LOG.error("refund {} of booking {} failed at the provider after it was accepted: {}; an operator must look",
                    failed.reference(), failed.bookingId(), failed.reason());
            return current(failed.bookingId());
        }
        throw new IllegalArgumentException("event: not a booking event: " + event.getClass().getSimpleName()
                + "; payout events go to payouts().apply");
    }

    private Outcome<Booking> current(BookingId id) {
        return bookings.find(id).<Outcome<Booking>>map(Outcome::accepted)
                .orElseGet(() -> Outcome.rejected(Reason.NOT_FOUND, "bookingId: no such booking"));
    }

    private Outcome<Booking> clientCompletedCharge(PaymentInstruction waiting, PaymentEvent.PaymentSucceeded paid) {
        return transactions.inAgenda(waiting.practitionerId(), () -> {
            Optional<PaymentInstruction> current = paymentInstructions.find(waiting.id());
            Booking booking = bookings.find(paid.bookingId()).orElseThrow();
            if (current.isEmpty() || current.get().state() != InstructionState.WAITING_FOR_CLIENT) {
                return Outcome.accepted(booking);
            }
            Instant now = clock.instant();
            paymentInstructions.update(current.get(), current.get().done(Optional.of(paid.reference()), now));
            cashier.paymentReceived(booking, paid.amount(), paid.reference(), paid.providerFee(), purposeOf(booking), now);
            announceCharge(booking, now);
            return Outcome.accepted(booking);
        });
    }

    // The money work decided by the lifecycle (PAY-2, PAY-4, PO-1)

    /**
     * Carries out the due instructions: refunds and off-session charges through the provider, earnings
     * released in the ledger. The provider is called outside the agenda lock with the instruction's own
     * key, then the answer is recorded under the lock if nobody recorded it first; a provider that
     * cannot be reached is asked again later, with a delay that doubles each time.
     */
    public JobReport carryOutDue() {
        Instant now = clock.instant();
        List<PaymentInstruction> due = paymentInstructions.due(now, batchSize);
        int done = 0;
        int deferred = 0;
        for (PaymentInstruction instruction : due) {
            Optional<Booking> booking = bookings.find(instruction.bookingId());
            if (booking.isEmpty()) {
                continue;
            }
            Step result = switch (instruction.kind()) {
                case REFUND -> refund(instruction, booking.get());
                case CHARGE_GUARANTEE -> charge(instruction, booking.get(), now);
                case RELEASE_EARNINGS -> new Step.Release();
            };
            boolean recorded = transactions.inAgenda(instruction.practitionerId(), () -> {
                Optional<PaymentInstruction> current = paymentInstructions.find(instruction.id());
                if (current.isEmpty() || !current.get().equals(instruction)) {
                    return false;
                }
                Booking latest = bookings.find(instruction.bookingId()).orElseThrow();
                return record(current.get(), latest, result, clock.instant());
            });
            if (recorded && result instanceof Step.Retry) {
                deferred++;
            } else if (recorded) {
                done++;
            }
        }
        return new JobReport(due.size(), done, deferred);
    }

    /** What the provider answered, before it is recorded. */
    private sealed interface Step {
        record Done(Optional<String> reference) implements Step {
        }

        record Charged(ChargeResult.Charged result) implements Step {
        }

        record NeedsClient(String reference) implements Step {
        }

        record Failed(String why) implements Step {
        }

        record Retry(String why) implements Step {
        }

        record Release() implements Step {
        }
    }

    private Step refund(PaymentInstruction instruction, Booking booking) {
        Money left = cashier.paidSoFar(booking).minus(cashier.refundedSoFar(booking));
        if (instruction.amount().isGreaterThan(left)) {
            // PAY-4: never more than was paid. Only a bug could get here; stop rather than pay twice.
            return new Step.Failed("refund of " + instruction.amount() + " is more than the " + left + " left to refund");
        }
        Optional<String> from = refundableReference(booking);
        if (from.isEmpty()) {
            return new Step.Failed("no payment to refund from");
        }
        Optional<String> account = connectedAccount(booking.practitionerId());
        RefundResult result = paymentGateway.refund(new RefundRequest(booking.id(), booking.practitionerId(),
                from.get(), instruction.amount(), account,
                "Booking " + booking.id() + " " + booking.state(), instruction.providerKey(),
                cashier.applicationFeeToReturn(booking, instruction.causeKey()).filter(fee -> account.isPresent())));
        if (result instanceof RefundResult.Refunded refunded) {
            return new Step.Done(Optional.of(refunded.reference()));
        }
        if (result instanceof RefundResult.Refused refused) {
            return new Step.Failed(refused.reason());
        }
        return new Step.Retry(((RefundResult.Unreachable) result).why());
    }

    /**
     * The payment a refund comes from: the booking's prepayment, or else the guarantee charge made on the
     * client's saved card (what an operator's reversal gives back, CX-4).
     */
    private Optional<String> refundableReference(Booking booking) {
        if (booking.paymentReference().isPresent()) {
            return booking.paymentReference();
        }
        return paymentInstructions.ofBooking(booking.id()).stream()
                .filter(i -> i.kind() == InstructionKind.CHARGE_GUARANTEE && i.state() == InstructionState.DONE)
                .map(PaymentInstruction::providerReference).flatMap(Optional::stream).findFirst();
    }

    private Step charge(PaymentInstruction instruction, Booking booking, Instant now) {
        if (booking.guaranteeReference().isEmpty()) {
            return new Step.Failed("no saved card to charge");
        }
        ChargeResult result = paymentGateway.charge(new ChargeRequest(booking.id(), booking.practitionerId(),
                booking.guaranteeReference().get(), instruction.amount(),
                applicationFee(booking, instruction.amount(), purposeOf(booking), now),
                connectedAccount(booking.practitionerId()), "Booking " + booking.id() + " " + booking.state(),
                instruction.providerKey()));
        if (result instanceof ChargeResult.Charged charged) {
            return new Step.Charged(charged);
        }
        if (result instanceof ChargeResult.NeedsClient needsClient) {
            return new Step.NeedsClient(needsClient.reference());
        }
        if (result instanceof ChargeResult.Declined declined) {
            return new Step.Failed(declined.reason());
        }
        return new Step.Retry(((ChargeResult.Unreachable) result).why());
    }

    private boolean record(PaymentInstruction instruction, Booking booking, Step step, Instant now) {
        var store = paymentInstructions;
        if (step instanceof Step.Retry retry) {
            LOG.warn("{} of booking {} deferred: {}", instruction.kind(), booking.id(), retry.why());
            return store.update(instruction, instruction.retryAt(now.plus(retryDelay(instruction.attempts())), retry.why(), now));
        }
        if (step instanceof Step.Failed failed) {
            LOG.warn("{} of booking {} failed: {}", instruction.kind(), booking.id(), failed.why());
            boolean updated = store.update(instruction, instruction.failed(failed.why(), now));
            if (updated && instruction.kind() == InstructionKind.CHARGE_GUARANTEE) {
                announcements.announce(MessageKind.CHARGE_FAILED, booking, "charge-failed:" + instruction.id(),
                        java.util.Map.of("amount", instruction.amount().toString(), "reason", failed.why()), now);
            }
            return updated;
        }
        if (step instanceof Step.NeedsClient needsClient) {
            boolean updated = store.update(instruction, instruction.waitingForClient(needsClient.reference(), now));
            if (updated) {
                announcements.announce(MessageKind.CHARGE_NEEDS_CLIENT, booking, "charge-needs-client:" + instruction.id(),
                        java.util.Map.of("amount", instruction.amount().toString()), now);
            }
            return updated;
        }
        if (step instanceof Step.Charged charged) {
            if (!store.update(instruction, instruction.done(Optional.of(charged.result().reference()), now))) {
                return false;
            }
            cashier.paymentReceived(booking, instruction.amount(), charged.result().reference(),
                    charged.result().providerFee(), purposeOf(booking), now);
            announceCharge(booking, now);
            return true;
        }
        if (step instanceof Step.Done done) {
            if (!store.update(instruction, instruction.done(done.reference(), now))) {
                return false;
            }
            cashier.refunded(booking, instruction.amount(), "refunded:" + instruction.causeKey(), now);
            announcements.announce(MessageKind.REFUND_ISSUED, booking, "refund-issued:" + instruction.id(),
                    java.util.Map.of("amount", instruction.amount().toString()), now);
            return true;
        }
        // Release: only a consultation that stayed completed through its no-show window earns anything (PO-1).
        if (booking.state() != BookingState.COMPLETED) {
            return store.update(instruction, instruction.cancelled("the booking is " + booking.state(), now));
        }
        if (!store.update(instruction, instruction.done(Optional.empty(), now))) {
            return false;
        }
        cashier.releaseEarnings(booking, instruction.amount(), "released:" + instruction.causeKey(), now);
        return true;
    }

    private Duration retryDelay(int attemptsSoFar) {
        Duration delay = engineSettings.retryDelay();
        for (int i = 0; i < attemptsSoFar && delay.compareTo(LONGEST_RETRY_DELAY) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(LONGEST_RETRY_DELAY) > 0 ? LONGEST_RETRY_DELAY : delay;
    }

    private void announceCharge(Booking booking, Instant now) {
        announcements.announce(booking.state() == BookingState.NO_SHOW ? MessageKind.NO_SHOW_CHARGED
                : MessageKind.LATE_CANCELLATION_CHARGED, booking, now);
    }

    private Optional<PaymentInstruction> chargeWaitingForClient(BookingId booking) {
        return paymentInstructions.ofBooking(booking).stream()
                .filter(i -> i.kind() == InstructionKind.CHARGE_GUARANTEE && i.state() == InstructionState.WAITING_FOR_CLIENT)
                .findFirst();
    }

    private static PaymentPurpose purposeOf(Booking booking) {
        return switch (booking.state()) {
            case NO_SHOW -> PaymentPurpose.NO_SHOW_CHARGE;
            case CANCELLED_BY_CLIENT -> PaymentPurpose.LATE_CANCELLATION_CHARGE;
            default -> PaymentPurpose.CONSULTATION;
        };
    }

    /** DIRECT_CONNECT: the platform's fee the provider takes on a direct charge (FEE-3). */
    private Money applicationFee(Booking booking, Money amount, PaymentPurpose purpose, Instant now) {
        if (engineSettings.model() != CommercialModel.DIRECT_CONNECT) {
            return Money.zero(amount.currency());
        }
        return cashier.commissionSchedule(booking, purpose, now).on(amount);
    }

    /** DIRECT_CONNECT: charges are made on the practitioner's own provider account. */
    private Optional<String> connectedAccount(PractitionerId practitioner) {
        if (engineSettings.model() != CommercialModel.DIRECT_CONNECT) {
            return Optional.empty();
        }
        return PaymentAccountService.connectedAccount(paymentAccounts, payoutAccounts,
                practitioner);
    }

    // What the practitioner sees (PAY-6, FEE-4)

    /** Every payment, refund, commission, fee and payout of the practitioner, oldest first (PAY-6). */
    public List<Posting> history(PractitionerId practitioner) {
        return ledger.ofPractitioner(practitioner);
    }

    /**
     * The practitioner's payment history as they see it (PAY-6), oldest first: every payment, refund,
     * commission, fee and payout that moved their money, with nothing of the platform's own books.
     */
    public List<PaymentLine> paymentLines(PractitionerId practitioner) {
        PractitionerView view = new PractitionerView(engineSettings.model());
        return ledger.ofPractitioner(practitioner).stream().flatMap(p -> view.line(p).stream()).toList();
    }

    /** Which ledger accounts are the practitioner's in the operator's model (PAY-6). */
    public PractitionerView practitionerView() {
        return new PractitionerView(engineSettings.model());
    }

    /** The practitioner's own money summed up, in their currency (PAY-6); NOT_FOUND for no such practitioner. */
    public Outcome<PractitionerTotals> totals(PractitionerId practitioner) {
        return agendas.settings(practitioner)
                .map(settings -> Outcome.accepted(PractitionerTotals.of(settings.currency(), paymentLines(practitioner))))
                .orElseGet(() -> Outcome.rejected(Reason.NOT_FOUND, "practitionerId: no such practitioner"));
    }

    /** What happened to a booking's money (PAY-6, CX-2 … CX-5). */
    public BookingMoney money(Booking booking) {
        if (booking.terms().payment() == PaymentArrangement.ON_SITE) {
            // Nothing online was ever asked of this booking: no money can have moved for it.
            return BookingMoney.of(booking, new PractitionerView(engineSettings.model()), List.of(), List.of(),
                    FeeSchedule.none(booking.price().currency()), clock.instant());
        }
        return money(booking, ledger.ofBooking(booking.id()), clock.instant());
    }

    /**
     * Every booking of the practitioner that money moved for, with what they will receive for it, the newest
     * first: pending earnings not released yet next to what is payable or received (PAY-6, PO-1).
     */
    public List<BookingMoney> moneyOfBookings(PractitionerId practitioner) {
        java.util.Map<BookingId, List<Posting>> byBooking = new java.util.LinkedHashMap<>();
        for (Posting posting : ledger.ofPractitioner(practitioner)) {
            posting.bookingId().ifPresent(id -> byBooking.computeIfAbsent(id, k -> new java.util.ArrayList<>()).add(posting));
        }
        Instant now = clock.instant();
        List<BookingMoney> answer = new java.util.ArrayList<>();
        byBooking.forEach((id, postings) -> bookings.find(id)
                .filter(b -> b.practitionerId().equals(practitioner))
                .ifPresent(b -> answer.add(money(b, postings, now))));
        java.util.Collections.reverse(answer);
        return answer;
    }

    private BookingMoney money(Booking booking, List<Posting> postings, Instant now) {
        FeeSchedule release = engineSettings.model() == CommercialModel.PLATFORM_COLLECTS
                && booking.terms().payment() == PaymentArrangement.PREPAID
                ? cashier.commissionSchedule(booking, PaymentPurpose.CONSULTATION, now)
                : FeeSchedule.none(booking.price().currency());
        return BookingMoney.of(booking, new PractitionerView(engineSettings.model()), postings,
                paymentInstructions.ofBooking(booking.id()), release, now);
    }

    /**
     * What the client must do online now for this booking, if anything: pay or save a card before the hold
     * expires (BK-3, PAY-1, PAY-2), or pay a charge their bank wants them to authenticate. {@link #checkout}
     * opens the page where they do it.
     */
    public Optional<NextStep> nextStep(Booking booking) {
        Instant now = clock.instant();
        if (booking.state() == BookingState.HELD && booking.expiresAt().filter(now::isBefore).isPresent()) {
            return Optional.of(booking.terms().payment() == PaymentArrangement.PREPAID
                    ? new NextStep(NextStep.Action.PAY, Optional.of(booking.price()), booking.expiresAt().get())
                    : new NextStep(NextStep.Action.SAVE_CARD, Optional.empty(), booking.expiresAt().get()));
        }
        if (booking.terms().payment() == PaymentArrangement.ON_SITE) {
            return Optional.empty();
        }
        return chargeWaitingForClient(booking.id()).map(waiting -> new NextStep(NextStep.Action.PAY_CHARGE,
                Optional.of(waiting.amount()), waiting.updatedAt().plus(CLIENT_CHARGE_WINDOW)));
    }

    /** The practitioner's balances now, in their currency; NOT_FOUND for no such practitioner. */
    public Outcome<Balances> balances(PractitionerId practitioner) {
        Optional<AgendaSettings> settings = agendas.settings(practitioner);
        if (settings.isEmpty()) {
            return Outcome.rejected(Reason.NOT_FOUND, "practitionerId: no such practitioner");
        }
        // Postings are never dated in the future: a day ahead counts them all.
        return Outcome.accepted(ledger.balances(practitioner, settings.get().currency(),
                clock.instant().plus(Duration.ofDays(1))));
    }

    /** The whole platform's books in one currency; FEE-4 says money in equals what is accounted for. */
    public Balances platformTotals(Currency currency) {
        return ledger.totals(currency);
    }

    /** The money work decided for a booking and what became of it: refunds, charges, a failed charge. */
    public List<PaymentInstruction> instructions(BookingId booking) {
        return paymentInstructions.ofBooking(booking);
    }
}
