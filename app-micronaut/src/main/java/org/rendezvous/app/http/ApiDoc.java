package org.rendezvous.app.http;

import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * The OpenAPI document's shared answers, as annotations a route wears: each problem+json answer a route
 * really gives (its status, and the {@link Problem} schema), a session's 401/403, and {@code security: []}
 * on public routes. micronaut-openapi reads them as meta-annotations, so a route says {@code @ApiDoc.NotFound}
 * instead of repeating the whole {@code @ApiResponse}. {@code OpenApiDocumentTest} fails when a route
 * misses its summary, its answers or a body schema.
 */
public final class ApiDoc {

    public static final String PROBLEM = "application/problem+json";

    private ApiDoc() {
    }

    /** Anyone may call the route: {@code security: []}. Not on a route that also has its own {@code @Operation}. */
    @Retention(RUNTIME)
    @Target(METHOD)
    @Operation(security = {})
    public @interface Public {
    }

    /** A practitioner's route (beside its {@code @SecurityRequirement}s): 401 without it, 403 with an operator's. */
    @Retention(RUNTIME)
    @Target(TYPE)
    @ApiResponse(responseCode = "401", description = "unauthorized: no valid practitioner session",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "403", description = "forbidden: the session is an operator's",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    public @interface PractitionerSession {
    }

    /** A client account's route (CLI-2, beside its {@code @SecurityRequirement}s): 401 without a client session, 403 with another. */
    @Retention(RUNTIME)
    @Target(TYPE)
    @ApiResponse(responseCode = "401", description = "unauthorized: no valid client session",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "403", description = "forbidden: the session is a practitioner's or an operator's",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    public @interface ClientSession {
    }

    /** An operator's route (beside its {@code @SecurityRequirement}s): 401 without it, 403 with a practitioner's. */
    @Retention(RUNTIME)
    @Target(TYPE)
    @ApiResponse(responseCode = "401", description = "unauthorized: no valid operator session",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "403", description = "forbidden: the session is a practitioner's",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    public @interface OperatorSession {
    }

    /** A path, query, header or body value is missing or malformed; {@code field} names it. */
    @Retention(RUNTIME)
    @Target(METHOD)
    @ApiResponse(responseCode = "400", description = "invalid-request (or invalid-answer, invalid-setting, "
            + "missing-required-answer, client-details-required, invalid-token): the field to fix is named",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    public @interface BadRequest {
    }

    /** ACC-3: login-failed, the same for every cause. */
    @Retention(RUNTIME)
    @Target(METHOD)
    @ApiResponse(responseCode = "401", description = "login-failed: e-mail or password is wrong (the same for a locked account)",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    public @interface LoginFailed {
    }

    /** not-found: also another practitioner's ids (ACC-2), and an unknown or unverified practitioner. */
    @Retention(RUNTIME)
    @Target(METHOD)
    @ApiResponse(responseCode = "404", description = "not-found: no such item (another practitioner's is not found either)",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    public @interface NotFound {
    }

    /** An HTML page for browsers. */
    @Retention(RUNTIME)
    @Target(METHOD)
    @ApiResponse(responseCode = "200", description = "an HTML page",
            content = @Content(mediaType = "text/html", schema = @Schema(type = "string")))
    public @interface HtmlPage {
    }

    /** A page (HTML) that is closed or unknown: an HTML page says so. */
    @Retention(RUNTIME)
    @Target(METHOD)
    @ApiResponse(responseCode = "404", description = "an HTML page saying the page is closed or unknown",
            content = @Content(mediaType = "text/html", schema = @Schema(type = "string")))
    public @interface PageNotFound {
    }

    /** The state forbids it now: slot-full, illegal-transition, idempotency-key-reused, opening-overlap … */
    @Retention(RUNTIME)
    @Target(METHOD)
    @ApiResponse(responseCode = "409", description = "conflict with the current state (slot-full, illegal-transition, "
            + "idempotency-key-reused, opening-overlap, invoice-issued, already-credited, already-subscribed, slug-taken)",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    public @interface Conflict {
    }

    /** ACC-1: the one-time link is too old. */
    @Retention(RUNTIME)
    @Target(METHOD)
    @ApiResponse(responseCode = "410", description = "token-expired: ask for a new link",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    public @interface Gone {
    }

    /** An upload over its size limit. */
    @Retention(RUNTIME)
    @Target(METHOD)
    @ApiResponse(responseCode = "413", description = "payload-too-large: the body is over the limit",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    public @interface TooLarge {
    }

    /** A business rule refuses the request; {@code type} names the rule's reason code. */
    @Retention(RUNTIME)
    @Target(METHOD)
    @ApiResponse(responseCode = "422", description = "a business rule refuses it; type names the reason "
            + "(outside-opening, too-late-to-cancel, outside-booking-window, payment-account-not-ready …)",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    public @interface Refused {
    }

    /** PLAN-2's quota, or the account e-mails' rate limit (with Retry-After). */
    @Retention(RUNTIME)
    @Target(METHOD)
    @ApiResponse(responseCode = "429", description = "quota-reached or too-many-requests (Retry-After says when to try again)",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    public @interface TooMany {
    }

    /** The payment provider did not answer; nothing changed, the request may be retried. */
    @Retention(RUNTIME)
    @Target(METHOD)
    @ApiResponse(responseCode = "503", description = "payment-provider-unavailable: nothing changed; retry later",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    public @interface ProviderUnavailable {
    }
}
