package org.rendezvous.core.booking;

/** Who caused a change. */
public enum Actor {
    CLIENT,
    PRACTITIONER,
    /** The engine itself, from a scheduled job (expiry, completion). */
    SYSTEM,
    PAYMENT_PROVIDER,
    OPERATOR
}
