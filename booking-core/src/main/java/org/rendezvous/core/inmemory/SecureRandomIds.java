package org.rendezvous.core.inmemory;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.UUID;
import org.rendezvous.core.booking.AccessToken;
import org.rendezvous.core.port.Ids;

/** Random UUIDs and 192-bit booking link secrets from {@link SecureRandom}. */
public final class SecureRandomIds implements Ids {

    private final SecureRandom random = new SecureRandom();

    @Override
    public UUID newId() {
        return UUID.randomUUID();
    }

    @Override
    public AccessToken newAccessToken() {
        byte[] secret = new byte[24];
        random.nextBytes(secret);
        return new AccessToken(Base64.getUrlEncoder().withoutPadding().encodeToString(secret));
    }
}
