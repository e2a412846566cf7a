package org.rendezvous.core.invoice;

import java.util.Objects;
import java.util.UUID;

public record InvoiceId(UUID value) {
    public InvoiceId {
        Objects.requireNonNull(value, "invoiceId");
    }

    public static InvoiceId of(String value) {
        try {
            return new InvoiceId(UUID.fromString(Objects.requireNonNull(value, "invoiceId")));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("invoiceId: not a UUID");
        }
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
