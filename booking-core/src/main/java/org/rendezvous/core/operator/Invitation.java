package org.rendezvous.core.operator;

import java.time.Instant;
import java.util.Objects;
import org.rendezvous.core.contact.EmailAddress;

/**
 * A set-password link to send to an operator: the secret goes in the link only (the store keeps its
 * digest). Its {@code toString} does not show the secret.
 */
public record Invitation(OperatorId operatorId, EmailAddress email, String secret, Instant expiresAt) {
    public Invitation {
        Objects.requireNonNull(operatorId, "operatorId");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(secret, "secret");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    @Override
    public String toString() {
        return "Invitation[" + operatorId + ", " + email + ", expiresAt=" + expiresAt + "]";
    }
}
