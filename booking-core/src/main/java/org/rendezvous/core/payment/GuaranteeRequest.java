package org.rendezvous.core.payment;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.rendezvous.core.booking.BookingId;
import org.rendezvous.core.contact.EmailAddress;
import org.rendezvous.core.practitioner.PractitionerId;

/** A card to save at booking, without any charge, as a no-show guarantee (PAY-2). */
public record GuaranteeRequest(BookingId bookingId, PractitionerId practitionerId, Optional<String> connectedAccount,
                               EmailAddress clientEmail, String description, Instant expiresAt, ProviderKey key) {
    public GuaranteeRequest {
        Objects.requireNonNull(bookingId, "bookingId");
        Objects.requireNonNull(practitionerId, "practitionerId");
        Objects.requireNonNull(connectedAccount, "connectedAccount");
        Objects.requireNonNull(clientEmail, "clientEmail");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(key, "key");
    }
}
