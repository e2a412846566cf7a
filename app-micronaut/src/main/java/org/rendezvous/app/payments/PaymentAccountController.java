package org.rendezvous.app.payments;

import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Content;
import static org.rendezvous.app.practitioner.PractitionerAgendaController.me;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.rendezvous.app.account.AuthController;
import org.rendezvous.app.account.Roles;
import org.rendezvous.app.client.PublicBookingController;
import org.rendezvous.app.http.ApiDoc;
import org.rendezvous.app.http.Problem;
import org.rendezvous.app.wiring.HostSettings;
import org.rendezvous.core.PaymentAccountService;
import org.rendezvous.core.Rendezvous;
import org.rendezvous.core.outcome.Reason;
import org.rendezvous.core.payment.OnboardingLink;
import org.rendezvous.core.practitioner.PractitionerId;

/**
 * The practitioner's payment account (issue 12): its state and what the provider still asks for, the
 * provider's onboarding page to open or continue, the way back from it, and payouts to the account
 * (PLATFORM_COLLECTS, PO-4). Only the session's own.
 */
@Controller("/api/practitioner/payment-account")
@Secured(Roles.PRACTITIONER)
@SecurityRequirement(name = AuthController.BEARER)
@SecurityRequirement(name = AuthController.COOKIE)
@ApiDoc.PractitionerSession
class PaymentAccountController {

    /** Where the dashboard shows the account; the provider's pages send the practitioner back there. */
    static final String DASHBOARD = "/dashboard#payment-account";
    static final String DEFAULT_COUNTRY = "FR";

    @Serdeable
    record PaymentAccountView(String accountId, String state, boolean detailsSubmitted, boolean canTakePayments,
                              boolean canReceivePayouts, List<String> currentlyDue, List<String> pastDue,
                              @Nullable String disabledReason, boolean usedForPayouts, Instant updatedAt) {
        static PaymentAccountView of(PaymentAccountService.View view) {
            var account = view.account();
            var status = account.status();
            return new PaymentAccountView(account.accountId(), view.state().name(), status.detailsSubmitted(),
                    account.canTakePayments(), account.canReceivePayouts(), status.currentlyDue(), status.pastDue(),
                    status.disabledReason().orElse(null), view.usedForPayouts(), account.asOf());
        }
    }

    /** @param country ISO 3166-1 alpha-2 code of the country the practitioner works in; FR when left out */
    @Serdeable
    record OnboardingRequest(@Nullable @Size(max = 2) String country) {
    }

    @Serdeable
    record OnboardingView(URI url, Instant expiresAt) {
    }

    private final Rendezvous engine;
    private final HostSettings settings;

    PaymentAccountController(Rendezvous engine, HostSettings settings) {
        this.engine = engine;
        this.settings = settings;
    }

    /** The practitioner's connected payment account (PAY-1), if they opened one. */
    @Get
    @ApiResponse(responseCode = "200", description = "the connected account and what the provider still asks for",
            content = @Content(schema = @Schema(implementation = PaymentAccountView.class)))
    @ApiDoc.NotFound
    HttpResponse<?> account(Authentication authentication) {
        return engine.paymentAccounts().find(me(authentication))
                .<HttpResponse<?>>map(v -> HttpResponse.ok(PaymentAccountView.of(v)))
                .orElseGet(() -> Problem.of(Reason.NOT_FOUND, "accountId: no payment account connected yet").toResponse());
    }

    /**
     * Opens the account at the provider if there is none (prefilled with the practitioner's e-mail and the
     * country), and answers the provider's page where they give (or update) their details.
     */
    @ApiResponse(responseCode = "200", description = "the provider's page where the practitioner gives their details",
            content = @Content(schema = @Schema(implementation = OnboardingView.class)))
    @ApiDoc.BadRequest
    @ApiDoc.Refused
    @ApiDoc.ProviderUnavailable
    @Post("/onboarding")
    HttpResponse<?> startOnboarding(Authentication authentication, @Body @Valid OnboardingRequest request) {
        String country = request.country() == null || request.country().isBlank() ? DEFAULT_COUNTRY : request.country();
        if (!country.matches("[A-Z]{2}")) {
            throw new IllegalArgumentException("country: must be an ISO 3166-1 alpha-2 code such as FR");
        }
        return PublicBookingController.respond(onboarding(me(authentication), country),
                link -> HttpResponse.ok(new OnboardingView(link.url(), link.expiresAt())));
    }

    /** The provider sends the practitioner back here; what it says of the account now is read, then the dashboard. */
    @ApiResponse(responseCode = "303", description = "back to the dashboard's payment account section",
            headers = @io.swagger.v3.oas.annotations.headers.Header(name = "Location", description = "/dashboard#payment-account",
                    schema = @Schema(type = "string")))
    @Get("/return")
    HttpResponse<?> comeBack(Authentication authentication) {
        PractitionerId me = me(authentication);
        if (engine.paymentAccounts().find(me).isPresent()) {
            // An unreachable provider changes nothing here: account.updated will tell.
            engine.paymentAccounts().refresh(me);
        }
        return HttpResponse.seeOther(URI.create(DASHBOARD));
    }

    /** The provider's link expired or was used: a new one, straight away. */
    @ApiResponse(responseCode = "303", description = "to the provider's new onboarding page, or back to the dashboard",
            headers = @io.swagger.v3.oas.annotations.headers.Header(name = "Location", description = "where to go",
                    schema = @Schema(type = "string")))
    @Get("/refresh")
    HttpResponse<?> refresh(Authentication authentication) {
        PractitionerId me = me(authentication);
        if (engine.paymentAccounts().find(me).isEmpty()) {
            return HttpResponse.seeOther(URI.create(DASHBOARD));
        }
        var link = onboarding(me, DEFAULT_COUNTRY);
        return link.isAccepted() ? HttpResponse.seeOther(link.orElseThrow().url()) : HttpResponse.seeOther(URI.create(DASHBOARD));
    }

    /** PLATFORM_COLLECTS: payouts go to the connected account (carried over until it can receive them, PO-4). */
    @ApiResponse(responseCode = "200", description = "the account, now used for payouts",
            content = @Content(schema = @Schema(implementation = PaymentAccountView.class)))
    @ApiDoc.Refused
    @Put("/payouts")
    HttpResponse<?> useForPayouts(Authentication authentication) {
        return PublicBookingController.respond(engine.paymentAccounts().useForPayouts(me(authentication)),
                v -> HttpResponse.ok(PaymentAccountView.of(v)));
    }

    private org.rendezvous.core.outcome.Outcome<OnboardingLink.Started> onboarding(PractitionerId me, String country) {
        String base = settings.baseUrl() + "/api/practitioner/payment-account";
        return engine.paymentAccounts().startOnboarding(me, country, URI.create(base + "/refresh"), URI.create(base + "/return"));
    }
}
