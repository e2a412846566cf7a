package org.rendezvous.core.ledger;

/** Why money moved; the payment history (PAY-6) shows it. */
public enum PostingKind {
    /** A client's online payment arrived. */
    PAYMENT_RECEIVED,
    /** The provider's fee on a payment. */
    PROVIDER_FEE,
    /** The platform's commission (FEE-2) or application fee (FEE-3). */
    COMMISSION,
    /** A completed prepaid consultation's earnings became payable (PO-1). */
    EARNINGS_RELEASED,
    /** Part of a prepayment kept for a late cancellation or a no-show (CX-3, CX-4). */
    CHARGE_KEPT,
    /** A saved card charged for a late cancellation or a no-show (PAY-2). */
    GUARANTEE_CHARGED,
    /** Money given back to a client (PAY-4). */
    REFUND,
    /** Money sent to the practitioner (PO-1 … PO-3). */
    PAYOUT,
    /** A payout the bank or provider refused: the money is owed again. */
    PAYOUT_REVERSED,
    /** CX-4: an operator reversed a contested charge: its commission and the practitioner's earnings are undone. */
    CHARGE_REVERSED
}
