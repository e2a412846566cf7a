package org.rendezvous.core.revenue;

/** How a client paid the practitioner on site (INV-2). */
public enum PaymentMethod {
    CASH,
    CARD,
    CHEQUE,
    TRANSFER
}
