package org.rendezvous.app.payments;

import io.swagger.v3.oas.annotations.Operation;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import java.util.Optional;
import org.rendezvous.app.http.ApiDoc;
import org.rendezvous.app.http.Html;
import org.rendezvous.core.payment.PaymentEvent;
import org.rendezvous.core.payment.PaymentRequest;
import org.rendezvous.core.sandbox.SandboxPaymentGateway;

/**
 * The sandbox provider's payment pages, for running without a provider account: the page a client is
 * sent to shows what they pay and a button that pays (or saves a card) at once. The events reach the
 * engine as a real provider's webhooks would.
 */
@Requires(beans = SandboxPaymentGateway.class)
@Controller("/sandbox/checkout")
final class SandboxCheckoutController {

    private final SandboxPaymentGateway sandbox;
    private final PageTexts texts;

    SandboxCheckoutController(SandboxPaymentGateway sandbox, PageTexts texts) {
        this.sandbox = sandbox;
        this.texts = texts;
    }

    /** PAY-1, PAY-2 in the sandbox: the payment page of a booking. */
    @Get("/{reference}")
    @Produces(MediaType.TEXT_HTML)
    @Operation(operationId = "sandboxPaymentPage", security = {})
    @ApiDoc.HtmlPage
    @ApiDoc.PageNotFound
    HttpResponse<String> page(@PathVariable String reference, HttpRequest<?> request) {
        PageTexts.Texts t = texts.of(request, "sandbox");
        Optional<PaymentRequest> payment = sandbox.openPayment(reference);
        String what;
        if (payment.isPresent()) {
            what = t.text("sandbox.payment.pay", "amount", t.money(payment.get().amount()));
        } else if (sandbox.openGuarantee(reference).isPresent()) {
            what = t.text("sandbox.payment.guarantee");
        } else {
            return closed(t);
        }
        return HttpResponse.ok(t.page("sandbox.payment.title",
                "<p>" + t.text("sandbox.payment.intro") + "</p>"
                        + "<form method=\"post\" action=\"" + t.action("/sandbox/checkout/" + Html.escape(reference)) + "\">"
                        + "<button type=\"submit\">" + what + "</button></form>"));
    }

    /** PAY-1, PAY-2 in the sandbox: pays or saves the card, as the provider's webhook would tell. */
    @Post("/{reference}")
    @Consumes({MediaType.APPLICATION_FORM_URLENCODED, MediaType.ALL})
    @Produces(MediaType.TEXT_HTML)
    @Operation(operationId = "sandboxPay", security = {})
    @ApiDoc.HtmlPage
    @ApiDoc.PageNotFound
    HttpResponse<String> pay(@PathVariable String reference, HttpRequest<?> request) {
        PageTexts.Texts t = texts.of(request, "sandbox");
        Optional<PaymentEvent> event = sandbox.completePayment(reference).or(() -> sandbox.completeGuarantee(reference));
        if (event.isEmpty()) {
            return closed(t);
        }
        return HttpResponse.ok(t.result("sandbox.payment.doneTitle", "<p>" + t.text("sandbox.payment.done") + "</p>"));
    }

    private static HttpResponse<String> closed(PageTexts.Texts t) {
        return HttpResponse.<String>notFound().body(t.result("sandbox.payment.closedTitle",
                "<p>" + t.text("sandbox.payment.closed") + "</p>")).contentType(MediaType.TEXT_HTML_TYPE);
    }
}
