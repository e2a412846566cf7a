package org.rendezvous.core.booking;

import java.util.Objects;
import org.rendezvous.core.idempotency.Fingerprint;
import org.rendezvous.core.idempotency.IdempotencyKey;
import org.rendezvous.core.practitioner.PractitionerId;

/** The practitioner cancels a booking (CX-5): the client pays nothing. */
public record CancelByPractitionerCommand(PractitionerId practitionerId, BookingId bookingId, IdempotencyKey idempotencyKey) {
    public CancelByPractitionerCommand {
        Objects.requireNonNull(practitionerId, "practitionerId");
        Objects.requireNonNull(bookingId, "bookingId");
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
    }

    public String fingerprint() {
        return Fingerprint.of(practitionerId, bookingId);
    }
}
