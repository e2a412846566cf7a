package org.rendezvous.core.contact;

import java.util.Objects;

/** A person's name as they write it: trimmed, 1 to 200 characters, no control characters. */
public record PersonName(String value) {
    public PersonName {
        Objects.requireNonNull(value, "name");
        value = value.strip();
        if (value.isEmpty() || value.length() > 200) {
            throw new IllegalArgumentException("name: must be 1 to 200 characters");
        }
        TypedText.require(value, "name", false);
    }

    public static PersonName of(String value) {
        return new PersonName(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
