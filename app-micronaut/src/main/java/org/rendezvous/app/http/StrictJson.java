package org.rendezvous.app.http;

import io.micronaut.core.type.Argument;
import io.micronaut.serde.Decoder;
import io.micronaut.serde.util.NullableDeserializer;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.math.BigInteger;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Request JSON is read as written (SPEC "Bad input"): the default decoder turns {@code 1.5} or {@code true}
 * into a whole number and {@code "yes"} or {@code 2} into a boolean, which would store what the client never
 * meant. A whole number is a JSON integer (or a string of digits, as forms send); a boolean is
 * {@code true}/{@code false}; dates and instants are ISO-8601 between the years 1900 and 9999, a range
 * every store can hold.
 */
final class StrictJson {

    static final int FIRST_YEAR = 1900;
    static final int LAST_YEAR = 9999;

    private StrictJson() {
    }

    @Singleton
    static final class Booleans implements NullableDeserializer<Boolean> {
        @Override
        public Boolean deserializeNonNull(Decoder decoder, DecoderContext context, Argument<? super Boolean> type)
                throws IOException {
            Object value = decoder.decodeArbitrary();
            if (value instanceof Boolean b) {
                return b;
            }
            if ("true".equals(value) || "false".equals(value)) {
                return Boolean.valueOf((String) value);
            }
            throw decoder.createDeserializationException("must be true or false", value);
        }
    }

    @Singleton
    static final class Longs implements NullableDeserializer<Long> {
        @Override
        public Long deserializeNonNull(Decoder decoder, DecoderContext context, Argument<? super Long> type)
                throws IOException {
            return whole(decoder, Long.MIN_VALUE, Long.MAX_VALUE);
        }
    }

    @Singleton
    static final class Integers implements NullableDeserializer<Integer> {
        @Override
        public Integer deserializeNonNull(Decoder decoder, DecoderContext context, Argument<? super Integer> type)
                throws IOException {
            return (int) whole(decoder, Integer.MIN_VALUE, Integer.MAX_VALUE);
        }
    }

    @Singleton
    static final class Dates implements NullableDeserializer<LocalDate> {
        @Override
        public LocalDate deserializeNonNull(Decoder decoder, DecoderContext context, Argument<? super LocalDate> type)
                throws IOException {
            Object value = decoder.decodeArbitrary();
            try {
                if (value instanceof String text) {
                    LocalDate date = LocalDate.parse(text);
                    if (date.getYear() >= FIRST_YEAR && date.getYear() <= LAST_YEAR) {
                        return date;
                    }
                }
            } catch (DateTimeException e) {
                // answered below, with the reason the client can act on
            }
            throw decoder.createDeserializationException("must be a date yyyy-mm-dd from " + FIRST_YEAR + " to " + LAST_YEAR,
                    value);
        }
    }

    @Singleton
    static final class Instants implements NullableDeserializer<Instant> {
        @Override
        public Instant deserializeNonNull(Decoder decoder, DecoderContext context, Argument<? super Instant> type)
                throws IOException {
            Object value = decoder.decodeArbitrary();
            try {
                if (value instanceof String text) {
                    Instant instant = OffsetDateTime.parse(text).toInstant();
                    int year = instant.atOffset(ZoneOffset.UTC).getYear();
                    if (year >= FIRST_YEAR && year <= LAST_YEAR) {
                        return instant;
                    }
                }
            } catch (DateTimeException e) {
                // answered below, with the reason the client can act on
            }
            throw decoder.createDeserializationException("must be an ISO-8601 instant such as 2030-03-04T08:00:00Z, from "
                    + FIRST_YEAR + " to " + LAST_YEAR, value);
        }
    }

    private static long whole(Decoder decoder, long min, long max) throws IOException {
        Object value = decoder.decodeArbitrary();
        BigInteger number = null;
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            number = BigInteger.valueOf(((Number) value).longValue());
        } else if (value instanceof BigInteger big) {
            number = big;
        } else if (value instanceof String text && text.matches("-?[0-9]{1,19}")) {
            number = new BigInteger(text);
        }
        if (number == null) {
            throw decoder.createDeserializationException("must be a whole number", value);
        }
        if (number.compareTo(BigInteger.valueOf(min)) < 0 || number.compareTo(BigInteger.valueOf(max)) > 0) {
            throw decoder.createDeserializationException("out of range", value);
        }
        return number.longValue();
    }
}
