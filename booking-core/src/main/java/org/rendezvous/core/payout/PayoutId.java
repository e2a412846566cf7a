package org.rendezvous.core.payout;

import java.util.Objects;
import java.util.UUID;

public record PayoutId(UUID value) {
    public PayoutId {
        Objects.requireNonNull(value, "payoutId");
    }

    public static PayoutId of(String value) {
        return new PayoutId(UUID.fromString(value));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
