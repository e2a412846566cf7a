package org.rendezvous.core.operator;

import java.util.Objects;
import java.util.UUID;

/** An operator of the platform: someone the host named in its configuration, never a practitioner. */
public record OperatorId(UUID value) {
    public OperatorId {
        Objects.requireNonNull(value, "operatorId");
    }

    public static OperatorId of(String value) {
        return new OperatorId(UUID.fromString(value));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
