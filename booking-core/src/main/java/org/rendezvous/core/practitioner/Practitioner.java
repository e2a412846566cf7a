package org.rendezvous.core.practitioner;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.rendezvous.core.contact.EmailAddress;
import org.rendezvous.core.contact.Language;
import org.rendezvous.core.contact.PersonName;
import org.rendezvous.core.contact.PhoneNumber;

/** Who the agenda belongs to, as far as the engine needs: whom to tell, in which language, since when. */
public record Practitioner(PractitionerId id, PersonName name, EmailAddress email, Optional<PhoneNumber> phone,
                           Language language, Instant registeredAt) {
    public Practitioner {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(phone, "phone");
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(registeredAt, "registeredAt");
    }
}
