package org.rendezvous.core.contact;

import java.util.Optional;

/**
 * The one check for text people type — names, labels, addresses, presentations, answers — before it is
 * kept: no control character (line breaks aside where a text may have several lines), and nothing that is
 * not text at all, which would be refused by PostgreSQL (NUL) or stored altered (a lone surrogate becomes
 * "?" in the JDBC driver), or is no character (the noncharacters U+FDD0…U+FDEF, U+xFFFE, U+xFFFF).
 */
public final class TypedText {

    private TypedText() {
    }

    /** What is wrong with {@code text}, as the second half of a "field: reason" message; empty if nothing. */
    public static Optional<String> problem(String text, boolean lineBreaks) {
        if (text.codePoints().anyMatch(c -> Character.isISOControl(c) && !(lineBreaks && (c == '\n' || c == '\t')))) {
            return Optional.of("must not contain control characters" + (lineBreaks ? " other than line breaks" : ""));
        }
        if (text.codePoints().anyMatch(c -> Character.getType(c) == Character.SURROGATE || (c & 0xFFFE) == 0xFFFE
                || (c >= 0xFDD0 && c <= 0xFDEF))) {
            return Optional.of("must be valid Unicode text");
        }
        return Optional.empty();
    }

    /** {@code text} itself, or an {@link IllegalArgumentException} naming {@code field} and the reason. */
    public static String require(String text, String field, boolean lineBreaks) {
        Optional<String> problem = problem(text, lineBreaks);
        if (problem.isPresent()) {
            throw new IllegalArgumentException(field + ": " + problem.get());
        }
        return text;
    }
}
