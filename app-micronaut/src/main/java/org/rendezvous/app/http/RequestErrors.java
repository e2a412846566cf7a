package org.rendezvous.app.http;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.exceptions.UnsatisfiedArgumentException;
import io.micronaut.core.convert.exceptions.ConversionErrorException;
import io.micronaut.core.type.Argument;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.CookieValue;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.exceptions.ContentLengthExceededException;
import io.micronaut.json.JsonSyntaxException;
import io.micronaut.serde.exceptions.SerdeException;
import io.micronaut.web.router.exceptions.UnsatisfiedRouteException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What was wrong with a request, as "field: reason" with the field as the client wrote it
 * ({@code price.amount}, {@code from}, {@code Idempotency-Key}), from the exceptions Micronaut raises
 * while it binds a request. Java types and values never show: the detail is for the client.
 */
final class RequestErrors {

    private static final Pattern ONE_OF = Pattern.compile("Expected one of \\[([^\\]]*)\\]");
    private static final Pattern SEGMENT = Pattern.compile("\\[\"([^\"]*)\"\\]|\\[(\\d+)\\]");
    private static final Pattern TOKEN = Pattern.compile("Unexpected token \\w+, expected (\\w+)");

    private RequestErrors() {
    }

    /** "field: reason" for a binding failure, or null when the error is not about the request's content. */
    static @Nullable String describe(Throwable error) {
        if (error instanceof ConversionErrorException conversion) {
            Argument<?> argument = conversion.getArgument();
            if (argument.getAnnotationMetadata().hasAnnotation(Body.class)) {
                return body(conversion.getConversionError().getCause());
            }
            return name(argument) + ": not a valid " + kind(argument.getType());
        }
        if (error instanceof UnsatisfiedArgumentException unsatisfied) {
            return required(unsatisfied.getArgument());
        }
        if (error instanceof UnsatisfiedRouteException unsatisfied) {
            return required(unsatisfied.getArgument());
        }
        if (error instanceof ConstraintViolationException violations) {
            return violations.getConstraintViolations().stream().map(RequestErrors::violation).sorted()
                    .collect(Collectors.joining("; "));
        }
        if (error instanceof ContentLengthExceededException) {
            return "body: too large";
        }
        if (error instanceof JsonSyntaxException || isSerde(error)) {
            return body(error);
        }
        return null;
    }

    private static String required(Argument<?> argument) {
        return (argument.getAnnotationMetadata().hasAnnotation(Body.class) ? "body" : name(argument)) + ": required";
    }

    private static String body(Throwable cause) {
        String path = null;
        boolean syntax = false;
        String reason = null;
        for (Throwable t = cause; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (path == null && t instanceof SerdeException serde) {
                path = jsonPath(serde.getPathAsString());
            }
            if (t instanceof JsonSyntaxException || t.getClass().getName().startsWith("com.fasterxml.jackson.core.")) {
                syntax = true;
            }
            if (reason == null) {
                reason = reason(t);
            }
        }
        String field = path == null || path.isBlank() ? "body" : path;
        if (syntax) {
            return field + ": not valid JSON";
        }
        if (reason != null) {
            return field + ": " + reason;
        }
        return field + (field.equals("body") ? ": not of the expected shape (a JSON object with the documented fields)"
                : ": not a valid value");
    }

    /** Serde's path reads {@code a.b.Type["price"]->a.b.Amount["amount"]}; the client wrote {@code price.amount}. */
    private static @Nullable String jsonPath(String serdePath) {
        StringBuilder path = new StringBuilder();
        Matcher m = SEGMENT.matcher(serdePath);
        while (m.find()) {
            if (m.group(1) != null) {
                path.append(path.length() == 0 ? "" : ".").append(m.group(1));
            } else {
                path.append('[').append(m.group(2)).append(']');
            }
        }
        return path.length() == 0 ? null : path.toString();
    }

    /** A reason the client can act on, never a Java type or an echo of what was sent. */
    private static @Nullable String reason(Throwable t) {
        String message = t.getMessage() == null ? "" : t.getMessage();
        for (String ours : List.of("must be true or false", "must be a whole number", "out of range", "must be a date",
                "must be an ISO-8601 instant")) {
            int at = message.lastIndexOf(ours);
            if (at >= 0) {
                return message.substring(at).split("\n", 2)[0].strip();
            }
        }
        Matcher oneOf = ONE_OF.matcher(message);
        if (oneOf.find()) {
            return "must be one of " + oneOf.group(1);
        }
        Matcher token = TOKEN.matcher(message);
        if (token.find()) {
            return switch (token.group(1)) {
                case "VALUE_STRING" -> "must be a string";
                case "START_OBJECT" -> "must be an object";
                case "START_ARRAY" -> "must be a list";
                case "VALUE_NUMBER_INT", "VALUE_NUMBER_FLOAT" -> "must be a number";
                default -> "not of the expected type";
            };
        }
        if (t instanceof java.time.DateTimeException) {
            return "not a valid date or time (dates yyyy-mm-dd, times hh:mm)";
        }
        return null;
    }

    private static boolean isSerde(Throwable error) {
        return error.getClass().getName().startsWith("io.micronaut.serde.exceptions.");
    }

    private static String violation(ConstraintViolation<?> violation) {
        List<String> names = new ArrayList<>();
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == jakarta.validation.ElementKind.METHOD
                    || node.getKind() == jakarta.validation.ElementKind.PARAMETER
                    || node.getKind() == jakarta.validation.ElementKind.CONSTRUCTOR
                    || node.getKind() == jakarta.validation.ElementKind.RETURN_VALUE) {
                continue;
            }
            String name = node.getName() == null ? "" : node.getName();
            if (node.getIndex() != null) {
                name = name + "[" + node.getIndex() + "]";
            } else if (node.getKey() != null) {
                name = name + "[" + node.getKey() + "]";
            }
            if (!name.isEmpty() && !name.startsWith("<")) {
                names.add(name);
            }
        }
        return (names.isEmpty() ? "body" : String.join(".", names)) + ": " + violation.getMessage();
    }

    private static String name(Argument<?> argument) {
        for (Class<? extends java.lang.annotation.Annotation> binding : List.of(QueryValue.class, PathVariable.class,
                Header.class, CookieValue.class)) {
            var value = argument.getAnnotationMetadata().stringValue(binding).filter(s -> !s.isEmpty());
            if (value.isPresent()) {
                return value.get();
            }
        }
        return argument.getName();
    }

    private static String kind(Class<?> type) {
        if (type == java.time.LocalDate.class) {
            return "date (yyyy-mm-dd)";
        }
        if (type == java.time.Instant.class) {
            return "ISO-8601 instant (2030-03-04T08:00:00Z)";
        }
        if (type.isEnum()) {
            return "value: must be one of " + Arrays.stream(type.getEnumConstants()).map(Object::toString)
                    .collect(Collectors.joining(", "));
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
            return "number";
        }
        return type.getSimpleName().toLowerCase(Locale.ROOT);
    }
}
