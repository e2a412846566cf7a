package org.rendezvous.payments;

import com.stripe.StripeClient;
import com.stripe.exception.StripeException;
import com.stripe.model.Charge;
import com.stripe.model.Customer;
import com.stripe.model.FeeRefund;
import com.stripe.model.PaymentIntent;
import com.stripe.model.Refund;
import com.stripe.model.SetupIntent;
import com.stripe.model.StripeCollection;
import com.stripe.model.Transfer;
import com.stripe.model.checkout.Session;
import com.stripe.net.RequestOptions;
import com.stripe.param.ApplicationFeeRefundCreateParams;
import com.stripe.param.CustomerCreateParams;
import com.stripe.param.CustomerSearchParams;
import com.stripe.param.PaymentIntentCreateParams;
import com.stripe.param.PaymentIntentSearchParams;
import com.stripe.param.RefundCreateParams;
import com.stripe.param.SetupIntentListParams;
import com.stripe.param.TransferCreateParams;
import com.stripe.param.checkout.SessionCreateParams;
import com.stripe.param.checkout.SessionListParams;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.rendezvous.core.booking.BookingId;
import org.rendezvous.core.payment.ChargeRequest;
import org.rendezvous.core.payment.ChargeResult;
import org.rendezvous.core.payment.CheckoutSession;
import org.rendezvous.core.payment.GuaranteeRequest;
import org.rendezvous.core.payment.PaymentRequest;
import org.rendezvous.core.payment.ProviderKey;
import org.rendezvous.core.payment.RefundRequest;
import org.rendezvous.core.payment.RefundResult;
import org.rendezvous.core.payout.PayoutDestination;
import org.rendezvous.core.payout.PayoutOrder;
import org.rendezvous.core.payout.PayoutResult;
import org.rendezvous.core.policy.CommercialModel;
import org.rendezvous.core.port.PaymentCheck;
import org.rendezvous.core.port.PaymentGateway;
import org.rendezvous.core.port.PayoutGateway;
import org.rendezvous.core.port.OnboardingGateway;
import org.rendezvous.core.payment.AccountOpening;
import org.rendezvous.core.payment.AccountStatus;
import org.rendezvous.core.payment.OnboardingLink;
import org.rendezvous.core.payment.OpenAccountRequest;
import org.rendezvous.core.payout.StatementLine;
import com.stripe.model.Account;
import com.stripe.model.AccountLink;
import com.stripe.param.AccountCreateParams;
import com.stripe.param.AccountLinkCreateParams;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The payment and payout ports on Stripe (see docs/payments.md).
 *
 * <ul>
 *   <li>Prepayments and charges the client completes: a Checkout Session in {@code payment} mode.</li>
 *   <li>Card guarantees: a Customer and a Checkout Session in {@code setup} mode; the guarantee's
 *       reference is the SetupIntent's id, charged later by an off-session, confirmed PaymentIntent.</li>
 *   <li>{@code DIRECT_CONNECT}: every object lives on the practitioner's connected account
 *       ({@code Stripe-Account}), with the platform's application fee; refunds keep that fee.</li>
 *   <li>{@code PLATFORM_COLLECTS}: every object lives on the platform; payouts are Transfers to the
 *       practitioner's connected account, one per payout, in a transfer group of its own, with the payout's
 *       statement summarised in metadata.</li>
 *   <li>Onboarding: Connect Express accounts ({@code card_payments} and {@code transfers} in
 *       {@code DIRECT_CONNECT}, {@code transfers} only in {@code PLATFORM_COLLECTS}) and Account Links;
 *       changes arrive as {@code account.updated} (see {@link StripeWebhooks}).</li>
 * </ul>
 *
 * Every call that creates something carries the core's key as {@code Idempotency-Key}, so a retry
 * after a timeout is answered with the first result. No method throws for a Stripe or network failure.
 */
public final class StripePaymentGateway implements PaymentGateway, PayoutGateway, OnboardingGateway {

    private static final Logger LOG = LoggerFactory.getLogger(StripePaymentGateway.class);

    static final String BOOKING_ID = "booking_id";
    static final String PRACTITIONER_ID = "practitioner_id";
    static final String PAYOUT_ID = "payout_id";
    /** Which of our flows made the object: {@code checkout}, {@code guarantee} or {@code off_session}. */
    static final String FLOW = "rdv_flow";
    /** The core's key, to find a page again when Stripe cannot replay it. */
    static final String KEY = "rdv_key";

    /** Checkout refuses an {@code expires_at} sooner than 30 minutes after creation; one more covers clock skew. */
    static final Duration CHECKOUT_SHORTEST = Duration.ofMinutes(31);
    /** Checkout refuses an {@code expires_at} later than 24 hours after creation. */
    static final Duration CHECKOUT_LONGEST = Duration.ofHours(24).minusMinutes(1);
    private static final int MAX_PAGES = 50;

    private final StripeClient stripe;
    private final StripeSettings settings;
    private final ConnectedAccounts accounts;
    private final Clock clock;

    /**
     * @param accounts where a booking's payments live in {@code DIRECT_CONNECT} (for {@code check} and
     *                 {@code abandon}); {@link ConnectedAccounts#none()} in {@code PLATFORM_COLLECTS}
     */
    public StripePaymentGateway(StripeSettings settings, ConnectedAccounts accounts, Clock clock) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.accounts = Objects.requireNonNull(accounts, "accounts");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.stripe = StripeClient.builder()
                .setApiKey(settings.secretKey())
                .setApiBase(settings.apiBase().toString().replaceAll("/+$", ""))
                .setMaxNetworkRetries(settings.maxNetworkRetries())
                .setConnectTimeout(Math.toIntExact(settings.connectTimeout().toMillis()))
                .setReadTimeout(Math.toIntExact(settings.readTimeout().toMillis()))
                .build();
    }

    /** For {@code PLATFORM_COLLECTS}, where nothing lives on connected accounts. */
    public StripePaymentGateway(StripeSettings settings, Clock clock) {
        this(settings, ConnectedAccounts.none(), clock);
    }

    // BK-3: did the money arrive after all?

    @Override
    public PaymentCheck check(BookingId booking) {
        Optional<String> account = accountOf(booking);
        if (direct() && account.isEmpty()) {
            LOG.warn("no connected account known for booking {}: cannot ask Stripe about its payment", booking);
            return new PaymentCheck.NothingReceived();
        }
        RequestOptions options = options(Optional.empty(), account);
        try {
            // Search is eventually consistent (about a minute): a payment made in the hold's last seconds may
            // be missed, and then arrives as a late payment that the core refunds in full (BK-3).
            String query = "metadata['" + BOOKING_ID + "']:'" + booking + "' AND status:'succeeded'";
            for (PaymentIntent intent : stripe.v1().paymentIntents()
                    .search(PaymentIntentSearchParams.builder().setQuery(query).setLimit(20L).build(), options).getData()) {
                if ("succeeded".equals(intent.getStatus()) && !"off_session".equals(metadata(intent.getMetadata(), FLOW))) {
                    return new PaymentCheck.Paid(StripeAmounts.money(intent.getAmountReceived(), intent.getCurrency()),
                            intent.getId());
                }
            }
            String customers = "metadata['" + BOOKING_ID + "']:'" + booking + "'";
            for (Customer customer : stripe.v1().customers()
                    .search(CustomerSearchParams.builder().setQuery(customers).setLimit(10L).build(), options).getData()) {
                for (SetupIntent setup : stripe.v1().setupIntents()
                        .list(SetupIntentListParams.builder().setCustomer(customer.getId()).setLimit(20L).build(), options)
                        .getData()) {
                    if ("succeeded".equals(setup.getStatus()) && setup.getPaymentMethod() != null) {
                        return new PaymentCheck.GuaranteeSaved(setup.getId());
                    }
                }
            }
            return new PaymentCheck.NothingReceived();
        } catch (StripeException e) {
            StripeFailure failure = StripeFailure.of(e);
            if (failure.kind() != StripeFailure.Kind.UNREACHABLE) {
                LOG.error("Stripe refused to say whether booking {} was paid: {}", booking, failure.why());
            }
            return new PaymentCheck.Unreachable(failure.why());
        }
    }

    // PAY-1: the client pays on Stripe's page

    @Override
    public CheckoutSession startPayment(PaymentRequest request) {
        Optional<String> account = accountFor(request.connectedAccount());
        if (direct() && account.isEmpty()) {
            return new CheckoutSession.Refused("the practitioner has no connected Stripe account to be paid on");
        }
        Instant expiresAt = checkoutExpiry(request.expiresAt());
        SessionCreateParams.PaymentIntentData.Builder intent = SessionCreateParams.PaymentIntentData.builder()
                .setDescription(request.description())
                .putMetadata(BOOKING_ID, request.bookingId().toString())
                .putMetadata(PRACTITIONER_ID, request.practitionerId().toString())
                .putMetadata(FLOW, "checkout")
                .putMetadata(KEY, request.key().value());
        if (direct() && request.applicationFee().isPositive()) {
            intent.setApplicationFeeAmount(StripeAmounts.amount(request.applicationFee()));
        }
        SessionCreateParams params = SessionCreateParams.builder()
                .setMode(SessionCreateParams.Mode.PAYMENT)
                .setClientReferenceId(request.bookingId().toString())
                .setCustomerEmail(request.clientEmail().value())
                .setExpiresAt(expiresAt.getEpochSecond())
                .setSuccessUrl(settings.successUrl())
                .setCancelUrl(settings.cancelUrl())
                .addLineItem(SessionCreateParams.LineItem.builder()
                        .setQuantity(1L)
                        .setPriceData(SessionCreateParams.LineItem.PriceData.builder()
                                .setCurrency(StripeAmounts.currency(request.amount()))
                                .setUnitAmount(StripeAmounts.amount(request.amount()))
                                .setProductData(SessionCreateParams.LineItem.PriceData.ProductData.builder()
                                        .setName(request.description()).build())
                                .build())
                        .build())
                .setPaymentIntentData(intent.build())
                .putMetadata(BOOKING_ID, request.bookingId().toString())
                .putMetadata(PRACTITIONER_ID, request.practitionerId().toString())
                .putMetadata(FLOW, "checkout")
                .putMetadata(KEY, request.key().value())
                .build();
        return openSession(params, request.bookingId(), request.key(), account);
    }

    // PAY-2: the client saves a card, nothing is charged

    @Override
    public CheckoutSession startGuarantee(GuaranteeRequest request) {
        Optional<String> account = accountFor(request.connectedAccount());
        if (direct() && account.isEmpty()) {
            return new CheckoutSession.Refused("the practitioner has no connected Stripe account to save the card on");
        }
        Customer customer;
        try {
            // One customer per booking: the engine keeps no card and no customer of its own (PAY-5).
            customer = stripe.v1().customers().create(CustomerCreateParams.builder()
                    .setEmail(request.clientEmail().value())
                    .setDescription(request.description())
                    .putMetadata(BOOKING_ID, request.bookingId().toString())
                    .putMetadata(PRACTITIONER_ID, request.practitionerId().toString())
                    .build(), options(Optional.of(derivedKey(request.key(), "customer")), account));
        } catch (StripeException e) {
            return sessionFailure(StripeFailure.of(e), request.bookingId());
        }
        SessionCreateParams params = SessionCreateParams.builder()
                .setMode(SessionCreateParams.Mode.SETUP)
                .setCustomer(customer.getId())
                .addPaymentMethodType(SessionCreateParams.PaymentMethodType.CARD)
                .setClientReferenceId(request.bookingId().toString())
                .setExpiresAt(checkoutExpiry(request.expiresAt()).getEpochSecond())
                .setSuccessUrl(settings.successUrl())
                .setCancelUrl(settings.cancelUrl())
                .setSetupIntentData(SessionCreateParams.SetupIntentData.builder()
                        .setDescription(request.description())
                        .putMetadata(BOOKING_ID, request.bookingId().toString())
                        .putMetadata(PRACTITIONER_ID, request.practitionerId().toString())
                        .putMetadata(FLOW, "guarantee")
                        .build())
                .putMetadata(BOOKING_ID, request.bookingId().toString())
                .putMetadata(PRACTITIONER_ID, request.practitionerId().toString())
                .putMetadata(FLOW, "guarantee")
                .putMetadata(KEY, request.key().value())
                .build();
        return openSession(params, request.bookingId(), request.key(), account);
    }

    // PAY-2, CX-3, CX-4: a saved card charged off-session

    @Override
    public ChargeResult charge(ChargeRequest request) {
        Optional<String> account = accountFor(request.connectedAccount());
        if (direct() && account.isEmpty()) {
            return new ChargeResult.Declined("the practitioner has no connected Stripe account to charge on");
        }
        SetupIntent guarantee;
        try {
            guarantee = stripe.v1().setupIntents().retrieve(request.guaranteeReference(), options(Optional.empty(), account));
        } catch (StripeException e) {
            StripeFailure failure = StripeFailure.of(e);
            return failure.kind() == StripeFailure.Kind.UNREACHABLE ? new ChargeResult.Unreachable(failure.why())
                    : new ChargeResult.Declined("the saved card cannot be found: " + failure.why());
        }
        if (!"succeeded".equals(guarantee.getStatus()) || guarantee.getPaymentMethod() == null
                || guarantee.getCustomer() == null) {
            return new ChargeResult.Declined("no card was saved (setup intent " + guarantee.getStatus() + ")");
        }
        PaymentIntentCreateParams.Builder params = PaymentIntentCreateParams.builder()
                .setAmount(StripeAmounts.amount(request.amount()))
                .setCurrency(StripeAmounts.currency(request.amount()))
                .setCustomer(guarantee.getCustomer())
                .setPaymentMethod(guarantee.getPaymentMethod())
                .setOffSession(true)
                .setConfirm(true)
                .setDescription(request.description())
                .putMetadata(BOOKING_ID, request.bookingId().toString())
                .putMetadata(PRACTITIONER_ID, request.practitionerId().toString())
                .putMetadata(FLOW, "off_session")
                .putMetadata(KEY, request.key().value());
        if (direct() && request.applicationFee().isPositive()) {
            params.setApplicationFeeAmount(StripeAmounts.amount(request.applicationFee()));
        }
        PaymentIntent intent;
        try {
            intent = stripe.v1().paymentIntents().create(params.build(), options(Optional.of(request.key().value()), account));
        } catch (StripeException e) {
            StripeFailure failure = StripeFailure.of(e);
            return switch (failure.kind()) {
                case NEEDS_AUTHENTICATION -> new ChargeResult.NeedsClient(failure.paymentIntent().orElse(request.key().value()));
                case DECLINED -> new ChargeResult.Declined(failure.why());
                case REFUSED -> {
                    LOG.error("Stripe refused the charge of booking {}: {}", request.bookingId(), failure.why());
                    yield new ChargeResult.Declined(failure.why());
                }
                case UNREACHABLE -> new ChargeResult.Unreachable(failure.why());
            };
        }
        return switch (String.valueOf(intent.getStatus())) {
            // "processing" does not happen for cards; should it, the failure comes as payment_intent.payment_failed.
            case "succeeded", "processing" -> new ChargeResult.Charged(intent.getId(), Optional.empty());
            case "requires_action" -> new ChargeResult.NeedsClient(intent.getId());
            default -> new ChargeResult.Declined("payment intent " + intent.getId() + " ended " + intent.getStatus());
        };
    }

    // PAY-4

    @Override
    public RefundResult refund(RefundRequest request) {
        Optional<String> account = accountFor(request.connectedAccount());
        if (direct() && account.isEmpty()) {
            return new RefundResult.Refused("the practitioner has no connected Stripe account to refund from");
        }
        RefundCreateParams.Builder params = RefundCreateParams.builder()
                .setAmount(StripeAmounts.amount(request.amount()))
                .putMetadata(BOOKING_ID, request.bookingId().toString())
                .putMetadata(PRACTITIONER_ID, request.practitionerId().toString())
                .putMetadata("reason", request.reason().length() > 500 ? request.reason().substring(0, 500) : request.reason())
                .putMetadata(KEY, request.key().value());
        if (request.paymentReference().startsWith("ch_") || request.paymentReference().startsWith("py_")) {
            params.setCharge(request.paymentReference());
        } else {
            params.setPaymentIntent(request.paymentReference());
        }
        if (direct()) {
            // PAY-4: the refund never touches the platform's fee, the practitioner bears it. Stripe's own
            // refund_application_fee would give back only a share in proportion to the part of the charge refunded;
            // an operator's reversal (CX-4) returns the exact fee its ledger posts, by a fee refund of its own, first.
            params.setRefundApplicationFee(false);
            if (request.applicationFeeToReturn().isPresent()) {
                Optional<RefundResult> feeNotReturned = returnApplicationFee(request, account.get());
                if (feeNotReturned.isPresent()) {
                    return feeNotReturned.get();
                }
            }
        }
        try {
            Refund refund = stripe.v1().refunds().create(params.build(), options(Optional.of(request.key().value()), account));
            if ("failed".equals(refund.getStatus()) || "canceled".equals(refund.getStatus())) {
                return new RefundResult.Refused("refund " + refund.getId() + " " + refund.getStatus()
                        + (refund.getFailureReason() == null ? "" : ": " + refund.getFailureReason()));
            }
            return new RefundResult.Refunded(refund.getId());
        } catch (StripeException e) {
            StripeFailure failure = StripeFailure.of(e);
            if (failure.kind() == StripeFailure.Kind.UNREACHABLE) {
                return new RefundResult.Unreachable(failure.why());
            }
            LOG.warn("Stripe refused the refund of booking {}: {}", request.bookingId(), failure.why());
            return new RefundResult.Refused(failure.why());
        }
    }

    /**
     * CX-4, DIRECT_CONNECT: gives the platform's application fee on the request's payment back to the connected
     * account, for exactly {@code applicationFeeToReturn} (Application Fee Refunds, made on the platform), with a key
     * derived from the refund's so that a retry never returns it twice. The fee's id comes from the charge on the
     * connected account (PaymentIntent → latest charge → application_fee). Empty when the fee went back.
     */
    private Optional<RefundResult> returnApplicationFee(RefundRequest request, String account) {
        long amount = StripeAmounts.amount(request.applicationFeeToReturn().orElseThrow());
        try {
            String chargeId = request.paymentReference();
            if (!chargeId.startsWith("ch_") && !chargeId.startsWith("py_")) {
                chargeId = stripe.v1().paymentIntents().retrieve(chargeId, options(Optional.empty(), Optional.of(account)))
                        .getLatestCharge();
                if (chargeId == null) {
                    return Optional.of(new RefundResult.Refused("payment " + request.paymentReference()
                            + " has no charge whose application fee could go back"));
                }
            }
            Charge charge = stripe.v1().charges().retrieve(chargeId, options(Optional.empty(), Optional.of(account)));
            if (charge.getApplicationFee() == null) {
                return Optional.of(new RefundResult.Refused("charge " + chargeId + " took no application fee to give back"));
            }
            FeeRefund refund = stripe.v1().applicationFees().refunds().create(charge.getApplicationFee(),
                    ApplicationFeeRefundCreateParams.builder().setAmount(amount)
                            .putMetadata(BOOKING_ID, request.bookingId().toString())
                            .putMetadata(PRACTITIONER_ID, request.practitionerId().toString())
                            .putMetadata(KEY, request.key().value()).build(),
                    options(Optional.of(derivedKey(request.key(), "fee")), Optional.empty()));
            LOG.info("application fee {} of booking {}: {} given back ({})", charge.getApplicationFee(), request.bookingId(),
                    request.applicationFeeToReturn().get(), refund.getId());
            return Optional.empty();
        } catch (StripeException e) {
            StripeFailure failure = StripeFailure.of(e);
            if (failure.kind() == StripeFailure.Kind.UNREACHABLE) {
                return Optional.of(new RefundResult.Unreachable(failure.why()));
            }
            LOG.warn("Stripe refused to give back the application fee of booking {}: {}", request.bookingId(), failure.why());
            return Optional.of(new RefundResult.Refused(failure.why()));
        }
    }

    // BK-3: a hold is given up, its pages close

    @Override
    public void abandon(BookingId booking) {
        Optional<String> account = accountOf(booking);
        if (direct() && account.isEmpty()) {
            LOG.warn("no connected account known for booking {}: its Checkout page closes at its own expiry", booking);
            return;
        }
        try {
            for (Session session : openSessions(booking, account)) {
                stripe.v1().checkout().sessions().expire(session.getId(),
                        options(Optional.of("rdv:expire:" + session.getId()), account));
            }
        } catch (StripeException e) {
            // Best effort: the page closes at its own expires_at, and a payment that slips through is refunded (BK-3).
            LOG.warn("could not close the Checkout page of booking {}: {}", booking, StripeFailure.of(e).why());
        }
    }

    // PO-1 … PO-3, PLATFORM_COLLECTS

    @Override
    public PayoutResult pay(PayoutOrder order) {
        if (direct()) {
            return new PayoutResult.Refused("in DIRECT_CONNECT Stripe pays practitioners itself; the platform sends no payouts");
        }
        if (order.destination() instanceof PayoutDestination.BankAccount) {
            return new PayoutResult.Refused("Stripe can only transfer to a connected account; "
                    + "this practitioner has bank details only (pay them by SEPA transfer or connect a Stripe account)");
        }
        PayoutDestination.ProviderAccount destination = (PayoutDestination.ProviderAccount) order.destination();
        if (!destination.ready()) {
            return new PayoutResult.Refused("the connected account " + destination.accountId() + " cannot receive transfers yet");
        }
        TransferCreateParams params = TransferCreateParams.builder()
                .setAmount(StripeAmounts.amount(order.amount()))
                .setCurrency(StripeAmounts.currency(order.amount()))
                .setDestination(destination.accountId())
                .setTransferGroup(transferGroup(order))
                .setDescription(order.description())
                .putAllMetadata(StatementMetadata.of(order))
                .build();
        try {
            Transfer transfer = stripe.v1().transfers().create(params, options(Optional.of(order.idempotencyKey()), Optional.empty()));
            return new PayoutResult.Sent(transfer.getId());
        } catch (StripeException e) {
            StripeFailure failure = StripeFailure.of(e);
            if (failure.kind() == StripeFailure.Kind.UNREACHABLE || "balance_insufficient".equals(e.getCode())) {
                // The platform's available balance grows as card payments settle: the same transfer, later.
                return new PayoutResult.Unreachable(failure.why());
            }
            LOG.warn("Stripe refused payout {}: {}", order.payoutId(), failure.why());
            return new PayoutResult.Refused(failure.why());
        }
    }

    /** One transfer group per payout: the transfer and anything later tied to it (a reversal) are found together. */
    static String transferGroup(PayoutOrder order) {
        return "payout_" + order.payoutId();
    }

    // Onboarding (issue 12)

    @Override
    public AccountOpening open(OpenAccountRequest request) {
        AccountCreateParams.Capabilities.Builder capabilities = AccountCreateParams.Capabilities.builder()
                .setTransfers(AccountCreateParams.Capabilities.Transfers.builder().setRequested(true).build());
        if (direct()) {
            // Direct charges are made on the account itself.
            capabilities.setCardPayments(AccountCreateParams.Capabilities.CardPayments.builder().setRequested(true).build());
        }
        AccountCreateParams params = AccountCreateParams.builder()
                .setType(AccountCreateParams.Type.EXPRESS)
                .setCountry(request.country())
                .setEmail(request.email().value())
                .setCapabilities(capabilities.build())
                .putMetadata(PRACTITIONER_ID, request.practitionerId().toString())
                .build();
        try {
            Account account = stripe.v1().accounts().create(params, options(Optional.of(request.key().value()), Optional.empty()));
            return new AccountOpening.Opened(account.getId(), status(account));
        } catch (StripeException e) {
            StripeFailure failure = StripeFailure.of(e);
            if (failure.kind() == StripeFailure.Kind.UNREACHABLE) {
                return new AccountOpening.Unreachable(failure.why());
            }
            LOG.warn("Stripe refused to open an account for practitioner {}: {}", request.practitionerId(), failure.why());
            return new AccountOpening.Refused(failure.why());
        }
    }

    @Override
    public OnboardingLink link(OnboardingLink.Request request) {
        AccountLinkCreateParams.Type type = request.purpose() == OnboardingLink.Purpose.UPDATE
                ? AccountLinkCreateParams.Type.ACCOUNT_UPDATE : AccountLinkCreateParams.Type.ACCOUNT_ONBOARDING;
        try {
            return started(stripe.v1().accountLinks().create(linkParams(request, type), options(Optional.empty(), Optional.empty())));
        } catch (StripeException e) {
            StripeFailure failure = StripeFailure.of(e);
            if (failure.kind() == StripeFailure.Kind.UNREACHABLE) {
                return new OnboardingLink.Unreachable(failure.why());
            }
            if (type == AccountLinkCreateParams.Type.ACCOUNT_UPDATE) {
                // Stripe offers account_update only where the platform collects requirements itself; an Express
                // account reviews and changes its details through account_onboarding.
                LOG.info("account_update refused for {} ({}): account_onboarding instead", request.accountId(), failure.why());
                try {
                    return started(stripe.v1().accountLinks().create(
                            linkParams(request, AccountLinkCreateParams.Type.ACCOUNT_ONBOARDING), options(Optional.empty(), Optional.empty())));
                } catch (StripeException again) {
                    failure = StripeFailure.of(again);
                    if (failure.kind() == StripeFailure.Kind.UNREACHABLE) {
                        return new OnboardingLink.Unreachable(failure.why());
                    }
                }
            }
            LOG.warn("Stripe refused an onboarding link for {}: {}", request.accountId(), failure.why());
            return new OnboardingLink.Refused(failure.why());
        }
    }

    @Override
    public AccountOpening lookup(String accountId) {
        try {
            Account account = stripe.v1().accounts().retrieve(accountId, options(Optional.empty(), Optional.empty()));
            return new AccountOpening.Opened(account.getId(), status(account));
        } catch (StripeException e) {
            StripeFailure failure = StripeFailure.of(e);
            return failure.kind() == StripeFailure.Kind.UNREACHABLE ? new AccountOpening.Unreachable(failure.why())
                    : new AccountOpening.Refused(failure.why());
        }
    }

    private static AccountLinkCreateParams linkParams(OnboardingLink.Request request, AccountLinkCreateParams.Type type) {
        return AccountLinkCreateParams.builder()
                .setAccount(request.accountId())
                .setType(type)
                .setRefreshUrl(request.refreshUrl().toString())
                .setReturnUrl(request.returnUrl().toString())
                .build();
    }

    private static OnboardingLink started(AccountLink link) {
        return new OnboardingLink.Started(URI.create(link.getUrl()), Instant.ofEpochSecond(link.getExpiresAt()));
    }

    /** What an Account object says, as the core reads it; also used for {@code account.updated} events. */
    static AccountStatus status(Account account) {
        Account.Requirements requirements = account.getRequirements();
        List<String> currentlyDue = requirements == null || requirements.getCurrentlyDue() == null ? List.of()
                : requirements.getCurrentlyDue();
        List<String> pastDue = requirements == null || requirements.getPastDue() == null ? List.of() : requirements.getPastDue();
        Optional<String> disabled = Optional.ofNullable(requirements).map(Account.Requirements::getDisabledReason)
                .filter(reason -> !reason.isBlank());
        return new AccountStatus(Boolean.TRUE.equals(account.getDetailsSubmitted()), Boolean.TRUE.equals(account.getChargesEnabled()),
                Boolean.TRUE.equals(account.getPayoutsEnabled()), currentlyDue, pastDue, disabled);
    }

    // Inside

    private CheckoutSession openSession(SessionCreateParams params, BookingId booking, ProviderKey key,
                                        Optional<String> account) {
        try {
            Session session = stripe.v1().checkout().sessions().create(params, options(Optional.of(key.value()), account));
            return started(session);
        } catch (StripeException e) {
            StripeFailure failure = StripeFailure.of(e);
            if (e instanceof com.stripe.exception.IdempotencyException) {
                // The page was opened with this key and another expires_at (the clock moved on, see
                // checkoutExpiry): it is still the page to show if it is open.
                try {
                    for (Session open : openSessions(booking, account)) {
                        if (key.value().equals(metadata(open.getMetadata(), KEY))) {
                            return started(open);
                        }
                    }
                } catch (StripeException again) {
                    return new CheckoutSession.Unreachable(StripeFailure.of(again).why());
                }
                LOG.error("Checkout page of booking {}: key {} reused and no open page found: {}", booking, key, failure.why());
            }
            return sessionFailure(failure, booking);
        }
    }

    private static CheckoutSession started(Session session) {
        return new CheckoutSession.Started(session.getId(), URI.create(session.getUrl()),
                Instant.ofEpochSecond(session.getExpiresAt()));
    }

    private static CheckoutSession sessionFailure(StripeFailure failure, BookingId booking) {
        if (failure.kind() == StripeFailure.Kind.UNREACHABLE) {
            return new CheckoutSession.Unreachable(failure.why());
        }
        LOG.warn("Stripe refused to open a page for booking {}: {}", booking, failure.why());
        return new CheckoutSession.Refused(failure.why());
    }

    /**
     * When the Checkout page closes. Stripe wants 30 minutes to 24 hours after its creation, and the hold
     * usually ends sooner (30 minutes after the booking, BK-3). Then the page stays open until 30 minutes
     * after the hold's end: {@code abandon} closes it when the hold expires, and a payment that slips in
     * between is refunded by the core. The value depends on the hold only, not on the time of the call,
     * so that asking again with the same key sends the same parameters and Stripe replays the same page.
     */
    Instant checkoutExpiry(Instant holdExpiry) {
        Instant now = clock.instant();
        Instant wanted = holdExpiry.isBefore(now.plus(CHECKOUT_SHORTEST)) ? holdExpiry.plus(Duration.ofMinutes(30)) : holdExpiry;
        if (wanted.isBefore(now.plus(CHECKOUT_SHORTEST))) {
            wanted = now.plus(CHECKOUT_SHORTEST); // the hold's last minute: nothing better exists
        }
        if (wanted.isAfter(now.plus(CHECKOUT_LONGEST))) {
            wanted = now.plus(CHECKOUT_LONGEST); // a week-long window for a client charge: the page is reopened the next day
        }
        return Instant.ofEpochSecond(wanted.getEpochSecond());
    }

    private List<Session> openSessions(BookingId booking, Optional<String> account) throws StripeException {
        // Checkout Sessions cannot be searched by metadata, but a page is open for at most 24 hours:
        // the open ones of the last day are few, and each names its booking in client_reference_id.
        List<Session> found = new ArrayList<>();
        long since = clock.instant().minus(Duration.ofHours(25)).getEpochSecond();
        String after = null;
        for (int page = 0; page < MAX_PAGES; page++) {
            SessionListParams.Builder params = SessionListParams.builder()
                    .setStatus(SessionListParams.Status.OPEN)
                    .setCreated(SessionListParams.Created.builder().setGte(since).build())
                    .setLimit(100L);
            if (after != null) {
                params.setStartingAfter(after);
            }
            StripeCollection<Session> sessions = stripe.v1().checkout().sessions().list(params.build(),
                    options(Optional.empty(), account));
            for (Session session : sessions.getData()) {
                if (booking.toString().equals(session.getClientReferenceId())) {
                    found.add(session);
                }
            }
            if (!Boolean.TRUE.equals(sessions.getHasMore()) || sessions.getData().isEmpty()) {
                break;
            }
            after = sessions.getData().get(sessions.getData().size() - 1).getId();
        }
        return found;
    }

    private boolean direct() {
        return settings.model() == CommercialModel.DIRECT_CONNECT;
    }

    /** The connected account a request names, in DIRECT_CONNECT only: on the platform nothing is on behalf of anyone. */
    private Optional<String> accountFor(Optional<String> requested) {
        return direct() ? requested.filter(a -> !a.isBlank()) : Optional.empty();
    }

    private Optional<String> accountOf(BookingId booking) {
        return direct() ? accounts.of(booking).filter(a -> !a.isBlank()) : Optional.empty();
    }

    private static RequestOptions options(Optional<String> idempotencyKey, Optional<String> account) {
        RequestOptions.RequestOptionsBuilder options = RequestOptions.builder();
        idempotencyKey.ifPresent(options::setIdempotencyKey);
        account.ifPresent(options::setStripeAccount);
        return options.build();
    }

    /** A second key for a second object made by one command; Stripe takes keys of at most 255 characters. */
    static String derivedKey(ProviderKey key, String suffix) {
        String derived = key.value() + ":" + suffix;
        if (derived.length() <= 255) {
            return derived;
        }
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(derived.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return "rdv-sha256:" + java.util.HexFormat.of().formatHex(digest);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static String metadata(java.util.Map<String, String> metadata, String key) {
        return metadata == null ? null : metadata.get(key);
    }

}
