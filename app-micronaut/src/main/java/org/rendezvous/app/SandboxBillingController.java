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
import org.rendezvous.core.plan.SubscriptionCheckout;
import org.rendezvous.core.practitioner.PractitionerId;
import org.rendezvous.core.sandbox.SandboxBillingGateway;

/**
 * The sandbox's billing pages (PLAN-3), for running without a provider account: the subscription
 * checkout shows the price and a button that pays the first period at once; the portal cancels at
 * the period's end or resumes. Their events reach the engine as a provider's webhooks would. Only
 * with the sandbox provider: with Stripe these pages do not exist.
 */
@Requires(beans = SandboxBillingGateway.class)
@Controller("/sandbox/billing")
final class SandboxBillingController {

    private static final String BACK = "<p><a href=\"/dashboard#plan\">Back to the dashboard</a></p>";

    private final SandboxBillingGateway sandbox;

    SandboxBillingController(SandboxBillingGateway sandbox) {
        this.sandbox = sandbox;
    }

    /** PLAN-3 in the sandbox: the subscription checkout page. */
    @Get("/checkout/{reference}")
    @Produces(MediaType.TEXT_HTML)
    @Operation(operationId = "sandboxSubscriptionCheckout", security = {})
    @ApiDoc.HtmlPage
    @ApiDoc.PageNotFound
    HttpResponse<String> checkout(@PathVariable String reference) {
        Optional<SubscriptionCheckout> open = sandbox.openCheckout(reference);
        if (open.isEmpty()) {
            return closed("Subscription");
        }
        String from = open.get().paidFrom().map(at -> "<p>Billing starts at the end of your trial ("
                + Html.escape(at.toString()) + ").</p>").orElse("");
        return HttpResponse.ok(Html.page("Sandbox subscription",
                "<p>This is the sandbox billing provider: no real money moves.</p>"
                        + "<p>Paid plan: " + Html.escape(open.get().monthlyPrice().toString()) + " a month, no commitment.</p>"
                        + from
                        + "<form method=\"post\" action=\"/sandbox/billing/checkout/" + Html.escape(reference) + "\">"
                        + "<button type=\"submit\">Subscribe</button></form>"));
    }

    /** PLAN-3 in the sandbox: subscribes, as the provider's first payment would. */
    @Post("/checkout/{reference}")
    @Consumes({MediaType.APPLICATION_FORM_URLENCODED, MediaType.ALL})
    @Produces(MediaType.TEXT_HTML)
    @Operation(operationId = "sandboxSubscribe", security = {})
    @ApiDoc.HtmlPage
    @ApiDoc.PageNotFound
    HttpResponse<String> pay(@PathVariable String reference) {
        if (sandbox.completeCheckout(reference).isEmpty()) {
            return closed("Subscription");
        }
        return HttpResponse.ok(Html.page("Subscribed", "<p>You are on the paid plan.</p>" + BACK));
    }

    /** PLAN-3 in the sandbox: the billing portal page. */
    @Get("/portal/{reference}")
    @Produces(MediaType.TEXT_HTML)
    @Operation(operationId = "sandboxBillingPortal", security = {})
    @ApiDoc.HtmlPage
    @ApiDoc.PageNotFound
    HttpResponse<String> portal(@PathVariable String reference) {
        Optional<PractitionerId> practitioner = sandbox.portal(reference);
        if (practitioner.isEmpty()) {
            return closed("Billing");
        }
        String action = "/sandbox/billing/portal/" + Html.escape(reference);
        String body = sandbox.subscription(practitioner.get()).map(s -> "<p>Current period until "
                        + Html.escape(s.periodEnd().toString()) + (s.cancelAtPeriodEnd() ? ", then it ends" : ", then renewed")
                        + ".</p>"
                        + (s.cancelAtPeriodEnd()
                        ? form(action + "/resume", "Resume the subscription")
                        : form(action + "/cancel", "Cancel at the end of the period"))
                        + "<p>Card: the sandbox's test card (nothing to change).</p>")
                .orElse("<p>No subscription.</p>");
        return HttpResponse.ok(Html.page("Sandbox billing", "<p>This is the sandbox billing portal.</p>" + body + BACK));
    }

    /** PLAN-3 in the sandbox: cancels at the end of the paid period. */
    @Post("/portal/{reference}/cancel")
    @Consumes({MediaType.APPLICATION_FORM_URLENCODED, MediaType.ALL})
    @Produces(MediaType.TEXT_HTML)
    @Operation(operationId = "sandboxCancelSubscription", security = {})
    @ApiDoc.HtmlPage
    @ApiDoc.PageNotFound
    HttpResponse<String> cancel(@PathVariable String reference) {
        return renewing(reference, false);
    }

    /** PLAN-3 in the sandbox: the subscription renews again. */
    @Post("/portal/{reference}/resume")
    @Consumes({MediaType.APPLICATION_FORM_URLENCODED, MediaType.ALL})
    @Produces(MediaType.TEXT_HTML)
    @Operation(operationId = "sandboxResumeSubscription", security = {})
    @ApiDoc.HtmlPage
    @ApiDoc.PageNotFound
    HttpResponse<String> resume(@PathVariable String reference) {
        return renewing(reference, true);
    }

    private HttpResponse<String> renewing(String reference, boolean renewing) {
        Optional<PractitionerId> practitioner = sandbox.portal(reference);
        if (practitioner.isEmpty() || sandbox.setRenewing(practitioner.get(), renewing).isEmpty()) {
            return closed("Billing");
        }
        return HttpResponse.ok(Html.page("Billing", (renewing ? "<p>Your subscription renews again.</p>"
                : "<p>Cancelled: the paid plan stays active until the end of the paid period.</p>") + BACK));
    }

    private static String form(String action, String label) {
        return "<form method=\"post\" action=\"" + action + "\"><button type=\"submit\">" + Html.escape(label)
                + "</button></form>";
    }

    private static HttpResponse<String> closed(String title) {
        return HttpResponse.<String>notFound().body(Html.page(title, "<p>This page is closed or unknown.</p>"))
                .contentType(MediaType.TEXT_HTML_TYPE);
    }
}
