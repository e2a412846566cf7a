package org.rendezvous.core.operator;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.rendezvous.core.contact.EmailAddress;
import org.rendezvous.core.practitioner.PractitionerId;

/**
 * One entry of the operators' audit log: who ({@code operatorId} and the e-mail they had then), when,
 * what ({@code kind} on {@code subject}: a practitioner, booking or message id), whose data it touched,
 * and why, in the operator's own words. Entries are never changed or removed.
 */
public record OperatorAction(UUID id, OperatorId operatorId, EmailAddress operatorEmail, ActionKind kind,
                             String subject, Optional<PractitionerId> practitionerId, String reason, Instant at) {

    public static final int MAXIMUM_REASON_LENGTH = 1000;

    public OperatorAction {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(operatorId, "operatorId");
        Objects.requireNonNull(operatorEmail, "operatorEmail");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(subject, "subject");
        if (subject.isBlank() || subject.length() > 100) {
            throw new IllegalArgumentException("subject: must be 1 to 100 characters");
        }
        Objects.requireNonNull(practitionerId, "practitionerId");
        reason = checkedReason(reason);
        Objects.requireNonNull(at, "at");
    }

    /** An operator's reason for an action: required, trimmed, at most 1000 characters. */
    public static String checkedReason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("reason: required: say why, for the audit log");
        }
        String trimmed = reason.strip();
        if (trimmed.length() > MAXIMUM_REASON_LENGTH) {
            throw new IllegalArgumentException("reason: at most " + MAXIMUM_REASON_LENGTH + " characters");
        }
        return trimmed;
    }
}
