package org.rendezvous.core.practitioner;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A Business Identifier Code (ISO 9362): bank (4 letters), country (2 letters), location (2 letters
 * or digits) and an optional branch (3 letters or digits). Normalised to upper case without spaces.
 */
public record Bic(String value) {

    private static final Pattern SHAPE = Pattern.compile("[A-Z]{4}[A-Z]{2}[A-Z0-9]{2}([A-Z0-9]{3})?");

    public Bic {
        if (value == null) {
            throw new IllegalArgumentException("bic: required");
        }
        value = value.replaceAll("\\s", "").toUpperCase(Locale.ROOT);
        if (!SHAPE.matcher(value).matches()) {
            throw new IllegalArgumentException("bic: must be 8 or 11 characters: a 4-letter bank code, a 2-letter "
                    + "country code, 2 letters or digits, and optionally 3 more, was " + value);
        }
    }

    public static Bic of(String raw) {
        return new Bic(raw);
    }

    /** The ISO 3166 country code inside the BIC. */
    public String countryCode() {
        return value.substring(4, 6);
    }

    @Override
    public String toString() {
        return value;
    }
}
