package org.rendezvous.core.port;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.rendezvous.core.booking.BookingId;
import org.rendezvous.core.invoice.Invoice;
import org.rendezvous.core.invoice.InvoiceId;
import org.rendezvous.core.invoice.InvoiceNumber;
import org.rendezvous.core.practitioner.PractitionerId;

/**
 * Practitioners' invoices and credit notes (INV-1), their numbering and their documents. A number is
 * given once: {@link #nextNumber} belongs to the issuing transaction, so a rolled-back issue gives its
 * number back and the sequence never has a gap, and a store never holds two invoices with one number.
 */
public interface Invoices {

    /** Adds a new invoice (a draft, or a credit note about to be issued). */
    void add(Invoice invoice);

    /**
     * Replaces a draft (edited, or just issued) if it is still at {@code expectedVersion} and not issued.
     *
     * @return false if it changed meanwhile, was issued or deleted: nothing was written
     */
    boolean update(Invoice invoice, long expectedVersion);

    /** Deletes a draft. @return false if there is no such draft (issued invoices are never deleted) */
    boolean deleteDraft(PractitionerId practitioner, InvoiceId id);

    Optional<Invoice> find(PractitionerId practitioner, InvoiceId id);

    /** The practitioner's drafts and issued invoices, newest first, at most {@code limit}. */
    List<Invoice> list(PractitionerId practitioner, int limit);

    /** The invoices and credit notes issued on days in [from, to], by number. */
    List<Invoice> issuedBetween(PractitionerId practitioner, LocalDate from, LocalDate to);

    /** The credit note that refers to the invoice, if one was issued. */
    Optional<Invoice> creditNoteOf(InvoiceId invoice);

    /** The invoices (not credit notes, drafts included) made for a booking, oldest first. */
    List<Invoice> ofBooking(BookingId booking);

    /**
     * The next number of the practitioner's sequence for the year: 1 for the first. Must be called
     * inside the transaction that stores the issued invoice; concurrent callers wait for each other.
     */
    InvoiceNumber nextNumber(PractitionerId practitioner, int year);

    /** The PDF stored for an issued invoice, if it was rendered already. */
    Optional<byte[]> document(InvoiceId id);

    /** Keeps the first rendering of an issued invoice's PDF; a later one is ignored. */
    void saveDocument(InvoiceId id, byte[] pdf);
}
