package org.rendezvous.core.plan;

import java.net.URI;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The paid plan's checkout page open for a practitioner (PLAN-3), kept so that a second subscribe while it is open
 * (two tabs, a double click) answers the same page instead of opening a second subscription at the provider. The
 * page is empty while it is being opened (a claim, void after a short while should the request die on the way).
 * Void from {@code expiresAt}: the provider's own expiry of the page.
 */
public record PendingCheckout(Optional<URI> page, Instant expiresAt) {

    public PendingCheckout {
        Objects.requireNonNull(page, "page");
        Objects.requireNonNull(expiresAt, "expiresAt");
        if (page.isPresent() && page.get().toString().length() > 2000) {
            throw new IllegalArgumentException("page: at most 2000 characters");
        }
    }

    /** Whether it still holds at {@code now}. */
    public boolean openAt(Instant now) {
        return now.isBefore(expiresAt);
    }
}
