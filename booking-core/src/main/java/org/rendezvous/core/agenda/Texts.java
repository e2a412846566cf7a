package org.rendezvous.core.agenda;

import java.util.Objects;
import org.rendezvous.core.contact.TypedText;

/** The one check for the short labels people type into an agenda (names, addresses, reasons). */
final class Texts {
    private Texts() {
    }

    static String requireLabel(String value, String field, int maxLength) {
        Objects.requireNonNull(value, field);
        String stripped = value.strip();
        if (stripped.isEmpty() || stripped.length() > maxLength) {
            throw new IllegalArgumentException(field + ": must be 1 to " + maxLength + " characters");
        }
        return TypedText.require(stripped, field, true);
    }
}
