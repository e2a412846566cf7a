package org.rendezvous.app.http;

import java.util.Optional;
import org.rendezvous.core.contact.PhoneNumber;
import org.rendezvous.notifications.PhoneNumbers;

/**
 * A phone number as a request gives it: normalised now, and a bad one refused with the reason (a 400 naming
 * the field), rather than found by a failed SMS later. French numbers may be written without +33.
 */
public final class PhoneInput {

    private static final String DEFAULT_REGION = "FR";

    private PhoneInput() {
    }

    /** The number, or an {@link IllegalArgumentException} "{prefix}phone: reason". */
    public static PhoneNumber parse(String raw, String prefix) {
        PhoneNumbers.Normalised phone = PhoneNumbers.normalise(raw, DEFAULT_REGION);
        if (phone instanceof PhoneNumbers.Invalid invalid) {
            throw new IllegalArgumentException(prefix + invalid.reason());
        }
        return ((PhoneNumbers.Valid) phone).number();
    }

    /** None for a blank or absent value (an optional phone left out or removed), else as {@link #parse}. */
    public static Optional<PhoneNumber> optional(String raw) {
        return raw == null || raw.isBlank() ? Optional.empty() : Optional.of(parse(raw, ""));
    }
}
