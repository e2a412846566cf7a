package org.rendezvous.app.http;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.serde.annotation.Serdeable;
import java.net.URI;
import java.util.Locale;
import org.rendezvous.core.outcome.Reason;

/**
 * An error as RFC 9457 {@code application/problem+json}: a stable {@code type} per error code, the
 * HTTP status, and a detail that names the field and the reason.
 *
 * @param field the request field the error is about, when there is one
 */
@Serdeable
public record Problem(URI type, String title, int status, String detail, @Nullable String field) {

    static final MediaType PROBLEM_JSON = MediaType.of("application/problem+json");
    public static final String TYPE_BASE = "https://rendezvous.dev/problems/";

    public static Problem of(String code, HttpStatus status, String detail) {
        return new Problem(URI.create(TYPE_BASE + code.toLowerCase(Locale.ROOT).replace('_', '-')), title(code),
                status.getCode(), detail, fieldOf(detail));
    }

    public static Problem of(Reason reason, String detail) {
        return of(reason.name(), statusOf(reason), detail);
    }

    public MutableHttpResponse<Problem> toResponse() {
        return HttpResponse.<Problem>status(HttpStatus.valueOf(status)).body(this).contentType(PROBLEM_JSON);
    }

    /** The core's details start with the field they are about: "start: no seat is left at this time". */
    static @Nullable String fieldOf(String detail) {
        int colon = detail == null ? -1 : detail.indexOf(':');
        if (colon <= 0) {
            return null;
        }
        String head = detail.substring(0, colon);
        return head.matches("[A-Za-z][A-Za-z0-9_.\\[\\]-]{0,80}") ? head : null;
    }

    private static String title(String code) {
        String words = code.toLowerCase(Locale.ROOT).replace('_', ' ');
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    /** Every reason code has one status: what a client of the API can rely on. */
    static HttpStatus statusOf(Reason reason) {
        return switch (reason) {
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case LOGIN_FAILED -> HttpStatus.UNAUTHORIZED;
            case EMAIL_TAKEN, SLUG_TAKEN -> HttpStatus.CONFLICT;
            case INVOICE_ISSUED, ALREADY_CREDITED -> HttpStatus.CONFLICT;
            case INVALID_TOKEN -> HttpStatus.BAD_REQUEST;
            case TOKEN_EXPIRED -> HttpStatus.GONE;
            case IDEMPOTENCY_KEY_REUSED, SLOT_FULL, OPENING_OVERLAP, ILLEGAL_TRANSITION, ALREADY_SUBSCRIBED -> HttpStatus.CONFLICT;
            case CHECKOUT_IN_PROGRESS -> HttpStatus.CONFLICT;
            case PAYMENT_PROVIDER_UNAVAILABLE -> HttpStatus.SERVICE_UNAVAILABLE;
            case QUOTA_REACHED -> HttpStatus.TOO_MANY_REQUESTS;
            case INVALID_ANSWER, MISSING_REQUIRED_ANSWER, INVALID_SETTING, CLIENT_DETAILS_REQUIRED -> HttpStatus.BAD_REQUEST;
            default -> HttpStatus.UNPROCESSABLE_ENTITY;
        };
    }
}
