package org.rendezvous.core.booking;

import java.util.Objects;
import org.rendezvous.core.idempotency.Fingerprint;
import org.rendezvous.core.idempotency.IdempotencyKey;

/** The payment provider reports that the client's card was saved as a guarantee (PAY-2). */
public record RecordGuaranteeCommand(BookingId bookingId, String reference, IdempotencyKey idempotencyKey) {
    public RecordGuaranteeCommand {
        Objects.requireNonNull(bookingId, "bookingId");
        Objects.requireNonNull(reference, "reference");
        if (reference.isBlank() || reference.length() > 255) {
            throw new IllegalArgumentException("reference: must be 1 to 255 characters");
        }
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
    }

    public String fingerprint() {
        return Fingerprint.of(bookingId, reference);
    }
}
