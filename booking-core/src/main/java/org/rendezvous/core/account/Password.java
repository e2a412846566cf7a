package org.rendezvous.core.account;

import java.util.Objects;

/**
 * A new password, as the practitioner chose it (ACC-1): at least 10 characters, at most 200 so that
 * hashing stays bounded. Its text never appears in {@link #toString()}.
 */
public record Password(String value) {

    public static final int MINIMUM_LENGTH = 10;
    public static final int MAXIMUM_LENGTH = 200;

    public Password {
        Objects.requireNonNull(value, "password");
        int length = value.codePointCount(0, value.length());
        if (length < MINIMUM_LENGTH) {
            throw new IllegalArgumentException("password: at least " + MINIMUM_LENGTH + " characters");
        }
        if (length > MAXIMUM_LENGTH) {
            throw new IllegalArgumentException("password: at most " + MAXIMUM_LENGTH + " characters");
        }
        if (value.isBlank()) {
            throw new IllegalArgumentException("password: must not be only spaces");
        }
    }

    public static Password of(String value) {
        return new Password(value);
    }

    @Override
    public String toString() {
        return "Password[…]";
    }
}
