package org.rendezvous.app.http;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.server.HttpServerConfiguration;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;
import java.util.stream.Collectors;
import org.rendezvous.persistence.PersistenceFailure;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Every error the host answers is problem+json, including Micronaut's own (bad JSON, wrong types, 404s). */
final class ProblemHandlers {

    private ProblemHandlers() {
    }

    /**
     * Micronaut's errors (conversion, malformed body, missing argument, constraint violation, unknown route,
     * too large) become problems; a request's own mistake is "field: reason", the field as the client sent it.
     */
    @Singleton
    @Replaces(ErrorResponseProcessor.class)
    static final class ProblemErrorResponses implements ErrorResponseProcessor<Problem> {

        @Override
        public MutableHttpResponse<Problem> processResponse(ErrorContext context, MutableHttpResponse<?> response) {
            HttpStatus status = response.getStatus();
            String detail = context.getRootCause().map(RequestErrors::describe).orElse(null);
            if (detail == null) {
                detail = context.getErrors().isEmpty() ? status.getReason()
                        : context.getErrors().stream().map(e -> e.getPath().map(p -> p + ": ").orElse("") + e.getMessage())
                                .collect(Collectors.joining("; "));
            }
            String code = switch (status.getCode()) {
                case 400 -> "INVALID_REQUEST";
                case 401 -> "UNAUTHORIZED";
                case 403 -> "FORBIDDEN";
                case 404 -> "NOT_FOUND";
                case 405 -> "METHOD_NOT_ALLOWED";
                case 406 -> "NOT_ACCEPTABLE";
                case 413 -> "PAYLOAD_TOO_LARGE";
                case 415 -> "UNSUPPORTED_MEDIA_TYPE";
                default -> status.getCode() >= 500 ? "INTERNAL_ERROR" : "REQUEST_ERROR";
            };
            Problem problem = Problem.of(code, status, status.getCode() >= 500 ? "an internal error occurred" : detail);
            return response.body(problem).contentType(Problem.PROBLEM_JSON);
        }
    }

    /**
     * Refuses a body over {@code micronaut.server.max-request-size} on every route, also on those that read
     * no body (Micronaut checks the limit only while it reads one).
     */
    @ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
    static final class BodySizeLimit {
        private final long maxRequestSize;

        BodySizeLimit(HttpServerConfiguration server) {
            this.maxRequestSize = server.getMaxRequestSize();
        }

        @RequestFilter
        @Nullable
        HttpResponse<?> refuseOversized(HttpRequest<?> request) {
            if (request.getContentLength() > maxRequestSize) {
                return PhotoSizeHandler.tooLarge(request, maxRequestSize);
            }
            return null;
        }
    }

    /**
     * The core validates values on construction: "field: reason". Raised while a controller reads the request,
     * that is the client's mistake, a 400 naming the field; raised anywhere else it is a bug, logged in full and
     * answered 500 without internals ({@link RequestInput} tells which).
     */
    @Singleton
    static final class IllegalArgument implements ExceptionHandler<IllegalArgumentException, HttpResponse<Problem>> {
        private static final Logger LOG = LoggerFactory.getLogger(IllegalArgument.class);

        @Override
        public HttpResponse<Problem> handle(HttpRequest request, IllegalArgumentException exception) {
            if (RequestInput.isBadInput(exception)) {
                return Problem.of("INVALID_REQUEST", HttpStatus.BAD_REQUEST, exception.getMessage()).toResponse();
            }
            LOG.error("request {} {} failed: an argument refused outside the request's reading is a bug",
                    request.getMethod(), withoutSecrets(request.getPath()), exception);
            return Problem.of("INTERNAL_ERROR", HttpStatus.INTERNAL_SERVER_ERROR, "an internal error occurred").toResponse();
        }
    }

    /**
     * The database cannot be reached (down, restarting, out of connections): 503 with {@code Retry-After}, for
     * the client to try again; the pool reconnects by itself. Any other persistence failure is a bug or a
     * schema out of step: logged in full, a 500.
     */
    @Singleton
    static final class DatabaseFailure implements ExceptionHandler<PersistenceFailure, HttpResponse<Problem>> {
        static final String RETRY_AFTER_SECONDS = "5";
        private static final Logger LOG = LoggerFactory.getLogger(DatabaseFailure.class);

        @Override
        public HttpResponse<Problem> handle(HttpRequest request, PersistenceFailure failure) {
            if (failure.isUnavailable()) {
                // One line, not a stack trace per request: during an outage every request lands here.
                LOG.warn("request {} {}: database unavailable: {}", request.getMethod(), withoutSecrets(request.getPath()),
                        failure.getMessage());
                return Problem.of("DATABASE_UNAVAILABLE", HttpStatus.SERVICE_UNAVAILABLE,
                        "the service cannot reach its database; try again shortly").toResponse()
                        .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
            }
            LOG.error("request {} {} failed", request.getMethod(), withoutSecrets(request.getPath()), failure);
            return Problem.of("INTERNAL_ERROR", HttpStatus.INTERNAL_SERVER_ERROR, "an internal error occurred").toResponse();
        }
    }

    /** A path as it may be logged: a client's booking link token is a secret (ACC-2), so it is left out. */
    static String withoutSecrets(String path) {
        // Booking ids (UUIDs) under the practitioner's routes are no secret and help find the failure.
        return path.replaceAll("(/bookings/|/b/)(?!\\p{XDigit}{8}-\\p{XDigit}{4}-\\p{XDigit}{4}-\\p{XDigit}{4}-\\p{XDigit}{12}(?:/|$))"
                + "[A-Za-z0-9_-]{22,}", "$1{accessToken}");
    }

    /** A bug or an infrastructure failure: logged in full, answered without internals. */
    @Singleton
    static final class Unexpected implements ExceptionHandler<RuntimeException, HttpResponse<Problem>> {
        private static final Logger LOG = LoggerFactory.getLogger(Unexpected.class);

        @Override
        public HttpResponse<Problem> handle(HttpRequest request, RuntimeException exception) {
            LOG.error("request {} {} failed", request.getMethod(), withoutSecrets(request.getPath()), exception);
            return Problem.of("INTERNAL_ERROR", HttpStatus.INTERNAL_SERVER_ERROR, "an internal error occurred").toResponse();
        }
    }
}
