package org.rendezvous.app;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Post;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import org.rendezvous.core.Rendezvous;
import org.rendezvous.core.payment.PaymentEvent;
import org.rendezvous.payments.StripeWebhooks;
import org.rendezvous.payments.WebhookOutcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stripe's webhooks (PAY-5): the signature is checked on the raw body before anything is read; a bad
 * or stale one is a 400; a verified event is applied once per event id, so Stripe's redeliveries change
 * nothing.
 */
@Requires(property = EngineFactory.STRIPE_KEY)
@Controller("/api/webhooks/stripe")
final class StripeWebhookController {

    private static final Logger LOG = LoggerFactory.getLogger(StripeWebhookController.class);

    @Serdeable
    record Received(String status) {
    }

    private final StripeWebhooks webhooks;
    private final Rendezvous engine;

    StripeWebhookController(StripeWebhooks webhooks, Rendezvous engine) {
        this.webhooks = webhooks;
        this.engine = engine;
    }

    @Post
    @Consumes(MediaType.ALL)
    HttpResponse<?> receive(@Body String rawBody, @Nullable @Header("Stripe-Signature") String signature) {
        if (signature == null || signature.isBlank()) {
            return Problem.of("INVALID_SIGNATURE", HttpStatus.BAD_REQUEST, "Stripe-Signature: required").toResponse();
        }
        WebhookOutcome outcome = webhooks.handle(rawBody, signature);
        if (outcome instanceof WebhookOutcome.Rejected rejected) {
            LOG.warn("Stripe webhook rejected: {}", rejected.reason());
            return Problem.of("INVALID_SIGNATURE", HttpStatus.BAD_REQUEST, rejected.reason()).toResponse();
        }
        if (outcome instanceof WebhookOutcome.Ignored ignored) {
            return HttpResponse.ok(new Received("ignored"));
        }
        if (outcome instanceof WebhookOutcome.VerifiedBilling billing) {
            // PLAN-3: an unknown practitioner (another platform's subscription on the same account) is acknowledged.
            var applied = engine.plans().apply(billing.event());
            EngineFactory.logRefusal("Stripe webhook", billing.event(), applied);
            return applied.fold(s -> HttpResponse.ok(new Received("applied")),
                    rejected -> HttpResponse.ok(new Received("ignored")));
        }
        PaymentEvent event = ((WebhookOutcome.Verified) outcome).event();
        // Acknowledged either way (Stripe would only send it again); a refusal is logged, not dropped silently.
        var applied = EngineFactory.apply(engine, event);
        EngineFactory.logRefusal("Stripe webhook", event, applied);
        return HttpResponse.ok(new Received("applied"));
    }
}
