package org.rendezvous.core.practitioner;

import java.util.Objects;
import java.util.UUID;

public record PractitionerId(UUID value) {
    public PractitionerId {
        Objects.requireNonNull(value, "practitionerId");
    }

    public static PractitionerId of(String value) {
        return new PractitionerId(UUID.fromString(value));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
