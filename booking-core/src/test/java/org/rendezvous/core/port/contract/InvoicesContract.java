package org.rendezvous.core.port.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.rendezvous.core.booking.BookingId;
import org.rendezvous.core.invoice.Invoice;
import org.rendezvous.core.invoice.InvoiceId;
import org.rendezvous.core.invoice.InvoiceNumber;
import org.rendezvous.core.invoice.InvoiceState;
import org.rendezvous.core.port.Invoices;
import org.rendezvous.core.port.Transactions;
import org.rendezvous.core.practitioner.PractitionerId;

/**
 * What every {@link Invoices} adapter must do (INV-1): keep drafts editable and issued invoices
 * unchanged, and give numbers in one unbroken sequence per practitioner and year, never twice, with a
 * rolled-back issue giving its number back.
 */
public abstract class InvoicesContract {

    private static final long GUARD_SECONDS = 60;
    private static final Instant NOW = Instant.parse("2030-03-04T10:00:00Z");

    protected Invoices invoices;
    protected PractitionerId anna;

    protected abstract Invoices newInvoices();

    /** The transactions the store last made by {@link #newInvoices()} takes part in. */
    protected abstract Transactions transactions();

    /** A practitioner who may have invoices; adapters with a foreign key register one. */
    protected PractitionerId newPractitioner() {
        return new PractitionerId(UUID.randomUUID());
    }

    @BeforeEach
    void freshStore() {
        invoices = newInvoices();
        anna = newPractitioner();
    }

    private Invoice issued(Invoice draft, InvoiceNumber number) {
        return draft.issue(number, LocalDate.of(number.year(), 3, 4), NOW, InvoiceFixtures.exemptIdentity(),
                Optional.empty()).orElseThrow();
    }

    /** Issues a stored draft the way the engine does: next number and update in one transaction. */
    private Invoice issue(Invoice draft, int year) {
        return transactions().inAgenda(draft.practitionerId(), () -> {
            Invoice issued = issued(draft, invoices.nextNumber(draft.practitionerId(), year));
            assertThat(invoices.update(issued, draft.version())).isTrue();
            return issued;
        });
    }

    @Test
    @DisplayName("INV-1 a draft reads back as added, edits replace it at the expected version only")
    void draftsAreEditable() {
        Invoice draft = InvoiceFixtures.draft(anna);
        invoices.add(draft);
        assertThat(invoices.find(anna, draft.id())).contains(draft);
        assertThat(invoices.find(newPractitioner(), draft.id())).as("another practitioner's").isEmpty();

        Invoice edited = draft.edit(InvoiceFixtures.content(Optional.of(new BookingId(UUID.randomUUID())))).orElseThrow();
        assertThat(invoices.update(edited, draft.version())).isTrue();
        assertThat(invoices.find(anna, draft.id())).contains(edited);
        assertThat(invoices.update(edited, draft.version())).as("stale version").isFalse();
    }

    @Test
    @DisplayName("INV-1 an issued invoice never changes and is never deleted; a draft may be deleted")
    void issuedNeverChanges() {
        Invoice draft = InvoiceFixtures.draft(anna);
        invoices.add(draft);
        Invoice issued = issue(draft, 2030);
        assertThat(invoices.find(anna, draft.id())).contains(issued);
        assertThat(issued.state()).isEqualTo(InvoiceState.ISSUED);

        Invoice sneaky = Invoice.restore(issued.id(), anna, issued.kind(), InvoiceFixtures.content(), issued.credited(),
                issued.issue(), issued.createdAt(), issued.version() + 1);
        assertThat(invoices.update(sneaky, issued.version())).isFalse();
        assertThat(invoices.deleteDraft(anna, issued.id())).isFalse();
        assertThat(invoices.find(anna, draft.id())).contains(issued);

        Invoice other = InvoiceFixtures.draft(anna);
        invoices.add(other);
        assertThat(invoices.deleteDraft(newPractitioner(), other.id())).as("another practitioner's").isFalse();
        assertThat(invoices.deleteDraft(anna, other.id())).isTrue();
        assertThat(invoices.find(anna, other.id())).isEmpty();
    }

    @Test
    @DisplayName("INV-1 numbers follow each other from 1 per practitioner and per year")
    void sequencePerPractitionerAndYear() {
        PractitionerId bruno = newPractitioner();
        List<InvoiceNumber> annas = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            annas.add(transactions().inAgenda(anna, () -> invoices.nextNumber(anna, 2030)));
        }
        assertThat(annas).containsExactly(new InvoiceNumber(2030, 1), new InvoiceNumber(2030, 2),
                new InvoiceNumber(2030, 3));
        assertThat(transactions().inAgenda(bruno, () -> invoices.nextNumber(bruno, 2030)))
                .isEqualTo(new InvoiceNumber(2030, 1));
        assertThat(transactions().inAgenda(anna, () -> invoices.nextNumber(anna, 2031)))
                .isEqualTo(new InvoiceNumber(2031, 1));
    }

    @Test
    @DisplayName("INV-1 a rolled-back issue gives its number back: the next issue takes it, no gap")
    void rollbackGivesTheNumberBack() {
        Invoice first = InvoiceFixtures.draft(anna);
        invoices.add(first);
        issue(first, 2030);
        Invoice second = InvoiceFixtures.draft(anna);
        invoices.add(second);
        assertThatThrownBy(() -> transactions().inAgenda(anna, () -> {
            Invoice issued = issued(second, invoices.nextNumber(anna, 2030));
            invoices.update(issued, second.version());
            throw new IllegalStateException("the renderer fell over");
        })).hasMessage("the renderer fell over");
        assertThat(invoices.find(anna, second.id()).orElseThrow().isIssued()).isFalse();

        assertThat(issue(second, 2030).number()).contains(new InvoiceNumber(2030, 2));
    }

    @Test
    @DisplayName("INV-1 two invoices of one practitioner never share a number")
    void numbersAreUnique() {
        Invoice first = InvoiceFixtures.draft(anna);
        Invoice second = InvoiceFixtures.draft(anna);
        invoices.add(first);
        invoices.add(second);
        issue(first, 2030);
        assertThatThrownBy(() -> transactions().inTransaction(
                () -> invoices.update(issued(second, new InvoiceNumber(2030, 1)), second.version())))
                .isInstanceOf(RuntimeException.class);
        assertThat(invoices.find(anna, second.id()).orElseThrow().isIssued()).isFalse();
    }

    @Test
    @DisplayName("INV-1 16 concurrent issues of one practitioner take numbers 1 to 16, each once")
    void concurrentIssues() throws Exception {
        List<Invoice> drafts = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            Invoice draft = InvoiceFixtures.draft(anna);
            invoices.add(draft);
            drafts.add(draft);
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Invoice>> results = new ArrayList<>();
            for (Invoice draft : drafts) {
                results.add(pool.submit(() -> issue(draft, 2030)));
            }
            List<Integer> sequences = new ArrayList<>();
            for (Future<Invoice> result : results) {
                sequences.add(result.get(GUARD_SECONDS, TimeUnit.SECONDS).number().orElseThrow().sequence());
            }
            assertThat(sequences).containsExactlyInAnyOrder(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    @DisplayName("INV-1 lists: newest first with drafts; issued between two days by number; credit note and booking look-ups")
    void queries() {
        BookingId booking = new BookingId(UUID.randomUUID());
        Invoice older = InvoiceFixtures.draft(anna, InvoiceFixtures.content(Optional.of(booking)),
                Instant.parse("2030-03-01T10:00:00Z"));
        Invoice newer = InvoiceFixtures.draft(anna, InvoiceFixtures.content(), Instant.parse("2030-03-02T10:00:00Z"));
        invoices.add(older);
        invoices.add(newer);
        assertThat(invoices.list(anna, 10)).extracting(Invoice::id).containsExactly(newer.id(), older.id());
        assertThat(invoices.list(anna, 1)).extracting(Invoice::id).containsExactly(newer.id());
        assertThat(invoices.ofBooking(booking)).extracting(Invoice::id).containsExactly(older.id());

        Invoice issued = issue(older, 2030);
        assertThat(invoices.issuedBetween(anna, LocalDate.of(2030, 3, 4), LocalDate.of(2030, 3, 4)))
                .containsExactly(issued);
        assertThat(invoices.issuedBetween(anna, LocalDate.of(2030, 3, 5), LocalDate.of(2030, 12, 31))).isEmpty();
        assertThat(invoices.creditNoteOf(issued.id())).isEmpty();

        Invoice note = Invoice.creditNoteFor(new InvoiceId(UUID.randomUUID()), issued, NOW);
        transactions().inAgenda(anna, () -> {
            invoices.add(note);
            Invoice numbered = note.issue(invoices.nextNumber(anna, 2030), LocalDate.of(2030, 3, 4), NOW,
                    InvoiceFixtures.exemptIdentity(), issued.number()).orElseThrow();
            return invoices.update(numbered, note.version());
        });
        Invoice storedNote = invoices.creditNoteOf(issued.id()).orElseThrow();
        assertThat(storedNote.number()).contains(new InvoiceNumber(2030, 2));
        assertThat(storedNote.issue().orElseThrow().creditedNumber()).isEqualTo(issued.number());
        assertThat(invoices.ofBooking(booking)).as("credit notes are not the booking's invoices")
                .extracting(Invoice::id).containsExactly(older.id());
    }

    @Test
    @DisplayName("INV-1 an issued invoice's document is kept as first stored")
    void documentsKeepTheFirst() {
        Invoice draft = InvoiceFixtures.draft(anna);
        invoices.add(draft);
        Invoice issued = issue(draft, 2030);
        assertThat(invoices.document(issued.id())).isEmpty();
        invoices.saveDocument(issued.id(), new byte[] {1, 2, 3});
        invoices.saveDocument(issued.id(), new byte[] {4});
        assertThat(invoices.document(issued.id()).orElseThrow()).containsExactly(1, 2, 3);
    }
}
