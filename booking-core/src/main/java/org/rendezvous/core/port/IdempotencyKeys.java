package org.rendezvous.core.port;

import java.util.Optional;
import org.rendezvous.core.idempotency.IdempotencyKey;
import org.rendezvous.core.idempotency.IdempotencyRecord;
import org.rendezvous.core.practitioner.PractitionerId;

/** The first results of commands, by idempotency key within a practitioner's agenda (BK-8). */
public interface IdempotencyKeys {

    Optional<IdempotencyRecord> find(PractitionerId scope, IdempotencyKey key);

    /** Remembers a result; a second record for the same scope and key is refused with an exception. */
    void remember(IdempotencyRecord record);
}
