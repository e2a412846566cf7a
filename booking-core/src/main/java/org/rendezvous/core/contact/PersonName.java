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
        if (value.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("name: must not contain control characters");
        }
        // A lone surrogate or a noncharacter cannot be stored as UTF-8 without being replaced: refused, not altered.
        if (value.codePoints().anyMatch(c -> Character.getType(c) == Character.SURROGATE || (c & 0xFFFE) == 0xFFFE)) {
            throw new IllegalArgumentException("name: must be valid Unicode text");
        }
    }

    public static PersonName of(String value) {
        return new PersonName(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
