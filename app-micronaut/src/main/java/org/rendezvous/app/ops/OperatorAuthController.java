package org.rendezvous.app.ops;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Content;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.security.token.cookie.AccessTokenCookieConfiguration;
import io.micronaut.security.token.generator.TokenGenerator;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import org.rendezvous.app.account.AccountMailLimiter;
import org.rendezvous.app.account.AuthController;
import org.rendezvous.app.account.Roles;
import org.rendezvous.app.account.SessionVersionValidator;
import org.rendezvous.app.client.PublicBookingController;
import org.rendezvous.app.http.ApiDoc;
import org.rendezvous.app.http.Problem;
import org.rendezvous.app.wiring.SessionSettings;
import org.rendezvous.core.OperatorService;
import org.rendezvous.core.account.Password;
import org.rendezvous.core.contact.EmailAddress;
import org.rendezvous.core.operator.OperatorId;
import org.rendezvous.core.operator.OperatorLoggedIn;
import org.rendezvous.core.outcome.Reason;

/**
 * Operators' sign-in (docs/operator.md): the password chosen through the link the host e-mailed, login with
 * the same slowing down as practitioners (ACC-3), logout. The session carries the role OPERATOR, set as the
 * same session cookie as practitioners' (a browser holds one session at a time) and returned in the body.
 */
@Controller("/api/operator")
@Secured(SecurityRule.IS_ANONYMOUS)
@Tag(name = "operator", description = "The operator area (docs/operator.md)")
class OperatorAuthController {

    private final OperatorService operators;
    private final TokenGenerator tokens;
    private final AccessTokenCookieConfiguration cookie;
    private final SessionSettings session;

    private final OperatorInvitations invitations;
    private final AccountMailLimiter limiter;

    OperatorAuthController(OperatorService operators, TokenGenerator tokens, AccessTokenCookieConfiguration cookie,
                           SessionSettings session, OperatorInvitations invitations, AccountMailLimiter limiter) {
        this.operators = operators;
        this.invitations = invitations;
        this.limiter = limiter;
        this.tokens = tokens;
        this.cookie = cookie;
        this.session = session;
    }

    @Serdeable
    record LoginRequest(String email, String password) {
    }

    @Serdeable
    record SetPasswordRequest(@NotBlank @Size(max = 512) String token, @NotBlank @Size(max = 1024) String password) {
    }

    @Serdeable
    record OperatorSessionView(String operatorId, String accessToken, String tokenType, long expiresIn, String role) {
    }

    /** ACC-3: the same 401 for an unknown e-mail, an operator without a password, a wrong password and a locked account. */
    @Operation(operationId = "operatorLogin", security = {})
    @ApiResponse(responseCode = "200", description = "the operator's session: a cookie for browsers, the body's bearer token for API clients",
            content = @Content(schema = @Schema(implementation = OperatorSessionView.class)))
    @ApiDoc.BadRequest
    @ApiDoc.LoginFailed
    @Post("/login")
    HttpResponse<?> login(@Body LoginRequest request) {
        EmailAddress email;
        try {
            email = EmailAddress.of(AuthController.required(request.email(), "email"));
        } catch (IllegalArgumentException badShape) {
            return Problem.of(Reason.LOGIN_FAILED, "email: e-mail or password is wrong").toResponse();
        }
        return PublicBookingController.respond(operators.login(email, AuthController.required(request.password(), "password")),
                this::session);
    }

    /** The token from the link the host e-mailed: single use, 24 h; every earlier session ends. */
    @Operation(operationId = "operatorSetPassword", security = {})
    @ApiResponse(responseCode = "204", description = "the password is set; every earlier session ended")
    @ApiDoc.BadRequest
    @ApiDoc.Gone
    @Post("/set-password")
    HttpResponse<?> setPassword(@Body @Valid SetPasswordRequest request) {
        Password password = Password.of(AuthController.required(request.password(), "password"));
        return PublicBookingController.respond(operators.setPassword(AuthController.required(request.token(), "token"),
                password), id -> HttpResponse.noContent());
    }

    @Serdeable
    record EmailRequest(@NotBlank @Size(max = 254) String email) {
    }

    /**
     * A forgotten password: a new single-use link (24 h) to an operator with this e-mail, replacing the
     * earlier one, and nothing otherwise; the same 202 either way (ACC-3), within the account-mail limits.
     */
    @Operation(operationId = "operatorRequestPasswordReset", security = {})
    @ApiResponse(responseCode = "202", description = "the same answer for any e-mail",
            content = @Content(schema = @Schema(implementation = AuthController.Notice.class)))
    @ApiDoc.BadRequest
    @ApiDoc.TooMany
    @Post("/password-reset")
    HttpResponse<?> requestPasswordReset(HttpRequest<?> http, @Body @Valid EmailRequest request) {
        EmailAddress email = EmailAddress.of(AuthController.required(request.email(), "email"));
        AccountMailLimiter.Decision decision = limiter.admit(http, email);
        if (decision instanceof AccountMailLimiter.Refuse refuse) {
            long seconds = Math.max(1, (refuse.retryAfter().toMillis() + 999) / 1000);
            return Problem.of("TOO_MANY_REQUESTS", HttpStatus.TOO_MANY_REQUESTS,
                    "Too many requests for account e-mails from your network address; try again in " + seconds + " s")
                    .toResponse().header(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        }
        if (decision instanceof AccountMailLimiter.Send) {
            operators.newLink(email).fold(invitation -> {
                invitations.send(invitation);
                return null;
            }, rejected -> null);
        }
        return HttpResponse.accepted().body(new AuthController.Notice(AuthController.CHECK_MAILBOX));
    }

    /** Ends the operator's sessions (every device) and clears the cookie. */
    @Operation(operationId = "operatorLogout", security = {})
    @ApiResponse(responseCode = "204", description = "every session of the caller ended; the cookie is cleared")
    @Post("/logout")
    HttpResponse<?> logout(@Nullable Authentication authentication) {
        if (authentication != null && authentication.getRoles().contains(Roles.OPERATOR)) {
            operators.logout(OperatorId.of(authentication.getName()));
        }
        return HttpResponse.noContent().cookie(sessionCookie("").maxAge(0));
    }

    private HttpResponse<?> session(OperatorLoggedIn loggedIn) {
        int seconds = (int) session.lifetime().toSeconds();
        Authentication authentication = Authentication.build(loggedIn.operatorId().toString(), List.of(Roles.OPERATOR),
                Map.of(SessionVersionValidator.CLAIM, loggedIn.sessionVersion()));
        String token = tokens.generateToken(authentication, seconds)
                .orElseThrow(() -> new IllegalStateException("no session token could be signed"));
        MutableHttpResponse<OperatorSessionView> response = HttpResponse.ok(new OperatorSessionView(
                loggedIn.operatorId().toString(), token, "Bearer", seconds, Roles.OPERATOR));
        return response.cookie(sessionCookie(token).maxAge(seconds));
    }

    private Cookie sessionCookie(String value) {
        return Cookie.of(cookie.getCookieName(), value)
                .path(cookie.getCookiePath().orElse("/"))
                .httpOnly(cookie.isCookieHttpOnly().orElse(true))
                .secure(cookie.isCookieSecure().orElse(true))
                .sameSite(cookie.getCookieSameSite().orElse(SameSite.Lax));
    }
}
