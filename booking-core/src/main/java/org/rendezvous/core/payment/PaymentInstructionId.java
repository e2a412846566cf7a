package org.rendezvous.core.payment;

import java.util.Objects;
import java.util.UUID;

public record PaymentInstructionId(UUID value) {
    public PaymentInstructionId {
        Objects.requireNonNull(value, "paymentInstructionId");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
