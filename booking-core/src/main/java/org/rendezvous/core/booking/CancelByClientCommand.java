package org.rendezvous.core.booking;

import java.util.Objects;
import org.rendezvous.core.idempotency.Fingerprint;
import org.rendezvous.core.idempotency.IdempotencyKey;

/** The client cancels through their booking link (CX-1 … CX-3, CX-6). */
public record CancelByClientCommand(AccessToken accessToken, IdempotencyKey idempotencyKey) {
    public CancelByClientCommand {
        Objects.requireNonNull(accessToken, "accessToken");
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
    }

    public String fingerprint() {
        return Fingerprint.of(accessToken.value());
    }
}
