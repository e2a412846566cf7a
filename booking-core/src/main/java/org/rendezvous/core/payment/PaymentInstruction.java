package org.rendezvous.core.payment;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.rendezvous.core.booking.BookingId;
import org.rendezvous.core.money.Money;
import org.rendezvous.core.practitioner.PractitionerId;

/**
 * A money action decided by the lifecycle and carried out later, outside the agenda lock: written in
 * the same transaction as its cause, so it is never lost, and unique per {@code causeKey}, so it is
 * never done twice. The provider is always called with {@link #providerKey()}, which does not change
 * between attempts.
 */
public record PaymentInstruction(PaymentInstructionId id, PractitionerId practitionerId, BookingId bookingId,
                                 InstructionKind kind, Money amount, String causeKey, InstructionState state,
                                 int attempts, Instant dueAt, Optional<String> providerReference,
                                 Optional<String> lastError, Instant createdAt, Instant updatedAt) {
    public PaymentInstruction {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(practitionerId, "practitionerId");
        Objects.requireNonNull(bookingId, "bookingId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(amount, "amount");
        if (!amount.isPositive()) {
            throw new IllegalArgumentException("amount: must be more than zero");
        }
        Objects.requireNonNull(causeKey, "causeKey");
        if (causeKey.isBlank() || causeKey.length() > 200) {
            throw new IllegalArgumentException("causeKey: must be 1 to 200 characters");
        }
        Objects.requireNonNull(state, "state");
        if (attempts < 0) {
            throw new IllegalArgumentException("attempts: must not be negative");
        }
        Objects.requireNonNull(dueAt, "dueAt");
        Objects.requireNonNull(providerReference, "providerReference");
        Objects.requireNonNull(lastError, "lastError");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    public static PaymentInstruction due(PaymentInstructionId id, PractitionerId practitionerId, BookingId bookingId,
                                         InstructionKind kind, Money amount, String causeKey, Instant dueAt, Instant now) {
        return new PaymentInstruction(id, practitionerId, bookingId, kind, amount, causeKey, InstructionState.DUE, 0,
                dueAt, Optional.empty(), Optional.empty(), now, now);
    }

    /** The key the provider sees: the same on every attempt, so a retry after a timeout cannot charge twice. */
    public ProviderKey providerKey() {
        return new ProviderKey("rdv:" + causeKey);
    }

    public PaymentInstruction done(Optional<String> reference, Instant now) {
        return with(InstructionState.DONE, attempts + 1, dueAt, reference, Optional.empty(), now);
    }

    public PaymentInstruction retryAt(Instant next, String error, Instant now) {
        return with(InstructionState.DUE, attempts + 1, next, providerReference, Optional.of(error), now);
    }

    public PaymentInstruction waitingForClient(String reference, Instant now) {
        return with(InstructionState.WAITING_FOR_CLIENT, attempts + 1, dueAt, Optional.of(reference), Optional.empty(), now);
    }

    public PaymentInstruction failed(String error, Instant now) {
        return with(InstructionState.FAILED, attempts + 1, dueAt, providerReference, Optional.of(error), now);
    }

    public PaymentInstruction cancelled(String why, Instant now) {
        return with(InstructionState.CANCELLED, attempts, dueAt, providerReference, Optional.of(why), now);
    }

    private PaymentInstruction with(InstructionState newState, int newAttempts, Instant newDueAt,
                                    Optional<String> reference, Optional<String> error, Instant now) {
        return new PaymentInstruction(id, practitionerId, bookingId, kind, amount, causeKey, newState, newAttempts,
                newDueAt, reference, error, createdAt, now);
    }
}
