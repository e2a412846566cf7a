package org.rendezvous.core.testing;

import java.util.Base64;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.rendezvous.core.booking.AccessToken;
import org.rendezvous.core.port.Ids;

/** Predictable ids and tokens for tests that compare results run after run. */
public final class SequentialIds implements Ids {

    private final AtomicLong next = new AtomicLong();

    @Override
    public UUID newId() {
        return new UUID(0x5EED_0000_0000_0000L, next.incrementAndGet());
    }

    @Override
    public AccessToken newAccessToken() {
        byte[] bytes = new byte[24];
        long n = next.incrementAndGet();
        for (int i = 0; i < 8; i++) {
            bytes[i] = (byte) (n >>> (8 * i));
        }
        return new AccessToken(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
    }
}
