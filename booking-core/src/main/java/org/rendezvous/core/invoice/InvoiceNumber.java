package org.rendezvous.core.invoice;

import java.util.Objects;

/**
 * An invoice's number (INV-1): the year it was issued in and its rank in that year's one unbroken
 * sequence of the practitioner's invoices and credit notes, written {@code 2026-0001}.
 */
public record InvoiceNumber(int year, int sequence) implements Comparable<InvoiceNumber> {

    public InvoiceNumber {
        if (year < 2000 || year > 9999) {
            throw new IllegalArgumentException("year: must be 2000 to 9999, was " + year);
        }
        if (sequence < 1) {
            throw new IllegalArgumentException("sequence: starts at 1, was " + sequence);
        }
    }

    /** Reads {@code 2026-0001}. */
    public static InvoiceNumber parse(String text) {
        Objects.requireNonNull(text, "number");
        if (!text.matches("[0-9]{4}-[0-9]{4,9}")) {
            throw new IllegalArgumentException("number: expected YYYY-NNNN, was " + text);
        }
        return new InvoiceNumber(Integer.parseInt(text.substring(0, 4)), Integer.parseInt(text.substring(5)));
    }

    @Override
    public int compareTo(InvoiceNumber other) {
        return year != other.year ? Integer.compare(year, other.year) : Integer.compare(sequence, other.sequence);
    }

    @Override
    public String toString() {
        return String.format("%04d-%04d", year, sequence);
    }
}
