package org.rendezvous.core.plan;

import java.net.URI;
import java.util.Objects;

/** A provider's page for the practitioner's paid plan (subscription checkout or billing portal). */
public sealed interface BillingPage {

    /**
     * Where to send the practitioner, the provider's customer the page is for (created if it was new), and when the
     * provider voids the page, if it says.
     */
    record Opened(URI redirect, String customerRef, java.util.Optional<java.time.Instant> expiresAt) implements BillingPage {
        public Opened {
            Objects.requireNonNull(redirect, "redirect");
            Objects.requireNonNull(customerRef, "customerRef");
            Objects.requireNonNull(expiresAt, "expiresAt");
        }

        public Opened(URI redirect, String customerRef) {
            this(redirect, customerRef, java.util.Optional.empty());
        }
    }

    /** The provider refused (a bad price or account set-up, say). */
    record Refused(String reason) implements BillingPage {
        public Refused {
            Objects.requireNonNull(reason, "reason");
        }
    }

    record Unreachable(String why) implements BillingPage {
        public Unreachable {
            Objects.requireNonNull(why, "why");
        }
    }
}
