package org.rendezvous.core.payment;

/** What happened to a booking's money, in one word for the client and the practitioner (PAY-6, CX-2 … CX-5). */
public enum MoneyState {
    /** Nothing is paid online: the consultation is paid on site. */
    NOTHING_ONLINE,
    /** Held for an online payment that has not arrived yet (BK-3). */
    PAYMENT_DUE,
    /** Held for a card guarantee that has not been saved yet (PAY-2). */
    CARD_DUE,
    /** The hold expired before the client paid or saved a card: nothing was taken. */
    NOT_PAID,
    /** Paid online; nothing refunded nor charged. */
    PAID,
    /** A card is saved as a guarantee; nothing charged. */
    GUARANTEE_SAVED,
    /** The card guarantee was released without any charge (CX-2, CX-5). */
    GUARANTEE_RELEASED,
    /** A refund is decided and under way. */
    REFUND_PENDING,
    /** A refund the provider refused; an operator must look. */
    REFUND_FAILED,
    /** Everything paid was given back (CX-2, CX-5, BK-3, BK-4). */
    REFUNDED,
    /** Part of what was paid was given back. */
    PARTLY_REFUNDED,
    /** Part or all of the prepayment was kept for a late cancellation or a no-show (CX-3, CX-4). */
    KEPT,
    /** The saved card is to be charged for a late cancellation or a no-show. */
    CHARGE_PENDING,
    /** The client's bank wants them to authenticate the charge: they must pay it themselves. */
    CHARGE_NEEDS_CLIENT,
    /** The saved card was declined. */
    CHARGE_FAILED,
    /** The saved card was charged for a late cancellation or a no-show (CX-3, CX-4). */
    CHARGED
}
