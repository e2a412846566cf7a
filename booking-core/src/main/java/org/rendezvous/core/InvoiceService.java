package org.rendezvous.core;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.rendezvous.core.agenda.Activity;
import org.rendezvous.core.agenda.AgendaSettings;
import org.rendezvous.core.booking.AccessToken;
import org.rendezvous.core.booking.Booking;
import org.rendezvous.core.booking.BookingId;
import org.rendezvous.core.invoice.Buyer;
import org.rendezvous.core.invoice.Invoice;
import org.rendezvous.core.invoice.InvoiceContent;
import org.rendezvous.core.invoice.InvoiceId;
import org.rendezvous.core.invoice.InvoiceKind;
import org.rendezvous.core.invoice.InvoiceLine;
import org.rendezvous.core.invoice.InvoiceNumber;
import org.rendezvous.core.outcome.Outcome;
import org.rendezvous.core.outcome.Reason;
import org.rendezvous.core.plan.Quotas;
import org.rendezvous.core.plan.UsageKind;
import org.rendezvous.core.plan.UsageMonth;
import org.rendezvous.core.policy.CommercialModel;
import org.rendezvous.core.port.Agendas;
import org.rendezvous.core.port.Bookings;
import org.rendezvous.core.port.Ids;
import org.rendezvous.core.port.InvoiceDocuments;
import org.rendezvous.core.port.InvoiceStores;
import org.rendezvous.core.port.Outbox;
import org.rendezvous.core.port.Practitioners;
import org.rendezvous.core.port.Transactions;
import org.rendezvous.core.port.Usage;
import org.rendezvous.core.practitioner.InvoiceImage;
import org.rendezvous.core.practitioner.InvoicingProfile;
import org.rendezvous.core.practitioner.LegalIdentity;
import org.rendezvous.core.practitioner.Practitioner;
import org.rendezvous.core.practitioner.PractitionerId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Invoices and credit notes (INV-1): the practitioner's legal identity, drafts (free-form or prefilled
 * from a booking), issuing with the next number of the year's unbroken sequence, credit notes, the PDF.
 *
 * <p>Every change runs under the practitioner's agenda lock, so one practitioner's issues follow each
 * other; the number is taken in the same transaction that stores the issued invoice, so a failed issue
 * gives it back and none is skipped (the store's {@code nextNumber} is that transaction's). PLAN-2: in
 * model DIRECT_CONNECT an invoice counts toward the free plan's monthly quota when it is numbered;
 * credit notes do not count, so a correction is never refused.
 */
public final class InvoiceService {

    /** An issued invoice's PDF and the name it is saved under, e.g. {@code invoice-2026-0001.pdf}. */
    public record Document(String fileName, byte[] pdf) {
        public Document {
            Objects.requireNonNull(fileName, "fileName");
            Objects.requireNonNull(pdf, "pdf");
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(InvoiceService.class);

    private final Practitioners practitioners;
    private final Agendas agendas;
    private final Bookings bookings;
    private final Outbox outbox;
    private final Usage usage;
    private final Transactions transactions;
    private final Ids ids;
    private final Now clock;
    private final EngineSettings engineSettings;
    private final Cashier cashier;
    private final InvoiceStores stores;
    private final InvoiceDocuments documents;

    InvoiceService(Practitioners practitioners, Agendas agendas, Bookings bookings, Outbox outbox, Usage usage,
                   Transactions transactions, Ids ids, Now clock, EngineSettings engineSettings, Cashier cashier,
                   InvoiceStores stores, InvoiceDocuments documents) {
        this.practitioners = practitioners;
        this.agendas = agendas;
        this.bookings = bookings;
        this.outbox = outbox;
        this.usage = usage;
        this.transactions = transactions;
        this.ids = ids;
        this.clock = clock;
        this.engineSettings = engineSettings;
        this.cashier = cashier;
        this.stores = stores;
        this.documents = documents;
    }

    public Optional<InvoicingProfile> profile(PractitionerId practitioner) {
        return stores.profiles().find(practitioner);
    }

    /** Records or replaces the legal identity and the automatic issue; the logo and signature stay. */
    public Outcome<InvoicingProfile> saveIdentity(PractitionerId practitioner, LegalIdentity identity,
                                                  InvoicingProfile.AutoIssue autoIssue) {
        Objects.requireNonNull(identity, "identity");
        Objects.requireNonNull(autoIssue, "autoIssue");
        return transactions.inAgenda(practitioner, () -> {
            if (practitioners.find(practitioner).isEmpty()) {
                return Outcome.rejected(Reason.NOT_FOUND, "practitionerId: no such practitioner");
            }
            Optional<InvoicingProfile> current = stores.profiles().find(practitioner);
            InvoicingProfile saved = new InvoicingProfile(practitioner, identity, autoIssue,
                    current.flatMap(InvoicingProfile::logo), current.flatMap(InvoicingProfile::signature));
            stores.profiles().save(saved);
            return Outcome.accepted(saved);
        });
    }

    /** Sets (or with empty, removes) the logo printed on invoices issued from now on. */
    public Outcome<InvoicingProfile> saveLogo(PractitionerId practitioner, Optional<InvoiceImage> logo) {
        return changeProfile(practitioner, profile -> profile.withLogo(logo));
    }

    /** Sets (or with empty, removes) the signature printed on invoices issued from now on. */
    public Outcome<InvoicingProfile> saveSignature(PractitionerId practitioner, Optional<InvoiceImage> signature) {
        return changeProfile(practitioner, profile -> profile.withSignature(signature));
    }

    private Outcome<InvoicingProfile> changeProfile(PractitionerId practitioner,
                                                    java.util.function.UnaryOperator<InvoicingProfile> change) {
        return transactions.inAgenda(practitioner, () -> {
            Optional<InvoicingProfile> current = stores.profiles().find(practitioner);
            if (current.isEmpty()) {
                return Outcome.rejected(Reason.LEGAL_IDENTITY_MISSING, "identity: record the legal identity first");
            }
            InvoicingProfile changed = change.apply(current.get());
            stores.profiles().save(changed);
            return Outcome.accepted(changed);
        });
    }

    /** A free-form draft. */
    public Outcome<Invoice> draft(PractitionerId practitioner, InvoiceContent content) {
        Objects.requireNonNull(content, "content");
        return transactions.inAgenda(practitioner, () -> {
            if (practitioners.find(practitioner).isEmpty()) {
                return Outcome.rejected(Reason.NOT_FOUND, "practitionerId: no such practitioner");
            }
            if (content.booking().isPresent() && bookings.find(content.booking().get())
                    .filter(b -> b.practitionerId().equals(practitioner)).isEmpty()) {
                return Outcome.rejected(Reason.NOT_FOUND, "bookingId: no such booking");
            }
            Invoice draft = Invoice.draft(new InvoiceId(ids.newId()), practitioner, content, clock.instant());
            stores.invoices().add(draft);
            return Outcome.accepted(draft);
        });
    }

    /**
     * What a booking's invoice says before the practitioner changes anything: the client, one line with
     * the activity and its date at what the client paid (or the price when nothing was paid online),
     * the default VAT rate, the consultation's date as the service date, the practitioner's language.
     */
    public Outcome<InvoiceContent> prefill(PractitionerId practitioner, BookingId bookingId) {
        Optional<Booking> found = bookings.find(bookingId)
                .filter(b -> b.practitionerId().equals(practitioner));
        Optional<Practitioner> who = practitioners.find(practitioner);
        if (found.isEmpty() || who.isEmpty()) {
            return Outcome.rejected(Reason.NOT_FOUND, "bookingId: no such booking");
        }
        Booking booking = found.get();
        ZoneId zone = agendas.settings(practitioner).map(AgendaSettings::zone).orElse(AgendaSettings.DEFAULT_ZONE);
        LocalDate day = booking.start().atZone(zone).toLocalDate();
        String activity = agendas.activity(practitioner, booking.activityId()).map(Activity::name)
                .orElse("Consultation");
        var rate = stores.profiles().find(practitioner).map(p -> p.identity().vat().defaultRate())
                .orElse(org.rendezvous.core.money.Percent.ZERO);
        var amount = booking.paid().isPositive() ? booking.paid() : booking.price();
        // The amount the client pays includes VAT: the line's unit price is what is left before it.
        long beforeVat = BigDecimal.valueOf(amount.minorUnits()).multiply(BigDecimal.valueOf(10_000))
                .divide(BigDecimal.valueOf(10_000L + rate.basisPoints()), 0, java.math.RoundingMode.HALF_UP)
                .longValueExact();
        InvoiceLine line = new InvoiceLine(activity + " — " + day, BigDecimal.ONE,
                new org.rendezvous.core.money.Money(beforeVat, amount.currency()), rate);
        Buyer buyer = new Buyer(booking.client().name().value(), Optional.of(booking.client().email()),
                Optional.empty(), false);
        return Outcome.accepted(new InvoiceContent(buyer, List.of(line), day, who.get().language(),
                Optional.of(booking.id())));
    }

    /** A draft prefilled from the booking ({@link #prefill}). */
    public Outcome<Invoice> draftFromBooking(PractitionerId practitioner, BookingId booking) {
        return prefill(practitioner, booking).fold(content -> draft(practitioner, content),
                rejected -> Outcome.rejected(rejected.reason(), rejected.detail()));
    }

    public Outcome<Invoice> edit(PractitionerId practitioner, InvoiceId id, InvoiceContent content) {
        Objects.requireNonNull(content, "content");
        return transactions.inAgenda(practitioner, () -> {
            Optional<Invoice> found = stores.invoices().find(practitioner, id);
            if (found.isEmpty()) {
                return Outcome.rejected(Reason.NOT_FOUND, "invoiceId: no such invoice");
            }
            Outcome<Invoice> edited = found.get().edit(content);
            edited.fold(changed -> {
                if (!stores.invoices().update(changed, found.get().version())) {
                    throw new IllegalStateException("invoice " + id + " changed under the agenda lock");
                }
                return changed;
            }, rejected -> null);
            return edited;
        });
    }

    public Outcome<InvoiceId> delete(PractitionerId practitioner, InvoiceId id) {
        return transactions.inAgenda(practitioner, () -> {
            Optional<Invoice> found = stores.invoices().find(practitioner, id);
            if (found.isEmpty()) {
                return Outcome.rejected(Reason.NOT_FOUND, "invoiceId: no such invoice");
            }
            if (found.get().isIssued()) {
                return Outcome.rejected(Reason.INVOICE_ISSUED, "invoiceId: " + found.get().number().orElseThrow()
                        + " is issued: it is never deleted; issue a credit note to cancel it");
            }
            stores.invoices().deleteDraft(practitioner, id);
            return Outcome.accepted(id);
        });
    }

    /**
     * Numbers the draft with the next number of the year (in the practitioner's zone) and freezes it,
     * with a copy of the legal identity. Refused without a legal identity, with VAT on a line while VAT
     * does not apply, or past the free plan's quota (PLAN-2).
     */
    public Outcome<Invoice> issue(PractitionerId practitioner, InvoiceId id) {
        Outcome<Invoice> issued = transactions.inAgenda(practitioner, () -> {
            Optional<Invoice> found = stores.invoices().find(practitioner, id);
            if (found.isEmpty()) {
                return Outcome.rejected(Reason.NOT_FOUND, "invoiceId: no such invoice");
            }
            return issueLocked(found.get(), Optional.empty());
        });
        issued.fold(this::renderQuietly, rejected -> null);
        return issued;
    }

    /**
     * INV-1: the credit note (avoir) that cancels all of an issued invoice, numbered at once in the same
     * sequence and referring to it. An invoice has at most one.
     */
    public Outcome<Invoice> creditNote(PractitionerId practitioner, InvoiceId invoiceId) {
        Outcome<Invoice> issued = transactions.inAgenda(practitioner, () -> {
            Optional<Invoice> found = stores.invoices().find(practitioner, invoiceId);
            if (found.isEmpty()) {
                return Outcome.rejected(Reason.NOT_FOUND, "invoiceId: no such invoice");
            }
            Invoice invoice = found.get();
            if (!invoice.isIssued() || invoice.kind() != InvoiceKind.INVOICE) {
                return Outcome.rejected(Reason.ILLEGAL_TRANSITION,
                        "invoiceId: only an issued invoice can be credited (a draft is edited or deleted)");
            }
            if (stores.invoices().creditNoteOf(invoiceId).isPresent()) {
                return Outcome.rejected(Reason.ALREADY_CREDITED, "invoiceId: " + invoice.number().orElseThrow()
                        + " already has its credit note");
            }
            Invoice note = Invoice.creditNoteFor(new InvoiceId(ids.newId()), invoice, clock.instant());
            stores.invoices().add(note);
            return issueLocked(note, invoice.number());
        });
        issued.fold(this::renderQuietly, rejected -> null);
        return issued;
    }

    private Outcome<Invoice> issueLocked(Invoice invoice, Optional<InvoiceNumber> creditedNumber) {
        if (invoice.isIssued()) {
            return Outcome.rejected(Reason.INVOICE_ISSUED, "invoiceId: already issued as " + invoice.number().get());
        }
        PractitionerId practitioner = invoice.practitionerId();
        Optional<InvoicingProfile> profile = stores.profiles().find(practitioner);
        if (profile.isEmpty()) {
            return Outcome.rejected(Reason.LEGAL_IDENTITY_MISSING,
                    "identity: record the legal identity (name, address, SIRET, VAT) before issuing an invoice");
        }
        Instant now = clock.instant();
        ZoneId zone = agendas.settings(practitioner).map(AgendaSettings::zone).orElse(AgendaSettings.DEFAULT_ZONE);
        UsageMonth month = UsageMonth.of(practitioner, now, zone);
        boolean counted = invoice.kind() == InvoiceKind.INVOICE
                && engineSettings.model() == CommercialModel.DIRECT_CONNECT;
        if (counted) {
            Outcome<UsageKind> allowed = Quotas.check(cashier.planOf(practitioner, now), engineSettings.plans(),
                    UsageKind.INVOICE, month, usage.count(month, UsageKind.INVOICE));
            if (!allowed.isAccepted()) {
                return allowed.map(kind -> invoice);
            }
        }
        LocalDate today = now.atZone(zone).toLocalDate();
        LegalIdentity seller = profile.get().identity();
        // Checked before a number is taken, so that a refusal leaves the sequence untouched.
        Outcome<Invoice> check = invoice.issue(new InvoiceNumber(today.getYear(), 1), today, now, seller, creditedNumber);
        if (!check.isAccepted()) {
            return check;
        }
        InvoiceNumber number = stores.invoices().nextNumber(practitioner, today.getYear());
        Invoice issued = invoice.issue(number, today, now, seller, creditedNumber).orElseThrow();
        if (!stores.invoices().update(issued, invoice.version())) {
            throw new IllegalStateException("invoice " + invoice.id() + " changed under the agenda lock");
        }
        if (counted) {
            usage.record(month, UsageKind.INVOICE, invoice.id().toString());
        }
        announce(issued, "invoice:" + issued.id() + ":issued", now);
        return Outcome.accepted(issued);
    }

    /**
     * E-mails an issued invoice to its buyer again (through the outbox: at least once, one Message-ID per
     * request). Refused for a draft, or when the buyer has no e-mail address.
     */
    public Outcome<Invoice> send(PractitionerId practitioner, InvoiceId id) {
        return transactions.inAgenda(practitioner, () -> {
            Optional<Invoice> found = stores.invoices().find(practitioner, id);
            if (found.isEmpty()) {
                return Outcome.rejected(Reason.NOT_FOUND, "invoiceId: no such invoice");
            }
            Invoice invoice = found.get();
            if (!invoice.isIssued()) {
                return Outcome.rejected(Reason.ILLEGAL_TRANSITION, "invoiceId: a draft is not sent; issue it first");
            }
            if (invoice.content().buyer().email().isEmpty()) {
                return Outcome.rejected(Reason.INVALID_SETTING, "buyerEmail: the buyer has no e-mail address");
            }
            Instant now = clock.instant();
            announce(invoice, "invoice:" + id + ":sent:" + now, now);
            return Outcome.accepted(invoice);
        });
    }

    /** Writes the e-mail of an issued invoice to the outbox, in the issuing transaction, if the buyer has an address. */
    private void announce(Invoice invoice, String cause, Instant now) {
        Buyer buyer = invoice.content().buyer();
        if (buyer.email().isEmpty()) {
            return;
        }
        java.util.Map<String, String> parameters = new java.util.TreeMap<>();
        parameters.put(INVOICE_ID, invoice.id().toString());
        parameters.put("number", invoice.number().orElseThrow().toString());
        parameters.put("creditNote", Boolean.toString(invoice.kind() == InvoiceKind.CREDIT_NOTE));
        parameters.put("gross", invoice.totals().gross().toString());
        parameters.put(BUYER_NAME, buyer.name());
        parameters.put(BUYER_EMAIL, buyer.email().get().value());
        parameters.put(BUYER_LANGUAGE, invoice.content().language().name());
        for (org.rendezvous.core.notification.MessageKind.Route route
                : org.rendezvous.core.notification.MessageKind.INVOICE_ISSUED.routes()) {
            outbox.append(org.rendezvous.core.notification.OutboxMessage.of(
                    new org.rendezvous.core.notification.OutboxMessageId(ids.newId()), invoice.practitionerId(),
                    invoice.content().booking().filter(b -> bookings.find(b).isPresent()),
                    org.rendezvous.core.notification.MessageKind.INVOICE_ISSUED, route, cause, parameters, now));
        }
    }

    static final String INVOICE_ID = "invoiceId";
    static final String BUYER_NAME = "buyerName";
    static final String BUYER_EMAIL = "buyerEmail";
    static final String BUYER_LANGUAGE = "buyerLanguage";

    /** Whom an invoice's e-mail goes to, as the outbox message recorded it. */
    static Optional<org.rendezvous.core.notification.Contact> buyerOf(org.rendezvous.core.notification.OutboxMessage message) {
        var p = message.parameters();
        if (p.get(BUYER_EMAIL) == null || p.get(BUYER_NAME) == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(new org.rendezvous.core.notification.Contact(
                    org.rendezvous.core.contact.PersonName.of(p.get(BUYER_NAME)),
                    org.rendezvous.core.contact.EmailAddress.of(p.get(BUYER_EMAIL)), Optional.empty(),
                    org.rendezvous.core.contact.Language.valueOf(p.getOrDefault(BUYER_LANGUAGE, "FRENCH"))));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** What the outbox dispatcher attaches to an invoice's e-mail: its PDF (rendered once, then kept). */
    public org.rendezvous.core.port.MessageAttachments attachments() {
        return message -> {
            if (message.kind() != org.rendezvous.core.notification.MessageKind.INVOICE_ISSUED
                    || message.parameters().get(INVOICE_ID) == null) {
                return List.of();
            }
            InvoiceId id = InvoiceId.of(message.parameters().get(INVOICE_ID));
            return document(message.practitionerId(), id).fold(
                    d -> List.of(new org.rendezvous.core.notification.Attachment(d.fileName(), "application/pdf", d.pdf())),
                    rejected -> List.of());
        };
    }

    /**
     * The automatic issue job: for each practitioner who chose it, every booking of the last
     * {@value #AUTO_ISSUE_DAYS} days that was paid online (WHEN_PAID) or completed (WHEN_COMPLETED) and
     * has no invoice yet gets one, prefilled and issued. A refused issue (quota) leaves the draft for the
     * practitioner; a booking with a draft or an invoice is never invoiced twice.
     */
    public JobReport issueAutomatically() {
        java.time.Instant now = clock.instant();
        int examined = 0;
        int issued = 0;
        int deferred = 0;
        for (InvoicingProfile profile : stores.profiles().withAutoIssue(1_000)) {
            PractitionerId practitioner = profile.practitionerId();
            for (Booking booking : bookings.ofPractitioner(practitioner,
                    now.minus(java.time.Duration.ofDays(AUTO_ISSUE_DAYS)), now)) {
                // A paid booking is invoiced once it is confirmed: a request still pending may be refused, and a
                // cancelled, refused or expired one was refunded (CX-2, CX-5, BK-3), so a numbered invoice, which
                // never changes (INV-1), would need a credit note at once.
                boolean due = profile.autoIssue() == InvoicingProfile.AutoIssue.WHEN_PAID
                        ? booking.paid().isPositive() && (booking.state() == org.rendezvous.core.booking.BookingState.CONFIRMED
                                || booking.state() == org.rendezvous.core.booking.BookingState.COMPLETED)
                        : booking.state() == org.rendezvous.core.booking.BookingState.COMPLETED;
                if (!due || !stores.invoices().ofBooking(booking.id()).isEmpty()) {
                    continue;
                }
                examined++;
                // Checked again under the agenda lock: two instances running the job make one draft.
                Optional<Invoice> draft = transactions.inAgenda(practitioner,
                        () -> stores.invoices().ofBooking(booking.id()).isEmpty()
                                ? draftFromBooking(practitioner, booking.id()).fold(Optional::of, r -> Optional.<Invoice>empty())
                                : Optional.<Invoice>empty());
                if (draft.isEmpty()) {
                    continue;
                }
                Outcome<Invoice> result = issue(practitioner, draft.get().id());
                if (result.isAccepted()) {
                    issued++;
                } else {
                    deferred++;
                }
            }
        }
        return new JobReport(examined, issued, deferred);
    }

    static final int AUTO_ISSUE_DAYS = 14;

    public Optional<Invoice> find(PractitionerId practitioner, InvoiceId id) {
        return stores.invoices().find(practitioner, id);
    }

    /** The practitioner's invoices, drafts included, newest first. */
    public List<Invoice> list(PractitionerId practitioner, int limit) {
        return stores.invoices().list(practitioner, limit);
    }

    /** The invoices and credit notes issued on days in [from, to], by number: what an accountant exports. */
    public List<Invoice> issuedBetween(PractitionerId practitioner, LocalDate from, LocalDate to) {
        return stores.invoices().issuedBetween(practitioner, from, to);
    }

    /** The PDF of an issued invoice: rendered once, at issue or at the first download, then kept as it is. */
    public Outcome<Document> document(PractitionerId practitioner, InvoiceId id) {
        Optional<Invoice> found = stores.invoices().find(practitioner, id);
        if (found.isEmpty()) {
            return Outcome.rejected(Reason.NOT_FOUND, "invoiceId: no such invoice");
        }
        if (!found.get().isIssued()) {
            return Outcome.rejected(Reason.ILLEGAL_TRANSITION, "invoiceId: a draft has no document; issue it first");
        }
        Invoice invoice = found.get();
        byte[] pdf = stores.invoices().document(id).orElseGet(() -> render(invoice));
        return Outcome.accepted(new Document(fileName(invoice), pdf));
    }

    /** The latest issued invoice of the booking a client's link opens (and its credit note, if any, instead). */
    public Outcome<Document> documentForClient(AccessToken token) {
        Optional<Booking> booking = bookings.findByAccessToken(token);
        if (booking.isEmpty()) {
            return Outcome.rejected(Reason.NOT_FOUND, "token: no such booking");
        }
        List<Invoice> issued = stores.invoices().ofBooking(booking.get().id()).stream().filter(Invoice::isIssued).toList();
        if (issued.isEmpty()) {
            return Outcome.rejected(Reason.NOT_FOUND, "invoice: none issued for this booking yet");
        }
        return document(booking.get().practitionerId(), issued.get(issued.size() - 1).id());
    }

    private static String fileName(Invoice invoice) {
        return (invoice.kind() == InvoiceKind.CREDIT_NOTE ? "credit-note-" : "invoice-")
                + invoice.number().orElseThrow() + ".pdf";
    }

    private byte[] render(Invoice invoice) {
        if (documents == null) {
            throw new IllegalStateException("invoiceDocuments: no document renderer was given to the engine");
        }
        InvoicingProfile profile = stores.profiles().find(invoice.practitionerId()).orElseThrow(
                () -> new IllegalStateException("invoice " + invoice.id() + " is issued but its profile is gone"));
        byte[] pdf = documents.render(invoice, profile);
        stores.invoices().saveDocument(invoice.id(), pdf);
        return stores.invoices().document(invoice.id()).orElse(pdf);
    }

    /** Renders a just-issued invoice so that its document shows the logo of the day; a failure waits for the download. */
    private Invoice renderQuietly(Invoice invoice) {
        if (documents != null) {
            try {
                render(invoice);
            } catch (RuntimeException e) {
                LOG.warn("invoice {} issued; its document will be rendered at its first download: {}", invoice.id(),
                        e.toString());
            }
        }
        return invoice;
    }
}
