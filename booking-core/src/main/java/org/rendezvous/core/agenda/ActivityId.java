package org.rendezvous.core.agenda;

import java.util.Objects;
import java.util.UUID;

public record ActivityId(UUID value) {
    public ActivityId {
        Objects.requireNonNull(value, "activityId");
    }

    public static ActivityId of(String value) {
        return new ActivityId(UUID.fromString(value));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
