package org.rendezvous.core.inmemory;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.rendezvous.core.booking.BookingId;
import org.rendezvous.core.invoice.Invoice;
import org.rendezvous.core.invoice.InvoiceId;
import org.rendezvous.core.invoice.InvoiceKind;
import org.rendezvous.core.invoice.InvoiceNumber;
import org.rendezvous.core.port.Invoices;
import org.rendezvous.core.practitioner.PractitionerId;

/**
 * Invoices in memory. One lock keeps invoices, sequences and documents in step; every write registers
 * its undo, so a rolled-back issue gives its number back. Callers issue under the practitioner's agenda
 * lock (as the engine does), which is what makes the numbers of one practitioner follow each other.
 */
final class InMemoryInvoices implements Invoices {

    private record Sequence(PractitionerId practitioner, int year) {
    }

    private final Object lock = new Object();
    private final Map<InvoiceId, Invoice> invoices = new LinkedHashMap<>();
    private final Map<Sequence, Integer> sequences = new HashMap<>();
    private final Map<InvoiceId, byte[]> documents = new HashMap<>();
    private final InMemoryTransactions transactions;

    InMemoryInvoices(InMemoryTransactions transactions) {
        this.transactions = transactions;
    }

    @Override
    public void add(Invoice invoice) {
        Objects.requireNonNull(invoice, "invoice");
        synchronized (lock) {
            if (invoices.containsKey(invoice.id())) {
                throw new IllegalStateException("invoice " + invoice.id() + " exists");
            }
            requireUniqueNumber(invoice);
            invoices.put(invoice.id(), invoice);
        }
        transactions.onRollback(() -> {
            synchronized (lock) {
                invoices.remove(invoice.id(), invoice);
            }
        });
    }

    @Override
    public boolean update(Invoice invoice, long expectedVersion) {
        Objects.requireNonNull(invoice, "invoice");
        Invoice previous;
        synchronized (lock) {
            previous = invoices.get(invoice.id());
            if (previous == null || previous.isIssued() || previous.version() != expectedVersion
                    || !previous.practitionerId().equals(invoice.practitionerId())) {
                return false;
            }
            requireUniqueNumber(invoice);
            invoices.put(invoice.id(), invoice);
        }
        transactions.onRollback(() -> {
            synchronized (lock) {
                invoices.replace(invoice.id(), invoice, previous);
            }
        });
        return true;
    }

    private void requireUniqueNumber(Invoice invoice) {
        if (invoice.number().isPresent()) {
            for (Invoice other : invoices.values()) {
                if (!other.id().equals(invoice.id()) && other.practitionerId().equals(invoice.practitionerId())
                        && other.number().equals(invoice.number())) {
                    throw new IllegalStateException("number " + invoice.number().get() + " is taken");
                }
            }
        }
    }

    @Override
    public boolean deleteDraft(PractitionerId practitioner, InvoiceId id) {
        Invoice removed;
        synchronized (lock) {
            Invoice found = invoices.get(id);
            if (found == null || found.isIssued() || !found.practitionerId().equals(practitioner)) {
                return false;
            }
            removed = invoices.remove(id);
        }
        transactions.onRollback(() -> {
            synchronized (lock) {
                invoices.putIfAbsent(id, removed);
            }
        });
        return true;
    }

    @Override
    public Optional<Invoice> find(PractitionerId practitioner, InvoiceId id) {
        synchronized (lock) {
            return Optional.ofNullable(invoices.get(id)).filter(i -> i.practitionerId().equals(practitioner));
        }
    }

    @Override
    public List<Invoice> list(PractitionerId practitioner, int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("limit: must not be negative, was " + limit);
        }
        synchronized (lock) {
            return invoices.values().stream().filter(i -> i.practitionerId().equals(practitioner))
                    .sorted(Comparator.comparing(Invoice::createdAt).thenComparing(i -> i.id().value()).reversed())
                    .limit(limit).toList();
        }
    }

    @Override
    public List<Invoice> issuedBetween(PractitionerId practitioner, LocalDate from, LocalDate to) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        synchronized (lock) {
            return invoices.values().stream().filter(i -> i.practitionerId().equals(practitioner))
                    .filter(i -> i.issue().map(s -> !s.issueDate().isBefore(from) && !s.issueDate().isAfter(to))
                            .orElse(false))
                    .sorted(Comparator.comparing(i -> i.number().orElseThrow())).toList();
        }
    }

    @Override
    public Optional<Invoice> creditNoteOf(InvoiceId invoice) {
        synchronized (lock) {
            return invoices.values().stream().filter(i -> i.credited().equals(Optional.of(invoice))).findFirst();
        }
    }

    @Override
    public List<Invoice> ofBooking(BookingId booking) {
        synchronized (lock) {
            List<Invoice> found = new ArrayList<>();
            for (Invoice i : invoices.values()) {
                if (i.kind() == InvoiceKind.INVOICE && i.content().booking().equals(Optional.of(booking))) {
                    found.add(i);
                }
            }
            found.sort(Comparator.comparing(Invoice::createdAt));
            return found;
        }
    }

    @Override
    public InvoiceNumber nextNumber(PractitionerId practitioner, int year) {
        Sequence sequence = new Sequence(Objects.requireNonNull(practitioner, "practitioner"), year);
        int next;
        synchronized (lock) {
            next = sequences.merge(sequence, 1, Integer::sum);
        }
        InvoiceNumber number = new InvoiceNumber(year, next);
        transactions.onRollback(() -> {
            synchronized (lock) {
                sequences.computeIfPresent(sequence, (s, last) -> last == next ? (last == 1 ? null : last - 1) : last);
            }
        });
        return number;
    }

    @Override
    public Optional<byte[]> document(InvoiceId id) {
        synchronized (lock) {
            return Optional.ofNullable(documents.get(id)).map(byte[]::clone);
        }
    }

    @Override
    public void saveDocument(InvoiceId id, byte[] pdf) {
        Objects.requireNonNull(pdf, "pdf");
        boolean added;
        synchronized (lock) {
            Invoice invoice = invoices.get(id);
            if (invoice == null || !invoice.isIssued()) {
                throw new IllegalArgumentException("invoiceId: no issued invoice " + id);
            }
            added = documents.putIfAbsent(id, pdf.clone()) == null;
        }
        if (added) {
            transactions.onRollback(() -> {
                synchronized (lock) {
                    documents.remove(id);
                }
            });
        }
    }
}
