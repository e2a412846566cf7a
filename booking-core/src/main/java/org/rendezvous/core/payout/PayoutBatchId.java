package org.rendezvous.core.payout;

import java.util.Objects;
import java.util.UUID;

public record PayoutBatchId(UUID value) {
    public PayoutBatchId {
        Objects.requireNonNull(value, "batchId");
    }

    public static PayoutBatchId of(String value) {
        return new PayoutBatchId(UUID.fromString(value));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
