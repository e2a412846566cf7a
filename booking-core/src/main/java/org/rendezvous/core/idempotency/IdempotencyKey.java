package org.rendezvous.core.idempotency;

import java.util.Objects;

/**
 * The key a caller gives a mutating command (BK-8) so that repeating the command returns the first
 * result and changes nothing more. 1 to 255 printable ASCII characters, as HTTP headers allow.
 */
public record IdempotencyKey(String value) {
    public IdempotencyKey {
        Objects.requireNonNull(value, "idempotencyKey");
        if (value.isEmpty() || value.length() > 255) {
            throw new IllegalArgumentException("idempotencyKey: must be 1 to 255 characters");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x21 || c > 0x7e) {
                throw new IllegalArgumentException("idempotencyKey: only printable ASCII characters without spaces");
            }
        }
    }

    public static IdempotencyKey of(String value) {
        return new IdempotencyKey(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
