package org.rendezvous.core.money;

/**
 * The classes of card a payment provider prices differently. The provider adapter tells which one
 * a payment used; before the payment, a fee estimate usually assumes {@link #EEA_STANDARD}.
 */
public enum CardClass {
    /** A consumer card issued in the European Economic Area. */
    EEA_STANDARD,
    /** A business or premium card issued in the European Economic Area. */
    EEA_PREMIUM,
    /** A card issued in the United Kingdom. */
    UK,
    /** Any card issued elsewhere. */
    INTERNATIONAL
}
