package org.rendezvous.core.payment;

/** Where a practitioner's payment account stands, as the dashboard tells it. */
public enum AccountState {
    /** The provider still asks for details (or some are overdue): the practitioner must continue onboarding. */
    DETAILS_NEEDED,
    /** Everything was given; the provider is verifying it. Nothing to do but wait. */
    PENDING_VERIFICATION,
    /** The account does what the platform's model needs: take payments (DIRECT_CONNECT) and receive payouts. */
    ENABLED,
    /** The provider closed the account for good (fraud, terms of service…): only its support can help. */
    REJECTED
}
