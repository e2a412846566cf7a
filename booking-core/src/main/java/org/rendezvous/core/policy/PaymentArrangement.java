package org.rendezvous.core.policy;

/** How a booking is paid, decided once when it is made and frozen into it (BK-9, PAY-1, PAY-2). */
public enum PaymentArrangement {
    /** Paid on site, nothing online. */
    ON_SITE,
    /** Paid on site, with a card saved at booking and charged only for a no-show or late cancellation. */
    ON_SITE_WITH_GUARANTEE,
    /** Paid in full online at booking; the booking is held until the payment arrives (BK-3). */
    PREPAID;

    /** Whether the client must act online (pay, or save a card) before the booking moves on. */
    public boolean needsClientOnline() {
        return this != ON_SITE;
    }
}
