package org.rendezvous.core.client;

import java.util.Objects;
import org.rendezvous.core.contact.EmailAddress;
import org.rendezvous.core.contact.Language;
import org.rendezvous.core.contact.PersonName;
import org.rendezvous.core.contact.PhoneNumber;

/** What a client gives when booking (BK-1): no account needed. */
public record ClientDetails(PersonName name, EmailAddress email, PhoneNumber phone, Language language) {
    public ClientDetails {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(phone, "phone");
        Objects.requireNonNull(language, "language");
    }

    public static ClientDetails of(String name, String email, String phone) {
        return new ClientDetails(PersonName.of(name), EmailAddress.of(email), PhoneNumber.of(phone), Language.FRENCH);
    }
}
