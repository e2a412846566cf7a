package org.rendezvous.core.payout;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.rendezvous.core.money.Money;
import org.rendezvous.core.practitioner.PractitionerId;

/**
 * A payout to one practitioner (PO-1 … PO-5), with its statement. At most one exists per practitioner
 * and trigger (PO-2): the store's uniqueness is what makes retries and second instances harmless.
 *
 * @param cutoff     what became payable before this instant is included
 * @param reference  the bank's or provider's reference, once sent
 */
public record Payout(PayoutId id, PractitionerId practitionerId, PayoutTrigger trigger, Instant cutoff, Money amount,
                     PayoutState state, List<StatementLine> statement, Optional<String> reference,
                     Optional<String> failure, Instant createdAt, Instant updatedAt) {
    public Payout {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(practitionerId, "practitionerId");
        Objects.requireNonNull(trigger, "trigger");
        Objects.requireNonNull(cutoff, "cutoff");
        Objects.requireNonNull(amount, "amount");
        if (amount.isNegative()) {
            throw new IllegalArgumentException("amount: must not be negative");
        }
        Objects.requireNonNull(state, "state");
        statement = List.copyOf(Objects.requireNonNull(statement, "statement"));
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(failure, "failure");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    public Payout sent(String providerReference, Instant at) {
        return new Payout(id, practitionerId, trigger, cutoff, amount, PayoutState.SENT, statement,
                Optional.of(providerReference), Optional.empty(), createdAt, at);
    }

    public Payout failed(String why, Instant at) {
        return new Payout(id, practitionerId, trigger, cutoff, amount, PayoutState.FAILED, statement, reference,
                Optional.of(why), createdAt, at);
    }

    /** Booked and put in a bank-file batch: the operator's bank sends it (see {@link PayoutBatch}). */
    public Payout awaitingBankFile(Instant at) {
        return new Payout(id, practitionerId, trigger, cutoff, amount, PayoutState.AWAITING_BANK_FILE, statement,
                Optional.empty(), Optional.empty(), createdAt, at);
    }

    /**
     * The same payout moved to a later trigger (PO-4: a carried-over balance is one payout that moves forward), with
     * what it now pays and its statement, in {@code newState}.
     */
    public Payout movedTo(PayoutTrigger newTrigger, Instant newCutoff, Money newAmount, List<StatementLine> newStatement,
                          PayoutState newState, Optional<String> why, Instant at) {
        return new Payout(id, practitionerId, newTrigger, newCutoff, newAmount, newState, newStatement, Optional.empty(),
                why, createdAt, at);
    }
}
