package org.rendezvous.app.payments;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
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
import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.rendezvous.app.http.ApiDoc;
import org.rendezvous.app.http.Html;
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
    private final PageTexts texts;

    SandboxOnboardingController(SandboxPaymentGateway sandbox, PageTexts texts) {
        this.sandbox = sandbox;
        this.texts = texts;
    }

    /** The sandbox's onboarding page of a payment account. */
    @Get("/{accountId}")
    @Produces(MediaType.TEXT_HTML)
    @Operation(operationId = "sandboxOnboardingPage", security = {})
    @ApiDoc.HtmlPage
    @ApiDoc.PageNotFound
    HttpResponse<String> page(@PathVariable String accountId, HttpRequest<?> request) {
        PageTexts.Texts t = texts.of(request, "sandbox");
        Optional<OnboardingLink.Request> link = sandbox.openLink(accountId);
        if (link.isEmpty()) {
            return closed(t);
        }
        String action = "/sandbox/onboarding/" + Html.escape(accountId);
        AccountStatus status = sandbox.account(accountId).orElseThrow();
        return HttpResponse.ok(t.page("sandbox.onboarding.title",
                "<p>" + t.text("sandbox.onboarding.intro") + "</p>"
                        + "<p>" + t.text("sandbox.onboarding.account", "account", accountId,
                        "charges", t.raw(status.chargesEnabled() ? "sandbox.onboarding.chargesEnabled"
                                : "sandbox.onboarding.chargesDisabled"),
                        "payouts", t.raw(status.payoutsEnabled() ? "sandbox.onboarding.payoutsEnabled"
                                : "sandbox.onboarding.payoutsDisabled")) + "</p>"
                        + form(t.action(action + "/complete"), t.text("sandbox.onboarding.complete"), "complete")
                        + form(t.action(action + "/pending"), t.text("sandbox.onboarding.pending"), "pending")
                        + form(t.action(action + "/details-needed"), t.text("sandbox.onboarding.detailsNeeded"), "details-needed")))
                .contentType(MediaType.TEXT_HTML_TYPE);
    }

    /** Sandbox onboarding: the details are given and the account is enabled. */
    @Post("/{accountId}/complete")
    @Consumes({MediaType.APPLICATION_FORM_URLENCODED, MediaType.ALL})
    @ApiDoc.Public
    @ApiResponse(responseCode = "303", description = "back to the host's return URL")
    @ApiDoc.PageNotFound
    HttpResponse<String> complete(@PathVariable String accountId, HttpRequest<?> request) {
        return decide(accountId, AccountStatus.enabled(), request);
    }

    /** Sandbox onboarding: the details are given, verification pending. */
    @Post("/{accountId}/pending")
    @Consumes({MediaType.APPLICATION_FORM_URLENCODED, MediaType.ALL})
    @ApiDoc.Public
    @ApiResponse(responseCode = "303", description = "back to the host's return URL")
    @ApiDoc.PageNotFound
    HttpResponse<String> pending(@PathVariable String accountId, HttpRequest<?> request) {
        return decide(accountId, AccountStatus.pendingVerification(), request);
    }

    /** Sandbox onboarding: details are left missing. */
    @Post("/{accountId}/details-needed")
    @Consumes({MediaType.APPLICATION_FORM_URLENCODED, MediaType.ALL})
    @ApiDoc.Public
    @ApiResponse(responseCode = "303", description = "back to the host's return URL")
    @ApiDoc.PageNotFound
    HttpResponse<String> detailsNeeded(@PathVariable String accountId, HttpRequest<?> request) {
        return decide(accountId, AccountStatus.detailsNeeded(List.of("external_account", "individual.verification.document")),
                request);
    }

    private HttpResponse<String> decide(String accountId, AccountStatus status, HttpRequest<?> request) {
        Optional<OnboardingLink.Request> link = sandbox.openLink(accountId);
        if (link.isEmpty() || sandbox.updateAccount(accountId, status).isEmpty()) {
            return closed(texts.of(request, "sandbox"));
        }
        URI back = link.get().returnUrl();
        return HttpResponse.<String>seeOther(back);
    }

    private static String form(String action, String label, String id) {
        return "<form method=\"post\" action=\"" + action + "\"><button type=\"submit\" id=\"sandbox-" + id + "\">"
                + label + "</button></form>";
    }

    private static HttpResponse<String> closed(PageTexts.Texts t) {
        return HttpResponse.<String>notFound().body(t.result("sandbox.onboarding.closedTitle",
                "<p>" + t.text("sandbox.onboarding.closed") + "</p>")).contentType(MediaType.TEXT_HTML_TYPE);
    }
}
