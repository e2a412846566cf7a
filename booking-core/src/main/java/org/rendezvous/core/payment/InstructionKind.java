package org.rendezvous.core.payment;

/** Money work decided inside a transaction and carried out afterwards, through the provider or the ledger. */
public enum InstructionKind {
    /** Give money back to the client through the provider (PAY-4). */
    REFUND,
    /** Charge the saved card off-session (PAY-2, CX-3, CX-4). */
    CHARGE_GUARANTEE,
    /** Make a completed prepaid consultation's earnings payable once its no-show window closed (PO-1). */
    RELEASE_EARNINGS
}
