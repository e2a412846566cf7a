package org.rendezvous.core.ledger;

import java.util.Objects;
import java.util.UUID;

public record PostingId(UUID value) {
    public PostingId {
        Objects.requireNonNull(value, "postingId");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
