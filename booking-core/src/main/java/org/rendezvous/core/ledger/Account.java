package org.rendezvous.core.ledger;

/**
 * The ledger's accounts (FEE-4). Every movement goes from one account to another, so the books
 * balance by construction: what left {@link #CLIENT_PAYMENTS} is, to the cent, the sum of all the
 * other balances.
 */
public enum Account {
    /** Where clients' money comes from; its balance is minus everything clients ever paid. */
    CLIENT_PAYMENTS,
    /** Prepayments the platform holds until the consultation is settled (model PLATFORM_COLLECTS). */
    HELD_FOR_BOOKINGS,
    /** Earnings owed to the practitioner and paid out in cycles (PLATFORM_COLLECTS); may go negative and is carried forward. */
    PRACTITIONER_PAYABLE,
    /** Money that went straight into the practitioner's own provider account (DIRECT_CONNECT). */
    PRACTITIONER_DIRECT,
    /** The platform's commissions. */
    PLATFORM_REVENUE,
    /** What the payment provider kept as its fee. */
    PROVIDER_FEES,
    /** Money given back to clients. */
    REFUNDS,
    /** Money sent to practitioners' bank or provider accounts. */
    PAYOUTS
}
