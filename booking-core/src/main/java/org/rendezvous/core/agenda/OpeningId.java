package org.rendezvous.core.agenda;

import java.util.Objects;
import java.util.UUID;

public record OpeningId(UUID value) {
    public OpeningId {
        Objects.requireNonNull(value, "openingId");
    }

    public static OpeningId of(String value) {
        return new OpeningId(UUID.fromString(value));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
