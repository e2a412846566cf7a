package org.rendezvous.core.booking;

import java.util.Objects;
import org.rendezvous.core.idempotency.Fingerprint;
import org.rendezvous.core.idempotency.IdempotencyKey;
import org.rendezvous.core.practitioner.PractitionerId;

/** The practitioner refuses a pending booking (BK-4, CX-5): full refund, guarantee released. */
public record RefuseBookingCommand(PractitionerId practitionerId, BookingId bookingId, IdempotencyKey idempotencyKey) {
    public RefuseBookingCommand {
        Objects.requireNonNull(practitionerId, "practitionerId");
        Objects.requireNonNull(bookingId, "bookingId");
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
    }

    public String fingerprint() {
        return Fingerprint.of(practitionerId, bookingId);
    }
}
