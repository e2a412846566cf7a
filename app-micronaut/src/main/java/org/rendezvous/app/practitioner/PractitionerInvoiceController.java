package org.rendezvous.app.practitioner;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Content;
import static org.rendezvous.app.practitioner.PractitionerAgendaController.id;
import static org.rendezvous.app.practitioner.PractitionerAgendaController.me;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.rendezvous.app.account.AuthController;
import org.rendezvous.app.account.Roles;
import org.rendezvous.app.client.PublicBookingController;
import org.rendezvous.app.http.ApiDoc;
import org.rendezvous.app.http.Problem;
import org.rendezvous.app.practitioner.InvoiceViews.DraftRequest;
import org.rendezvous.app.practitioner.InvoiceViews.IdentityRequest;
import org.rendezvous.app.practitioner.InvoiceViews.IdentityView;
import org.rendezvous.app.practitioner.InvoiceViews.InvoiceView;
import org.rendezvous.app.practitioner.InvoiceViews.LineRequest;
import org.rendezvous.app.practitioner.InvoiceViews.OnSitePaymentRequest;
import org.rendezvous.app.practitioner.InvoiceViews.OnSitePaymentView;
import org.rendezvous.app.practitioner.InvoiceViews.RevenueView;
import org.rendezvous.core.InvoiceService;
import org.rendezvous.core.Rendezvous;
import org.rendezvous.core.agenda.AgendaSettings;
import org.rendezvous.core.booking.BookingId;
import org.rendezvous.core.contact.EmailAddress;
import org.rendezvous.core.invoice.Buyer;
import org.rendezvous.core.invoice.Invoice;
import org.rendezvous.core.invoice.InvoiceContent;
import org.rendezvous.core.invoice.InvoiceId;
import org.rendezvous.core.invoice.InvoiceLine;
import org.rendezvous.core.money.Money;
import org.rendezvous.core.money.Percent;
import org.rendezvous.core.outcome.Reason;
import org.rendezvous.core.practitioner.InvoiceImage;
import org.rendezvous.core.practitioner.InvoicingProfile;
import org.rendezvous.core.practitioner.LegalIdentity;
import org.rendezvous.core.practitioner.PaymentTerms;
import org.rendezvous.core.practitioner.PractitionerId;
import org.rendezvous.core.practitioner.Siret;
import org.rendezvous.core.practitioner.VatStatus;
import org.rendezvous.core.revenue.PaymentMethod;
import org.rendezvous.core.revenue.RevenueLine;

/**
 * Invoicing and revenue (INV-1, INV-2, PLAN-2): the legal identity with its logo and signature, drafts,
 * issue, credit notes, the PDF (Factur-X), sending it again, CSV exports for an accountant, payments
 * taken on site and the revenue of a period. Only the session's own.
 */
@Controller(PractitionerInvoiceController.BASE)
@Secured(Roles.PRACTITIONER)
@SecurityRequirement(name = AuthController.BEARER)
@SecurityRequirement(name = AuthController.COOKIE)
@ApiDoc.PractitionerSession
public class PractitionerInvoiceController {

    static final String BASE = "/api/practitioner";
    public static final String PDF = "application/pdf";
    static final String CSV = "text/csv";

    private final Rendezvous engine;

    PractitionerInvoiceController(Rendezvous engine) {
        this.engine = engine;
    }

    // Legal identity (INV-1)

    /** INV-1: the legal identity printed on invoices. */
    @Get("/invoicing-profile")
    @ApiResponse(responseCode = "200", description = "the legal identity",
            content = @Content(schema = @Schema(implementation = IdentityView.class)))
    @ApiDoc.NotFound
    @Operation(operationId = "invoicingProfile")
    HttpResponse<?> profile(Authentication authentication) {
        return engine.invoices().profile(me(authentication)).<HttpResponse<?>>map(p -> HttpResponse.ok(IdentityView.of(p)))
                .orElseGet(() -> Problem.of(Reason.NOT_FOUND, "identity: no legal identity recorded yet").toResponse());
    }

    /** Records the legal identity; a SIRET that fails its checksum, a missing VAT number… are 400s naming the field. */
    @Put("/invoicing-profile")
    @ApiResponse(responseCode = "200", description = "the legal identity as saved",
            content = @Content(schema = @Schema(implementation = IdentityView.class)))
    @ApiDoc.BadRequest
    HttpResponse<?> saveProfile(Authentication authentication, @Body IdentityRequest r) {
        VatStatus vat = r.vatExemptionMention() != null && !r.vatExemptionMention().isBlank()
                ? new VatStatus.Exempt(r.vatExemptionMention())
                : new VatStatus.Liable(percent(AuthController.required(r.vatRate(), "vatRate"), "vatRate"));
        LegalIdentity identity = new LegalIdentity(r.legalName(), Boolean.TRUE.equals(r.individualEntrepreneur()),
                r.street(), r.postcode(), r.city(), r.countryCode() == null ? "FR" : r.countryCode(),
                blankToEmpty(r.siret()).map(Siret::of), blankToEmpty(r.vatNumber()), vat,
                new PaymentTerms(r.paymentDays() == null ? 0 : r.paymentDays(), blankToEmpty(r.paymentNote())));
        InvoicingProfile.AutoIssue autoIssue = r.autoIssue() == null ? InvoicingProfile.AutoIssue.NEVER
                : PractitionerInvoiceController.enumOf(InvoicingProfile.AutoIssue.class, r.autoIssue(), "autoIssue");
        return PublicBookingController.respond(engine.invoices().saveIdentity(me(authentication), identity, autoIssue),
                p -> HttpResponse.ok(IdentityView.of(p)));
    }

    /** The logo, the raw body: a JPEG or PNG by its bytes, at most 512 KB. */
    @Put("/invoicing-profile/logo")
    @Consumes(MediaType.ALL)
    @ApiResponse(responseCode = "200", description = "the legal identity with its logo",
            content = @Content(schema = @Schema(implementation = IdentityView.class)))
    @ApiDoc.BadRequest
    @ApiDoc.TooLarge
    @ApiDoc.Refused
    HttpResponse<?> saveLogo(Authentication authentication, @Body @Nullable byte[] body) {
        return PublicBookingController.respond(engine.invoices().saveLogo(me(authentication),
                Optional.of(InvoiceImage.of("logo", body))), p -> HttpResponse.ok(IdentityView.of(p)));
    }

    /** Removes the logo. */
    @Delete("/invoicing-profile/logo")
    @ApiResponse(responseCode = "200", description = "the legal identity without a logo",
            content = @Content(schema = @Schema(implementation = IdentityView.class)))
    @ApiDoc.Refused
    HttpResponse<?> removeLogo(Authentication authentication) {
        return PublicBookingController.respond(engine.invoices().saveLogo(me(authentication), Optional.empty()),
                p -> HttpResponse.ok(IdentityView.of(p)));
    }

    /** The signature, the raw body: a JPEG or PNG by its bytes, at most 512 KB. */
    @Put("/invoicing-profile/signature")
    @Consumes(MediaType.ALL)
    @ApiResponse(responseCode = "200", description = "the legal identity with its signature",
            content = @Content(schema = @Schema(implementation = IdentityView.class)))
    @ApiDoc.BadRequest
    @ApiDoc.TooLarge
    @ApiDoc.Refused
    HttpResponse<?> saveSignature(Authentication authentication, @Body @Nullable byte[] body) {
        return PublicBookingController.respond(engine.invoices().saveSignature(me(authentication),
                Optional.of(InvoiceImage.of("signature", body))), p -> HttpResponse.ok(IdentityView.of(p)));
    }

    /** Removes the signature. */
    @Delete("/invoicing-profile/signature")
    @ApiResponse(responseCode = "200", description = "the legal identity without a signature",
            content = @Content(schema = @Schema(implementation = IdentityView.class)))
    @ApiDoc.Refused
    HttpResponse<?> removeSignature(Authentication authentication) {
        return PublicBookingController.respond(engine.invoices().saveSignature(me(authentication), Optional.empty()),
                p -> HttpResponse.ok(IdentityView.of(p)));
    }

    // Invoices (INV-1)

    /** The practitioner's invoices and drafts, newest first (the latest 500). */
    @Get("/invoices")
    List<InvoiceView> invoices(Authentication authentication) {
        return engine.invoices().list(me(authentication), 500).stream().map(InvoiceView::of).toList();
    }

    /** INV-1: a new draft invoice. */
    @Post("/invoices")
    @ApiResponse(responseCode = "201", description = "the draft",
            content = @Content(schema = @Schema(implementation = InvoiceView.class)))
    @ApiDoc.BadRequest
    @ApiDoc.Refused
    HttpResponse<?> draft(Authentication authentication, @Body DraftRequest r) {
        PractitionerId me = me(authentication);
        return PublicBookingController.respond(engine.invoices().draft(me, content(me, r)),
                i -> HttpResponse.created(InvoiceView.of(i)));
    }

    /** A draft prefilled from the booking: its client, activity, date and what was paid. */
    @Post("/bookings/{bookingId}/invoice")
    @ApiResponse(responseCode = "201", description = "the draft",
            content = @Content(schema = @Schema(implementation = InvoiceView.class)))
    @ApiDoc.BadRequest
    @ApiDoc.NotFound
    @ApiDoc.Refused
    HttpResponse<?> draftFromBooking(Authentication authentication, @PathVariable String bookingId) {
        return PublicBookingController.respond(engine.invoices().draftFromBooking(me(authentication),
                id(bookingId, "bookingId", BookingId::of)), i -> HttpResponse.created(InvoiceView.of(i)));
    }

    /** One invoice, draft or issued. */
    @Get("/invoices/{invoiceId}")
    @ApiResponse(responseCode = "200", description = "the invoice",
            content = @Content(schema = @Schema(implementation = InvoiceView.class)))
    @ApiDoc.BadRequest
    @ApiDoc.NotFound
    HttpResponse<?> invoice(Authentication authentication, @PathVariable String invoiceId) {
        return engine.invoices().find(me(authentication), invoiceId(invoiceId))
                .<HttpResponse<?>>map(i -> HttpResponse.ok(InvoiceView.of(i)))
                .orElseGet(() -> Problem.of(Reason.NOT_FOUND, "invoiceId: no such invoice").toResponse());
    }

    /** Replaces a draft's content; an issued invoice is a 409 (INVOICE_ISSUED). */
    @Put("/invoices/{invoiceId}")
    @ApiResponse(responseCode = "200", description = "the draft as saved",
            content = @Content(schema = @Schema(implementation = InvoiceView.class)))
    @ApiDoc.BadRequest
    @ApiDoc.NotFound
    @ApiDoc.Conflict
    HttpResponse<?> edit(Authentication authentication, @PathVariable String invoiceId, @Body DraftRequest r) {
        PractitionerId me = me(authentication);
        InvoiceId id = invoiceId(invoiceId);
        return PublicBookingController.respond(engine.invoices().edit(me, id, content(me, r)),
                i -> HttpResponse.ok(InvoiceView.of(i)));
    }

    /** Deletes a draft; an issued invoice is a 409 (INVOICE_ISSUED). */
    @Delete("/invoices/{invoiceId}")
    @ApiResponse(responseCode = "204", description = "the draft is deleted")
    @ApiDoc.BadRequest
    @ApiDoc.NotFound
    @ApiDoc.Conflict
    HttpResponse<?> delete(Authentication authentication, @PathVariable String invoiceId) {
        return PublicBookingController.respond(engine.invoices().delete(me(authentication), invoiceId(invoiceId)),
                id -> HttpResponse.noContent());
    }

    /** Numbers the draft (YYYY-NNNN) and e-mails it to the buyer if they have an address. */
    @Post("/invoices/{invoiceId}/issue")
    @ApiResponse(responseCode = "200", description = "the invoice, numbered",
            content = @Content(schema = @Schema(implementation = InvoiceView.class)))
    @ApiDoc.BadRequest
    @ApiDoc.NotFound
    @ApiDoc.Conflict
    @ApiDoc.Refused
    @ApiDoc.TooMany
    HttpResponse<?> issue(Authentication authentication, @PathVariable String invoiceId) {
        return PublicBookingController.respond(engine.invoices().issue(me(authentication), invoiceId(invoiceId)),
                i -> HttpResponse.ok(InvoiceView.of(i)));
    }

    /** The credit note (avoir) that cancels the whole invoice, numbered in the same sequence. */
    @Post("/invoices/{invoiceId}/credit-note")
    @ApiResponse(responseCode = "201", description = "the credit note",
            content = @Content(schema = @Schema(implementation = InvoiceView.class)))
    @ApiDoc.BadRequest
    @ApiDoc.NotFound
    @ApiDoc.Conflict
    @ApiDoc.Refused
    HttpResponse<?> creditNote(Authentication authentication, @PathVariable String invoiceId) {
        return PublicBookingController.respond(engine.invoices().creditNote(me(authentication), invoiceId(invoiceId)),
                i -> HttpResponse.created(InvoiceView.of(i)));
    }

    /** The PDF/A-3 with its Factur-X XML. */
    @Get("/invoices/{invoiceId}/pdf")
    @Produces(PDF)
    @ApiResponse(responseCode = "200", description = "the PDF/A-3 with its Factur-X XML",
            content = @Content(mediaType = PDF, schema = @Schema(type = "string", format = "binary")))
    @ApiDoc.BadRequest
    @ApiDoc.NotFound
    @ApiDoc.Refused
    HttpResponse<?> pdf(Authentication authentication, @PathVariable String invoiceId) {
        return PublicBookingController.respond(engine.invoices().document(me(authentication), invoiceId(invoiceId)),
                PractitionerInvoiceController::pdfResponse);
    }

    /** E-mails the issued invoice to its buyer again. */
    @Post("/invoices/{invoiceId}/send")
    @ApiResponse(responseCode = "202", description = "the e-mail is on its way")
    @ApiDoc.BadRequest
    @ApiDoc.NotFound
    @ApiDoc.Refused
    HttpResponse<?> send(Authentication authentication, @PathVariable String invoiceId) {
        return PublicBookingController.respond(engine.invoices().send(me(authentication), invoiceId(invoiceId)),
                i -> HttpResponse.accepted());
    }

    /** The invoices and credit notes issued on days in [from, to], one line each, for an accountant. */
    @Get("/invoices/export.csv")
    @Produces(CSV)
    @ApiResponse(responseCode = "200", description = "semicolon-separated lines, as an attachment",
            content = @Content(mediaType = CSV, schema = @Schema(type = "string")))
    @ApiDoc.BadRequest
    HttpResponse<?> exportInvoices(Authentication authentication, @QueryValue LocalDate from, @QueryValue LocalDate to) {
        period(from, to);
        StringBuilder csv = new StringBuilder("number;kind;issue_date;service_date;buyer;credited_number;net;vat;gross;currency\r\n");
        for (Invoice i : engine.invoices().issuedBetween(me(authentication), from, to)) {
            var issue = i.issue().orElseThrow();
            var totals = i.totals();
            String sign = i.kind() == org.rendezvous.core.invoice.InvoiceKind.CREDIT_NOTE ? "-" : "";
            row(csv, i.number().orElseThrow().toString(), i.kind().name(), issue.issueDate().toString(),
                    i.content().serviceDate().toString(), i.content().buyer().name(),
                    issue.creditedNumber().map(Object::toString).orElse(""), sign + totals.net().toDecimal().toPlainString(),
                    sign + totals.vatTotal().toDecimal().toPlainString(), sign + totals.gross().toDecimal().toPlainString(),
                    i.content().currency().getCurrencyCode());
        }
        return csvResponse(csv, "invoices-" + from + "-" + to + ".csv");
    }

    // Revenue (INV-2)

    /** INV-2: the revenue of the days in [from, to], online and on site. */
    @Get("/revenue")
    @ApiResponse(responseCode = "200", description = "the revenue and its lines",
            content = @Content(schema = @Schema(implementation = RevenueView.class)))
    @ApiDoc.BadRequest
    HttpResponse<?> revenue(Authentication authentication, @QueryValue LocalDate from, @QueryValue LocalDate to) {
        return PublicBookingController.respond(engine.revenue().revenue(me(authentication), from, to),
                r -> HttpResponse.ok(RevenueView.of(r)));
    }

    /** INV-2: the revenue of the days in [from, to] as CSV, one line per payment. */
    @Get("/revenue/export.csv")
    @Produces(CSV)
    @ApiResponse(responseCode = "200", description = "semicolon-separated lines, as an attachment",
            content = @Content(mediaType = CSV, schema = @Schema(type = "string")))
    @ApiDoc.BadRequest
    HttpResponse<?> exportRevenue(Authentication authentication, @QueryValue LocalDate from, @QueryValue LocalDate to) {
        return PublicBookingController.respond(engine.revenue().revenue(me(authentication), from, to), r -> {
            StringBuilder csv = new StringBuilder("day;booking;activity;mode;paid;amount;commission;fees;currency\r\n");
            for (RevenueLine l : r.lines()) {
                row(csv, l.day().toString(), l.bookingId().toString(), l.activity(), l.mode().name(),
                        l.onSiteMethod().map(m -> "ON_SITE_" + m.name()).orElse("ONLINE"),
                        l.amount().toDecimal().toPlainString(), l.commission().toDecimal().toPlainString(),
                        l.fees().toDecimal().toPlainString(), l.amount().currency().getCurrencyCode());
            }
            return csvResponse(csv, "revenue-" + from + "-" + to + ".csv");
        });
    }

    /** INV-2: a payment the client made on site for the booking (cash, card, cheque, transfer). */
    @Post("/bookings/{bookingId}/on-site-payments")
    @ApiResponse(responseCode = "201", description = "the payment recorded",
            content = @Content(schema = @Schema(implementation = OnSitePaymentView.class)))
    @ApiDoc.BadRequest
    @ApiDoc.NotFound
    @ApiDoc.Refused
    HttpResponse<?> recordOnSitePayment(Authentication authentication, @PathVariable String bookingId,
                                        @Body OnSitePaymentRequest r) {
        PractitionerId me = me(authentication);
        PaymentMethod method = enumOf(PaymentMethod.class, AuthController.required(r.method(), "method"), "method");
        Money amount = money(AuthController.required(r.amount(), "amount"), currency(me, r.currency()), "amount");
        LocalDate paidOn = PractitionerAgendaController.required(r.paidOn(), "paidOn");
        return PublicBookingController.respond(engine.revenue().recordOnSitePayment(me,
                id(bookingId, "bookingId", BookingId::of), method, amount, paidOn),
                p -> HttpResponse.created(OnSitePaymentView.of(p)));
    }

    /** INV-2: the payments recorded on site for the booking. */
    @Get("/bookings/{bookingId}/on-site-payments")
    @ApiDoc.BadRequest
    List<OnSitePaymentView> onSitePayments(Authentication authentication, @PathVariable String bookingId) {
        return engine.revenue().onSitePayments(me(authentication), id(bookingId, "bookingId", BookingId::of)).stream()
                .map(OnSitePaymentView::of).toList();
    }

    // Reading requests

    private InvoiceContent content(PractitionerId me, DraftRequest r) {
        List<LineRequest> given = PractitionerAgendaController.required(r.lines(), "lines");
        String currency = currency(me, r.currency());
        List<InvoiceLine> lines = new ArrayList<>();
        for (int i = 0; i < given.size(); i++) {
            LineRequest l = given.get(i);
            String at = "lines[" + i + "].";
            if (l == null) {
                throw new IllegalArgumentException("lines[" + i + "]: must not be null");
            }
            try {
                lines.add(InvoiceLine.of(l.description(), AuthController.required(l.quantity(), "quantity"),
                        money(AuthController.required(l.unitPrice(), "unitPrice"), currency, "unitPrice"),
                        l.vatRate() == null || l.vatRate().isBlank() ? Percent.ZERO : percent(l.vatRate(), "vatRate")));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(at + e.getMessage(), e);
            }
        }
        Buyer buyer = new Buyer(r.buyerName(), blankToEmpty(r.buyerEmail()).map(EmailAddress::of),
                blankToEmpty(r.buyerAddress()), Boolean.TRUE.equals(r.buyerProfessional()));
        return new InvoiceContent(buyer, lines, PractitionerAgendaController.required(r.serviceDate(), "serviceDate"),
                AuthController.language(r.language()),
                blankToEmpty(r.bookingId()).map(b -> id(b, "bookingId", BookingId::of)));
    }

    private String currency(PractitionerId me, @Nullable String given) {
        if (given != null && !given.isBlank()) {
            return given.trim().toUpperCase(Locale.ROOT);
        }
        return engine.practitioners().settings(me).map(AgendaSettings::currency).map(Currency::getCurrencyCode)
                .orElse("EUR");
    }

    private static Money money(String amount, String currency, String field) {
        if (!amount.matches("[0-9]{1,9}(\\.[0-9]{1,4})?")) {
            throw new IllegalArgumentException(field + ": a decimal number such as 60.00");
        }
        try {
            return Money.of(amount, currency);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(field + ": " + e.getMessage(), e);
        }
    }

    private static Percent percent(String value, String field) {
        if (!value.trim().matches("[0-9]{1,3}(\\.[0-9]{1,2})?")) {
            throw new IllegalArgumentException(field + ": a percentage such as 20 or 5.5");
        }
        try {
            return Percent.of(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(field + ": must be between 0 and 100", e);
        }
    }

    static <E extends Enum<E>> E enumOf(Class<E> type, String value, String field) {
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(field + ": one of " + java.util.Arrays.toString(type.getEnumConstants()));
        }
    }

    private static InvoiceId invoiceId(String value) {
        return id(value, "invoiceId", InvoiceId::of);
    }

    private static Optional<String> blankToEmpty(@Nullable String value) {
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
    }

    private static void period(LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("to: must not be before from");
        }
        if (from.plusDays(366).isBefore(to)) {
            throw new IllegalArgumentException("to: at most 366 days after from");
        }
    }

    public static HttpResponse<?> pdfResponse(InvoiceService.Document document) {
        return HttpResponse.ok(document.pdf()).contentType(PDF)
                .header("Content-Disposition", "attachment; filename=\"" + document.fileName() + "\"")
                .header("Cache-Control", "private, no-store");
    }

    private static HttpResponse<?> csvResponse(StringBuilder csv, String fileName) {
        return HttpResponse.ok(csv.toString().getBytes(StandardCharsets.UTF_8)).contentType(CSV + "; charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"" + fileName + "\"")
                .header("Cache-Control", "private, no-store");
    }

    /** One CSV row, separated by semicolons (what French spreadsheets open), each field quoted when it must be. */
    private static void row(StringBuilder csv, String... fields) {
        for (int i = 0; i < fields.length; i++) {
            if (i > 0) {
                csv.append(';');
            }
            String field = fields[i];
            // A cell starting with = + - @ would be a formula in a spreadsheet: a quote makes it text.
            if (!field.isEmpty() && "=+@".indexOf(field.charAt(0)) >= 0
                    || field.startsWith("-") && !field.matches("-[0-9.]+")) {
                field = "'" + field;
            }
            if (field.contains(";") || field.contains("\"") || field.contains("\n") || field.contains("\r")) {
                field = "\"" + field.replace("\"", "\"\"") + "\"";
            }
            csv.append(field);
        }
        csv.append("\r\n");
    }
}
