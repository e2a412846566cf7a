package org.rendezvous.app;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.rendezvous.core.payment.AccountStatus;
import org.rendezvous.core.payment.OnboardingLink;
import org.rendezvous.core.sandbox.SandboxPaymentGateway;

/**
 * The sandbox provider's onboarding page, standing for Stripe's: the practitioner "gives their details"
 * with one button, or puts the account in another state to try it (pending verification, details needed).
 * Each choice reaches the engine as the provider's {@code account.updated} would, then the practitioner goes
 * back to the host's return URL.
 */
@Requires(beans = SandboxPaymentGateway.class)
@Controller("/sandbox/onboarding")
final class SandboxOnboardingController {

    private final SandboxPaymentGateway sandbox;

    SandboxOnboardingController(SandboxPaymentGateway sandbox) {
        this.sandbox = sandbox;
    }

    /** The sandbox's onboarding page of a payment account. */
    @Get("/{accountId}")
    @Produces(MediaType.TEXT_HTML)
    @Operation(operationId = "sandboxOnboardingPage", security = {})
    @ApiDoc.HtmlPage
    @ApiDoc.PageNotFound
    HttpResponse<String> page(@PathVariable String accountId) {
        Optional<OnboardingLink.Request> link = sandbox.openLink(accountId);
        if (link.isEmpty()) {
            return closed();
        }
        String action = "/sandbox/onboarding/" + Html.escape(accountId);
        AccountStatus status = sandbox.account(accountId).orElseThrow();
        return HttpResponse.ok(Html.page("Sandbox payment account",
                "<p>This is the sandbox payment provider: no real account is opened and no details are kept.</p>"
                        + "<p>Account <code>" + Html.escape(accountId) + "</code>: "
                        + (status.chargesEnabled() ? "takes payments" : "cannot take payments yet") + ", "
                        + (status.payoutsEnabled() ? "receives payouts" : "cannot receive payouts yet") + ".</p>"
                        + form(action + "/complete", "Give my details (the account is enabled)", "complete")
                        + form(action + "/pending", "Give my details, verification pending", "pending")
                        + form(action + "/details-needed", "Leave details missing", "details-needed")))
                .contentType(MediaType.TEXT_HTML_TYPE);
    }

    /** Sandbox onboarding: the details are given and the account is enabled. */
    @Post("/{accountId}/complete")
    @Consumes({MediaType.APPLICATION_FORM_URLENCODED, MediaType.ALL})
    @ApiDoc.Public
    @ApiResponse(responseCode = "303", description = "back to the host's return URL")
    @ApiDoc.PageNotFound
    HttpResponse<String> complete(@PathVariable String accountId) {
        return decide(accountId, AccountStatus.enabled());
    }

    /** Sandbox onboarding: the details are given, verification pending. */
    @Post("/{accountId}/pending")
    @Consumes({MediaType.APPLICATION_FORM_URLENCODED, MediaType.ALL})
    @ApiDoc.Public
    @ApiResponse(responseCode = "303", description = "back to the host's return URL")
    @ApiDoc.PageNotFound
    HttpResponse<String> pending(@PathVariable String accountId) {
        return decide(accountId, AccountStatus.pendingVerification());
    }

    /** Sandbox onboarding: details are left missing. */
    @Post("/{accountId}/details-needed")
    @Consumes({MediaType.APPLICATION_FORM_URLENCODED, MediaType.ALL})
    @ApiDoc.Public
    @ApiResponse(responseCode = "303", description = "back to the host's return URL")
    @ApiDoc.PageNotFound
    HttpResponse<String> detailsNeeded(@PathVariable String accountId) {
        return decide(accountId, AccountStatus.detailsNeeded(List.of("external_account", "individual.verification.document")));
    }

    private HttpResponse<String> decide(String accountId, AccountStatus status) {
        Optional<OnboardingLink.Request> link = sandbox.openLink(accountId);
        if (link.isEmpty() || sandbox.updateAccount(accountId, status).isEmpty()) {
            return closed();
        }
        URI back = link.get().returnUrl();
        return HttpResponse.<String>seeOther(back);
    }

    private static String form(String action, String label, String id) {
        return "<form method=\"post\" action=\"" + action + "\"><button type=\"submit\" id=\"sandbox-" + id + "\">"
                + Html.escape(label) + "</button></form>";
    }

    private static HttpResponse<String> closed() {
        return HttpResponse.<String>notFound().body(Html.page("Payment account", "<p>This onboarding page is closed or unknown.</p>"))
                .contentType(MediaType.TEXT_HTML_TYPE);
    }
}
