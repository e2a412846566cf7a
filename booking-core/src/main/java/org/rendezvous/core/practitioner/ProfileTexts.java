package org.rendezvous.core.practitioner;

import org.rendezvous.core.contact.TypedText;

/** The one check for what practitioners write on their public page. */
final class ProfileTexts {

    private ProfileTexts() {
    }

    /** Stripped, at most {@code maxLength} characters, no control character but line breaks when allowed. */
    static String text(String value, String field, int maxLength, boolean multiline) {
        if (value == null) {
            throw new IllegalArgumentException(field + ": required");
        }
        String stripped = value.strip().replace("\r\n", "\n");
        if (stripped.codePointCount(0, stripped.length()) > maxLength) {
            throw new IllegalArgumentException(field + ": at most " + maxLength + " characters");
        }
        return TypedText.require(stripped, field, multiline);
    }
}
