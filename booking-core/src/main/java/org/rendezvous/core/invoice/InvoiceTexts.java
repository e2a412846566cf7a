package org.rendezvous.core.invoice;

import org.rendezvous.core.contact.TypedText;

/** The one check for what practitioners type on invoices. */
final class InvoiceTexts {

    private InvoiceTexts() {
    }

    static String text(String value, String field, int maxLength, boolean multiline) {
        if (value == null) {
            throw new IllegalArgumentException(field + ": required");
        }
        String stripped = value.strip().replace("\r\n", "\n");
        if (stripped.isEmpty()) {
            throw new IllegalArgumentException(field + ": required");
        }
        if (stripped.codePointCount(0, stripped.length()) > maxLength) {
            throw new IllegalArgumentException(field + ": at most " + maxLength + " characters");
        }
        return TypedText.require(stripped, field, multiline);
    }
}
