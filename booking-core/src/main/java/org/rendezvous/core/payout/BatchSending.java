package org.rendezvous.core.payout;

import java.time.Instant;
import java.util.Objects;

/** Who said a bank-file batch was sent to the bank, when, and why (their note: the bank's reference, say). */
public record BatchSending(String by, Instant at, String note) {

    public static final int NOTE_MAX_LENGTH = 500;

    public BatchSending {
        if (by == null || by.isBlank() || by.length() > 255) {
            throw new IllegalArgumentException("by: must be 1 to 255 characters");
        }
        Objects.requireNonNull(at, "at");
        if (note == null || note.isBlank()) {
            throw new IllegalArgumentException("reason: required");
        }
        note = note.strip();
        if (note.length() > NOTE_MAX_LENGTH) {
            throw new IllegalArgumentException("reason: at most " + NOTE_MAX_LENGTH + " characters");
        }
        if (note.codePoints().anyMatch(c -> Character.isISOControl(c) && c != '\n')) {
            throw new IllegalArgumentException("reason: must not contain control characters");
        }
    }
}
