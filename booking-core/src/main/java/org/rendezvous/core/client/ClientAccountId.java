package org.rendezvous.core.client;

import java.util.Objects;
import java.util.UUID;

/** A client's account (CLI-2), one per e-mail address across every practitioner. */
public record ClientAccountId(UUID value) {
    public ClientAccountId {
        Objects.requireNonNull(value, "clientAccountId");
    }

    public static ClientAccountId of(String value) {
        try {
            return new ClientAccountId(UUID.fromString(value));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("clientAccountId: not an id", e);
        }
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
