package org.rendezvous.core.payout;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.Objects;

/**
 * A place in the list of payouts ordered newest change first: where one page of that list ended, so the next page
 * starts strictly after it. Keyed on the last change and the id rather than on an offset, so a payout changing while
 * someone pages moves to the top instead of shifting every later page by one.
 */
public record PayoutPosition(Instant updatedAt, PayoutId id) {

    /**
     * Newest change first; payouts changed at the same instant by id in the order of its text, which is the order a
     * database gives its uuid type (byte by byte), so every adapter pages the same way.
     */
    private static final Comparator<PayoutPosition> ORDER = Comparator.comparing(PayoutPosition::updatedAt).reversed()
            .thenComparing(p -> p.id().value().toString(), Comparator.reverseOrder());

    /** The list's order ({@link #ORDER}) on payouts. */
    public static final Comparator<Payout> NEWEST_CHANGE_FIRST = Comparator.comparing(PayoutPosition::of, ORDER);

    private static final char SEPARATOR = '_';

    public PayoutPosition {
        Objects.requireNonNull(updatedAt, "updatedAt");
        Objects.requireNonNull(id, "id");
    }

    public static PayoutPosition of(Payout payout) {
        return new PayoutPosition(payout.updatedAt(), payout.id());
    }

    /** Whether the payout comes after this place in {@link #NEWEST_CHANGE_FIRST} order. */
    public boolean precedes(Payout payout) {
        return ORDER.compare(this, of(payout)) < 0;
    }

    /** Reads the text form {@link #toString()} writes; the field is named so a bad cursor is a clear 400. */
    public static PayoutPosition parse(String field, String text) {
        Objects.requireNonNull(text, field);
        int at = text.lastIndexOf(SEPARATOR);
        if (at <= 0 || text.length() > 100) {
            throw new IllegalArgumentException(field + ": not a position in the payout list, was '" + shorten(text) + "'");
        }
        try {
            return new PayoutPosition(Instant.parse(text.substring(0, at)), PayoutId.of(text.substring(at + 1)));
        } catch (DateTimeParseException | IllegalArgumentException e) {
            throw new IllegalArgumentException(field + ": not a position in the payout list, was '" + shorten(text) + "'");
        }
    }

    private static String shorten(String text) {
        return text.length() > 60 ? text.substring(0, 60) + "…" : text;
    }

    /** An ISO instant and the id, e.g. {@code 2030-03-15T09:00:00.123456Z_0f1e…}: safe in a query string. */
    @Override
    public String toString() {
        return updatedAt + String.valueOf(SEPARATOR) + id;
    }
}
