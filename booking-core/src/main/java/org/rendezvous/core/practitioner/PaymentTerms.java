package org.rendezvous.core.practitioner;

import java.util.Objects;
import java.util.Optional;
import org.rendezvous.core.contact.TypedText;

/**
 * When an invoice is due (INV-1): {@code daysDue} after its issue (0: on receipt), at most 60 days as
 * French law allows, and an optional sentence of the practitioner's own ("Payable by transfer to …").
 */
public record PaymentTerms(int daysDue, Optional<String> note) {

    public static final int MAX_DAYS = 60;
    public static final int NOTE_MAX_LENGTH = 300;

    public PaymentTerms {
        if (daysDue < 0 || daysDue > MAX_DAYS) {
            throw new IllegalArgumentException("paymentDays: must be 0 to " + MAX_DAYS + ", was " + daysDue);
        }
        Objects.requireNonNull(note, "paymentNote");
        note = note.map(n -> TypedText.require(n.strip().replace("\r\n", "\n"), "paymentNote", true))
                .filter(n -> !n.isEmpty());
        if (note.isPresent() && note.get().length() > NOTE_MAX_LENGTH) {
            throw new IllegalArgumentException("paymentNote: at most " + NOTE_MAX_LENGTH + " characters");
        }
    }

    public static PaymentTerms onReceipt() {
        return new PaymentTerms(0, Optional.empty());
    }
}
