package org.rendezvous.core.invoice;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import org.rendezvous.core.outcome.Outcome;
import org.rendezvous.core.outcome.Reason;
import org.rendezvous.core.practitioner.LegalIdentity;
import org.rendezvous.core.practitioner.PractitionerId;
import org.rendezvous.core.practitioner.VatStatus;

/**
 * An invoice or credit note (INV-1). A draft has no number and may be edited or deleted. Issuing gives
 * it its number and keeps a copy of the seller's legal identity as it is then; from there on nothing
 * about it changes: a correction is a credit note that refers to it.
 */
public final class Invoice {

    private final InvoiceId id;
    private final PractitionerId practitionerId;
    private final InvoiceKind kind;
    private final InvoiceContent content;
    private final Optional<InvoiceId> credited;
    private final Optional<Issue> issue;
    private final Instant createdAt;
    private final long version;

    /** What issuing adds: the number, the date of issue, the date payment is due and the seller as they were. */
    public record Issue(InvoiceNumber number, LocalDate issueDate, LocalDate dueDate, Instant issuedAt,
                        LegalIdentity seller, Optional<InvoiceNumber> creditedNumber) {
        public Issue {
            Objects.requireNonNull(number, "number");
            Objects.requireNonNull(issueDate, "issueDate");
            Objects.requireNonNull(dueDate, "dueDate");
            Objects.requireNonNull(issuedAt, "issuedAt");
            Objects.requireNonNull(seller, "seller");
            Objects.requireNonNull(creditedNumber, "creditedNumber");
            if (dueDate.isBefore(issueDate)) {
                throw new IllegalArgumentException("dueDate: before the issue date");
            }
        }
    }

    private Invoice(InvoiceId id, PractitionerId practitionerId, InvoiceKind kind, InvoiceContent content,
                    Optional<InvoiceId> credited, Optional<Issue> issue, Instant createdAt, long version) {
        this.id = Objects.requireNonNull(id, "id");
        this.practitionerId = Objects.requireNonNull(practitionerId, "practitionerId");
        this.kind = Objects.requireNonNull(kind, "kind");
        this.content = Objects.requireNonNull(content, "content");
        this.credited = Objects.requireNonNull(credited, "credited");
        this.issue = Objects.requireNonNull(issue, "issue");
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
        this.version = version;
        if ((kind == InvoiceKind.CREDIT_NOTE) != credited.isPresent()) {
            throw new IllegalArgumentException("credited: a credit note, and only a credit note, refers to an invoice");
        }
    }

    public static Invoice draft(InvoiceId id, PractitionerId practitionerId, InvoiceContent content, Instant now) {
        return new Invoice(id, practitionerId, InvoiceKind.INVOICE, content, Optional.empty(), Optional.empty(), now, 0);
    }

    /** The unnumbered credit note that cancels all of an issued invoice; issued at once by the caller. */
    public static Invoice creditNoteFor(InvoiceId id, Invoice invoice, Instant now) {
        if (!invoice.isIssued() || invoice.kind != InvoiceKind.INVOICE) {
            throw new IllegalArgumentException("invoice: only an issued invoice can be credited");
        }
        return new Invoice(id, invoice.practitionerId, InvoiceKind.CREDIT_NOTE, invoice.content,
                Optional.of(invoice.id), Optional.empty(), now, 0);
    }

    public static Invoice restore(InvoiceId id, PractitionerId practitionerId, InvoiceKind kind, InvoiceContent content,
                                  Optional<InvoiceId> credited, Optional<Issue> issue, Instant createdAt, long version) {
        return new Invoice(id, practitionerId, kind, content, credited, issue, createdAt, version);
    }

    /** The draft with new content; refused once issued. */
    public Outcome<Invoice> edit(InvoiceContent newContent) {
        if (isIssued()) {
            return Outcome.rejected(Reason.INVOICE_ISSUED, "invoiceId: " + issue.get().number()
                    + " is issued and never changes; issue a credit note to correct it");
        }
        return Outcome.accepted(new Invoice(id, practitionerId, kind, newContent, credited, issue, createdAt,
                version + 1));
    }

    /**
     * Numbers the draft. The lines must agree with the seller's VAT status: no VAT when exempt.
     *
     * @param creditedNumber the credited invoice's number, for a credit note
     */
    public Outcome<Invoice> issue(InvoiceNumber number, LocalDate issueDate, Instant now, LegalIdentity seller,
                                  Optional<InvoiceNumber> creditedNumber) {
        if (isIssued()) {
            return Outcome.rejected(Reason.INVOICE_ISSUED, "invoiceId: already issued as " + issue.get().number());
        }
        if (seller.vat() instanceof VatStatus.Exempt) {
            for (int i = 0; i < content.lines().size(); i++) {
                if (!content.lines().get(i).vatRate().isZero()) {
                    return Outcome.rejected(Reason.INVALID_SETTING, "lines[" + i
                            + "].vatRate: must be 0 while the legal identity says VAT does not apply");
                }
            }
        }
        Issue issued = new Issue(number, issueDate, issueDate.plusDays(seller.terms().daysDue()), now, seller,
                creditedNumber);
        return Outcome.accepted(new Invoice(id, practitionerId, kind, content, credited, Optional.of(issued),
                createdAt, version + 1));
    }

    public boolean isIssued() {
        return issue.isPresent();
    }

    public InvoiceState state() {
        return isIssued() ? InvoiceState.ISSUED : InvoiceState.DRAFT;
    }

    public InvoiceTotals totals() {
        return content.totals();
    }

    public Optional<InvoiceNumber> number() {
        return issue.map(Issue::number);
    }

    public InvoiceId id() {
        return id;
    }

    public PractitionerId practitionerId() {
        return practitionerId;
    }

    public InvoiceKind kind() {
        return kind;
    }

    public InvoiceContent content() {
        return content;
    }

    public Optional<InvoiceId> credited() {
        return credited;
    }

    public Optional<Issue> issue() {
        return issue;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public long version() {
        return version;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Invoice that && id.equals(that.id) && practitionerId.equals(that.practitionerId)
                && kind == that.kind && content.equals(that.content) && credited.equals(that.credited)
                && issue.equals(that.issue) && createdAt.equals(that.createdAt) && version == that.version;
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, version);
    }

    @Override
    public String toString() {
        return "Invoice[" + id + ", " + kind + ", " + number().map(Object::toString).orElse("draft") + ", v" + version + "]";
    }
}
