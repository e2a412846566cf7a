package org.rendezvous.payments;

import com.stripe.exception.ApiConnectionException;
import com.stripe.exception.ApiException;
import com.stripe.exception.AuthenticationException;
import com.stripe.exception.CardException;
import com.stripe.exception.IdempotencyException;
import com.stripe.exception.InvalidRequestException;
import com.stripe.exception.PermissionException;
import com.stripe.exception.RateLimitException;
import com.stripe.exception.StripeException;
import com.stripe.model.PaymentIntent;
import java.util.Optional;

/**
 * What a Stripe error means for the engine: the one place where SDK exceptions become outcomes, so that a
 * decline, a needed authentication and a network failure are never confused (ARCHITECTURE: adapters).
 *
 * @param paymentIntent the PaymentIntent Stripe attached to a card error, if any
 */
record StripeFailure(Kind kind, String why, Optional<String> paymentIntent) {

    enum Kind {
        /** The card was declined: retrying with the same card will not help. */
        DECLINED,
        /** The card's bank wants the client to authenticate (SCA). */
        NEEDS_AUTHENTICATION,
        /** Stripe refused the request for good (bad parameters, unknown object, not allowed). */
        REFUSED,
        /** The network, a timeout, a rate limit, a Stripe outage, a key being rotated: ask again later, same key. */
        UNREACHABLE
    }

    static StripeFailure of(StripeException e) {
        String detail = describe(e);
        if (e instanceof CardException card) {
            Optional<String> intent = Optional.ofNullable(card.getStripeError()).map(err -> err.getPaymentIntent())
                    .map(PaymentIntent::getId);
            if ("authentication_required".equals(card.getCode())
                    || "authentication_required".equals(card.getDeclineCode())) {
                return new StripeFailure(Kind.NEEDS_AUTHENTICATION, detail, intent);
            }
            return new StripeFailure(Kind.DECLINED, detail, intent);
        }
        if (e instanceof RateLimitException || e instanceof ApiConnectionException) {
            return new StripeFailure(Kind.UNREACHABLE, detail, Optional.empty());
        }
        if ("idempotency_key_in_use".equals(e.getCode())) {
            // Another instance is doing the same request right now: its answer will be replayed next time.
            return new StripeFailure(Kind.UNREACHABLE, detail, Optional.empty());
        }
        if (e instanceof IdempotencyException) {
            // The same key was sent with other parameters: a bug on our side (keys are derived from the
            // command). Retrying with this key can never succeed, so it ends for good and is logged loudly.
            return new StripeFailure(Kind.REFUSED, "idempotency key reused with other parameters: " + detail, Optional.empty());
        }
        if (e instanceof PermissionException) {
            return new StripeFailure(Kind.REFUSED, detail, Optional.empty());
        }
        if (e instanceof AuthenticationException) {
            // A revoked or rotated key: an operator fixes the configuration, and nothing is lost meanwhile.
            return new StripeFailure(Kind.UNREACHABLE, "Stripe refused the API key: " + detail, Optional.empty());
        }
        if (e instanceof ApiException) {
            Integer status = e.getStatusCode();
            return new StripeFailure(status == null || status >= 500 ? Kind.UNREACHABLE : Kind.REFUSED, detail,
                    Optional.empty());
        }
        if (e instanceof InvalidRequestException) {
            return new StripeFailure(Kind.REFUSED, detail, Optional.empty());
        }
        return new StripeFailure(Kind.UNREACHABLE, detail, Optional.empty());
    }

    private static String describe(StripeException e) {
        StringBuilder text = new StringBuilder("stripe");
        if (e.getStatusCode() != null && e.getStatusCode() > 0) {
            text.append(' ').append(e.getStatusCode());
        }
        if (e.getCode() != null) {
            text.append(' ').append(e.getCode());
        }
        if (e.getStripeError() != null && e.getStripeError().getDeclineCode() != null) {
            text.append(" (").append(e.getStripeError().getDeclineCode()).append(')');
        }
        String message = e.getStripeError() != null && e.getStripeError().getMessage() != null
                ? e.getStripeError().getMessage() : e.getMessage();
        if (message != null) {
            text.append(": ").append(message.length() > 300 ? message.substring(0, 300) : message);
        }
        if (e.getRequestId() != null) {
            text.append(" [").append(e.getRequestId()).append(']');
        }
        return text.toString();
    }
}
