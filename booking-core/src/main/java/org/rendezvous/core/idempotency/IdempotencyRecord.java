package org.rendezvous.core.idempotency;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.rendezvous.core.outcome.Reason;
import org.rendezvous.core.practitioner.PractitionerId;

/**
 * The remembered first result of a command (BK-8): what the command was (its operation and a
 * fingerprint of its content) and how it ended — the id of what it created or changed, or the
 * reason it was refused. Keys are scoped to one practitioner's agenda.
 */
public record IdempotencyRecord(PractitionerId scope, IdempotencyKey key, String operation, String fingerprint,
                                Optional<String> subjectId, Optional<Reason> rejection, String detail,
                                Instant createdAt) {
    public IdempotencyRecord {
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(fingerprint, "fingerprint");
        Objects.requireNonNull(subjectId, "subjectId");
        Objects.requireNonNull(rejection, "rejection");
        Objects.requireNonNull(detail, "detail");
        Objects.requireNonNull(createdAt, "createdAt");
        if (subjectId.isPresent() == rejection.isPresent()) {
            throw new IllegalArgumentException("subjectId: a result is either a subject or a rejection");
        }
    }

    public boolean sameCommand(String otherOperation, String otherFingerprint) {
        return operation.equals(otherOperation) && fingerprint.equals(otherFingerprint);
    }
}
