package org.rendezvous.core.client;

import java.time.Instant;
import java.util.Objects;

/** What an erasure did: how many client-file entries and bookings were anonymised; the account is gone. */
public record Erasure(int clientFiles, int bookings, Instant at) {
    public Erasure {
        if (clientFiles < 0 || bookings < 0) {
            throw new IllegalArgumentException("erasure: counts must be zero or more");
        }
        Objects.requireNonNull(at, "at");
    }
}
