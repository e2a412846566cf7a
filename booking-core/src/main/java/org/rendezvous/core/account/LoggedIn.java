package org.rendezvous.core.account;

import java.util.Objects;
import org.rendezvous.core.practitioner.PractitionerId;

/** A successful login: whom the session is for, and the session version it carries. */
public record LoggedIn(PractitionerId practitionerId, long sessionVersion, boolean emailVerified) {
    public LoggedIn {
        Objects.requireNonNull(practitionerId, "practitionerId");
    }
}
