package org.rendezvous.core.client;

import java.time.Instant;
import java.util.Objects;
import org.rendezvous.core.practitioner.PractitionerId;

/**
 * A practitioner's client file entry (CLI-1): created at the client's first booking with that
 * practitioner, found again by e-mail, with the latest details the client or practitioner gave.
 */
public record Client(ClientId id, PractitionerId practitionerId, ClientDetails details, Instant createdAt) {
    public Client {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(practitionerId, "practitionerId");
        Objects.requireNonNull(details, "details");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    public Client withDetails(ClientDetails newDetails) {
        return new Client(id, practitionerId, newDetails, createdAt);
    }
}
