package org.rendezvous.core.booking;

import java.util.Objects;
import org.rendezvous.core.idempotency.Fingerprint;
import org.rendezvous.core.idempotency.IdempotencyKey;
import org.rendezvous.core.practitioner.PractitionerId;

/** The practitioner confirms a pending booking (BK-4). */
public record ConfirmBookingCommand(PractitionerId practitionerId, BookingId bookingId, IdempotencyKey idempotencyKey) {
    public ConfirmBookingCommand {
        Objects.requireNonNull(practitionerId, "practitionerId");
        Objects.requireNonNull(bookingId, "bookingId");
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
    }

    public String fingerprint() {
        return Fingerprint.of(practitionerId, bookingId);
    }
}
