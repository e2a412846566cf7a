package org.rendezvous.app;

import io.swagger.v3.oas.annotations.Operation;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import java.util.Optional;
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

    SandboxCheckoutController(SandboxPaymentGateway sandbox) {
        this.sandbox = sandbox;
    }

    /** PAY-1, PAY-2 in the sandbox: the payment page of a booking. */
    @Get("/{reference}")
    @Produces(MediaType.TEXT_HTML)
    @Operation(operationId = "sandboxPaymentPage", security = {})
    @ApiDoc.HtmlPage
    @ApiDoc.PageNotFound
    HttpResponse<String> page(@PathVariable String reference) {
        Optional<PaymentRequest> payment = sandbox.openPayment(reference);
        String what;
        if (payment.isPresent()) {
            what = "Pay " + Html.escape(payment.get().amount().toString());
        } else if (sandbox.openGuarantee(reference).isPresent()) {
            what = "Save my card as a guarantee (nothing is charged now)";
        } else {
            return HttpResponse.<String>notFound().body(Html.page("Payment", "<p>This payment page is closed or unknown.</p>"))
                    .contentType(MediaType.TEXT_HTML_TYPE);
        }
        return HttpResponse.ok(Html.page("Sandbox payment",
                "<p>This is the sandbox payment provider: no real money moves.</p>"
                        + "<form method=\"post\" action=\"/sandbox/checkout/" + Html.escape(reference) + "\">"
                        + "<button type=\"submit\">" + what + "</button></form>"));
    }

    /** PAY-1, PAY-2 in the sandbox: pays or saves the card, as the provider's webhook would tell. */
    @Post("/{reference}")
    @Consumes({MediaType.APPLICATION_FORM_URLENCODED, MediaType.ALL})
    @Produces(MediaType.TEXT_HTML)
    @Operation(operationId = "sandboxPay", security = {})
    @ApiDoc.HtmlPage
    @ApiDoc.PageNotFound
    HttpResponse<String> pay(@PathVariable String reference) {
        Optional<PaymentEvent> event = sandbox.completePayment(reference).or(() -> sandbox.completeGuarantee(reference));
        if (event.isEmpty()) {
            return HttpResponse.<String>notFound().body(Html.page("Payment", "<p>This payment page is closed or unknown.</p>"))
                    .contentType(MediaType.TEXT_HTML_TYPE);
        }
        return HttpResponse.ok(Html.page("Thank you", "<p>Done. You will receive a confirmation by e-mail.</p>"));
    }
}
