package org.rendezvous.core.contact;

import java.util.Locale;

/** The languages messages are written in (NOT-4). */
public enum Language {
    FRENCH(Locale.FRENCH),
    ENGLISH(Locale.ENGLISH);

    private final Locale locale;

    Language(Locale locale) {
        this.locale = locale;
    }

    public Locale locale() {
        return locale;
    }

    /** The best match for a locale or language tag, English when none fits. */
    public static Language forTag(String tag) {
        if (tag == null || tag.isBlank()) {
            return ENGLISH;
        }
        return Locale.forLanguageTag(tag.replace('_', '-')).getLanguage().equals("fr") ? FRENCH : ENGLISH;
    }
}
