package org.rendezvous.notifications;

import java.text.Normalizer;
import java.util.Objects;

/**
 * SMS length rules. A message in the GSM 03.38 alphabet (GSM-7) holds 160 characters in one segment,
 * 153 per segment once split (the rest carries the concatenation header); characters of the extension
 * table ({@code € [ ] { } \ ~ ^ |} and form feed) take two. Any other character makes the whole message
 * UCS-2: 70 characters in one segment, 67 per segment when split, counted in UTF-16 units.
 *
 * <p>{@link #fit} keeps a message within a number of segments: first by spelling accents the GSM
 * alphabet lacks without them (ê → e, ç → c …) when that is enough to return to GSM-7, then by
 * shortening the text with "...".
 */
public final class SmsText {

    public enum Encoding {
        GSM_7,
        UCS_2
    }

    private static final String BASIC = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
            + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
    private static final String EXTENSION = "\f^{}\\[~]|€";

    private SmsText() {
    }

    public static Encoding encoding(String text) {
        Objects.requireNonNull(text, "text");
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (BASIC.indexOf(c) < 0 && EXTENSION.indexOf(c) < 0) {
                return Encoding.UCS_2;
            }
        }
        return Encoding.GSM_7;
    }

    /** Length in the units of its encoding: GSM-7 septets (extension characters count two) or UTF-16 units. */
    public static int units(String text) {
        if (encoding(text) == Encoding.UCS_2) {
            return text.length();
        }
        int septets = 0;
        for (int i = 0; i < text.length(); i++) {
            septets += EXTENSION.indexOf(text.charAt(i)) >= 0 ? 2 : 1;
        }
        return septets;
    }

    /** How many segments the text is sent in. */
    public static int segments(String text) {
        int units = units(text);
        boolean gsm = encoding(text) == Encoding.GSM_7;
        int single = gsm ? 160 : 70;
        int multi = gsm ? 153 : 67;
        if (units <= single) {
            return 1;
        }
        return (units + multi - 1) / multi;
    }

    /** The text, changed as little as needed to go in at most {@code maxSegments} segments. */
    public static String fit(String text, int maxSegments) {
        Objects.requireNonNull(text, "text");
        if (maxSegments < 1) {
            throw new IllegalArgumentException("maxSegments: must be at least 1");
        }
        String candidate = text;
        if (encoding(candidate) == Encoding.UCS_2) {
            String plain = toGsm(candidate);
            if (encoding(plain) == Encoding.GSM_7 && segments(plain) < segments(candidate)) {
                candidate = plain;
            }
        }
        if (segments(candidate) <= maxSegments) {
            return candidate;
        }
        boolean gsm = encoding(candidate) == Encoding.GSM_7;
        int capacity = maxSegments == 1 ? (gsm ? 160 : 70) : maxSegments * (gsm ? 153 : 67);
        String ellipsis = "...";
        int end = candidate.length();
        while (end > 0 && units(candidate.substring(0, end) + ellipsis) > capacity) {
            end--;
        }
        if (end > 0 && Character.isHighSurrogate(candidate.charAt(end - 1))) {
            end--;
        }
        return candidate.substring(0, end).stripTrailing() + ellipsis;
    }

    /** Spells letters missing from the GSM alphabet without their accents; leaves what it cannot spell. */
    static String toGsm(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (BASIC.indexOf(c) >= 0 || EXTENSION.indexOf(c) >= 0) {
                out.append(c);
                continue;
            }
            String replacement = switch (c) {
                case '\u00a0', '\u202f', '\u2009' -> " ";
                case '’', '‘' -> "'";
                case '“', '”', '«', '»' -> "\"";
                case '–', '—' -> "-";
                case '…' -> "...";
                case 'œ' -> "oe";
                case 'Œ' -> "OE";
                case 'ç' -> "c";
                default -> {
                    String stripped = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD)
                            .replaceAll("\\p{M}", "");
                    yield stripped.isEmpty() ? String.valueOf(c) : stripped;
                }
            };
            out.append(replacement);
        }
        return out.toString();
    }
}
