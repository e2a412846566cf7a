package org.rendezvous.core.agenda;

import java.util.Objects;
import java.util.UUID;

public record UnavailabilityId(UUID value) {
    public UnavailabilityId {
        Objects.requireNonNull(value, "unavailabilityId");
    }

    public static UnavailabilityId of(String value) {
        return new UnavailabilityId(UUID.fromString(value));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
