package org.rendezvous.core.account;

import java.util.Objects;

/** A slow salted hash of a password, opaque to the core: only the {@code PasswordHasher} that made it reads it. */
public record PasswordHash(String value) {

    public PasswordHash {
        Objects.requireNonNull(value, "passwordHash");
        if (value.isBlank() || value.length() > 1000) {
            throw new IllegalArgumentException("passwordHash: must be 1 to 1000 characters");
        }
    }

    @Override
    public String toString() {
        return "PasswordHash[…]";
    }
}
