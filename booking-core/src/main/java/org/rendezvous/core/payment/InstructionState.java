package org.rendezvous.core.payment;

public enum InstructionState {
    /** To be carried out at or after its due time. */
    DUE,
    DONE,
    /** An off-session charge the client must complete themselves (authentication needed). */
    WAITING_FOR_CLIENT,
    /** Refused for good by the provider (declined card, refused refund); an operator can look. */
    FAILED,
    /** No longer needed (a no-show reported before the earnings were released, say). */
    CANCELLED
}
