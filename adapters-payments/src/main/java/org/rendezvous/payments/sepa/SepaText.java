package org.rendezvous.payments.sepa;

import java.text.Normalizer;
import java.util.Map;

/**
 * Text reduced to the character set every SEPA bank accepts (EPC guidelines: {@code a-z A-Z 0-9 / - ? : ( ) . , ' +}
 * and space): accents dropped (é → e), a few letters spelled out (ß → ss, Æ → AE, Ł → L), anything else a space;
 * runs of spaces collapsed, then cut to the field's length.
 */
final class SepaText {

    private static final Map<Character, String> SPELLED = Map.ofEntries(
            Map.entry('ß', "ss"), Map.entry('æ', "ae"), Map.entry('Æ', "AE"), Map.entry('œ', "oe"), Map.entry('Œ', "OE"),
            Map.entry('ø', "o"), Map.entry('Ø', "O"), Map.entry('ł', "l"), Map.entry('Ł', "L"), Map.entry('đ', "d"),
            Map.entry('Đ', "D"), Map.entry('þ', "th"), Map.entry('Þ', "TH"), Map.entry('&', "+"), Map.entry('’', "'"));

    private SepaText() {
    }

    /** The text in the SEPA character set, at most {@code max} characters; {@code fallback} if nothing is left. */
    static String reduce(String text, int max, String fallback) {
        StringBuilder out = new StringBuilder(text.length());
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
        for (int i = 0; i < decomposed.length(); i++) {
            char c = decomposed.charAt(i);
            if (Character.getType(c) == Character.NON_SPACING_MARK) {
                continue;
            }
            String spelled = SPELLED.get(c);
            if (spelled != null) {
                out.append(spelled);
            } else if (allowed(c)) {
                out.append(c);
            } else {
                out.append(' ');
            }
        }
        String reduced = out.toString().replaceAll(" +", " ").strip();
        if (reduced.length() > max) {
            reduced = reduced.substring(0, max).strip();
        }
        return reduced.isEmpty() ? fallback : reduced;
    }

    static boolean allowed(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "/-?:().,'+ ".indexOf(c) >= 0;
    }
}
