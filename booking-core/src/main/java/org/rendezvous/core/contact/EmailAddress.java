package org.rendezvous.core.contact;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An e-mail address, trimmed and lower-cased so that one person has one address in a client file.
 * The check is deliberately the shape only (one {@code @}, a dotted domain, no spaces): the only
 * real proof of an address is a message that arrives.
 */
public record EmailAddress(String value) {

    private static final Pattern SHAPE = Pattern.compile("^[^@\\s\"<>(),;:\\\\]+@[^@\\s\"<>(),;:\\\\]+\\.[^@\\s\"<>(),;:\\\\.]{2,}$");

    public EmailAddress {
        Objects.requireNonNull(value, "email");
        value = value.trim().toLowerCase(Locale.ROOT);
        if (value.length() > 254 || !SHAPE.matcher(value).matches() || value.startsWith(".") || value.contains("..")) {
            throw new IllegalArgumentException("email: not a valid e-mail address: " + value);
        }
    }

    public static EmailAddress of(String value) {
        return new EmailAddress(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
