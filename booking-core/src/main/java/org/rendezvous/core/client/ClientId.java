package org.rendezvous.core.client;

import java.util.Objects;
import java.util.UUID;

public record ClientId(UUID value) {
    public ClientId {
        Objects.requireNonNull(value, "clientId");
    }

    public static ClientId of(String value) {
        return new ClientId(UUID.fromString(value));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
