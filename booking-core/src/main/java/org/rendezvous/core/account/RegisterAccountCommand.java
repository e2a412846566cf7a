package org.rendezvous.core.account;

import java.time.ZoneId;
import java.util.Objects;
import org.rendezvous.core.contact.EmailAddress;
import org.rendezvous.core.contact.Language;
import org.rendezvous.core.contact.PersonName;

/** A practitioner opens an account (ACC-1): an agenda in their zone, credentials, and a link to verify the e-mail. */
public record RegisterAccountCommand(PersonName name, EmailAddress email, Password password, ZoneId zone,
                                     Language language) {
    public RegisterAccountCommand {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(language, "language");
    }

    public static RegisterAccountCommand of(String name, String email, String password, ZoneId zone) {
        return new RegisterAccountCommand(PersonName.of(name), EmailAddress.of(email), Password.of(password), zone,
                Language.FRENCH);
    }
}
