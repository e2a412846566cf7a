package org.rendezvous.core.contact;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A phone number in E.164 form ({@code +33612345678}). Spaces, dots, dashes and brackets are
 * dropped and a leading {@code 00} becomes {@code +}; numbers written in a national form are turned
 * into E.164 by the host before they reach the core, because that needs a numbering-plan library.
 */
public record PhoneNumber(String value) {

    private static final Pattern E164 = Pattern.compile("^\\+[1-9][0-9]{6,14}$");

    public PhoneNumber {
        Objects.requireNonNull(value, "phone");
        if (!E164.matcher(value).matches()) {
            throw new IllegalArgumentException("phone: not an international number in E.164 form (+ and 7 to 15 digits): " + value);
        }
    }

    public static PhoneNumber of(String raw) {
        Objects.requireNonNull(raw, "phone");
        String compact = raw.strip().replaceAll("[\\s.\\-()/]", "");
        if (compact.startsWith("00")) {
            compact = "+" + compact.substring(2);
        }
        return new PhoneNumber(compact);
    }

    @Override
    public String toString() {
        return value;
    }
}
