package org.rendezvous.core.payment;

import java.net.URI;
import java.time.Instant;
import java.util.Objects;

/** Where to send the client to pay or to save their card, and until when that page works. */
public sealed interface CheckoutSession {

    record Started(String reference, URI redirect, Instant expiresAt) implements CheckoutSession {
        public Started {
            Objects.requireNonNull(reference, "reference");
            Objects.requireNonNull(redirect, "redirect");
            Objects.requireNonNull(expiresAt, "expiresAt");
        }
    }

    /** The provider refused to open the page (a bad account set-up, say); the client cannot pay now. */
    record Refused(String reason) implements CheckoutSession {
        public Refused {
            Objects.requireNonNull(reason, "reason");
        }
    }

    record Unreachable(String why) implements CheckoutSession {
        public Unreachable {
            Objects.requireNonNull(why, "why");
        }
    }
}
