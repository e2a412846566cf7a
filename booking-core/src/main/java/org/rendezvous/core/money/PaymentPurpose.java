package org.rendezvous.core.money;

/** What a client's payment is for: the commission differs between a consultation and a charge (FEE-2). */
public enum PaymentPurpose {
    /** The price of a consultation, paid in advance or at booking. */
    CONSULTATION,
    /** The no-show percentage charged after a reported no-show (CX-4). */
    NO_SHOW_CHARGE,
    /** The no-show percentage charged at once for a late cancellation (CX-3). */
    LATE_CANCELLATION_CHARGE;

    /** True for a no-show or late-cancellation charge, as opposed to the price of a consultation. */
    public boolean isCharge() {
        return this != CONSULTATION;
    }
}
