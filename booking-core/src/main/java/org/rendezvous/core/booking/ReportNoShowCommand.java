package org.rendezvous.core.booking;

import java.util.Objects;
import org.rendezvous.core.idempotency.Fingerprint;
import org.rendezvous.core.idempotency.IdempotencyKey;
import org.rendezvous.core.practitioner.PractitionerId;

/** The practitioner reports that the client did not come (CX-4). */
public record ReportNoShowCommand(PractitionerId practitionerId, BookingId bookingId, IdempotencyKey idempotencyKey) {
    public ReportNoShowCommand {
        Objects.requireNonNull(practitionerId, "practitionerId");
        Objects.requireNonNull(bookingId, "bookingId");
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
    }

    public String fingerprint() {
        return Fingerprint.of(practitionerId, bookingId);
    }
}
