package org.rendezvous.core.client;

import java.time.Instant;
import java.util.Objects;
import org.rendezvous.core.contact.EmailAddress;
import org.rendezvous.core.contact.Language;
import org.rendezvous.core.contact.PersonName;

/**
 * A sign-in link to e-mail to a client (CLI-2): the secret goes in the link only (the store keeps its
 * digest), in the language and with the name the client last booked with. {@code toString} hides the secret.
 */
public record SignInLink(ClientAccountId accountId, EmailAddress email, PersonName name, Language language, String secret,
                         Instant expiresAt) {
    public SignInLink {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(secret, "secret");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    @Override
    public String toString() {
        return "SignInLink[" + accountId + ", " + email + ", expiresAt=" + expiresAt + "]";
    }
}
