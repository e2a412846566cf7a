package org.rendezvous.core.agenda;

/**
 * The practitioner's choice of payment at booking in model DIRECT_CONNECT (PAY-1). In model
 * PLATFORM_COLLECTS remote consultations are always paid in advance, whatever this says.
 */
public enum OnlinePayment {
    NONE,
    OPTIONAL,
    REQUIRED
}
