package org.rendezvous.app.practitioner;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Content;
import static org.rendezvous.app.practitioner.PractitionerAgendaController.id;
import static org.rendezvous.app.practitioner.PractitionerAgendaController.me;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import jakarta.validation.Valid;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import java.util.List;
import java.util.Optional;
import org.rendezvous.app.account.AuthController;
import org.rendezvous.app.account.Roles;
import org.rendezvous.app.client.PublicBookingController;
import org.rendezvous.app.http.ApiDoc;
import org.rendezvous.app.http.Problem;
import org.rendezvous.app.wiring.BillingSettings;
import org.rendezvous.core.sandbox.SandboxBillingGateway;
import org.rendezvous.app.practitioner.PractitionerViews.BalancesView;
import org.rendezvous.app.practitioner.PractitionerViews.BookingMoneyView;
import org.rendezvous.app.practitioner.PractitionerViews.BillingPageView;
import org.rendezvous.app.practitioner.PractitionerViews.DestinationRequest;
import org.rendezvous.app.practitioner.PractitionerViews.DestinationView;
import org.rendezvous.app.practitioner.PractitionerViews.PayoutView;
import org.rendezvous.app.practitioner.PractitionerViews.PlanView;
import org.rendezvous.app.practitioner.PractitionerViews.PostingView;
import org.rendezvous.core.Rendezvous;
import org.rendezvous.core.idempotency.IdempotencyKey;
import org.rendezvous.core.outcome.Reason;
import org.rendezvous.core.payout.PayoutDestination;
import org.rendezvous.core.payout.PayoutId;
import org.rendezvous.core.practitioner.BankDetails;
import org.rendezvous.core.practitioner.PractitionerId;

/**
 * The practitioner's money (PAY-6, FEE-4, PO-3 … PO-5, PLAN): payment history and balances, payouts and
 * their statements, the payout destination (IBAN checked, mod 97), and the plan. Only the session's own.
 */
@Controller("/api/practitioner")
@Secured(Roles.PRACTITIONER)
@SecurityRequirement(name = AuthController.BEARER)
@SecurityRequirement(name = AuthController.COOKIE)
@ApiDoc.PractitionerSession
public class PractitionerMoneyController {

    private final Rendezvous engine;
    private final BillingSettings billing;
    /** Whether the sandbox's billing controls exist (SandboxPlanController): the dashboard shows them then. */
    private final boolean sandbox;

    PractitionerMoneyController(Rendezvous engine, BillingSettings billing, Optional<SandboxBillingGateway> sandbox) {
        this.engine = engine;
        this.billing = billing;
        this.sandbox = sandbox.isPresent();
    }

    /** PAY-6: every payment, refund, commission and payout of the practitioner's own money, oldest first. */
    @Get("/payments")
    List<PostingView> history(Authentication authentication) {
        return engine.payments().paymentLines(me(authentication)).stream().map(PostingView::of).toList();
    }

    /** PAY-6, PO-1: per booking that money moved for, newest first, what happened to it and what the practitioner receives. */
    @Get("/payments/bookings")
    List<BookingMoneyView> moneyOfBookings(Authentication authentication) {
        return engine.payments().moneyOfBookings(me(authentication)).stream().map(BookingMoneyView::of).toList();
    }

    /** PAY-6, PO-1: the balances: payable, held for bookings, received directly, and the totals. */
    @Get("/balances")
    BalancesView balances(Authentication authentication) {
        PractitionerId me = me(authentication);
        return BalancesView.of(engine.payments().balances(me).orElseThrow(), engine.payouts().payableBalance(me),
                engine.payments().practitionerView(), engine.payments().totals(me).orElseThrow());
    }

    /** PO-5: the practitioner's payouts, newest first. */
    @Get("/payouts")
    @Operation(operationId = "practitionerPayouts")
    List<PayoutView> payouts(Authentication authentication) {
        return engine.payouts().ofPractitioner(me(authentication)).stream().map(PayoutView::of).toList();
    }

    /** PO-5: one payout with its statement. */
    @Get("/payouts/{payoutId}")
    @ApiResponse(responseCode = "200", description = "the payout and its statement",
            content = @Content(schema = @Schema(implementation = PayoutView.class)))
    @ApiDoc.BadRequest
    @ApiDoc.NotFound
    HttpResponse<?> payout(Authentication authentication, @PathVariable String payoutId) {
        return engine.payouts().find(me(authentication), id(payoutId, "payoutId", PayoutId::of))
                .<HttpResponse<?>>map(p -> HttpResponse.ok(PayoutView.of(p)))
                .orElseGet(() -> Problem.of(Reason.NOT_FOUND, "payoutId: no such payout").toResponse());
    }

    /** PO-3: a payout of the payable balance now, once per Idempotency-Key. */
    @Post("/payouts")
    @ApiResponse(responseCode = "201", description = "the payout",
            content = @Content(schema = @Schema(implementation = PayoutView.class)))
    @ApiDoc.BadRequest
    @ApiDoc.Conflict
    @ApiDoc.Refused
    HttpResponse<?> requestPayout(Authentication authentication, @Header("Idempotency-Key") String idempotencyKey) {
        return PublicBookingController.respond(engine.payouts().request(me(authentication), IdempotencyKey.of(idempotencyKey)),
                p -> HttpResponse.created(PayoutView.of(p)));
    }

    /** PO-4: the bank account payouts go to. */
    @Get("/payout-destination")
    @ApiResponse(responseCode = "200", description = "the payout destination",
            content = @Content(schema = @Schema(implementation = DestinationView.class)))
    @ApiDoc.NotFound
    HttpResponse<?> destination(Authentication authentication) {
        return engine.payouts().destination(me(authentication)).<HttpResponse<?>>map(d -> HttpResponse.ok(DestinationView.of(d)))
                .orElseGet(() -> Problem.of(Reason.NOT_FOUND, "destination: no payout destination yet").toResponse());
    }

    /** PO-4: the bank account payouts go to; an IBAN that fails its mod-97 check is refused, naming the field. */
    @Put("/payout-destination")
    @ApiResponse(responseCode = "200", description = "the payout destination as saved",
            content = @Content(schema = @Schema(implementation = DestinationView.class)))
    @ApiDoc.BadRequest
    HttpResponse<?> setDestination(Authentication authentication, @Body @Valid DestinationRequest r) {
        String holder = AuthController.required(r.holder(), "holder");
        String iban = AuthController.required(r.iban(), "iban");
        BankDetails details = r.bic() == null || r.bic().isBlank() ? BankDetails.of(holder, iban)
                : BankDetails.of(holder, iban, r.bic());
        PayoutDestination destination = new PayoutDestination.BankAccount(details);
        PractitionerId me = me(authentication);
        return PublicBookingController.respond(engine.payouts().setDestination(me, destination),
                saved -> HttpResponse.ok(DestinationView.of(saved)));
    }

    /** PLAN-1 … PLAN-3: the plan, this month's quota and the subscription. */
    @Get("/plan")
    @ApiResponse(responseCode = "200", description = "the plan, the quota and the subscription",
            content = @Content(schema = @Schema(implementation = PlanView.class)))
    @ApiDoc.NotFound
    public HttpResponse<?> plan(Authentication authentication) {
        PractitionerId me = me(authentication);
        return PublicBookingController.respond(engine.plans().quota(me), quota -> engine.plans().subscription(me)
                .<HttpResponse<?>>map(s -> HttpResponse.ok(PlanView.of(quota, s, billing, sandbox)))
                .orElseGet(() -> Problem.of(Reason.NOT_FOUND, "practitionerId: no subscription").toResponse()));
    }

    /**
     * PLAN-3: opens the provider's subscription checkout; the answer's {@code redirect} is where to send
     * the practitioner. Nothing is granted until the provider reports the first payment.
     */
    @Post("/plan/subscribe")
    @ApiResponse(responseCode = "200", description = "where to send the practitioner to pay",
            content = @Content(schema = @Schema(implementation = BillingPageView.class)))
    @ApiDoc.Conflict
    @ApiDoc.Refused
    @ApiDoc.ProviderUnavailable
    HttpResponse<?> subscribe(Authentication authentication) {
        return PublicBookingController.respond(engine.plans().subscribe(me(authentication)),
                page -> HttpResponse.ok(new BillingPageView(page.redirect().toString())));
    }

    /** PLAN-3: opens the provider's billing portal (change the card, cancel at the period's end, resume). */
    @Post("/plan/portal")
    @ApiResponse(responseCode = "200", description = "where to send the practitioner to manage their subscription",
            content = @Content(schema = @Schema(implementation = BillingPageView.class)))
    @ApiDoc.Refused
    @ApiDoc.ProviderUnavailable
    HttpResponse<?> portal(Authentication authentication) {
        return PublicBookingController.respond(engine.plans().portal(me(authentication)),
                page -> HttpResponse.ok(new BillingPageView(page.redirect().toString())));
    }
}
