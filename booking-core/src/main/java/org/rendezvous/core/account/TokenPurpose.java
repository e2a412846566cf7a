package org.rendezvous.core.account;

import java.time.Duration;

/** What a one-time link proves, and how long it stays valid (ACC-1). */
public enum TokenPurpose {
    /** The practitioner receives mail at the address they registered: valid 24 hours. */
    EMAIL_VERIFICATION(Duration.ofHours(24)),
    /** The practitioner may choose a new password: valid 1 hour. */
    PASSWORD_RESET(Duration.ofHours(1));

    private final Duration validity;

    TokenPurpose(Duration validity) {
        this.validity = validity;
    }

    public Duration validity() {
        return validity;
    }
}
