package org.rendezvous.invoices;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.rendezvous.core.invoice.Invoice;
import org.rendezvous.core.invoice.InvoiceLine;
import org.rendezvous.core.invoice.InvoiceTotals;
import org.rendezvous.core.practitioner.InvoicingProfile;
import org.rendezvous.core.practitioner.LegalIdentity;

/**
 * The page of an invoice: seller (with logo) and title, buyer, dates, lines, totals, VAT mention,
 * payment terms and the late-payment mentions that apply to the buyer, signature.
 */
final class InvoiceLayout {

    private static final float BODY = 9.5f;
    private static final float LEADING = 13;
    private static final float RIGHT = PageWriter.WIDTH - PageWriter.MARGIN;
    private static final float LEFT = PageWriter.MARGIN;
    private static final float DESCRIPTION_WIDTH = 235;
    private static final float QUANTITY_RIGHT = 335;
    private static final float UNIT_RIGHT = 420;
    private static final float VAT_RIGHT = 470;

    private final Invoice invoice;
    private final InvoicingProfile profile;
    private final Labels labels;
    private final String title;
    private final PageWriter w;
    private final LegalIdentity seller;

    InvoiceLayout(Invoice invoice, InvoicingProfile profile, Labels labels, String title, PageWriter writer) {
        this.invoice = invoice;
        this.profile = profile;
        this.labels = labels;
        this.title = title;
        this.w = writer;
        this.seller = invoice.issue().orElseThrow().seller();
    }

    void draw() throws IOException {
        header();
        buyer();
        lines();
        totals();
        mentions();
        signature();
    }

    private void header() throws IOException {
        float top = w.y();
        float left = top;
        if (profile.logo().isPresent()) {
            left -= w.image(profile.logo().get().bytes(), "logo", LEFT, top, 140, 60) + 8;
        }
        w.moveTo(left);
        List<String> identity = FacturXInvoiceDocuments.identityLines(seller, labels);
        for (int i = 0; i < identity.size(); i++) {
            w.down(LEADING);
            w.text(identity.get(i), LEFT, w.y(), i == 0 ? w.bold : w.regular, i == 0 ? 11 : BODY);
        }
        float sellerBottom = w.y();

        Invoice.Issue issue = invoice.issue().orElseThrow();
        float y = top - 16;
        w.textRight(title, RIGHT, y, w.bold, 16);
        y -= LEADING + 4;
        w.textRight(labels.field(labels.issueDate()) + labels.date(issue.issueDate()), RIGHT, y, w.regular, BODY);
        y -= LEADING;
        w.textRight(labels.field(labels.serviceDate()) + labels.date(invoice.content().serviceDate()), RIGHT, y, w.regular, BODY);
        y -= LEADING;
        w.textRight(labels.field(labels.dueDate()) + labels.date(issue.dueDate()), RIGHT, y, w.regular, BODY);
        if (issue.creditedNumber().isPresent()) {
            y -= LEADING;
            w.textRight(labels.creditNoteOf() + " " + issue.creditedNumber().get(), RIGHT, y, w.bold, BODY);
        }
        w.moveTo(Math.min(sellerBottom, y) - 20);
    }

    private void buyer() throws IOException {
        var buyer = invoice.content().buyer();
        float x = PageWriter.WIDTH / 2 + 20;
        w.down(LEADING);
        w.text(labels.buyer(), x, w.y(), w.bold, BODY);
        w.down(LEADING);
        w.text(buyer.name(), x, w.y(), w.regular, 10.5f);
        for (String line : buyer.address().map(a -> List.of(a.split("\n"))).orElse(List.of())) {
            w.down(LEADING);
            w.text(line, x, w.y(), w.regular, BODY);
        }
        if (buyer.email().isPresent()) {
            w.down(LEADING);
            w.text(buyer.email().get().value(), x, w.y(), w.regular, BODY);
        }
        w.down(24);
    }

    private void tableHeader() throws IOException {
        w.down(LEADING);
        w.text(labels.description(), LEFT, w.y(), w.bold, BODY);
        w.textRight(labels.quantity(), QUANTITY_RIGHT, w.y(), w.bold, BODY);
        w.textRight(labels.unitPrice(), UNIT_RIGHT, w.y(), w.bold, BODY);
        w.textRight(labels.vat(), VAT_RIGHT, w.y(), w.bold, BODY);
        w.textRight(labels.lineTotal(), RIGHT, w.y(), w.bold, BODY);
        w.line(LEFT, w.y() - 4, RIGHT, w.y() - 4);
        w.down(6);
    }

    private void lines() throws IOException {
        tableHeader();
        for (InvoiceLine line : invoice.content().lines()) {
            List<String> description = w.wrap(line.description(), w.regular, BODY, DESCRIPTION_WIDTH);
            float before = w.y();
            w.ensure(LEADING * description.size());
            if (w.y() > before) {
                tableHeader();
            }
            w.down(LEADING);
            w.text(description.get(0), LEFT, w.y(), w.regular, BODY);
            w.textRight(labels.quantity(line.quantity()), QUANTITY_RIGHT, w.y(), w.regular, BODY);
            w.textRight(labels.money(line.unitPrice()), UNIT_RIGHT, w.y(), w.regular, BODY);
            w.textRight(labels.percent(line.vatRate()), VAT_RIGHT, w.y(), w.regular, BODY);
            w.textRight(labels.money(line.net()), RIGHT, w.y(), w.regular, BODY);
            for (String more : description.subList(1, description.size())) {
                w.down(LEADING);
                w.text(more, LEFT, w.y(), w.regular, BODY);
            }
        }
        w.line(LEFT, w.y() - 5, RIGHT, w.y() - 5);
        w.down(10);
    }

    private void totals() throws IOException {
        InvoiceTotals totals = invoice.totals();
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {labels.totalNet(), labels.money(totals.net())});
        // Exempt from VAT: no rate to show, the mention below says why there is none.
        for (InvoiceTotals.VatAmount vat : FacturXInvoiceDocuments.vatMention(seller).isPresent() ? List.<InvoiceTotals.VatAmount>of()
                : totals.vat()) {
            rows.add(new String[] {labels.vatAt() + " " + labels.percent(vat.rate()), labels.money(vat.tax())});
        }
        rows.add(new String[] {labels.totalVat(), labels.money(totals.vatTotal())});
        w.ensure(LEADING * (rows.size() + 1));
        float labelRight = RIGHT - 90;
        for (String[] row : rows) {
            w.down(LEADING);
            w.textRight(row[0], labelRight, w.y(), w.regular, BODY);
            w.textRight(row[1], RIGHT, w.y(), w.regular, BODY);
        }
        w.down(LEADING + 3);
        w.textRight(labels.totalGross(), labelRight, w.y(), w.bold, 11);
        w.textRight(labels.money(totals.gross()), RIGHT, w.y(), w.bold, 11);
        w.down(16);
    }

    private void mentions() throws IOException {
        List<String> paragraphs = new ArrayList<>();
        FacturXInvoiceDocuments.vatMention(seller).ifPresent(paragraphs::add);
        paragraphs.add(labels.field(labels.paymentTerms())
                + FacturXInvoiceDocuments.paymentTerms(invoice.issue().orElseThrow(), labels));
        if (invoice.content().buyer().professional()) {
            paragraphs.add(labels.professionalPenalties());
            paragraphs.add(labels.noDiscount());
        } else {
            paragraphs.add(labels.individualLate());
        }
        for (String paragraph : paragraphs) {
            for (String line : w.wrap(paragraph, w.regular, 8.5f, RIGHT - LEFT)) {
                w.down(12);
                w.text(line, LEFT, w.y(), w.regular, 8.5f);
            }
            w.down(3);
        }
    }

    private void signature() throws IOException {
        if (profile.signature().isEmpty()) {
            return;
        }
        w.ensure(90);
        w.down(LEADING);
        float x = RIGHT - 160;
        w.text(labels.signature(), x, w.y(), w.regular, 8.5f);
        w.down(4);
        float height = w.image(profile.signature().get().bytes(), "signature", x, w.y(), 160, 60);
        w.down(height);
    }
}
