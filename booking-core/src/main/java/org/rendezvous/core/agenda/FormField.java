package org.rendezvous.core.agenda;

import java.util.Objects;
import java.util.regex.Pattern;

/** A question of the practitioner's booking form (BK-1): a stable key, a label, required or not. */
public record FormField(String key, String label, boolean required, int maxLength) {
    private static final Pattern KEY = Pattern.compile("^[a-z0-9][a-z0-9_-]{0,39}$");

    public FormField {
        Objects.requireNonNull(key, "key");
        if (!KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("key: 1 to 40 lowercase letters, digits, '-' or '_', was '" + key + "'");
        }
        label = Texts.requireLabel(label, "label", 200);
        if (maxLength < 1 || maxLength > 4_000) {
            throw new IllegalArgumentException("maxLength: must be from 1 to 4000");
        }
    }

    public static FormField required(String key, String label) {
        return new FormField(key, label, true, 1_000);
    }

    public static FormField optional(String key, String label) {
        return new FormField(key, label, false, 1_000);
    }
}
