package org.rendezvous.core.sandbox;

import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.rendezvous.core.booking.BookingId;
import org.rendezvous.core.money.Money;
import org.rendezvous.core.payment.ChargeRequest;
import org.rendezvous.core.payment.ChargeResult;
import org.rendezvous.core.payment.CheckoutSession;
import org.rendezvous.core.payment.GuaranteeRequest;
import org.rendezvous.core.payment.PaymentEvent;
import org.rendezvous.core.payment.PaymentRequest;
import org.rendezvous.core.payment.RefundRequest;
import org.rendezvous.core.payment.RefundResult;
import org.rendezvous.core.payout.PayoutOrder;
import org.rendezvous.core.payout.PayoutResult;
import org.rendezvous.core.port.PaymentCheck;
import org.rendezvous.core.port.PaymentGateway;
import org.rendezvous.core.port.PayoutGateway;
import org.rendezvous.core.port.OnboardingGateway;
import org.rendezvous.core.payment.AccountOpening;
import org.rendezvous.core.payment.AccountStatus;
import org.rendezvous.core.payment.OnboardingLink;
import org.rendezvous.core.payment.OpenAccountRequest;

/**
 * A payment provider inside the process, for running without any provider account, for demos and for
 * tests. It behaves like a real one where the engine can tell: the same key moves money once, refunds
 * never pass what was paid, events come with ids, and failures can be injected — a declined card, a
 * card that needs authentication, a timeout after the money moved, an unreachable provider, an event
 * delivered twice. Thread-safe.
 */
public final class SandboxPaymentGateway implements PaymentGateway, PayoutGateway, OnboardingGateway {

    /** The provider calls a failure can be injected into. */
    public enum Operation { START_PAYMENT, START_GUARANTEE, CHARGE, REFUND, PAYOUT }

    /** What goes wrong on the next call of an operation. */
    public enum Failure {
        /** The card or the request is refused for good. */
        DECLINE,
        /** The card's bank asks the client to authenticate (charges only). */
        AUTHENTICATION_REQUIRED,
        /** The provider does the work but the answer is lost: the caller sees a network failure. */
        TIMEOUT,
        /** The provider cannot be reached: nothing happens. */
        UNREACHABLE
    }

    /** A movement the sandbox performed (payment, charge, refund, application_fee_refund, payout), for tests and the demo's payment history. */
    public record Movement(String kind, BookingId bookingId, Money amount, String reference, String key) {
    }

    private final URI checkoutBase;
    private final ConcurrentHashMap<BookingId, PaymentCheck> received = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Object> answersByKey = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, PaymentRequest> openPayments = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, GuaranteeRequest> openGuarantees = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Money> refundedByPayment = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Money> paidByReference = new ConcurrentHashMap<>();
    // DIRECT_CONNECT: the application fee the platform took on a payment, and what of it went back (CX-4).
    private final ConcurrentHashMap<String, Money> feeByReference = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Money> feeReturnedByReference = new ConcurrentHashMap<>();
    private final Map<Operation, List<Failure>> injected = new EnumMap<>(Operation.class);
    // Their own locks, never this one: they are written from inside the answers map's computations.
    private final List<Movement> movements = Collections.synchronizedList(new ArrayList<>());
    private final List<BookingId> abandoned = Collections.synchronizedList(new ArrayList<>());
    private volatile Consumer<PaymentEvent> events = event -> { };
    private volatile boolean reachable = true;
    private volatile boolean duplicateEvents;
    private final java.time.Clock clock;
    private final ConcurrentHashMap<String, AccountStatus> accounts = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, OnboardingLink.Request> openLinks = new ConcurrentHashMap<>();

    /** @param checkoutBase where the host serves the sandbox's payment pages; a session's page is {@code checkoutBase/reference} */
    public SandboxPaymentGateway(URI checkoutBase) {
        this(checkoutBase, java.time.Clock.systemUTC());
    }

    /**
     * @param clock dates the sandbox's account events, as a provider dates its own; the onboarding pages are
     *              served at {@code checkoutBase/../onboarding/accountId}
     */
    public SandboxPaymentGateway(URI checkoutBase, java.time.Clock clock) {
        this.checkoutBase = Objects.requireNonNull(checkoutBase, "checkoutBase");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public SandboxPaymentGateway() {
        this(URI.create("http://localhost/sandbox/checkout/"));
    }

    /** Where the sandbox sends its events, as a provider's webhooks would: usually the engine's payments().apply. */
    public void onEvent(Consumer<PaymentEvent> listener) {
        this.events = Objects.requireNonNull(listener, "listener");
    }

    /** Delivers every following event twice, as providers sometimes do (PAY-5). */
    public void duplicateEvents(boolean twice) {
        this.duplicateEvents = twice;
    }

    /** Makes the next call of {@code operation} fail as {@code failure}; several queue up in order. */
    public synchronized void failNext(Operation operation, Failure failure) {
        injected.computeIfAbsent(operation, o -> new ArrayList<>()).add(failure);
    }

    /** Makes the provider unreachable (or reachable again), as when the network is down. */
    public void setReachable(boolean newReachable) {
        this.reachable = newReachable;
    }

    /** Records a payment as if the client had paid, without sending an event (a webhook that never came). */
    public void receive(BookingId booking, Money amount, String reference) {
        received.put(booking, new PaymentCheck.Paid(amount, reference));
        paidByReference.put(reference, amount);
    }

    /** Records a saved card as if the client had saved it, without sending an event. */
    public void saveGuarantee(BookingId booking, String reference) {
        received.put(booking, new PaymentCheck.GuaranteeSaved(reference));
    }

    /** The client pays on the page of a session: the payment is recorded and its event sent. */
    public Optional<PaymentEvent> completePayment(String sessionReference) {
        PaymentRequest request = openPayments.remove(sessionReference);
        if (request == null) {
            return Optional.empty();
        }
        String reference = "sbx_pay_" + UUID.randomUUID();
        receive(request.bookingId(), request.amount(), reference);
        if (request.applicationFee().isPositive()) {
            feeByReference.put(reference, request.applicationFee());
        }
        record("payment", request.bookingId(), request.amount(), reference, request.key().value());
        return Optional.of(send(new PaymentEvent.PaymentSucceeded("sbx_evt_" + UUID.randomUUID(), request.bookingId(),
                request.amount(), reference, Optional.empty())));
    }

    /** The client saves their card on the page of a session: the guarantee is recorded and its event sent. */
    public Optional<PaymentEvent> completeGuarantee(String sessionReference) {
        GuaranteeRequest request = openGuarantees.remove(sessionReference);
        if (request == null) {
            return Optional.empty();
        }
        String reference = "sbx_pm_" + UUID.randomUUID();
        saveGuarantee(request.bookingId(), reference);
        return Optional.of(send(new PaymentEvent.GuaranteeSaved("sbx_evt_" + UUID.randomUUID(), request.bookingId(),
                reference)));
    }

    /** The payment a session asks for, if it is still open: what the sandbox's page shows. */
    public Optional<PaymentRequest> openPayment(String sessionReference) {
        return Optional.ofNullable(openPayments.get(sessionReference));
    }

    public Optional<GuaranteeRequest> openGuarantee(String sessionReference) {
        return Optional.ofNullable(openGuarantees.get(sessionReference));
    }

    public List<Movement> movements() {
        synchronized (movements) {
            return List.copyOf(movements);
        }
    }

    public List<BookingId> abandoned() {
        synchronized (abandoned) {
            return List.copyOf(abandoned);
        }
    }

    @Override
    public PaymentCheck check(BookingId booking) {
        if (!reachable) {
            return new PaymentCheck.Unreachable("the sandbox provider was made unreachable");
        }
        return received.getOrDefault(booking, new PaymentCheck.NothingReceived());
    }

    @Override
    public CheckoutSession startPayment(PaymentRequest request) {
        Optional<Failure> failure = nextFailure(Operation.START_PAYMENT);
        if (failure.isPresent() && failure.get() != Failure.TIMEOUT) {
            return failure.get() == Failure.DECLINE ? new CheckoutSession.Refused("sandbox: refused on request")
                    : new CheckoutSession.Unreachable("sandbox: unreachable on request");
        }
        CheckoutSession session = (CheckoutSession) answersByKey.computeIfAbsent(request.key().value(), key -> {
            String reference = "sbx_cs_" + UUID.randomUUID();
            openPayments.put(reference, request);
            return new CheckoutSession.Started(reference, checkoutBase.resolve(reference), request.expiresAt());
        });
        return failure.isPresent() ? new CheckoutSession.Unreachable("sandbox: timed out on request") : session;
    }

    @Override
    public CheckoutSession startGuarantee(GuaranteeRequest request) {
        Optional<Failure> failure = nextFailure(Operation.START_GUARANTEE);
        if (failure.isPresent() && failure.get() != Failure.TIMEOUT) {
            return failure.get() == Failure.DECLINE ? new CheckoutSession.Refused("sandbox: refused on request")
                    : new CheckoutSession.Unreachable("sandbox: unreachable on request");
        }
        CheckoutSession session = (CheckoutSession) answersByKey.computeIfAbsent(request.key().value(), key -> {
            String reference = "sbx_seti_" + UUID.randomUUID();
            openGuarantees.put(reference, request);
            return new CheckoutSession.Started(reference, checkoutBase.resolve(reference), request.expiresAt());
        });
        return failure.isPresent() ? new CheckoutSession.Unreachable("sandbox: timed out on request") : session;
    }

    @Override
    public ChargeResult charge(ChargeRequest request) {
        Optional<Failure> failure = nextFailure(Operation.CHARGE);
        if (failure.isPresent() && failure.get() == Failure.UNREACHABLE) {
            return new ChargeResult.Unreachable("sandbox: unreachable on request");
        }
        ChargeResult result = (ChargeResult) answersByKey.computeIfAbsent(request.key().value(), key -> {
            if (failure.isPresent() && failure.get() == Failure.DECLINE) {
                return new ChargeResult.Declined("sandbox: card declined (insufficient funds)");
            }
            if (failure.isPresent() && failure.get() == Failure.AUTHENTICATION_REQUIRED) {
                return new ChargeResult.NeedsClient("sbx_pi_" + UUID.randomUUID());
            }
            String reference = "sbx_ch_" + UUID.randomUUID();
            paidByReference.put(reference, request.amount());
            if (request.applicationFee().isPositive()) {
                feeByReference.put(reference, request.applicationFee());
            }
            record("charge", request.bookingId(), request.amount(), reference, key);
            return new ChargeResult.Charged(reference, Optional.empty());
        });
        return failure.isPresent() && failure.get() == Failure.TIMEOUT
                ? new ChargeResult.Unreachable("sandbox: timed out after charging") : result;
    }

    @Override
    public RefundResult refund(RefundRequest request) {
        Optional<Failure> failure = nextFailure(Operation.REFUND);
        if (failure.isPresent() && failure.get() == Failure.UNREACHABLE) {
            return new RefundResult.Unreachable("sandbox: unreachable on request");
        }
        RefundResult result;
        synchronized (this) {
            Object earlier = answersByKey.get(request.key().value());
            if (earlier != null) {
                result = (RefundResult) earlier;
            } else if (failure.isPresent() && failure.get() != Failure.TIMEOUT) {
                result = new RefundResult.Refused("sandbox: refund refused on request");
            } else {
                Money paid = paidByReference.get(request.paymentReference());
                Money already = refundedByPayment.getOrDefault(request.paymentReference(), Money.zero(request.amount().currency()));
                Money fee = feeByReference.get(request.paymentReference());
                Money feeReturned = feeReturnedByReference.getOrDefault(request.paymentReference(),
                        Money.zero(request.amount().currency()));
                if (paid == null) {
                    result = new RefundResult.Refused("sandbox: no such payment " + request.paymentReference());
                } else if (already.plus(request.amount()).isGreaterThan(paid)) {
                    result = new RefundResult.Refused("sandbox: refund above the amount paid");
                } else if (request.applicationFeeToReturn().isPresent()
                        && (fee == null || feeReturned.plus(request.applicationFeeToReturn().get()).isGreaterThan(fee))) {
                    result = new RefundResult.Refused("sandbox: application fee refund above the fee left on "
                            + request.paymentReference());
                } else {
                    // Like the Stripe adapter: the fee goes back first, for exactly the amount asked, then the refund,
                    // which itself never touches the fee.
                    request.applicationFeeToReturn().ifPresent(back -> {
                        feeReturnedByReference.put(request.paymentReference(), feeReturned.plus(back));
                        record("application_fee_refund", request.bookingId(), back, "sbx_fr_" + UUID.randomUUID(),
                                request.key().value() + ":fee");
                    });
                    String reference = "sbx_re_" + UUID.randomUUID();
                    refundedByPayment.put(request.paymentReference(), already.plus(request.amount()));
                    record("refund", request.bookingId(), request.amount(), reference, request.key().value());
                    result = new RefundResult.Refunded(reference);
                    answersByKey.put(request.key().value(), result);
                }
            }
        }
        return failure.isPresent() && failure.get() == Failure.TIMEOUT
                ? new RefundResult.Unreachable("sandbox: timed out after refunding") : result;
    }

    @Override
    public void abandon(BookingId booking) {
        openPayments.values().removeIf(request -> request.bookingId().equals(booking));
        openGuarantees.values().removeIf(request -> request.bookingId().equals(booking));
        abandoned.add(booking);
    }

    @Override
    public PayoutResult pay(PayoutOrder order) {
        Optional<Failure> failure = nextFailure(Operation.PAYOUT);
        if (failure.isPresent() && failure.get() == Failure.UNREACHABLE) {
            return new PayoutResult.Unreachable("sandbox: unreachable on request");
        }
        PayoutResult result = (PayoutResult) answersByKey.computeIfAbsent(order.idempotencyKey(), key -> {
            if (failure.isPresent() && failure.get() == Failure.DECLINE) {
                return new PayoutResult.Refused("sandbox: the bank refused the transfer");
            }
            String reference = "sbx_po_" + UUID.randomUUID();
            record("payout", null, order.amount(), reference, key);
            return new PayoutResult.Sent(reference);
        });
        return failure.isPresent() && failure.get() == Failure.TIMEOUT
                ? new PayoutResult.Unreachable("sandbox: timed out after sending") : result;
    }

    // Onboarding (issue 12): the sandbox's own pages stand for the provider's

    @Override
    public AccountOpening open(OpenAccountRequest request) {
        if (!reachable) {
            return new AccountOpening.Unreachable("sandbox: unreachable on request");
        }
        return (AccountOpening) answersByKey.computeIfAbsent(request.key().value(), key -> {
            String accountId = "acct_sbx_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
            AccountStatus status = AccountStatus.detailsNeeded(List.of("business_profile.url", "external_account",
                    "individual.first_name", "individual.last_name", "individual.dob.day", "tos_acceptance.date"));
            accounts.put(accountId, status);
            return new AccountOpening.Opened(accountId, status);
        });
    }

    @Override
    public OnboardingLink link(OnboardingLink.Request request) {
        if (!reachable) {
            return new OnboardingLink.Unreachable("sandbox: unreachable on request");
        }
        if (!accounts.containsKey(request.accountId())) {
            return new OnboardingLink.Refused("sandbox: no such account " + request.accountId());
        }
        openLinks.put(request.accountId(), request);
        // Like Stripe's Account Links: a few minutes, then the refresh URL makes another.
        return new OnboardingLink.Started(checkoutBase.resolve("../onboarding/" + request.accountId()),
                clock.instant().plus(java.time.Duration.ofMinutes(5)));
    }

    @Override
    public AccountOpening lookup(String accountId) {
        if (!reachable) {
            return new AccountOpening.Unreachable("sandbox: unreachable on request");
        }
        AccountStatus status = accounts.get(accountId);
        return status == null ? new AccountOpening.Refused("sandbox: no such account " + accountId)
                : new AccountOpening.Opened(accountId, status);
    }

    /** The onboarding page last opened for the account: where the practitioner goes back to. */
    public Optional<OnboardingLink.Request> openLink(String accountId) {
        return Optional.ofNullable(openLinks.get(accountId));
    }

    public Optional<AccountStatus> account(String accountId) {
        return Optional.ofNullable(accounts.get(accountId));
    }

    /**
     * What the provider's verification decides, as its {@code account.updated} event tells the engine:
     * details complete, pending verification, or details needed again.
     */
    public Optional<PaymentEvent> updateAccount(String accountId, AccountStatus status) {
        if (accounts.replace(accountId, status) == null) {
            return Optional.empty();
        }
        return Optional.of(send(new PaymentEvent.AccountUpdated("sbx_evt_" + UUID.randomUUID(), accountId, status,
                clock.instant())));
    }

    private synchronized Optional<Failure> nextFailure(Operation operation) {
        if (!reachable) {
            return Optional.of(Failure.UNREACHABLE);
        }
        List<Failure> queue = injected.get(operation);
        return queue == null || queue.isEmpty() ? Optional.empty() : Optional.of(queue.remove(0));
    }

    private void record(String kind, BookingId booking, Money amount, String reference, String key) {
        movements.add(new Movement(kind, booking, amount, reference, key));
    }

    private PaymentEvent send(PaymentEvent event) {
        events.accept(event);
        if (duplicateEvents) {
            events.accept(event);
        }
        return event;
    }
}
