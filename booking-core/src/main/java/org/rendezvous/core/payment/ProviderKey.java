package org.rendezvous.core.payment;

import java.util.Objects;

/**
 * The idempotency key passed on to the payment provider, derived from the domain command (booking,
 * cause, attempt) and never random: a retried command asks the provider for the same thing again,
 * and the provider does it once.
 */
public record ProviderKey(String value) {
    public ProviderKey {
        Objects.requireNonNull(value, "providerKey");
        if (value.isBlank() || value.length() > 255) {
            throw new IllegalArgumentException("providerKey: must be 1 to 255 characters");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
