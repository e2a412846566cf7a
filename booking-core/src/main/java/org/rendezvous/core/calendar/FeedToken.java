package org.rendezvous.core.calendar;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The secret in a practitioner's calendar feed address (CAL-2): at least 128 random bits, URL-safe base64.
 * It is kept as is, like a booking link's secret, because the dashboard shows the address again whenever
 * the practitioner needs to subscribe another device; it gives read access to nothing the database does
 * not already hold. Rotating it revokes the old address at once.
 */
public record FeedToken(String value) {

    private static final Pattern SHAPE = Pattern.compile("^[A-Za-z0-9_-]{22,128}$");

    public FeedToken {
        Objects.requireNonNull(value, "feedToken");
        if (!SHAPE.matcher(value).matches()) {
            throw new IllegalArgumentException("feedToken: not a calendar feed token");
        }
    }

    /** Whether {@code candidate} has the shape of a feed token, so that it can be looked up at all. */
    public static boolean isWellFormed(String candidate) {
        return candidate != null && SHAPE.matcher(candidate).matches();
    }

    public boolean matches(String candidate) {
        return candidate != null && MessageDigest.isEqual(value.getBytes(StandardCharsets.US_ASCII),
                candidate.getBytes(StandardCharsets.US_ASCII));
    }

    @Override
    public String toString() {
        // Never print the secret itself into a log line.
        return "FeedToken[" + value.substring(0, 4) + "…]";
    }
}
