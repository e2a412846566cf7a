package org.rendezvous.core.waitlist;

import java.util.Objects;
import java.util.UUID;

public record WaitlistEntryId(UUID value) {
    public WaitlistEntryId {
        Objects.requireNonNull(value, "waitlistEntryId");
    }

    public static WaitlistEntryId of(String value) {
        return new WaitlistEntryId(UUID.fromString(value));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
