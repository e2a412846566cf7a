package org.rendezvous.core.agenda;

/** Whether a booking waits for the practitioner (MANUAL, the default) or is confirmed at once (BK-4). */
public enum ConfirmationMode {
    MANUAL,
    AUTOMATIC
}
