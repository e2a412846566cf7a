package org.rendezvous.core.client;

import java.util.Objects;
import org.rendezvous.core.contact.EmailAddress;

/** A client who followed a good sign-in link: what a host needs to open their session. */
public record ClientSignedIn(ClientAccountId accountId, EmailAddress email, long sessionVersion) {
    public ClientSignedIn {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(email, "email");
    }
}
