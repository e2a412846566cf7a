package org.rendezvous.core.agenda;

/** How a consultation takes place (AG-2). Remote modes are paid in advance in model PLATFORM_COLLECTS. */
public enum ConsultationMode {
    IN_PERSON,
    PHONE,
    VIDEO;

    public boolean isRemote() {
        return this != IN_PERSON;
    }
}
