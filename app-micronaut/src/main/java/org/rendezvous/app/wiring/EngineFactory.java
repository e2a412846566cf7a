package org.rendezvous.app.wiring;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.net.URI;
import java.time.Clock;
import java.util.Optional;
import org.rendezvous.app.payments.PayoutRouting;
import org.rendezvous.core.EngineSettings;
import org.rendezvous.core.Rendezvous;
import org.rendezvous.core.outcome.Outcome;
import org.rendezvous.core.plan.PlanSettings;
import org.rendezvous.core.port.Accounts;
import org.rendezvous.core.port.OperatorActions;
import org.rendezvous.core.port.Operators;
import org.rendezvous.core.port.BillingGateway;
import org.rendezvous.core.sandbox.SandboxBillingGateway;
import org.rendezvous.payments.StripeBillingGateway;
import org.rendezvous.core.port.PasswordHasher;
import org.rendezvous.core.payout.PayoutDestination;
import org.rendezvous.core.payment.PaymentEvent;
import org.rendezvous.core.port.PaymentGateway;
import org.rendezvous.core.port.PayoutGateway;
import org.rendezvous.core.port.Stores;
import org.rendezvous.core.sandbox.SandboxPaymentGateway;
import org.rendezvous.payments.ConnectedAccounts;
import org.rendezvous.payments.StripePaymentGateway;
import org.rendezvous.payments.StripeSettings;
import org.rendezvous.payments.StripeWebhooks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the engine from its adapters (the stores come from {@link DatabaseFactory}); the core itself
 * carries no DI annotation. The payment provider
 * is Stripe when {@code rendezvous.stripe.secret-key} is set ({@code RENDEZVOUS_STRIPE_SECRET_KEY}), the
 * in-process sandbox otherwise. With {@code rendezvous.bank-file.*} set ({@link BankFileSettings}), payouts to bank
 * details go into SEPA bank-file batches instead ({@link PayoutRouting}).
 */
@Factory
public final class EngineFactory {

    private static final Logger LOG = LoggerFactory.getLogger(EngineFactory.class);

    public static final String STRIPE_KEY = "rendezvous.stripe.secret-key";
    static final String CONNECT_WEBHOOK_SECRET = "rendezvous.stripe.connect-webhook-secret";
    static final String STRIPE_API_BASE = "rendezvous.stripe.api-base";

    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }

    @Singleton
    @Requires(missingProperty = STRIPE_KEY)
    SandboxPaymentGateway sandboxPaymentGateway(HostSettings settings) {
        return new SandboxPaymentGateway(URI.create(base(settings) + "/sandbox/checkout/"), Clock.systemUTC());
    }

    /** PLAN-3: the sandbox bills the paid plan too, with pages of its own under /sandbox/billing/. */
    @Singleton
    @Requires(missingProperty = STRIPE_KEY)
    SandboxBillingGateway sandboxBillingGateway(HostSettings settings, Clock clock) {
        return new SandboxBillingGateway(URI.create(base(settings) + "/sandbox/billing/"), clock);
    }

    @Singleton
    @Requires(property = STRIPE_KEY)
    StripeBillingGateway stripeBillingGateway(StripeSettings stripe, HostSettings settings, BillingSettings billing,
                                              Clock clock) {
        return new StripeBillingGateway(stripe, billing.priceId(), base(settings) + "/dashboard#plan",
                base(settings) + "/dashboard#plan", clock);
    }

    @Singleton
    @Requires(property = STRIPE_KEY)
    StripeSettings stripeSettings(HostSettings settings, @Value("${" + STRIPE_KEY + "}") String secretKey,
                                  @Value("${rendezvous.stripe.webhook-secret}") String webhookSecret,
                                  @Value("${" + STRIPE_API_BASE + ":}") String apiBase) {
        StripeSettings stripe = StripeSettings.of(secretKey, webhookSecret, settings.model(), base(settings) + "/payment/done",
                base(settings) + "/payment/cancelled");
        return apiBase.isBlank() ? stripe : withApiBase(stripe, apiBase);
    }

    /**
     * {@code rendezvous.stripe.api-base} ({@code RENDEZVOUS_STRIPE_API_BASE}): where the Stripe API is, for tests,
     * mocks and proxies; https, or http only to a loopback address. A bad value stops the start naming the variable.
     */
    static StripeSettings withApiBase(StripeSettings stripe, String apiBase) {
        try {
            return stripe.withApiBase(URI.create(apiBase.strip()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("RENDEZVOUS_STRIPE_API_BASE (" + STRIPE_API_BASE + "): " + e.getMessage(), e);
        }
    }

    @Singleton
    @Requires(property = STRIPE_KEY)
    StripePaymentGateway stripePaymentGateway(StripeSettings settings, ConnectedAccounts accounts, Clock clock) {
        return new StripePaymentGateway(settings, accounts, clock);
    }

    @Singleton
    @Requires(property = STRIPE_KEY)
    StripeWebhooks stripeWebhooks(StripeSettings settings, ConnectedAccounts accounts, Clock clock,
                                  @Value("${" + CONNECT_WEBHOOK_SECRET + ":}") String connectWebhookSecret) {
        StripeWebhooks webhooks = new StripeWebhooks(settings, accounts, clock);
        // A Connect endpoint (connected accounts' events) has a signing secret of its own.
        return connectWebhookSecret.isBlank() ? webhooks : webhooks.alsoSignedWith(connectWebhookSecret);
    }

    /** DIRECT_CONNECT: a booking's payment lives on its practitioner's connected account. */
    @Singleton
    ConnectedAccounts connectedAccounts(Stores stores) {
        return booking -> stores.bookings().find(booking).flatMap(b -> stores.paymentAccounts().find(b.practitionerId())
                .map(org.rendezvous.core.payment.PaymentAccount::accountId)
                .or(() -> stores.payoutAccounts().find(b.practitionerId())
                        .filter(PayoutDestination.ProviderAccount.class::isInstance)
                        .map(d -> ((PayoutDestination.ProviderAccount) d).accountId())));
    }

    @Singleton
    Rendezvous rendezvous(HostSettings settings, Stores stores, Accounts accounts, PasswordHasher hasher,
                          Optional<SandboxPaymentGateway> sandbox, Optional<StripePaymentGateway> stripe,
                          Optional<SandboxBillingGateway> sandboxBilling, Optional<StripeBillingGateway> stripeBilling,
                          BillingSettings billing, Clock clock,
                          BankFileSettings bankFile, ProviderFeeSettings providerFees,
                          Operators operators, OperatorActions operatorActions,
                          org.rendezvous.core.port.InvoiceStores invoiceStores,
                          org.rendezvous.core.port.ClientAccounts clientAccounts) {
        BillingGateway billingGateway = stripeBilling.<BillingGateway>map(s -> s).orElseGet(() -> sandboxBilling.orElseThrow());
        EngineSettings engineSettings = EngineSettings.of(settings.model()).withOperatorZone(settings.zone());
        engineSettings = providerFees.schedule().map(engineSettings::withProviderFees).orElse(engineSettings);
        engineSettings = engineSettings.withPlans(new PlanSettings(billing.price(), engineSettings.plans().bookingsPerMonth(),
                engineSettings.plans().invoicesPerMonth(), engineSettings.plans().trialLength()));
        PaymentGateway payments = stripe.<PaymentGateway>map(s -> s).orElseGet(() -> sandbox.orElseThrow());
        PayoutGateway payouts = stripe.<PayoutGateway>map(s -> s).orElseGet(() -> sandbox.orElseThrow());
        payouts = PayoutRouting.withBankFile(payouts, bankFile); // bank details by SEPA file, when configured
        Rendezvous engine = Rendezvous.builder()
                .stores(stores)
                .accounts(accounts)
                .passwordHasher(hasher)
                .operators(operators)
                .operatorActions(operatorActions)
                .invoiceStores(invoiceStores)
                .clientAccounts(clientAccounts)
                .invoiceDocuments(new org.rendezvous.invoices.FacturXInvoiceDocuments())
                .paymentGateway(payments)
                .payoutGateway(payouts)
                .billingGateway(billingGateway)
                .clock(clock)
                .settings(engineSettings)
                .build();
        // The sandbox's events reach the engine as a provider's webhooks would.
        // Nobody waits for their answer: a refusal is logged, never dropped silently.
        sandbox.ifPresent(s -> s.onEvent(event -> logRefusal("sandbox payment event", event, apply(engine, event))));
        sandboxBilling.ifPresent(s -> s.onEvent(event -> logRefusal("sandbox billing event", event, engine.plans().apply(event))));
        return engine;
    }

    /** A provider's event to the use case it is for: payouts, payment accounts, or bookings' payments. */
    public static Outcome<?> apply(Rendezvous engine, PaymentEvent event) {
        if (event instanceof PaymentEvent.PayoutFailed payoutFailed) {
            return engine.payouts().apply(payoutFailed);
        } else if (event instanceof PaymentEvent.AccountUpdated accountUpdated) {
            return engine.paymentAccounts().apply(accountUpdated);
        } else {
            return engine.payments().apply(event);
        }
    }

    /**
     * An event's refusal where no caller can act on it (a provider's webhook, the sandbox's hooks) is still said:
     * the reason code and its detail (ids and fields, no personal data), with the kind of event.
     */
    public static void logRefusal(String source, Object event, Outcome<?> outcome) {
        if (outcome instanceof Outcome.Rejected<?> rejected) {
            LOG.warn("{} {} refused and dropped: {}: {}", source, event.getClass().getSimpleName(), rejected.reason(),
                    rejected.detail());
        }
    }

    private static String base(HostSettings settings) {
        return settings.baseUrl();
    }
}
