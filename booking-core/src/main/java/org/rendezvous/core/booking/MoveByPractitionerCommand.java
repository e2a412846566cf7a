package org.rendezvous.core.booking;

import java.time.Instant;
import java.util.Objects;
import org.rendezvous.core.idempotency.Fingerprint;
import org.rendezvous.core.idempotency.IdempotencyKey;
import org.rendezvous.core.practitioner.PractitionerId;

/** The practitioner moves a booking (BK-7): any free time from now on, inside an opening or not. */
public record MoveByPractitionerCommand(PractitionerId practitionerId, BookingId bookingId, Instant newStart,
                                        IdempotencyKey idempotencyKey) {
    public MoveByPractitionerCommand {
        Objects.requireNonNull(practitionerId, "practitionerId");
        Objects.requireNonNull(bookingId, "bookingId");
        Objects.requireNonNull(newStart, "newStart");
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
    }

    public String fingerprint() {
        return Fingerprint.of(practitionerId, bookingId, newStart);
    }
}
