package org.rendezvous.core.agenda;

import java.util.Objects;

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
        if (stripped.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n')) {
            throw new IllegalArgumentException(field + ": must not contain control characters");
        }
        // A lone surrogate or a noncharacter cannot be stored as UTF-8 without being replaced: refused, not altered.
        if (stripped.codePoints().anyMatch(c -> Character.getType(c) == Character.SURROGATE || (c & 0xFFFE) == 0xFFFE)) {
            throw new IllegalArgumentException(field + ": must be valid Unicode text");
        }
        return stripped;
    }
}
