package org.rendezvous.core.payout;

public enum PayoutState {
    /** Decided and booked in the ledger; the order to the bank or provider is being sent. */
    PLANNED,
    /** The bank or provider accepted the order. */
    SENT,
    /** The bank or provider refused it; the amount is owed again and goes with the next cycle. */
    FAILED,
    /**
     * No payout destination was ready (PO-4): nothing was sent, the balance waits. A practitioner has at most one
     * such payout: later cycles and requests move it forward (amount, cut-off, statement) until it is planned.
     */
    CARRIED_OVER,
    /**
     * Booked in the ledger and put in a bank-file batch ({@link PayoutBatch}): the operator's bank sends it once the
     * operator has uploaded the file and marked the batch sent.
     */
    AWAITING_BANK_FILE
}
