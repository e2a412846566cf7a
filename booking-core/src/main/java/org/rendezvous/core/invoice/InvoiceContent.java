package org.rendezvous.core.invoice;

import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.rendezvous.core.booking.BookingId;
import org.rendezvous.core.contact.Language;

/**
 * What a draft says and its practitioner may change until it is issued: the buyer, the lines (1 to
 * {@value #MAX_LINES}, one currency), the date of the service, the language of the document and the
 * booking it is for, if any.
 */
public record InvoiceContent(Buyer buyer, List<InvoiceLine> lines, LocalDate serviceDate, Language language,
                             Optional<BookingId> booking) {

    public static final int MAX_LINES = 100;

    public InvoiceContent {
        Objects.requireNonNull(buyer, "buyer");
        Objects.requireNonNull(lines, "lines");
        if (lines.isEmpty() || lines.size() > MAX_LINES) {
            throw new IllegalArgumentException("lines: 1 to " + MAX_LINES + " lines");
        }
        lines = List.copyOf(lines);
        Currency currency = lines.get(0).unitPrice().currency();
        for (int i = 0; i < lines.size(); i++) {
            if (!lines.get(i).unitPrice().currency().equals(currency)) {
                throw new IllegalArgumentException("lines[" + i + "].unitPrice: every line in " + currency);
            }
        }
        Objects.requireNonNull(serviceDate, "serviceDate");
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(booking, "booking");
    }

    public Currency currency() {
        return lines.get(0).unitPrice().currency();
    }

    public InvoiceTotals totals() {
        return InvoiceTotals.of(lines, currency());
    }
}
