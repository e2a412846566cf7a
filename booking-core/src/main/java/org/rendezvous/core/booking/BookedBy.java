package org.rendezvous.core.booking;

/** Who entered the booking: the client online, or the practitioner by hand (BK-6). */
public enum BookedBy {
    CLIENT,
    PRACTITIONER
}
