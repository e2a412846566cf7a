package org.rendezvous.core.practitioner;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The last part of a practitioner's public page address (PAGE-1): 3 to 60 lowercase letters, digits and
 * single dashes, neither first nor last, so that it reads well in a URL and needs no escaping. Typed
 * capitals are lowered. A few words are reserved because the app's own pages and routes use them.
 */
public record Slug(String value) {

    public static final int MIN_LENGTH = 3;
    public static final int MAX_LENGTH = 60;

    private static final Pattern SHAPE = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    /** Words the host's routes or pages use, or that would pass for the operator's own pages. */
    public static final Set<String> RESERVED = Set.of("api", "admin", "dashboard", "login", "logout", "register",
            "b", "p", "embed", "swagger", "swagger-ui", "health", "prometheus", "sandbox", "static", "assets",
            "public", "practitioner", "www", "help", "support", "rendezvous");

    public Slug {
        if (value == null) {
            throw new IllegalArgumentException("slug: required");
        }
        value = value.strip().toLowerCase(Locale.ROOT);
        if (value.length() < MIN_LENGTH || value.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("slug: must be " + MIN_LENGTH + " to " + MAX_LENGTH + " characters");
        }
        if (!SHAPE.matcher(value).matches()) {
            throw new IllegalArgumentException("slug: only lowercase letters, digits and single dashes, "
                    + "not starting or ending with a dash");
        }
        if (RESERVED.contains(value)) {
            throw new IllegalArgumentException("slug: \"" + value + "\" is reserved");
        }
    }

    public static Slug of(String raw) {
        return new Slug(raw);
    }

    @Override
    public String toString() {
        return value;
    }
}
