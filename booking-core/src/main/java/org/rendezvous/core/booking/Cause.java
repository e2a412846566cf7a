package org.rendezvous.core.booking;

/** Why a booking changed (BK-2): recorded with every transition. */
public enum Cause {
    BOOKED,
    PAYMENT_RECEIVED,
    GUARANTEE_SAVED,
    CONFIRMED_BY_PRACTITIONER,
    CONFIRMED_AUTOMATICALLY,
    REFUSED_BY_PRACTITIONER,
    HOLD_EXPIRED,
    REQUEST_EXPIRED,
    ENDED,
    CANCELLED_BY_CLIENT,
    CANCELLED_BY_PRACTITIONER,
    NO_SHOW_REPORTED,
    MOVED
}
