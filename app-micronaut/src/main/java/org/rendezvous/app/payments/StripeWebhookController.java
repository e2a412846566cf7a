package org.rendezvous.app.payments;

import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Content;
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
import org.rendezvous.app.http.ApiDoc;
import org.rendezvous.app.http.Problem;
import org.rendezvous.app.wiring.EngineFactory;
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

    /** PAY-5: one Stripe event, its signature checked on the raw body; applied once per event id. */
    @Post
    @Consumes(MediaType.ALL)
    @ApiDoc.Public
    @ApiResponse(responseCode = "200", description = "the event was applied, or is of no concern (ignored)",
            content = @Content(schema = @Schema(implementation = Received.class)))
    @ApiResponse(responseCode = "400", description = "invalid-signature: missing, bad or stale Stripe-Signature; nothing was applied",
            content = @Content(mediaType = ApiDoc.PROBLEM, schema = @Schema(implementation = Problem.class)))
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
