package org.rendezvous.core.plan;

import java.util.Objects;
import java.util.Optional;
import org.rendezvous.core.contact.EmailAddress;
import org.rendezvous.core.practitioner.PractitionerId;

/** The provider's billing portal to open for a practitioner: change the card, cancel, resume (PLAN-3). */
public record PortalRequest(PractitionerId practitionerId, EmailAddress email, Optional<String> customerRef) {
    public PortalRequest {
        Objects.requireNonNull(practitionerId, "practitionerId");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(customerRef, "customerRef");
    }
}
