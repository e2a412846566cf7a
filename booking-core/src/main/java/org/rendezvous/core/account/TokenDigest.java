package org.rendezvous.core.account;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The SHA-256 of a one-time link's secret, in lowercase hex: what is stored, so that a copy of the
 * database gives no usable link. The secret has at least 128 random bits, so a fast hash is enough.
 */
public record TokenDigest(String hex) {

    private static final Pattern SHAPE = Pattern.compile("^[0-9a-f]{64}$");

    public TokenDigest {
        Objects.requireNonNull(hex, "tokenDigest");
        if (!SHAPE.matcher(hex).matches()) {
            throw new IllegalArgumentException("tokenDigest: not a SHA-256 in lowercase hex");
        }
    }

    /** The digest of a secret as it arrives from a link. */
    public static TokenDigest of(String secret) {
        Objects.requireNonNull(secret, "token");
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
            return new TokenDigest(HexFormat.of().formatHex(digest));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }

    @Override
    public String toString() {
        return "TokenDigest[" + hex.substring(0, 8) + "…]";
    }
}
