package org.rendezvous.core.port;

import java.util.UUID;
import org.rendezvous.core.booking.AccessToken;

/** New identifiers and secrets. */
public interface Ids {

    UUID newId();

    /** A new booking link secret with at least 128 bits from a cryptographically strong source. */
    AccessToken newAccessToken();
}
