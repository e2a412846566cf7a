package org.rendezvous.core.notification;

import java.util.Objects;
import java.util.Optional;
import org.rendezvous.core.contact.EmailAddress;
import org.rendezvous.core.contact.Language;
import org.rendezvous.core.contact.PersonName;
import org.rendezvous.core.contact.PhoneNumber;

/** Whom a message is for or about, and how to reach them (NOT-4: in their language). */
public record Contact(PersonName name, EmailAddress email, Optional<PhoneNumber> phone, Language language) {
    public Contact {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(phone, "phone");
        Objects.requireNonNull(language, "language");
    }
}
