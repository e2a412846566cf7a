package org.rendezvous.payments;

import com.stripe.StripeClient;
import com.stripe.exception.IdempotencyException;
import com.stripe.exception.StripeException;
import com.stripe.model.Customer;
import com.stripe.model.checkout.Session;
import com.stripe.net.RequestOptions;
import com.stripe.param.CustomerCreateParams;
import com.stripe.param.CustomerSearchParams;
import com.stripe.param.checkout.SessionCreateParams;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.rendezvous.core.plan.BillingPage;
import org.rendezvous.core.plan.PortalRequest;
import org.rendezvous.core.plan.SubscriptionCheckout;
import org.rendezvous.core.port.BillingGateway;
import org.rendezvous.core.practitioner.PractitionerId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The paid plan billed by Stripe Billing on the platform's own account (PLAN-3; docs/payments.md,
 * "The paid plan"): one Customer per practitioner (created once under a key derived from the
 * practitioner, then reused from the engine's store), a Checkout Session in {@code subscription}
 * mode with a monthly price (a Price id from the dashboard, or {@code price_data} with
 * {@code recurring[interval]=month}), and the customer portal. The subscription carries the
 * practitioner's id in its metadata: {@link StripeWebhooks} reads it back from {@code invoice.paid},
 * {@code invoice.payment_failed} and {@code customer.subscription.updated/deleted}. No method throws
 * for a Stripe or network failure.
 */
public final class StripeBillingGateway implements BillingGateway {

    private static final Logger LOG = LoggerFactory.getLogger(StripeBillingGateway.class);

    /** Which of our flows made the object: the paid plan's subscription. */
    static final String PLAN_FLOW = "plan";
    /** Stripe refuses a {@code trial_end} less than 48 hours ahead; an hour more covers clock skew. */
    static final Duration SHORTEST_TRIAL = Duration.ofHours(49);
    static final String PRODUCT_NAME = "Rendezvous paid plan";

    private final StripeClient stripe;
    private final Optional<String> priceId;
    private final String successUrl;
    private final String returnUrl;
    private final Clock clock;

    /**
     * @param priceId    a recurring monthly Price ({@code price_…}); empty: the checkout's amount as {@code price_data}
     * @param successUrl where Checkout sends the practitioner after subscribing (and back after giving up)
     * @param returnUrl  where the portal's "return" link goes
     */
    public StripeBillingGateway(StripeSettings settings, Optional<String> priceId, String successUrl, String returnUrl,
                                Clock clock) {
        Objects.requireNonNull(settings, "settings");
        this.priceId = Objects.requireNonNull(priceId, "priceId");
        if (priceId.isPresent() && !priceId.get().matches("price_[A-Za-z0-9_]{1,200}")) {
            throw new IllegalArgumentException("priceId: must be a Stripe Price id (price_…)");
        }
        this.successUrl = checkedUrl(successUrl, "successUrl");
        this.returnUrl = checkedUrl(returnUrl, "returnUrl");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.stripe = StripeClient.builder()
                .setApiKey(settings.secretKey())
                .setApiBase(settings.apiBase().toString().replaceAll("/+$", ""))
                .setMaxNetworkRetries(settings.maxNetworkRetries())
                .setConnectTimeout(Math.toIntExact(settings.connectTimeout().toMillis()))
                .setReadTimeout(Math.toIntExact(settings.readTimeout().toMillis()))
                .build();
    }

    @Override
    public BillingPage startSubscription(SubscriptionCheckout request) {
        String customer;
        try {
            customer = customer(request.practitionerId(), request.email().value(), request.customerRef());
        } catch (StripeException e) {
            return failure(StripeFailure.of(e), request.practitionerId());
        }
        String practitioner = request.practitionerId().toString();
        SessionCreateParams.SubscriptionData.Builder subscription = SessionCreateParams.SubscriptionData.builder()
                .setDescription(PRODUCT_NAME)
                .putMetadata(StripePaymentGateway.PRACTITIONER_ID, practitioner)
                .putMetadata(StripePaymentGateway.FLOW, PLAN_FLOW);
        // During the trial, billing starts at its end: the trial's remaining days are not lost.
        request.paidFrom().filter(from -> from.isAfter(clock.instant().plus(SHORTEST_TRIAL)))
                .ifPresent(from -> subscription.setTrialEnd(from.getEpochSecond()));
        SessionCreateParams.LineItem.Builder line = SessionCreateParams.LineItem.builder().setQuantity(1L);
        if (priceId.isPresent()) {
            line.setPrice(priceId.get());
        } else {
            line.setPriceData(SessionCreateParams.LineItem.PriceData.builder()
                    .setCurrency(StripeAmounts.currency(request.monthlyPrice()))
                    .setUnitAmount(StripeAmounts.amount(request.monthlyPrice()))
                    .setRecurring(SessionCreateParams.LineItem.PriceData.Recurring.builder()
                            .setInterval(SessionCreateParams.LineItem.PriceData.Recurring.Interval.MONTH).build())
                    .setProductData(SessionCreateParams.LineItem.PriceData.ProductData.builder()
                            .setName(PRODUCT_NAME).build())
                    .build());
        }
        SessionCreateParams params = SessionCreateParams.builder()
                .setMode(SessionCreateParams.Mode.SUBSCRIPTION)
                .setCustomer(customer)
                .setClientReferenceId(practitioner)
                .setSuccessUrl(successUrl)
                .setCancelUrl(successUrl)
                .addLineItem(line.build())
                .setSubscriptionData(subscription.build())
                .putMetadata(StripePaymentGateway.PRACTITIONER_ID, practitioner)
                .putMetadata(StripePaymentGateway.FLOW, PLAN_FLOW)
                .putMetadata(StripePaymentGateway.KEY, request.key().value())
                .build();
        try {
            Session session = stripe.v1().checkout().sessions().create(params, options(request.key().value()));
            return new BillingPage.Opened(URI.create(session.getUrl()), customer,
                    Optional.ofNullable(session.getExpiresAt()).map(java.time.Instant::ofEpochSecond));
        } catch (StripeException e) {
            return failure(StripeFailure.of(e), request.practitionerId());
        }
    }

    @Override
    public BillingPage openPortal(PortalRequest request) {
        try {
            String customer = customer(request.practitionerId(), request.email().value(), request.customerRef());
            com.stripe.model.billingportal.Session portal = stripe.v1().billingPortal().sessions().create(
                    com.stripe.param.billingportal.SessionCreateParams.builder()
                            .setCustomer(customer)
                            .setReturnUrl(returnUrl)
                            .build(), RequestOptions.builder().build());
            return new BillingPage.Opened(URI.create(portal.getUrl()), customer);
        } catch (StripeException e) {
            return failure(StripeFailure.of(e), request.practitionerId());
        }
    }

    /** {@code DELETE /v1/subscriptions/{id}}: ends a duplicate subscription now, without a renewal. */
    @Override
    public org.rendezvous.core.plan.SubscriptionCancellation cancelSubscription(String subscriptionRef) {
        Objects.requireNonNull(subscriptionRef, "subscriptionRef");
        try {
            com.stripe.model.Subscription cancelled = stripe.v1().subscriptions().cancel(subscriptionRef,
                    RequestOptions.builder().build());
            return new org.rendezvous.core.plan.SubscriptionCancellation.Cancelled(cancelled.getId());
        } catch (StripeException e) {
            StripeFailure failure = StripeFailure.of(e);
            LOG.warn("Stripe did not cancel the duplicate subscription {}: {}", subscriptionRef, failure.why());
            return new org.rendezvous.core.plan.SubscriptionCancellation.Failed(failure.why());
        }
    }

    /**
     * The practitioner's customer: the one the engine remembers, or a new one under a key derived from
     * the practitioner, so that retries and a double click make one customer. Past Stripe's 24 hours of
     * key memory the engine already holds the customer; if the key is replayed with other parameters
     * (the e-mail changed meanwhile), the customer is found by its metadata.
     */
    private String customer(PractitionerId practitioner, String email, Optional<String> known) throws StripeException {
        if (known.isPresent()) {
            return known.get();
        }
        CustomerCreateParams params = CustomerCreateParams.builder()
                .setEmail(email)
                .setDescription("Rendezvous practitioner " + practitioner)
                .putMetadata(StripePaymentGateway.PRACTITIONER_ID, practitioner.toString())
                .putMetadata(StripePaymentGateway.FLOW, PLAN_FLOW)
                .build();
        try {
            return stripe.v1().customers().create(params, options("rdv:plan-customer:" + practitioner)).getId();
        } catch (IdempotencyException e) {
            String query = "metadata['" + StripePaymentGateway.PRACTITIONER_ID + "']:'" + practitioner + "'";
            for (Customer found : stripe.v1().customers().search(CustomerSearchParams.builder().setQuery(query)
                    .setLimit(10L).build(), RequestOptions.builder().build()).getData()) {
                if (PLAN_FLOW.equals(found.getMetadata() == null ? null : found.getMetadata().get(StripePaymentGateway.FLOW))) {
                    return found.getId();
                }
            }
            throw e;
        }
    }

    private static BillingPage failure(StripeFailure failure, PractitionerId practitioner) {
        if (failure.kind() == StripeFailure.Kind.UNREACHABLE) {
            return new BillingPage.Unreachable(failure.why());
        }
        LOG.warn("Stripe refused a billing page for practitioner {}: {}", practitioner, failure.why());
        return new BillingPage.Refused(failure.why());
    }

    private static RequestOptions options(String idempotencyKey) {
        return RequestOptions.builder().setIdempotencyKey(idempotencyKey).build();
    }

    private static String checkedUrl(String url, String field) {
        Objects.requireNonNull(url, field);
        URI parsed;
        try {
            parsed = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(field + ": not a URL", e);
        }
        if (!parsed.isAbsolute() || parsed.getHost() == null
                || !("https".equals(parsed.getScheme()) || "http".equals(parsed.getScheme()))) {
            throw new IllegalArgumentException(field + ": must be an absolute http(s) URL");
        }
        return url;
    }

}
