package org.rendezvous.persistence;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.rendezvous.core.booking.BookingId;
import org.rendezvous.core.contact.EmailAddress;
import org.rendezvous.core.contact.Language;
import org.rendezvous.core.invoice.Buyer;
import org.rendezvous.core.invoice.Invoice;
import org.rendezvous.core.invoice.InvoiceContent;
import org.rendezvous.core.invoice.InvoiceId;
import org.rendezvous.core.invoice.InvoiceKind;
import org.rendezvous.core.invoice.InvoiceLine;
import org.rendezvous.core.invoice.InvoiceNumber;
import org.rendezvous.core.money.Money;
import org.rendezvous.core.money.Percent;
import org.rendezvous.core.port.Invoices;
import org.rendezvous.core.practitioner.LegalIdentity;
import org.rendezvous.core.practitioner.PractitionerId;
import org.rendezvous.core.practitioner.Siret;

/**
 * Invoices (INV-1) in {@code invoices} and {@code invoice_lines}, their PDFs in {@code invoice_documents},
 * and the numbering in {@code invoice_sequences}: the next number is an upsert that locks the
 * practitioner's year row until the issuing transaction ends, so concurrent issues from any instance
 * queue behind it and a rollback gives the number back. The unique key {@code invoices_one_per_number}
 * and a trigger that refuses any change to an issued row back this up in the database itself.
 */
final class JdbiInvoices implements Invoices {

    public record InvoiceRow(UUID id, UUID practitionerId, String kind, UUID creditedId, UUID bookingId,
                             String buyerName, String buyerEmail, String buyerAddress, boolean buyerProfessional,
                             LocalDate serviceDate, String language, String currency, Instant createdAt, long version,
                             Integer numberYear, Integer numberSequence, LocalDate issueDate, LocalDate dueDate,
                             Instant issuedAt, Integer creditedYear, Integer creditedSequence, String sellerLegalName,
                             Boolean sellerIndividualEntrepreneur, String sellerStreet, String sellerPostcode,
                             String sellerCity, String sellerCountryCode, String sellerSiret, String sellerVatNumber,
                             String sellerVatExemptionMention, Integer sellerVatDefaultRateBp, Integer sellerPaymentDays,
                             String sellerPaymentNote) {
    }

    public record LineRow(UUID invoiceId, int position, String description, BigDecimal quantity, long unitPriceMinor,
                          int vatRateBp) {
    }

    private static final String COLUMNS = """
            id, practitioner_id, kind, credited_id, booking_id, buyer_name, buyer_email, buyer_address,
            buyer_professional, service_date, language, currency, created_at, version, number_year, number_sequence,
            issue_date, due_date, issued_at, credited_year, credited_sequence, seller_legal_name,
            seller_individual_entrepreneur, seller_street, seller_postcode, seller_city, seller_country_code,
            seller_siret, seller_vat_number, seller_vat_exemption_mention, seller_vat_default_rate_bp,
            seller_payment_days, seller_payment_note""";

    interface Dao {
        @SqlUpdate("INSERT INTO invoices (" + COLUMNS + """
                ) VALUES (:id, :practitionerId, :kind, :creditedId, :bookingId, :buyerName, :buyerEmail, :buyerAddress,
                    :buyerProfessional, :serviceDate, :language, :currency, :createdAt, :version, :numberYear,
                    :numberSequence, :issueDate, :dueDate, :issuedAt, :creditedYear, :creditedSequence, :sellerLegalName,
                    :sellerIndividualEntrepreneur, :sellerStreet, :sellerPostcode, :sellerCity, :sellerCountryCode,
                    :sellerSiret, :sellerVatNumber, :sellerVatExemptionMention, :sellerVatDefaultRateBp,
                    :sellerPaymentDays, :sellerPaymentNote)
                """)
        void insert(@BindMethods InvoiceRow row);

        @SqlQuery("""
                SELECT version FROM invoices
                WHERE id = :id AND practitioner_id = :practitionerId AND number_sequence IS NULL FOR UPDATE
                """)
        Optional<Long> lockDraft(@Bind("id") UUID id, @Bind("practitionerId") UUID practitionerId);

        @SqlUpdate("""
                UPDATE invoices SET booking_id = :bookingId, buyer_name = :buyerName, buyer_email = :buyerEmail,
                    buyer_address = :buyerAddress, buyer_professional = :buyerProfessional, service_date = :serviceDate,
                    language = :language, currency = :currency, version = :version, number_year = :numberYear,
                    number_sequence = :numberSequence, issue_date = :issueDate, due_date = :dueDate,
                    issued_at = :issuedAt, credited_year = :creditedYear, credited_sequence = :creditedSequence,
                    seller_legal_name = :sellerLegalName, seller_individual_entrepreneur = :sellerIndividualEntrepreneur,
                    seller_street = :sellerStreet, seller_postcode = :sellerPostcode, seller_city = :sellerCity,
                    seller_country_code = :sellerCountryCode, seller_siret = :sellerSiret,
                    seller_vat_number = :sellerVatNumber, seller_vat_exemption_mention = :sellerVatExemptionMention,
                    seller_vat_default_rate_bp = :sellerVatDefaultRateBp, seller_payment_days = :sellerPaymentDays,
                    seller_payment_note = :sellerPaymentNote
                WHERE id = :id AND number_sequence IS NULL
                """)
        int update(@BindMethods InvoiceRow row);

        @SqlUpdate("DELETE FROM invoice_lines WHERE invoice_id = :id")
        void deleteLines(@Bind("id") UUID id);

        @SqlBatch("""
                INSERT INTO invoice_lines (invoice_id, position, description, quantity, unit_price_minor, vat_rate_bp)
                VALUES (:invoiceId, :position, :description, :quantity, :unitPriceMinor, :vatRateBp)
                """)
        void insertLines(@BindMethods List<LineRow> rows);

        @SqlUpdate("DELETE FROM invoices WHERE id = :id AND practitioner_id = :practitionerId AND number_sequence IS NULL")
        int deleteDraft(@Bind("id") UUID id, @Bind("practitionerId") UUID practitionerId);

        @SqlQuery("SELECT " + COLUMNS + " FROM invoices WHERE id = :id AND practitioner_id = :practitionerId")
        @RegisterConstructorMapper(InvoiceRow.class)
        Optional<InvoiceRow> find(@Bind("id") UUID id, @Bind("practitionerId") UUID practitionerId);

        @SqlQuery("SELECT " + COLUMNS + """
                 FROM invoices WHERE practitioner_id = :practitionerId ORDER BY created_at DESC, id DESC LIMIT :limit
                """)
        @RegisterConstructorMapper(InvoiceRow.class)
        List<InvoiceRow> list(@Bind("practitionerId") UUID practitionerId, @Bind("limit") int limit);

        @SqlQuery("SELECT " + COLUMNS + """
                 FROM invoices WHERE practitioner_id = :practitionerId AND issue_date BETWEEN :from AND :to
                ORDER BY number_year, number_sequence
                """)
        @RegisterConstructorMapper(InvoiceRow.class)
        List<InvoiceRow> issuedBetween(@Bind("practitionerId") UUID practitionerId, @Bind("from") LocalDate from,
                                       @Bind("to") LocalDate to);

        @SqlQuery("SELECT " + COLUMNS + " FROM invoices WHERE credited_id = :id")
        @RegisterConstructorMapper(InvoiceRow.class)
        Optional<InvoiceRow> creditNoteOf(@Bind("id") UUID id);

        @SqlQuery("SELECT " + COLUMNS + """
                 FROM invoices WHERE booking_id = :bookingId AND kind = 'INVOICE' ORDER BY created_at, id
                """)
        @RegisterConstructorMapper(InvoiceRow.class)
        List<InvoiceRow> ofBooking(@Bind("bookingId") UUID bookingId);

        @SqlQuery("""
                SELECT invoice_id, position, description, quantity, unit_price_minor, vat_rate_bp FROM invoice_lines
                WHERE invoice_id IN (<ids>) ORDER BY invoice_id, position
                """)
        @RegisterConstructorMapper(LineRow.class)
        List<LineRow> lines(@BindList("ids") List<UUID> ids);

        @SqlQuery("""
                INSERT INTO invoice_sequences (practitioner_id, year, last_sequence) VALUES (:practitionerId, :year, 1)
                ON CONFLICT (practitioner_id, year) DO UPDATE SET last_sequence = invoice_sequences.last_sequence + 1
                RETURNING last_sequence
                """)
        int nextNumber(@Bind("practitionerId") UUID practitionerId, @Bind("year") int year);

        @SqlQuery("SELECT pdf FROM invoice_documents WHERE invoice_id = :id")
        Optional<byte[]> document(@Bind("id") UUID id);

        @SqlUpdate("""
                INSERT INTO invoice_documents (invoice_id, pdf)
                SELECT id, :pdf FROM invoices WHERE id = :id AND number_sequence IS NOT NULL
                ON CONFLICT (invoice_id) DO NOTHING
                """)
        int saveDocument(@Bind("id") UUID id, @Bind("pdf") byte[] pdf);

        @SqlQuery("SELECT EXISTS (SELECT 1 FROM invoices WHERE id = :id AND number_sequence IS NOT NULL)")
        boolean isIssued(@Bind("id") UUID id);
    }

    private final JdbiTransactions transactions;

    JdbiInvoices(JdbiTransactions transactions) {
        this.transactions = transactions;
    }

    private <T> T dao(java.util.function.Function<Dao, T> statements) {
        return transactions.withHandle(h -> statements.apply(transactions.attach(h, Dao.class)));
    }

    @Override
    public void add(Invoice invoice) {
        dao(dao -> {
            dao.insert(row(invoice));
            dao.insertLines(lines(invoice));
            return null;
        });
    }

    @Override
    public boolean update(Invoice invoice, long expectedVersion) {
        return dao(dao -> {
            Optional<Long> version = dao.lockDraft(invoice.id().value(), invoice.practitionerId().value());
            if (version.isEmpty() || version.get() != expectedVersion) {
                return false;
            }
            // Lines first: once the row is issued, the trigger refuses any change to them.
            dao.deleteLines(invoice.id().value());
            dao.insertLines(lines(invoice));
            return dao.update(row(invoice)) == 1;
        });
    }

    @Override
    public boolean deleteDraft(PractitionerId practitioner, InvoiceId id) {
        return dao(dao -> dao.deleteDraft(id.value(), practitioner.value()) == 1);
    }

    @Override
    public Optional<Invoice> find(PractitionerId practitioner, InvoiceId id) {
        return dao(dao -> assemble(dao, dao.find(id.value(), practitioner.value()).stream().toList()))
                .stream().findFirst();
    }

    @Override
    public List<Invoice> list(PractitionerId practitioner, int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("limit: must not be negative, was " + limit);
        }
        return dao(dao -> assemble(dao, dao.list(practitioner.value(), limit)));
    }

    @Override
    public List<Invoice> issuedBetween(PractitionerId practitioner, LocalDate from, LocalDate to) {
        return dao(dao -> assemble(dao, dao.issuedBetween(practitioner.value(), from, to)));
    }

    @Override
    public Optional<Invoice> creditNoteOf(InvoiceId invoice) {
        return dao(dao -> assemble(dao, dao.creditNoteOf(invoice.value()).stream().toList())).stream().findFirst();
    }

    @Override
    public List<Invoice> ofBooking(BookingId booking) {
        return dao(dao -> assemble(dao, dao.ofBooking(booking.value())));
    }

    @Override
    public InvoiceNumber nextNumber(PractitionerId practitioner, int year) {
        return new InvoiceNumber(year, dao(dao -> dao.nextNumber(practitioner.value(), year)));
    }

    @Override
    public Optional<byte[]> document(InvoiceId id) {
        return dao(dao -> dao.document(id.value()));
    }

    @Override
    public void saveDocument(InvoiceId id, byte[] pdf) {
        dao(dao -> {
            if (dao.saveDocument(id.value(), pdf) == 0 && !dao.isIssued(id.value())) {
                throw new IllegalArgumentException("invoiceId: no issued invoice " + id);
            }
            return null;
        });
    }

    private static List<Invoice> assemble(Dao dao, List<InvoiceRow> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<UUID, List<LineRow>> lines = dao.lines(rows.stream().map(InvoiceRow::id).toList()).stream()
                .collect(Collectors.groupingBy(LineRow::invoiceId));
        List<Invoice> invoices = new ArrayList<>();
        for (InvoiceRow row : rows) {
            invoices.add(toInvoice(row, lines.getOrDefault(row.id(), List.of())));
        }
        return invoices;
    }

    private static Invoice toInvoice(InvoiceRow r, List<LineRow> lineRows) {
        Currency currency = Currency.getInstance(r.currency());
        List<InvoiceLine> lines = lineRows.stream().map(l -> new InvoiceLine(l.description(), l.quantity(),
                new Money(l.unitPriceMinor(), currency), Percent.ofBasisPoints(l.vatRateBp()))).toList();
        Buyer buyer = new Buyer(r.buyerName(), Optional.ofNullable(r.buyerEmail()).map(EmailAddress::of),
                Optional.ofNullable(r.buyerAddress()), r.buyerProfessional());
        InvoiceContent content = new InvoiceContent(buyer, lines, r.serviceDate(), Language.valueOf(r.language()),
                Optional.ofNullable(r.bookingId()).map(BookingId::new));
        Optional<Invoice.Issue> issue = Optional.empty();
        if (r.numberSequence() != null) {
            LegalIdentity seller = JdbiInvoicingProfiles.identity(r.sellerLegalName(), r.sellerIndividualEntrepreneur(),
                    r.sellerStreet(), r.sellerPostcode(), r.sellerCity(), r.sellerCountryCode(), r.sellerSiret(),
                    r.sellerVatNumber(), r.sellerVatExemptionMention(), r.sellerVatDefaultRateBp(),
                    r.sellerPaymentDays(), r.sellerPaymentNote());
            Optional<InvoiceNumber> credited = r.creditedSequence() == null ? Optional.empty()
                    : Optional.of(new InvoiceNumber(r.creditedYear(), r.creditedSequence()));
            issue = Optional.of(new Invoice.Issue(new InvoiceNumber(r.numberYear(), r.numberSequence()), r.issueDate(),
                    r.dueDate(), r.issuedAt(), seller, credited));
        }
        return Invoice.restore(new InvoiceId(r.id()), new PractitionerId(r.practitionerId()),
                InvoiceKind.valueOf(r.kind()), content, Optional.ofNullable(r.creditedId()).map(InvoiceId::new), issue,
                r.createdAt(), r.version());
    }

    private static InvoiceRow row(Invoice invoice) {
        InvoiceContent c = invoice.content();
        Optional<Invoice.Issue> issue = invoice.issue();
        Optional<LegalIdentity> seller = issue.map(Invoice.Issue::seller);
        return new InvoiceRow(invoice.id().value(), invoice.practitionerId().value(), invoice.kind().name(),
                invoice.credited().map(InvoiceId::value).orElse(null), c.booking().map(BookingId::value).orElse(null),
                c.buyer().name(), c.buyer().email().map(EmailAddress::value).orElse(null),
                c.buyer().address().orElse(null), c.buyer().professional(), c.serviceDate(), c.language().name(),
                c.currency().getCurrencyCode(), invoice.createdAt(), invoice.version(),
                issue.map(i -> i.number().year()).orElse(null), issue.map(i -> i.number().sequence()).orElse(null),
                issue.map(Invoice.Issue::issueDate).orElse(null), issue.map(Invoice.Issue::dueDate).orElse(null),
                issue.map(Invoice.Issue::issuedAt).orElse(null),
                issue.flatMap(Invoice.Issue::creditedNumber).map(InvoiceNumber::year).orElse(null),
                issue.flatMap(Invoice.Issue::creditedNumber).map(InvoiceNumber::sequence).orElse(null),
                seller.map(LegalIdentity::legalName).orElse(null),
                seller.map(LegalIdentity::individualEntrepreneur).orElse(null),
                seller.map(LegalIdentity::street).orElse(null), seller.map(LegalIdentity::postcode).orElse(null),
                seller.map(LegalIdentity::city).orElse(null), seller.map(LegalIdentity::countryCode).orElse(null),
                seller.flatMap(LegalIdentity::siret).map(Siret::value).orElse(null),
                seller.flatMap(LegalIdentity::vatNumber).orElse(null),
                seller.map(s -> JdbiInvoicingProfiles.exemption(s.vat())).orElse(null),
                seller.map(s -> s.vat().defaultRate().basisPoints()).orElse(null),
                seller.map(s -> s.terms().daysDue()).orElse(null),
                seller.flatMap(s -> s.terms().note()).orElse(null));
    }

    private static List<LineRow> lines(Invoice invoice) {
        List<LineRow> rows = new ArrayList<>();
        List<InvoiceLine> lines = invoice.content().lines();
        for (int i = 0; i < lines.size(); i++) {
            InvoiceLine l = lines.get(i);
            rows.add(new LineRow(invoice.id().value(), i, l.description(), l.quantity(), l.unitPrice().minorUnits(),
                    l.vatRate().basisPoints()));
        }
        return rows;
    }
}
