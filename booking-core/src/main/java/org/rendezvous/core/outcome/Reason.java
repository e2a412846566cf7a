package org.rendezvous.core.outcome;

/**
 * The stable codes of every business refusal. They are part of the public contract: hosts map each
 * to an error type and status, so a code is never renamed or reused for another meaning.
 */
public enum Reason {
    /** The practitioner, activity, opening, booking or client does not exist, or is not the caller's. */
    NOT_FOUND,
    /** The same idempotency key was used earlier with a different command. */
    IDEMPOTENCY_KEY_REUSED,

    // Agenda (AG)
    ACTIVITY_INACTIVE,
    MODE_NOT_OFFERED,
    OPENING_OVERLAP,
    NOT_A_BOOKABLE_START,
    OUTSIDE_BOOKING_WINDOW,
    UNAVAILABLE,
    SLOT_FULL,

    // Booking lifecycle (BK)
    ILLEGAL_TRANSITION,
    MISSING_REQUIRED_ANSWER,
    INVALID_ANSWER,
    CLIENT_DETAILS_REQUIRED,
    REQUEST_EXPIRED,
    PAYMENT_AMOUNT_MISMATCH,
    START_IN_THE_PAST,

    // Cancellation, moves and no-show (CX)
    CANCELLATION_NOT_ALLOWED,
    MOVE_NOT_ALLOWED,
    MOVE_TOO_LATE,
    OUTSIDE_NO_SHOW_REPORT_WINDOW,
    WAITLIST_DISABLED,
    NOT_ON_WAITLIST,
    NOT_EARLIER,

    // Money and plans (PAY, PLAN)
    BELOW_PROVIDER_MINIMUM,
    INVALID_SETTING,
    QUOTA_REACHED
}
