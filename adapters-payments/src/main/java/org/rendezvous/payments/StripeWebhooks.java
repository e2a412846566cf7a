package org.rendezvous.payments;

import com.stripe.exception.EventDataObjectDeserializationException;
import com.stripe.exception.SignatureVerificationException;
import com.stripe.model.Event;
import com.stripe.model.EventDataObjectDeserializer;
import com.stripe.model.Invoice;
import com.stripe.model.InvoiceLineItem;
import com.stripe.model.Subscription;
import com.stripe.model.PaymentIntent;
import com.stripe.model.Payout;
import com.stripe.model.Refund;
import com.stripe.model.StripeObject;
import com.stripe.model.Transfer;
import com.stripe.model.checkout.Session;
import com.stripe.net.Webhook;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.rendezvous.core.booking.BookingId;
import org.rendezvous.core.payment.PaymentEvent;
import org.rendezvous.core.payout.PayoutId;
import org.rendezvous.core.plan.BillingEvent;
import org.rendezvous.core.practitioner.PractitionerId;
import org.rendezvous.core.policy.CommercialModel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns Stripe webhook deliveries into the core's {@link PaymentEvent}s (PAY-5), without any web
 * framework: the host hands over the raw body, byte for byte as received, and the {@code Stripe-Signature}
 * header. The signature is an HMAC-SHA256 of {@code timestamp.body} under the endpoint's secret; a
 * delivery signed more than 5 minutes ago is rejected, so a captured delivery cannot be replayed later.
 * The same delivery within those 5 minutes maps to the same event id, and the core applies an event id once.
 *
 * <p>Exactly one Stripe event reports each client payment ({@code checkout.session.completed}, or
 * {@code checkout.session.async_payment_succeeded} for a delayed method): reporting the same payment
 * under two event ids would let the core take the second for a late payment.
 */
public final class StripeWebhooks {

    private static final Logger LOG = LoggerFactory.getLogger(StripeWebhooks.class);

    /** PAY-5: older deliveries are rejected. */
    public static final Duration TOLERANCE = Duration.ofMinutes(5);
    private static final int LONGEST_BODY = 512 * 1024;

    private final String secret;
    private final Clock clock;
    private final Optional<ConnectedAccounts> accounts;
    /** Stripe signs the events of connected accounts (a Connect endpoint) with that endpoint's own secret. */
    private final Optional<String> connectSecret;

    /**
     * For {@code DIRECT_CONNECT}: events about a booking are accepted only from the practitioner's own
     * connected account, so that one practitioner cannot pay, on their own account, a page that names
     * another practitioner's booking.
     */
    public StripeWebhooks(String webhookSecret, ConnectedAccounts accounts, Clock clock) {
        this(webhookSecret, Optional.of(Objects.requireNonNull(accounts, "accounts")), clock);
    }

    /** For {@code PLATFORM_COLLECTS}: events about bookings must come from the platform's own account. */
    public StripeWebhooks(String webhookSecret, Clock clock) {
        this(webhookSecret, Optional.empty(), clock);
    }

    /** Checks the event's account as the settings' model wants it. */
    public StripeWebhooks(StripeSettings settings, ConnectedAccounts accounts, Clock clock) {
        this(settings.webhookSecret(), settings.model() == CommercialModel.DIRECT_CONNECT
                ? Optional.of(Objects.requireNonNull(accounts, "accounts")) : Optional.empty(), clock);
    }

    private StripeWebhooks(String webhookSecret, Optional<ConnectedAccounts> accounts, Clock clock) {
        this(webhookSecret, accounts, clock, Optional.empty());
    }

    private StripeWebhooks(String webhookSecret, Optional<ConnectedAccounts> accounts, Clock clock,
                           Optional<String> connectSecret) {
        this.secret = Objects.requireNonNull(webhookSecret, "webhookSecret");
        if (!webhookSecret.startsWith("whsec_")) {
            throw new IllegalArgumentException("webhookSecret: must be a webhook signing secret (whsec_…)");
        }
        connectSecret.ifPresent(s -> {
            if (!s.startsWith("whsec_")) {
                throw new IllegalArgumentException("connectWebhookSecret: must be a webhook signing secret (whsec_…)");
            }
        });
        this.accounts = accounts;
        this.clock = Objects.requireNonNull(clock, "clock");
        this.connectSecret = connectSecret;
    }

    /**
     * Also accepts deliveries signed with a Connect endpoint's secret: Stripe sends connected accounts'
     * events ({@code account.updated}…) to an endpoint of their own, with its own secret, which may point to
     * the same URL. The Stripe CLI ({@code stripe listen --forward-connect-to}) signs both with one secret.
     */
    public StripeWebhooks alsoSignedWith(String connectWebhookSecret) {
        return new StripeWebhooks(secret, accounts, clock, Optional.of(Objects.requireNonNull(connectWebhookSecret,
                "connectWebhookSecret")));
    }

    /**
     * Verifies and maps one delivery; never throws for what the caller sent. Only a failing
     * {@link ConnectedAccounts} lookup propagates, so that the host answers 5xx and Stripe delivers again.
     */
    public WebhookOutcome handle(String rawBody, String signatureHeader) {
        if (rawBody == null || rawBody.isEmpty()) {
            return new WebhookOutcome.Rejected("body: empty");
        }
        if (rawBody.length() > LONGEST_BODY) {
            return new WebhookOutcome.Rejected("body: longer than " + LONGEST_BODY + " characters");
        }
        if (signatureHeader == null || signatureHeader.isBlank()) {
            return new WebhookOutcome.Rejected("Stripe-Signature: missing");
        }
        Event event;
        try {
            event = Webhook.constructEvent(rawBody, signatureHeader, secret, TOLERANCE.toSeconds(), clock);
        } catch (SignatureVerificationException e) {
            if (connectSecret.isEmpty()) {
                return new WebhookOutcome.Rejected("Stripe-Signature: " + e.getMessage());
            }
            try {
                event = Webhook.constructEvent(rawBody, signatureHeader, connectSecret.get(), TOLERANCE.toSeconds(), clock);
            } catch (SignatureVerificationException again) {
                return new WebhookOutcome.Rejected("Stripe-Signature: " + again.getMessage());
            } catch (RuntimeException again) {
                return new WebhookOutcome.Rejected("body: not a Stripe event");
            }
        } catch (RuntimeException e) { // gson's parse errors: the body is not JSON
            return new WebhookOutcome.Rejected("body: not a Stripe event");
        }
        if (event.getId() == null || event.getId().isBlank() || event.getType() == null) {
            return new WebhookOutcome.Rejected("body: an event without id or type");
        }
        WebhookOutcome mapped;
        try {
            mapped = map(event);
        } catch (EventDataObjectDeserializationException | RuntimeException e) {
            LOG.error("Stripe event {} ({}) is signed but unreadable: {}", event.getId(), event.getType(), e.getMessage());
            return new WebhookOutcome.Rejected("body: the event's object is unreadable");
        }
        // Outside the try: a failing account lookup is the host's infrastructure, not a bad delivery.
        return fromTheRightAccount(event, mapped);
    }

    /** A booking's event must come from the account its payment lives on (PAY-5: authenticated, and by whom). */
    private WebhookOutcome fromTheRightAccount(Event event, WebhookOutcome outcome) {
        if (outcome instanceof WebhookOutcome.VerifiedBilling && event.getAccount() != null) {
            // PLAN-3: the platform bills practitioners on its own account; a connected account's billing is not ours.
            return new WebhookOutcome.Ignored(event.getId(), event.getType(), "billing on a connected account");
        }
        if (!(outcome instanceof WebhookOutcome.Verified verified)) {
            return outcome;
        }
        if (verified.event() instanceof PaymentEvent.PayoutFailed && event.getAccount() != null) {
            // PO-4: the platform's transfers and payouts are its own objects; a connected account's event naming one
            // (its metadata is the account's to set) must not make a payout owed a second time.
            LOG.error("Stripe event {} ({}) from connected account {} names a payout: ignored", event.getId(),
                    event.getType(), event.getAccount());
            return new WebhookOutcome.Ignored(event.getId(), event.getType(), "a payout event from a connected account");
        }
        Optional<BookingId> booking = bookingOf(verified.event());
        if (booking.isEmpty()) {
            return outcome; // payout events: transfers are the platform's own objects
        }
        Optional<String> expected = accounts.isPresent() ? accounts.get().of(booking.get()) : Optional.empty();
        Optional<String> actual = Optional.ofNullable(event.getAccount());
        if (accounts.isPresent() && expected.isEmpty()) {
            LOG.warn("Stripe event {} for booking {}: no connected account known for the booking", event.getId(), booking.get());
            return new WebhookOutcome.Ignored(event.getId(), event.getType(), "no connected account known for the booking");
        }
        if (!expected.equals(actual)) {
            LOG.error("Stripe event {} names booking {} but comes from {} instead of {}: ignored", event.getId(), booking.get(),
                    actual.orElse("the platform"), expected.orElse("the platform"));
            return new WebhookOutcome.Ignored(event.getId(), event.getType(), "from another account than the booking's");
        }
        return outcome;
    }

    private static Optional<BookingId> bookingOf(PaymentEvent event) {
        if (event instanceof PaymentEvent.PaymentSucceeded e) {
            return Optional.of(e.bookingId());
        }
        if (event instanceof PaymentEvent.PaymentFailed e) {
            return Optional.of(e.bookingId());
        }
        if (event instanceof PaymentEvent.GuaranteeSaved e) {
            return Optional.of(e.bookingId());
        }
        if (event instanceof PaymentEvent.RefundFailed e) {
            return Optional.of(e.bookingId());
        }
        return Optional.empty();
    }

    private WebhookOutcome map(Event event) throws EventDataObjectDeserializationException {
        String id = event.getId();
        String type = event.getType();
        return switch (type) {
            case "checkout.session.completed" -> sessionCompleted(id, type, (Session) object(event));
            case "checkout.session.async_payment_succeeded" -> sessionPaid(id, type, (Session) object(event));
            case "checkout.session.async_payment_failed" -> {
                Session session = (Session) object(event);
                yield booking(session.getMetadata(), session.getClientReferenceId())
                        .<WebhookOutcome>map(b -> new WebhookOutcome.Verified(
                                new PaymentEvent.PaymentFailed(id, b, "the delayed payment failed")))
                        .orElseGet(() -> notOurs(id, type));
            }
            case "checkout.session.expired" -> new WebhookOutcome.Ignored(id, type,
                    "the hold's own expiry decides (BK-3); an expired page takes no money");
            case "payment_intent.succeeded" -> new WebhookOutcome.Ignored(id, type,
                    "client payments are reported by checkout.session.completed, off-session charges by the charge's answer");
            case "payment_intent.payment_failed" -> paymentFailed(id, type, (PaymentIntent) object(event));
            case "charge.refund.updated", "refund.updated", "refund.failed" -> refundFailed(id, type, (Refund) object(event));
            case "transfer.reversed" -> transferReversed(id, type, (Transfer) object(event));
            case "transfer.updated" -> {
                Transfer transfer = (Transfer) object(event);
                yield Boolean.TRUE.equals(transfer.getReversed()) ? transferReversed(id, type, transfer)
                        : new WebhookOutcome.Ignored(id, type, "a transfer changed but was not reversed");
            }
            case "account.updated" -> accountUpdated(event, (com.stripe.model.Account) object(event));
            case "payout.failed" -> payoutFailed(id, type, (Payout) object(event));
            case "invoice.paid" -> invoice(id, type, (Invoice) object(event), true);
            case "invoice.payment_failed" -> invoice(id, type, (Invoice) object(event), false);
            case "customer.subscription.updated" -> subscriptionUpdated(id, type, (Subscription) object(event));
            case "customer.subscription.deleted" -> subscriptionDeleted(id, type, (Subscription) object(event));
            default -> new WebhookOutcome.Ignored(id, type, "not an event the engine uses");
        };
    }

    private WebhookOutcome sessionCompleted(String id, String type, Session session) {
        if ("setup".equals(session.getMode())) {
            Optional<BookingId> booking = booking(session.getMetadata(), session.getClientReferenceId());
            if (booking.isEmpty()) {
                return notOurs(id, type);
            }
            if (session.getSetupIntent() == null) {
                return new WebhookOutcome.Ignored(id, type, "a setup session without a setup intent");
            }
            // The SetupIntent's id is the guarantee: the charge reads its customer and card from it.
            return new WebhookOutcome.Verified(new PaymentEvent.GuaranteeSaved(id, booking.get(), session.getSetupIntent()));
        }
        if (!"payment".equals(session.getMode())) {
            return new WebhookOutcome.Ignored(id, type, "a " + session.getMode() + " session");
        }
        if (!"paid".equals(session.getPaymentStatus())) {
            return new WebhookOutcome.Ignored(id, type,
                    "payment " + session.getPaymentStatus() + ": checkout.session.async_payment_succeeded will tell");
        }
        return sessionPaid(id, type, session);
    }

    private WebhookOutcome sessionPaid(String id, String type, Session session) {
        Optional<BookingId> booking = booking(session.getMetadata(), session.getClientReferenceId());
        if (booking.isEmpty()) {
            return notOurs(id, type);
        }
        if (session.getPaymentIntent() == null || session.getAmountTotal() == null || session.getCurrency() == null) {
            return new WebhookOutcome.Rejected("body: a paid session without payment intent or amount");
        }
        return new WebhookOutcome.Verified(new PaymentEvent.PaymentSucceeded(id, booking.get(),
                StripeAmounts.money(session.getAmountTotal(), session.getCurrency()), session.getPaymentIntent(),
                Optional.empty()));
    }

    private WebhookOutcome paymentFailed(String id, String type, PaymentIntent intent) {
        if ("off_session".equals(value(intent.getMetadata(), StripePaymentGateway.FLOW))) {
            return new WebhookOutcome.Ignored(id, type, "an off-session charge: its answer already said declined or needs the client");
        }
        Optional<BookingId> booking = booking(intent.getMetadata(), null);
        if (booking.isEmpty()) {
            return notOurs(id, type);
        }
        String reason = intent.getLastPaymentError() == null ? "payment failed"
                : String.valueOf(intent.getLastPaymentError().getCode()) + ": " + intent.getLastPaymentError().getMessage();
        return new WebhookOutcome.Verified(new PaymentEvent.PaymentFailed(id, booking.get(), reason));
    }

    private WebhookOutcome refundFailed(String id, String type, Refund refund) {
        if (!"failed".equals(refund.getStatus())) {
            return new WebhookOutcome.Ignored(id, type, "refund " + refund.getStatus());
        }
        Optional<BookingId> booking = booking(refund.getMetadata(), null);
        if (booking.isEmpty()) {
            return notOurs(id, type);
        }
        return new WebhookOutcome.Verified(new PaymentEvent.RefundFailed(id, booking.get(), refund.getId(),
                refund.getFailureReason() == null ? "refund failed" : refund.getFailureReason()));
    }

    private WebhookOutcome transferReversed(String id, String type, Transfer transfer) {
        Optional<PayoutId> payout = payout(transfer.getMetadata());
        if (payout.isEmpty()) {
            return notOurs(id, type);
        }
        if (transfer.getAmountReversed() == null || !transfer.getAmountReversed().equals(transfer.getAmount())) {
            // The core knows whole payouts only: a partial reversal is for an operator to settle.
            LOG.error("transfer {} of payout {} partly reversed ({} of {}): an operator must look", transfer.getId(),
                    payout.get(), transfer.getAmountReversed(), transfer.getAmount());
            return new WebhookOutcome.Ignored(id, type, "a partial reversal: an operator must settle it");
        }
        return new WebhookOutcome.Verified(new PaymentEvent.PayoutFailed(id, payout.get(),
                "transfer " + transfer.getId() + " reversed"));
    }

    /**
     * A connected account changed (Connect: the event names the account). Its whole status is mapped, dated
     * with the event's creation, so that a late redelivery of an older event cannot undo a newer one.
     */
    private WebhookOutcome accountUpdated(Event event, com.stripe.model.Account account) {
        if (account.getId() == null) {
            return new WebhookOutcome.Rejected("body: an account without id");
        }
        if (event.getAccount() != null && !event.getAccount().equals(account.getId())) {
            LOG.error("Stripe event {} from account {} describes account {}: ignored", event.getId(), event.getAccount(),
                    account.getId());
            return new WebhookOutcome.Ignored(event.getId(), event.getType(), "from another account than the one it describes");
        }
        if (event.getCreated() == null) {
            return new WebhookOutcome.Rejected("body: an event without its creation time");
        }
        return new WebhookOutcome.Verified(new PaymentEvent.AccountUpdated(event.getId(), account.getId(),
                StripePaymentGateway.status(account), java.time.Instant.ofEpochSecond(event.getCreated())));
    }

    private WebhookOutcome payoutFailed(String id, String type, Payout payout) {
        Optional<PayoutId> ours = payout(payout.getMetadata());
        if (ours.isEmpty()) {
            // A connected account's own bank payout: the money stays on that account's Stripe balance, the
            // platform owes nothing more, and Stripe tells the account holder.
            return new WebhookOutcome.Ignored(id, type, "a connected account's own payout to its bank");
        }
        return new WebhookOutcome.Verified(new PaymentEvent.PayoutFailed(id, ours.get(),
                payout.getFailureCode() == null ? "payout failed" : payout.getFailureCode() + ": " + payout.getFailureMessage()));
    }

    // PLAN-3: the paid plan's subscription on the platform's account

    private WebhookOutcome invoice(String id, String type, Invoice invoice, boolean paid) {
        Invoice.Parent parent = invoice.getParent();
        Invoice.Parent.SubscriptionDetails details = parent == null ? null : parent.getSubscriptionDetails();
        if (details == null || details.getSubscription() == null) {
            return new WebhookOutcome.Ignored(id, type, "not a subscription's invoice");
        }
        Optional<PractitionerId> practitioner = planPractitioner(details.getMetadata());
        if (practitioner.isEmpty()) {
            return new WebhookOutcome.Ignored(id, type, "no Rendezvous plan in the subscription's metadata");
        }
        if (invoice.getCustomer() == null || invoice.getLines() == null || invoice.getLines().getData() == null
                || invoice.getLines().getData().isEmpty() || invoice.getLines().getData().get(0).getPeriod() == null) {
            return new WebhookOutcome.Rejected("body: a subscription invoice without customer or line period");
        }
        // The period paid for is the subscription line's (the invoice's own period_* is the one before it).
        long start = Long.MAX_VALUE;
        long end = Long.MIN_VALUE;
        for (InvoiceLineItem line : invoice.getLines().getData()) {
            if (line.getPeriod() != null && line.getPeriod().getStart() != null && line.getPeriod().getEnd() != null) {
                start = Math.min(start, line.getPeriod().getStart());
                end = Math.max(end, line.getPeriod().getEnd());
            }
        }
        if (start >= end) {
            return new WebhookOutcome.Ignored(id, type, "an invoice without a period");
        }
        Instant from = Instant.ofEpochSecond(start);
        Instant until = Instant.ofEpochSecond(end);
        if (paid) {
            return new WebhookOutcome.VerifiedBilling(new BillingEvent.PeriodPaid(id, practitioner.get(), invoice.getCustomer(),
                    details.getSubscription(), from, until));
        }
        return new WebhookOutcome.VerifiedBilling(new BillingEvent.RenewalFailed(id, practitioner.get(), invoice.getCustomer(),
                details.getSubscription(), from, until, "invoice " + invoice.getId() + " payment failed"));
    }

    private WebhookOutcome subscriptionUpdated(String id, String type, Subscription subscription) {
        Optional<PractitionerId> practitioner = planPractitioner(subscription.getMetadata());
        if (practitioner.isEmpty()) {
            return new WebhookOutcome.Ignored(id, type, "no Rendezvous plan in the subscription's metadata");
        }
        // cancel_at_period_end, or a cancel_at date the portal set: either way it stops renewing.
        boolean renewing = !Boolean.TRUE.equals(subscription.getCancelAtPeriodEnd()) && subscription.getCancelAt() == null;
        return new WebhookOutcome.VerifiedBilling(new BillingEvent.RenewalChanged(id, practitioner.get(),
                subscription.getId(), renewing));
    }

    private WebhookOutcome subscriptionDeleted(String id, String type, Subscription subscription) {
        Optional<PractitionerId> practitioner = planPractitioner(subscription.getMetadata());
        if (practitioner.isEmpty()) {
            return new WebhookOutcome.Ignored(id, type, "no Rendezvous plan in the subscription's metadata");
        }
        Instant ended = subscription.getEndedAt() == null ? clock.instant() : Instant.ofEpochSecond(subscription.getEndedAt());
        return new WebhookOutcome.VerifiedBilling(new BillingEvent.SubscriptionEnded(id, practitioner.get(),
                subscription.getId(), ended));
    }

    private static Optional<PractitionerId> planPractitioner(Map<String, String> metadata) {
        if (!StripeBillingGateway.PLAN_FLOW.equals(value(metadata, StripePaymentGateway.FLOW))) {
            return Optional.empty();
        }
        String value = value(metadata, StripePaymentGateway.PRACTITIONER_ID);
        try {
            return value == null ? Optional.empty() : Optional.of(PractitionerId.of(value));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static StripeObject object(Event event) throws EventDataObjectDeserializationException {
        EventDataObjectDeserializer data = event.getDataObjectDeserializer();
        // An endpoint on another API version than the SDK's still carries the fields used here.
        return data.getObject().isPresent() ? data.getObject().get() : data.deserializeUnsafe();
    }

    private static Optional<BookingId> booking(Map<String, String> metadata, String clientReference) {
        String value = value(metadata, StripePaymentGateway.BOOKING_ID);
        if (value == null) {
            value = clientReference;
        }
        try {
            return value == null ? Optional.empty() : Optional.of(BookingId.of(value));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static Optional<PayoutId> payout(Map<String, String> metadata) {
        String value = value(metadata, StripePaymentGateway.PAYOUT_ID);
        try {
            return value == null ? Optional.empty() : Optional.of(PayoutId.of(value));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static String value(Map<String, String> metadata, String key) {
        return metadata == null ? null : metadata.get(key);
    }

    private static WebhookOutcome notOurs(String id, String type) {
        return new WebhookOutcome.Ignored(id, type, "no Rendezvous booking or payout in its metadata");
    }
}
