package org.rendezvous.core.notification;

/** Which side of a booking a message is for; the delivering adapter looks up the address. */
public enum Recipient {
    PRACTITIONER,
    CLIENT
}
