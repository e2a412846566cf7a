package org.rendezvous.core.booking;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The secret in a client's booking link (ACC-2): at least 128 random bits, URL-safe base64. It is
 * compared in constant time so that its value cannot be found by timing.
 */
public record AccessToken(String value) {

    private static final Pattern SHAPE = Pattern.compile("^[A-Za-z0-9_-]{22,128}$");

    public AccessToken {
        Objects.requireNonNull(value, "accessToken");
        if (!SHAPE.matcher(value).matches()) {
            throw new IllegalArgumentException("accessToken: not a booking link token");
        }
    }

    /** Whether {@code candidate} has the shape of a link token, so that it can be looked up at all. */
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
        return "AccessToken[" + value.substring(0, 4) + "…]";
    }
}
