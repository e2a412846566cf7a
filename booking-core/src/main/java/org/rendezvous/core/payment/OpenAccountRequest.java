package org.rendezvous.core.payment;

import java.util.Objects;
import org.rendezvous.core.contact.EmailAddress;
import org.rendezvous.core.practitioner.PractitionerId;

/**
 * Opens the practitioner's account at the payment provider, prefilled with what the platform knows.
 *
 * @param country ISO 3166-1 alpha-2 code of the country the practitioner works in (the provider's rules
 *                depend on it)
 */
public record OpenAccountRequest(PractitionerId practitionerId, EmailAddress email, String country, ProviderKey key) {
    public OpenAccountRequest {
        Objects.requireNonNull(practitionerId, "practitionerId");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(country, "country");
        if (!country.matches("[A-Z]{2}")) {
            throw new IllegalArgumentException("country: must be an ISO 3166-1 alpha-2 code such as FR");
        }
        Objects.requireNonNull(key, "key");
    }
}
