package org.rendezvous.app.practitioner;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.LocalDate;
import java.util.List;
import org.rendezvous.app.http.ApiViews.Amount;
import org.rendezvous.core.contact.EmailAddress;
import org.rendezvous.core.invoice.Invoice;
import org.rendezvous.core.invoice.InvoiceId;
import org.rendezvous.core.invoice.InvoiceLine;
import org.rendezvous.core.invoice.InvoiceNumber;
import org.rendezvous.core.invoice.InvoiceTotals;
import org.rendezvous.core.money.Percent;
import org.rendezvous.core.practitioner.InvoicingProfile;
import org.rendezvous.core.practitioner.LegalIdentity;
import org.rendezvous.core.practitioner.Siret;
import org.rendezvous.core.practitioner.VatStatus;
import org.rendezvous.core.revenue.OnSitePayment;
import org.rendezvous.core.revenue.Revenue;
import org.rendezvous.core.revenue.RevenueLine;

/** The JSON shapes of invoicing and revenue (INV-1, INV-2). */
final class InvoiceViews {

    private InvoiceViews() {
    }

    static String percent(Percent p) {
        return java.math.BigDecimal.valueOf(p.basisPoints(), 2).stripTrailingZeros().toPlainString();
    }

    /**
     * The legal identity as the practitioner records it. VAT: a non-blank {@code vatExemptionMention} means
     * VAT does not apply; otherwise {@code vatRate} (e.g. "20") is the default rate of new lines and a
     * {@code vatNumber} is required.
     */
    @Serdeable
    record IdentityRequest(String legalName, @Nullable Boolean individualEntrepreneur, String street, String postcode,
                           String city, @Nullable String countryCode, @Nullable String siret, @Nullable String vatNumber,
                           @Nullable String vatExemptionMention, @Nullable String vatRate, @Nullable Integer paymentDays,
                           @Nullable String paymentNote, @Nullable String autoIssue) {
    }

    @Serdeable
    record IdentityView(String legalName, String displayName, boolean individualEntrepreneur, String street,
                        String postcode, String city, String countryCode, @Nullable String siret,
                        @Nullable String vatNumber, @Nullable String vatExemptionMention, String vatRate, int paymentDays,
                        @Nullable String paymentNote, String autoIssue, boolean hasLogo, boolean hasSignature) {
        static IdentityView of(InvoicingProfile profile) {
            LegalIdentity i = profile.identity();
            return new IdentityView(i.legalName(), i.displayName(), i.individualEntrepreneur(), i.street(), i.postcode(),
                    i.city(), i.countryCode(), i.siret().map(Siret::value).orElse(null), i.vatNumber().orElse(null),
                    i.vat() instanceof VatStatus.Exempt e ? e.mention() : null, percent(i.vat().defaultRate()),
                    i.terms().daysDue(), i.terms().note().orElse(null), profile.autoIssue().name(),
                    profile.logo().isPresent(), profile.signature().isPresent());
        }
    }

    /** One line: quantity (up to two decimals), unit price before VAT and VAT rate as decimal strings. */
    @Serdeable
    record LineRequest(String description, String quantity, String unitPrice, @Nullable String vatRate) {
    }

    /** A draft's content. {@code language} "fr" or "en"; {@code currency} defaults to the agenda's. */
    @Serdeable
    record DraftRequest(String buyerName, @Nullable String buyerEmail, @Nullable String buyerAddress,
                        @Nullable Boolean buyerProfessional, LocalDate serviceDate, @Nullable String language,
                        @Nullable String currency, @Nullable String bookingId, List<LineRequest> lines) {
    }

    @Serdeable
    record LineView(String description, String quantity, Amount unitPrice, String vatRate, Amount net) {
        static LineView of(InvoiceLine l) {
            return new LineView(l.description(), l.quantity().stripTrailingZeros().toPlainString(),
                    Amount.of(l.unitPrice()), percent(l.vatRate()), Amount.of(l.net()));
        }
    }

    @Serdeable
    record VatView(String rate, Amount base, Amount tax) {
        static VatView of(InvoiceTotals.VatAmount v) {
            return new VatView(percent(v.rate()), Amount.of(v.base()), Amount.of(v.tax()));
        }
    }

    @Serdeable
    record InvoiceView(String id, String kind, String state, @Nullable String number, @Nullable String bookingId,
                       @Nullable String creditedId, @Nullable String creditedNumber, String buyerName,
                       @Nullable String buyerEmail, @Nullable String buyerAddress, boolean buyerProfessional,
                       LocalDate serviceDate, @Nullable LocalDate issueDate, @Nullable LocalDate dueDate, String language,
                       List<LineView> lines, Amount net, List<VatView> vat, Amount vatTotal, Amount gross,
                       @Nullable String pdfUrl) {
        static InvoiceView of(Invoice i) {
            var c = i.content();
            InvoiceTotals t = i.totals();
            return new InvoiceView(i.id().toString(), i.kind().name(), i.state().name(),
                    i.number().map(InvoiceNumber::toString).orElse(null),
                    c.booking().map(Object::toString).orElse(null), i.credited().map(InvoiceId::toString).orElse(null),
                    i.issue().flatMap(Invoice.Issue::creditedNumber).map(InvoiceNumber::toString).orElse(null),
                    c.buyer().name(), c.buyer().email().map(EmailAddress::value).orElse(null),
                    c.buyer().address().orElse(null), c.buyer().professional(), c.serviceDate(),
                    i.issue().map(Invoice.Issue::issueDate).orElse(null), i.issue().map(Invoice.Issue::dueDate).orElse(null),
                    c.language().locale().getLanguage(), c.lines().stream().map(LineView::of).toList(),
                    Amount.of(t.net()), t.vat().stream().map(VatView::of).toList(), Amount.of(t.vatTotal()),
                    Amount.of(t.gross()),
                    i.isIssued() ? PractitionerInvoiceController.BASE + "/invoices/" + i.id() + "/pdf" : null);
        }
    }

    /** INV-2: a payment taken on site. {@code method}: CASH, CARD, CHEQUE or TRANSFER. */
    @Serdeable
    record OnSitePaymentRequest(String method, String amount, @Nullable String currency, LocalDate paidOn) {
    }

    @Serdeable
    record OnSitePaymentView(String id, String bookingId, String method, Amount amount, LocalDate paidOn) {
        static OnSitePaymentView of(OnSitePayment p) {
            return new OnSitePaymentView(p.id().toString(), p.bookingId().toString(), p.method().name(),
                    Amount.of(p.amount()), p.paidOn());
        }
    }

    @Serdeable
    record Part(String name, Amount amount) {
    }

    @Serdeable
    record RevenueLineView(LocalDate day, String bookingId, String activity, String mode, String paid,
                           Amount amount, Amount commission, Amount fees) {
        static RevenueLineView of(RevenueLine l) {
            return new RevenueLineView(l.day(), l.bookingId().toString(), l.activity(), l.mode().name(),
                    l.onSiteMethod().map(m -> "ON_SITE_" + m.name()).orElse("ONLINE"), Amount.of(l.amount()),
                    Amount.of(l.commission()), Amount.of(l.fees()));
        }
    }

    @Serdeable
    record RevenueView(LocalDate from, LocalDate to, Amount total, Amount online, Amount onSite, Amount commissions,
                       Amount fees, List<Part> byActivity, List<Part> byMode, List<Part> byMethod,
                       List<RevenueLineView> lines) {
        static RevenueView of(Revenue r) {
            return new RevenueView(r.from(), r.to(), Amount.of(r.total()), Amount.of(r.online()), Amount.of(r.onSite()),
                    Amount.of(r.commissions()), Amount.of(r.fees()),
                    r.byActivity().entrySet().stream().map(e -> new Part(e.getKey(), Amount.of(e.getValue()))).toList(),
                    r.byMode().entrySet().stream().map(e -> new Part(e.getKey().name(), Amount.of(e.getValue()))).toList(),
                    r.byMethod().entrySet().stream().map(e -> new Part(e.getKey().name(), Amount.of(e.getValue()))).toList(),
                    r.lines().stream().map(RevenueLineView::of).toList());
        }
    }
}
