package org.rendezvous.invoices;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.mustangproject.Item;
import org.mustangproject.LegalOrganisation;
import org.mustangproject.Product;
import org.mustangproject.TradeParty;
import org.mustangproject.ZUGFeRD.Profiles;
import org.mustangproject.ZUGFeRD.ZUGFeRDExporterFromA1;
import org.rendezvous.core.invoice.Invoice;
import org.rendezvous.core.invoice.InvoiceKind;
import org.rendezvous.core.invoice.InvoiceLine;
import org.rendezvous.core.money.Money;
import org.rendezvous.core.port.InvoiceDocuments;
import org.rendezvous.core.practitioner.InvoicingProfile;
import org.rendezvous.core.practitioner.LegalIdentity;
import org.rendezvous.core.practitioner.Siret;
import org.rendezvous.core.practitioner.VatStatus;

/**
 * Issued invoices as PDF/A-3 documents with their Factur-X XML (profile EN 16931) embedded, the way
 * French e-invoicing reads them (INV-1). The page is drawn with PDFBox in the invoice's language, with
 * the fonts Mustang ships (Source Sans Pro, embedded: PDF/A requires it, and nothing depends on the
 * fonts of the machine); Mustang then writes the XML from the same figures, attaches it and turns the
 * file into PDF/A-3 with its sRGB output intent and XMP metadata.
 *
 * <p>Amounts come from the core's {@link Money} totals; the XML's are computed by Mustang from the
 * same lines and rates (VAT per rate on the sum of the lines, rounded half-up), and a test checks that
 * both agree.
 */
public final class FacturXInvoiceDocuments implements InvoiceDocuments {

    static final String REGULAR_FONT = "/fonts/SourceSansPro-Regular.ttf";
    static final String BOLD_FONT = "/fonts/SourceSansPro-Bold.ttf";
    /** UN/ECE recommendation 20: "one" (a unit). */
    private static final String UNIT = "C62";
    /** ISO 6523 scheme of a SIRET, as Factur-X names the seller's legal registration. */
    private static final String SIRET_SCHEME = "0009";

    @Override
    public byte[] render(Invoice invoice, InvoicingProfile profile) {
        if (!invoice.isIssued()) {
            throw new IllegalArgumentException("invoice: only an issued invoice has a document");
        }
        try {
            byte[] page = drawPages(invoice, profile);
            ZUGFeRDExporterFromA1 exporter = new ZUGFeRDExporterFromA1();
            exporter.ignorePDFAErrors();
            exporter.load(page);
            exporter.setProducer("Rendezvous");
            exporter.setCreator(invoice.issue().orElseThrow().seller().displayName());
            exporter.setProfile(Profiles.getByName("EN16931"));
            exporter.setTransaction(transaction(invoice));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            exporter.export(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("invoice " + invoice.id() + " could not be rendered", e);
        }
    }

    private static byte[] drawPages(Invoice invoice, InvoicingProfile profile) throws IOException {
        try (PDDocument document = new PDDocument()) {
            PDType0Font regular = font(document, REGULAR_FONT);
            PDType0Font bold = font(document, BOLD_FONT);
            Labels labels = Labels.of(invoice.content().language());
            String title = (invoice.kind() == InvoiceKind.CREDIT_NOTE ? labels.creditNote() : labels.invoice()) + " "
                    + labels.number() + " " + invoice.number().orElseThrow();
            PDDocumentInformation info = document.getDocumentInformation();
            info.setTitle(title);
            info.setAuthor(invoice.issue().orElseThrow().seller().displayName());
            info.setProducer("Rendezvous");
            try (PageWriter writer = new PageWriter(document, regular, bold)) {
                new InvoiceLayout(invoice, profile, labels, title, writer).draw();
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        }
    }

    private static PDType0Font font(PDDocument document, String resource) throws IOException {
        try (InputStream in = FacturXInvoiceDocuments.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("font " + resource + " is not on the classpath (it comes with Mustang)");
            }
            // Not subset-free: PDFBox embeds the subset of glyphs used, which PDF/A allows.
            return PDType0Font.load(document, in, true);
        }
    }

    /** The Factur-X transaction: the same parties, dates, lines and rates as the page. */
    static org.mustangproject.Invoice transaction(Invoice invoice) {
        Invoice.Issue issue = invoice.issue().orElseThrow();
        LegalIdentity seller = issue.seller();
        TradeParty sender = new TradeParty(seller.displayName(), seller.street().replace('\n', ' '), seller.postcode(),
                seller.city(), seller.countryCode());
        seller.vatNumber().ifPresent(sender::addVATID);
        seller.siret().map(Siret::value).ifPresent(siret -> sender.setLegalOrganisation(
                new LegalOrganisation(siret, SIRET_SCHEME)));
        var buyer = invoice.content().buyer();
        TradeParty recipient = new TradeParty(buyer.name(), buyer.address().map(a -> a.replace('\n', ' ')).orElse(""),
                "", "", seller.countryCode());
        buyer.email().ifPresent(email -> recipient.setEmail(email.value()));

        org.mustangproject.Invoice transaction = new org.mustangproject.Invoice()
                .setNumber(invoice.number().orElseThrow().toString())
                .setIssueDate(date(issue.issueDate()))
                .setDueDate(date(issue.dueDate()))
                .setDeliveryDate(date(invoice.content().serviceDate()))
                .setCurrency(invoice.content().currency().getCurrencyCode())
                .setSender(sender)
                .setRecipient(recipient)
                .setPaymentTermDescription(paymentTerms(issue, Labels.of(invoice.content().language())));
        if (invoice.kind() == InvoiceKind.CREDIT_NOTE) {
            transaction.setCreditNote();
            issue.creditedNumber().ifPresent(n -> transaction.setInvoiceReferencedDocumentID(n.toString()));
        }
        if (seller.vat() instanceof VatStatus.Exempt exempt) {
            transaction.addTaxNote(exempt.mention());
        }
        for (InvoiceLine line : invoice.content().lines()) {
            BigDecimal rate = BigDecimal.valueOf(line.vatRate().basisPoints(), 2);
            Product product = new Product(line.description().replace('\n', ' '), "", UNIT, rate);
            if (seller.vat() instanceof VatStatus.Exempt exempt) {
                product.setTaxCategoryCode("E").setTaxExemptionReason(exempt.mention());
            } else if (line.vatRate().isZero()) {
                product.setTaxCategoryCode("Z");
            }
            transaction.addItem(new Item(product, line.unitPrice().toDecimal(), line.quantity()));
        }
        return transaction;
    }

    static String paymentTerms(Invoice.Issue issue, Labels labels) {
        int days = issue.seller().terms().daysDue();
        String terms = days == 0 ? labels.onReceipt() : String.format(labels.daysAfter(), days, labels.date(issue.dueDate()));
        return issue.seller().terms().note().map(note -> terms + ". " + note.replace('\n', ' ')).orElse(terms);
    }

    private static Date date(LocalDate day) {
        // Mustang writes dates with the JVM's default zone: midnight there is that day.
        return Date.from(day.atStartOfDay(ZoneId.systemDefault()).toInstant());
    }

    /** The lines of text a legal identity prints as: name, street lines, postcode and city, SIRET, VAT number. */
    static List<String> identityLines(LegalIdentity identity, Labels labels) {
        List<String> lines = new ArrayList<>();
        lines.add(identity.displayName());
        lines.addAll(List.of(identity.street().split("\n")));
        lines.add(identity.postcode() + " " + identity.city()
                + (identity.countryCode().equals("FR") ? "" : " (" + identity.countryCode() + ")"));
        identity.siret().ifPresent(siret -> lines.add(labels.field(labels.siret()) + siret.value()));
        identity.vatNumber().ifPresent(vat -> lines.add(labels.field(labels.vatNumber()) + vat));
        return lines;
    }

    static Optional<String> vatMention(LegalIdentity identity) {
        return identity.vat() instanceof VatStatus.Exempt exempt ? Optional.of(exempt.mention()) : Optional.empty();
    }
}
