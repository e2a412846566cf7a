package org.rendezvous.core.notification;

import java.util.Objects;
import java.util.UUID;

public record OutboxMessageId(UUID value) {
    public OutboxMessageId {
        Objects.requireNonNull(value, "outboxMessageId");
    }

    public static OutboxMessageId of(String value) {
        return new OutboxMessageId(UUID.fromString(value));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
