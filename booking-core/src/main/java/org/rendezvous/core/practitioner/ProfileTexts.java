package org.rendezvous.core.practitioner;

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
        if (stripped.codePoints().anyMatch(c -> Character.isISOControl(c) && !(multiline && (c == '\n' || c == '\t')))) {
            throw new IllegalArgumentException(field + ": must not contain control characters"
                    + (multiline ? " other than line breaks" : ""));
        }
        // A lone surrogate or a noncharacter cannot be stored as UTF-8 without being replaced: refused, not altered.
        if (stripped.codePoints().anyMatch(c -> Character.getType(c) == Character.SURROGATE || (c & 0xFFFE) == 0xFFFE)) {
            throw new IllegalArgumentException(field + ": must be valid Unicode text");
        }
        return stripped;
    }
}
