package org.rendezvous.core.booking;

import java.time.Instant;
import java.util.Objects;
import org.rendezvous.core.idempotency.Fingerprint;
import org.rendezvous.core.idempotency.IdempotencyKey;

/** The client moves their booking to another free start time through their link (BK-7, CX-6). */
public record MoveByClientCommand(AccessToken accessToken, Instant newStart, IdempotencyKey idempotencyKey) {
    public MoveByClientCommand {
        Objects.requireNonNull(accessToken, "accessToken");
        Objects.requireNonNull(newStart, "newStart");
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
    }

    public String fingerprint() {
        return Fingerprint.of(accessToken.value(), newStart);
    }
}
