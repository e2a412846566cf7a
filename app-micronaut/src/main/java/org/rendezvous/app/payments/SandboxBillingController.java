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
import java.time.ZoneId;
import java.util.Optional;
import org.rendezvous.app.http.ApiDoc;
import org.rendezvous.app.http.Html;
import org.rendezvous.core.Rendezvous;
import org.rendezvous.core.agenda.AgendaSettings;
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

    private final SandboxBillingGateway sandbox;
    private final PageTexts texts;
    private final Rendezvous engine;

    SandboxBillingController(SandboxBillingGateway sandbox, PageTexts texts, Rendezvous engine) {
        this.sandbox = sandbox;
        this.texts = texts;
        this.engine = engine;
    }

    private static String back(PageTexts.Texts t) {
        return "<p><a href=\"/dashboard#plan\">" + t.text("sandbox.billing.back") + "</a></p>";
    }

    /** The practitioner's zone, for the dates the pages show. */
    private ZoneId zone(PractitionerId practitioner) {
        return engine.practitioners().settings(practitioner).map(AgendaSettings::zone).orElse(AgendaSettings.DEFAULT_ZONE);
    }

    /** PLAN-3 in the sandbox: the subscription checkout page. */
    @Get("/checkout/{reference}")
    @Produces(MediaType.TEXT_HTML)
    @Operation(operationId = "sandboxSubscriptionCheckout", security = {})
    @ApiDoc.HtmlPage
    @ApiDoc.PageNotFound
    HttpResponse<String> checkout(@PathVariable String reference, HttpRequest<?> request) {
        PageTexts.Texts t = texts.of(request, "sandbox");
        Optional<SubscriptionCheckout> open = sandbox.openCheckout(reference);
        if (open.isEmpty()) {
            return closed(t, "sandbox.billing.subscriptionTitle");
        }
        String from = open.get().paidFrom().map(at -> "<p>" + t.text("sandbox.billing.paidFrom", "date",
                t.dateTime(at, zone(open.get().practitionerId()))) + "</p>").orElse("");
        return HttpResponse.ok(t.page("sandbox.billing.checkoutTitle",
                "<p>" + t.text("sandbox.billing.intro") + "</p>"
                        + "<p>" + t.text("sandbox.billing.price", "price", t.money(open.get().monthlyPrice())) + "</p>"
                        + from
                        + "<form method=\"post\" action=\"" + t.action("/sandbox/billing/checkout/" + Html.escape(reference))
                        + "\"><button type=\"submit\">" + t.text("sandbox.billing.subscribe") + "</button></form>"));
    }

    /** PLAN-3 in the sandbox: subscribes, as the provider's first payment would. */
    @Post("/checkout/{reference}")
    @Consumes({MediaType.APPLICATION_FORM_URLENCODED, MediaType.ALL})
    @Produces(MediaType.TEXT_HTML)
    @Operation(operationId = "sandboxSubscribe", security = {})
    @ApiDoc.HtmlPage
    @ApiDoc.PageNotFound
    HttpResponse<String> pay(@PathVariable String reference, HttpRequest<?> request) {
        PageTexts.Texts t = texts.of(request, "sandbox");
        if (sandbox.completeCheckout(reference).isEmpty()) {
            return closed(t, "sandbox.billing.subscriptionTitle");
        }
        return HttpResponse.ok(t.result("sandbox.billing.subscribedTitle",
                "<p>" + t.text("sandbox.billing.subscribed") + "</p>" + back(t)));
    }

    /** PLAN-3 in the sandbox: the billing portal page. */
    @Get("/portal/{reference}")
    @Produces(MediaType.TEXT_HTML)
    @Operation(operationId = "sandboxBillingPortal", security = {})
    @ApiDoc.HtmlPage
    @ApiDoc.PageNotFound
    HttpResponse<String> portal(@PathVariable String reference, HttpRequest<?> request) {
        PageTexts.Texts t = texts.of(request, "sandbox");
        Optional<PractitionerId> practitioner = sandbox.portal(reference);
        if (practitioner.isEmpty()) {
            return closed(t, "sandbox.billing.billingTitle");
        }
        String action = "/sandbox/billing/portal/" + Html.escape(reference);
        ZoneId zone = zone(practitioner.get());
        String body = sandbox.subscription(practitioner.get()).map(s -> "<p>"
                        + t.text(s.cancelAtPeriodEnd() ? "sandbox.billing.periodEnds" : "sandbox.billing.periodRenewed",
                        "date", t.dateTime(s.periodEnd(), zone)) + "</p>"
                        + (s.cancelAtPeriodEnd()
                        ? form(t.action(action + "/resume"), t.text("sandbox.billing.resume"))
                        : form(t.action(action + "/cancel"), t.text("sandbox.billing.cancel")))
                        + "<p>" + t.text("sandbox.billing.card") + "</p>")
                .orElse("<p>" + t.text("sandbox.billing.none") + "</p>");
        return HttpResponse.ok(t.page("sandbox.billing.portalTitle",
                "<p>" + t.text("sandbox.billing.portalIntro") + "</p>" + body + back(t)));
    }

    /** PLAN-3 in the sandbox: cancels at the end of the paid period. */
    @Post("/portal/{reference}/cancel")
    @Consumes({MediaType.APPLICATION_FORM_URLENCODED, MediaType.ALL})
    @Produces(MediaType.TEXT_HTML)
    @Operation(operationId = "sandboxCancelSubscription", security = {})
    @ApiDoc.HtmlPage
    @ApiDoc.PageNotFound
    HttpResponse<String> cancel(@PathVariable String reference, HttpRequest<?> request) {
        return renewing(reference, false, texts.of(request, "sandbox"));
    }

    /** PLAN-3 in the sandbox: the subscription renews again. */
    @Post("/portal/{reference}/resume")
    @Consumes({MediaType.APPLICATION_FORM_URLENCODED, MediaType.ALL})
    @Produces(MediaType.TEXT_HTML)
    @Operation(operationId = "sandboxResumeSubscription", security = {})
    @ApiDoc.HtmlPage
    @ApiDoc.PageNotFound
    HttpResponse<String> resume(@PathVariable String reference, HttpRequest<?> request) {
        return renewing(reference, true, texts.of(request, "sandbox"));
    }

    private HttpResponse<String> renewing(String reference, boolean renewing, PageTexts.Texts t) {
        Optional<PractitionerId> practitioner = sandbox.portal(reference);
        if (practitioner.isEmpty() || sandbox.setRenewing(practitioner.get(), renewing).isEmpty()) {
            return closed(t, "sandbox.billing.billingTitle");
        }
        return HttpResponse.ok(t.result("sandbox.billing.billingTitle", "<p>"
                + t.text(renewing ? "sandbox.billing.resumed" : "sandbox.billing.cancelled") + "</p>" + back(t)));
    }

    private static String form(String action, String label) {
        return "<form method=\"post\" action=\"" + action + "\"><button type=\"submit\">" + label + "</button></form>";
    }

    private static HttpResponse<String> closed(PageTexts.Texts t, String titleKey) {
        return HttpResponse.<String>notFound().body(t.result(titleKey, "<p>" + t.text("sandbox.billing.closed") + "</p>"))
                .contentType(MediaType.TEXT_HTML_TYPE);
    }
}
