package org.rendezvous.invoices;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mustangproject.ZUGFeRD.ZUGFeRDImporter;
import org.rendezvous.core.contact.EmailAddress;
import org.rendezvous.core.contact.Language;
import org.rendezvous.core.invoice.Buyer;
import org.rendezvous.core.invoice.Invoice;
import org.rendezvous.core.invoice.InvoiceContent;
import org.rendezvous.core.invoice.InvoiceId;
import org.rendezvous.core.invoice.InvoiceLine;
import org.rendezvous.core.invoice.InvoiceNumber;
import org.rendezvous.core.money.Percent;
import org.rendezvous.core.port.contract.InvoiceFixtures;
import org.rendezvous.core.practitioner.InvoicingProfile;
import org.rendezvous.core.practitioner.LegalIdentity;
import org.rendezvous.core.practitioner.PractitionerId;

/**
 * INV-1: the PDF read back. Its text (PDFBox) carries the number, dates, both parties, SIRET, the VAT
 * mention, the totals and the payment mentions in the invoice's language; its Factur-X XML (Mustang's
 * importer) carries the same number and totals; it declares PDF/A-3 and embeds its fonts.
 */
class FacturXInvoiceDocumentsTest {

    private static final PractitionerId ANNA = new PractitionerId(UUID.randomUUID());
    private static final LocalDate ISSUED = LocalDate.of(2026, 12, 5);
    private final FacturXInvoiceDocuments documents = new FacturXInvoiceDocuments();

    private static Invoice issued(InvoiceContent content, LegalIdentity seller, int sequence) {
        return Invoice.draft(new InvoiceId(UUID.randomUUID()), ANNA, content, Instant.parse("2026-12-05T09:00:00Z"))
                .issue(new InvoiceNumber(2026, sequence), ISSUED, Instant.parse("2026-12-05T10:00:00Z"), seller,
                        Optional.empty()).orElseThrow();
    }

    private static String text(byte[] pdf) throws Exception {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }

    @Test
    @DisplayName("INV-1 a French invoice to an individual, VAT exempt: number, dates, seller with EI and SIRET, mention, totals; Factur-X agrees")
    void frenchExemptInvoice() throws Exception {
        Invoice invoice = issued(InvoiceFixtures.content(), InvoiceFixtures.exemptIdentity(), 1);
        byte[] pdf = documents.render(invoice, InvoiceFixtures.profile(ANNA, InvoiceFixtures.exemptIdentity()));

        String text = text(pdf);
        assertThat(text).contains("FACTURE N° 2026-0001", "Date d'émission : 05/12/2026",
                "Date de la prestation : 04/03/2030", "Date d'échéance : 04/01/2027", "Anna Martin EI",
                "12 rue des Lilas", "69003 Lyon", "SIRET : 73282932000074", "Claire Dubois", "claire@example.org",
                "Séance de shiatsu", "60,00 €", "Total TTC", "TVA non applicable, art. 293 B du CGI",
                "paiement à 30 jours, au plus tard le 04/01/2027", "Virement : FR76");
        assertThat(text).as("no professional penalties for an individual").doesNotContain("40 €");

        ZUGFeRDImporter xml = new ZUGFeRDImporter(new ByteArrayInputStream(pdf));
        assertThat(xml.getInvoiceID()).isEqualTo("2026-0001");
        assertThat(xml.getDocumentCode()).isEqualTo("380");
        assertThat(new BigDecimal(xml.getAmount())).isEqualByComparingTo("60.00");
        assertThat(new BigDecimal(xml.getTaxTotalAmount())).isEqualByComparingTo("0");
        assertThat(xml.getUTF8()).contains("urn:cen.eu:en16931:2017", "73282932000074",
                "TVA non applicable, art. 293 B du CGI", "<ram:CategoryCode>E</ram:CategoryCode>");
        assertPdfA3WithEmbeddedFonts(pdf);
        if (System.getProperty("invoice.sample.fr") != null) {
            java.nio.file.Files.write(java.nio.file.Path.of(System.getProperty("invoice.sample.fr")), pdf);
        }
    }

    @Test
    @DisplayName("INV-1 an English invoice to a professional, VAT per line: totals by rate half-up, penalties and the 40 € indemnity, same totals in the XML")
    void englishLiableInvoiceToAProfessional() throws Exception {
        LegalIdentity seller = InvoiceFixtures.liableIdentity();
        InvoiceContent content = new InvoiceContent(
                new Buyer("Acme SAS", Optional.of(EmailAddress.of("billing@acme.example")),
                        Optional.of("5 avenue Foch\n75016 Paris"), true),
                List.of(InvoiceLine.of("Workshop on stress", "1.5", InvoiceFixtures.eur("33.33"), Percent.of(20)),
                        InvoiceLine.of("Booklet", "3", InvoiceFixtures.eur("9.99"), Percent.ofBasisPoints(550)),
                        InvoiceLine.of("Session 🌿 with a very long description that will surely need to be wrapped "
                                + "onto a second line of the table", "1", InvoiceFixtures.eur("70.00"), Percent.of(20))),
                LocalDate.of(2026, 12, 1), Language.ENGLISH, Optional.empty());
        Invoice invoice = issued(content, seller, 7);
        byte[] pdf = documents.render(invoice, new InvoicingProfile(ANNA, seller, InvoicingProfile.AutoIssue.NEVER,
                Optional.empty(), Optional.empty()));

        // 1.5 x 33.33 = 49.995 -> 50.00; 20 % of 120.00 = 24.00; 3 x 9.99 = 29.97, 5.5 % = 1.64835 -> 1.65
        assertThat(invoice.totals().net()).isEqualTo(InvoiceFixtures.eur("149.97"));
        assertThat(invoice.totals().vatTotal()).isEqualTo(InvoiceFixtures.eur("25.65"));
        assertThat(invoice.totals().gross()).isEqualTo(InvoiceFixtures.eur("175.62"));
        String text = text(pdf);
        assertThat(text).contains("INVOICE No. 2026-0007", "Issue date: 5 December 2026", "Acme SAS",
                "5 avenue Foch", "VAT number: FR40732829320", "€50.00", "€175.62", "VAT at 20 %", "€24.00",
                "VAT at 5.5 %", "€1.65", "payment on receipt", "EUR 40", "No discount for early payment",
                "Session ? with a very long description");
        assertThat(text).doesNotContain("TVA non applicable");

        ZUGFeRDImporter xml = new ZUGFeRDImporter(new ByteArrayInputStream(pdf));
        assertThat(xml.getInvoiceID()).isEqualTo("2026-0007");
        assertThat(new BigDecimal(xml.getTaxBasisTotalAmount())).isEqualByComparingTo("149.97");
        assertThat(new BigDecimal(xml.getTaxTotalAmount())).isEqualByComparingTo("25.65");
        assertThat(new BigDecimal(xml.getAmount())).isEqualByComparingTo("175.62");
        assertThat(xml.getUTF8()).contains("FR40732829320");
        if (System.getProperty("invoice.sample") != null) {
            java.nio.file.Files.write(java.nio.file.Path.of(System.getProperty("invoice.sample")), pdf);
        }
    }

    @Test
    @DisplayName("INV-1 a credit note says so and names the invoice it cancels, in the text and in the XML (type 381)")
    void creditNote() throws Exception {
        Invoice original = issued(InvoiceFixtures.content(), InvoiceFixtures.exemptIdentity(), 1);
        Invoice note = Invoice.creditNoteFor(new InvoiceId(UUID.randomUUID()), original, Instant.parse("2026-12-06T09:00:00Z"))
                .issue(new InvoiceNumber(2026, 2), ISSUED.plusDays(1), Instant.parse("2026-12-06T09:00:00Z"),
                        InvoiceFixtures.exemptIdentity(), original.number()).orElseThrow();
        byte[] pdf = documents.render(note, InvoiceFixtures.profile(ANNA, InvoiceFixtures.exemptIdentity()));
        assertThat(text(pdf)).contains("AVOIR N° 2026-0002", "Avoir relatif à la facture n° 2026-0001");
        ZUGFeRDImporter xml = new ZUGFeRDImporter(new ByteArrayInputStream(pdf));
        assertThat(xml.getDocumentCode()).isEqualTo("381");
        assertThat(xml.getUTF8()).contains("2026-0001");
    }

    private static void assertPdfA3WithEmbeddedFonts(byte[] pdf) throws Exception {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            String xmp = new String(document.getDocumentCatalog().getMetadata().toByteArray(),
                    java.nio.charset.StandardCharsets.UTF_8);
            assertThat(xmp).containsPattern("pdfaid:part(>|=\")3");
            assertThat(xmp).contains("factur-x");
            assertThat(document.getDocumentCatalog().getOutputIntents()).isNotEmpty();
            for (PDPage page : document.getPages()) {
                for (var name : page.getResources().getFontNames()) {
                    PDFont font = page.getResources().getFont(name);
                    assertThat(font.isEmbedded()).as("font %s embedded", font.getName()).isTrue();
                }
            }
        }
    }
}
