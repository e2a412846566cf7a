package org.rendezvous.core.booking;

import java.time.Instant;
import java.util.Objects;
import org.rendezvous.core.idempotency.Fingerprint;
import org.rendezvous.core.idempotency.IdempotencyKey;

/** The client accepts an early-availability alert and moves their booking to the offered time (CX-7, BK-7). */
public record TakeWaitlistOfferCommand(AccessToken accessToken, Instant offeredStart, IdempotencyKey idempotencyKey) {
    public TakeWaitlistOfferCommand {
        Objects.requireNonNull(accessToken, "accessToken");
        Objects.requireNonNull(offeredStart, "offeredStart");
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
    }

    public String fingerprint() {
        return Fingerprint.of(accessToken.value(), offeredStart);
    }
}
