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
    QUOTA_REACHED,

    // Paid plan subscription (PLAN-3)
    /** Subscribing while the paid plan is already active and renewing. */
    ALREADY_SUBSCRIBED,
    /** Renewing or cancelling without an active or scheduled paid period. */
    NOT_SUBSCRIBED,
    /** Renewing a paid plan that was cancelled: it ends with its paid period. */
    SUBSCRIPTION_CANCELLED,
    /** Renewing before the renewal window of the current paid period has opened. */
    RENEWAL_NOT_DUE,

    // Payments and payouts (PAY, PO)
    /** The booking has nothing to pay online now (not held for a payment, no charge waiting for the client). */
    NOTHING_TO_PAY,
    /** The payment provider could not be reached; the client may try again in a moment. */
    PAYMENT_PROVIDER_UNAVAILABLE,
    /** The payment provider refused to open a payment page. */
    PAYMENT_REFUSED,
    /** PO-3: the payable balance is below the operator's minimum payout. */
    BELOW_PAYOUT_MINIMUM,
    /** Payouts exist only in model PLATFORM_COLLECTS: in DIRECT_CONNECT the provider pays practitioners itself. */
    NO_PAYOUTS_IN_THIS_MODEL,

    // Accounts (ACC)
    /** Registering an e-mail another account has; a host answers as for a new one, so nothing is revealed (ACC-3). */
    EMAIL_TAKEN,
    /** Wrong e-mail, wrong password or a locked account: one answer for all three (ACC-3). */
    LOGIN_FAILED,
    /** A one-time link that is unknown, already used, or for another purpose. */
    INVALID_TOKEN,
    /** A one-time link past its validity: ask for a new one. */
    TOKEN_EXPIRED,

    // Public page (PAGE)
    /** PAGE-1: another practitioner's page has this slug. */
    SLUG_TAKEN,

    // Payment account (issue 12: Stripe Connect onboarding)
    /**
     * DIRECT_CONNECT: online payment (PAY-1) or a card guarantee (PAY-2) cannot be switched on before the
     * practitioner's payment account can take payments.
     */
    PAYMENT_ACCOUNT_NOT_READY,
    /** Using the payment account for something (payouts, a details page) before one is connected. */
    NO_PAYMENT_ACCOUNT,
    // Operator tools
    /** An operator suspended the practitioner: their public page and routes are closed, new bookings refused. */
    PRACTITIONER_SUSPENDED,
    /** CX-4: the booking has no no-show or late-cancellation charge left to reverse. */
    NOTHING_TO_REVERSE,
    /** CX-4: the booking's charge was reversed already; a charge is reversed once. */
    ALREADY_REVERSED,
    /** The message is not parked (FAILED), so there is nothing to retry. */
    NOT_PARKED,
    // Invoices (INV)
    /** INV-1: an issued invoice never changes; a correction is a credit note. */
    INVOICE_ISSUED,
    /** INV-1: invoicing needs the practitioner's legal identity first. */
    LEGAL_IDENTITY_MISSING,
    /** INV-1: the invoice already has its credit note. */
    ALREADY_CREDITED,
    // Plans (PLAN) in a model without plans
    NO_PLANS_IN_THIS_MODEL,
    /** PLAN-3: the paid plan's checkout page is being opened by another request (two tabs, a double click). */
    CHECKOUT_IN_PROGRESS,
    // Client accounts (CLI-2): erasure waits until no booking is upcoming
    UPCOMING_BOOKINGS
}
