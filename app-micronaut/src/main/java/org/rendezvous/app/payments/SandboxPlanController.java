package org.rendezvous.app.payments;

import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Content;
import static org.rendezvous.app.practitioner.PractitionerAgendaController.me;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import org.rendezvous.app.account.AuthController;
import org.rendezvous.app.account.Roles;
import org.rendezvous.app.client.PublicBookingController;
import org.rendezvous.app.http.ApiDoc;
import org.rendezvous.app.http.Problem;
import org.rendezvous.app.practitioner.PractitionerMoneyController;
import org.rendezvous.app.practitioner.PractitionerViews;
import org.rendezvous.core.Rendezvous;
import org.rendezvous.core.outcome.Reason;
import org.rendezvous.core.practitioner.PractitionerId;
import org.rendezvous.core.sandbox.SandboxBillingGateway;

/**
 * The sandbox's time machine for the paid plan (PLAN-1 … PLAN-3): renew now, fail the next renewal,
 * end the trial now, for the session's own practitioner. Only with the sandbox provider: with Stripe
 * these routes do not exist (404), since a real provider renews on its own calendar.
 */
@Requires(beans = SandboxBillingGateway.class)
@Controller("/api/practitioner/plan/sandbox")
@Secured(Roles.PRACTITIONER)
@SecurityRequirement(name = AuthController.BEARER)
@SecurityRequirement(name = AuthController.COOKIE)
@ApiDoc.PractitionerSession
class SandboxPlanController {

    private final Rendezvous engine;
    private final SandboxBillingGateway sandbox;
    private final PractitionerMoneyController plans;

    SandboxPlanController(Rendezvous engine, SandboxBillingGateway sandbox, PractitionerMoneyController plans) {
        this.engine = engine;
        this.sandbox = sandbox;
        this.plans = plans;
    }

    /** The current period ends now and the next month is charged: paid, or refused after fail-next-renewal; a cancelled subscription ends. */
    @Post("/renew")
    @ApiResponse(responseCode = "200", description = "the plan after the renewal",
            content = @Content(schema = @Schema(implementation = PractitionerViews.PlanView.class)))
    @ApiDoc.NotFound
    @ApiDoc.Refused
    HttpResponse<?> renew(Authentication authentication) {
        if (sandbox.renewNow(me(authentication)).isEmpty()) {
            return notSubscribed();
        }
        return plans.plan(authentication);
    }

    /** The next renewal's charge is declined. */
    @Post("/fail-next-renewal")
    @ApiResponse(responseCode = "200", description = "the plan",
            content = @Content(schema = @Schema(implementation = PractitionerViews.PlanView.class)))
    @ApiDoc.NotFound
    @ApiDoc.Refused
    HttpResponse<?> failNextRenewal(Authentication authentication) {
        if (!sandbox.failNextRenewal(me(authentication))) {
            return notSubscribed();
        }
        return plans.plan(authentication);
    }

    /** PLAN-2: the trial ends now, so that the free plan and its quotas can be tried at once. */
    @Post("/end-trial")
    @ApiResponse(responseCode = "200", description = "the plan without its trial",
            content = @Content(schema = @Schema(implementation = PractitionerViews.PlanView.class)))
    @ApiDoc.NotFound
    @ApiDoc.Refused
    HttpResponse<?> endTrial(Authentication authentication) {
        PractitionerId me = me(authentication);
        return PublicBookingController.respond(engine.plans().endTrialNow(me), s -> plans.plan(authentication));
    }

    private static HttpResponse<?> notSubscribed() {
        return Problem.of(Reason.NOT_SUBSCRIBED, "plan: no sandbox subscription; subscribe first").toResponse();
    }
}
