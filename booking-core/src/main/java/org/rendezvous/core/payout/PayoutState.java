package org.rendezvous.core.payout;

public enum PayoutState {
    /** Decided and booked in the ledger; the order to the bank or provider is being sent. */
    PLANNED,
    /** The bank or provider accepted the order. */
    SENT,
    /** The bank or provider refused it; the amount is owed again and goes with the next cycle. */
    FAILED,
    /** No payout destination was ready (PO-4): nothing was sent, the balance waits for the next cycle. */
    CARRIED_OVER
}
