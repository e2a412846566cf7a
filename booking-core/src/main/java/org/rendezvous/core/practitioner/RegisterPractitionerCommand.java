package org.rendezvous.core.practitioner;

import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;
import org.rendezvous.core.contact.EmailAddress;
import org.rendezvous.core.contact.Language;
import org.rendezvous.core.contact.PersonName;
import org.rendezvous.core.contact.PhoneNumber;

/** Opens an agenda for a new practitioner, with the default settings in their time zone (AG-1). */
public record RegisterPractitionerCommand(PersonName name, EmailAddress email, Optional<PhoneNumber> phone,
                                          Language language, ZoneId zone) {
    public RegisterPractitionerCommand {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(phone, "phone");
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(zone, "zone");
    }

    public static RegisterPractitionerCommand of(String name, String email, ZoneId zone) {
        return new RegisterPractitionerCommand(PersonName.of(name), EmailAddress.of(email), Optional.empty(),
                Language.FRENCH, zone);
    }
}
