package org.rendezvous.app.account;

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
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeIn;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Map;
import org.rendezvous.app.client.PublicBookingController;
import org.rendezvous.app.http.ApiDoc;
import org.rendezvous.app.http.Problem;
import org.rendezvous.app.wiring.SessionSettings;
import org.rendezvous.core.AccountService;
import org.rendezvous.core.account.AccountLinks;
import org.rendezvous.core.account.LoggedIn;
import org.rendezvous.core.account.Password;
import org.rendezvous.core.account.RegisterAccountCommand;
import org.rendezvous.core.contact.EmailAddress;
import org.rendezvous.core.contact.Language;
import org.rendezvous.core.contact.PersonName;
import org.rendezvous.core.outcome.Reason;
import org.rendezvous.core.practitioner.PractitionerId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Practitioners' accounts (ACC-1, ACC-3): registration, e-mail verification, login and logout, password
 * reset. No answer tells whether an e-mail is registered. The routes that send mail are rate-limited
 * ({@link AccountMailLimiter}). A login sets the session as a secure,
 * HTTP-only, SameSite=Lax cookie for browsers and returns it in the body for API clients (bearer).
 */
@Controller("/api/auth")
@Secured(SecurityRule.IS_ANONYMOUS)
@SecurityScheme(name = AuthController.BEARER, type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT",
        description = "The accessToken from POST /api/auth/login")
@SecurityScheme(name = AuthController.COOKIE, type = SecuritySchemeType.APIKEY, in = SecuritySchemeIn.COOKIE,
        paramName = "rendezvous_session", description = "The session cookie set by POST /api/auth/login")
public class AuthController {

    private static final Logger LOG = LoggerFactory.getLogger(AuthController.class);

    public static final String BEARER = "bearer";
    public static final String COOKIE = "sessionCookie";
    public static final String CHECK_MAILBOX = "If the address can be used, a message with a link is on its way: follow it to continue.";

    private final AccountService accounts;
    private final AccountLinks links;
    private final TokenGenerator tokens;
    private final AccessTokenCookieConfiguration cookie;
    private final SessionSettings session;
    private final AccountMailLimiter limiter;

    AuthController(AccountService accounts, AccountLinks links, TokenGenerator tokens, AccessTokenCookieConfiguration cookie,
                   SessionSettings session, AccountMailLimiter limiter) {
        this.limiter = limiter;
        this.accounts = accounts;
        this.links = links;
        this.tokens = tokens;
        this.cookie = cookie;
        this.session = session;
    }

    @Serdeable
    record RegisterRequest(@NotBlank @Size(max = 200) String name, @NotBlank @Size(max = 254) String email,
                           @NotBlank @Size(max = 1024) String password, @Nullable @Size(max = 64) String zone,
                           @Nullable @Size(max = 10) String language) {
    }

    @Serdeable
    record TokenRequest(@NotBlank @Size(max = 512) String token) {
    }

    @Serdeable
    record EmailRequest(@NotBlank @Size(max = 254) String email) {
    }

    @Serdeable
    record LoginRequest(String email, String password) {
    }

    @Serdeable
    record NewPasswordRequest(@NotBlank @Size(max = 512) String token, @NotBlank @Size(max = 1024) String password) {
    }

    @Serdeable
    public record Notice(String message) {
    }

    @Serdeable
    record SessionView(String practitionerId, String accessToken, String tokenType, long expiresIn, boolean emailVerified) {
    }

    @Serdeable
    record VerifiedView(String practitionerId, boolean emailVerified) {
    }

    /**
     * ACC-1: opens an account and sends the e-mail verification link (valid 24 h). The answer is the
     * same whether the e-mail was free or not, so registration does not reveal who is registered.
     */
    @ApiDoc.Public
    @ApiResponse(responseCode = "202", description = "the same answer whether the e-mail was free or not",
            content = @Content(schema = @Schema(implementation = Notice.class)))
    @ApiDoc.BadRequest
    @ApiDoc.TooMany
    @Post("/register")
    HttpResponse<?> register(HttpRequest<?> http, @Body @Valid RegisterRequest request) {
        RegisterAccountCommand command = new RegisterAccountCommand(PersonName.of(required(request.name(), "name")),
                EmailAddress.of(required(request.email(), "email")), Password.of(required(request.password(), "password")),
                zone(request.zone()), language(request.language()));
        // EMAIL_TAKEN is answered as a success on purpose (ACC-3); nothing was created or sent. An address
        // that already got its share of mail is not registered now either: the same answer, and a retry later works.
        return mailing(http, command.email(), () -> accounts.register(command, links).fold(practitioner -> practitioner,
                rejected -> null));
    }

    /** ACC-1: the token from the verification link; single use, 24 h. */
    @ApiDoc.Public
    @ApiResponse(responseCode = "200", description = "the e-mail is verified",
            content = @Content(schema = @Schema(implementation = VerifiedView.class)))
    @ApiDoc.BadRequest
    @ApiDoc.Gone
    @Post("/verify-email")
    HttpResponse<?> verifyEmail(@Body @Valid TokenRequest request) {
        return PublicBookingController.respond(accounts.verifyEmail(required(request.token(), "token")),
                id -> HttpResponse.ok(new VerifiedView(id.toString(), true)));
    }

    /** A new verification link, for a link that expired; the same answer for any e-mail. */
    @ApiDoc.Public
    @ApiResponse(responseCode = "202", description = "the same answer for any e-mail",
            content = @Content(schema = @Schema(implementation = Notice.class)))
    @ApiDoc.BadRequest
    @ApiDoc.TooMany
    @Post("/verify-email/resend")
    HttpResponse<?> resendVerification(HttpRequest<?> http, @Body @Valid EmailRequest request) {
        EmailAddress email = EmailAddress.of(required(request.email(), "email"));
        return mailing(http, email, () -> accounts.resendVerification(email, links));
    }

    /** ACC-3: the same 401 for an unknown e-mail, a wrong password and a locked account. */
    @ApiDoc.Public
    @ApiResponse(responseCode = "200", description = "the session: a cookie for browsers, the body's bearer token for API clients",
            content = @Content(schema = @Schema(implementation = SessionView.class)))
    @ApiDoc.BadRequest
    @ApiDoc.LoginFailed
    @Post("/login")
    HttpResponse<?> login(@Body LoginRequest request) {
        EmailAddress email;
        try {
            email = EmailAddress.of(required(request.email(), "email"));
        } catch (IllegalArgumentException badShape) {
            return Problem.of(Reason.LOGIN_FAILED, "email: e-mail or password is wrong").toResponse();
        }
        return PublicBookingController.respond(accounts.login(email, required(request.password(), "password")),
                this::session);
    }

    /** Ends the practitioner's sessions (every device) and clears the cookie. */
    @ApiDoc.Public
    @ApiResponse(responseCode = "204", description = "every session of the caller ended; the cookie is cleared")
    @Post("/logout")
    HttpResponse<?> logout(@Nullable Authentication authentication) {
        if (authentication != null && authentication.getRoles().contains(Roles.PRACTITIONER)) {
            accounts.logout(PractitionerId.of(authentication.getName()));
        }
        return HttpResponse.noContent().cookie(sessionCookie("").maxAge(0));
    }

    /** ACC-1: sends a reset link (single use, 1 h) if the e-mail has an account; the same answer either way. */
    @ApiDoc.Public
    @ApiResponse(responseCode = "202", description = "the same answer for any e-mail",
            content = @Content(schema = @Schema(implementation = Notice.class)))
    @ApiDoc.BadRequest
    @ApiDoc.TooMany
    @Post("/password-reset")
    HttpResponse<?> requestPasswordReset(HttpRequest<?> http, @Body @Valid EmailRequest request) {
        EmailAddress email = EmailAddress.of(required(request.email(), "email"));
        return mailing(http, email, () -> accounts.requestPasswordReset(email, links));
    }

    /**
     * Runs a request that may e-mail {@code recipient} within the rate limits: past the recipient's limit the
     * mail is silently not sent and the answer is the usual one, so that it tells nothing (ACC-3); past the
     * client's limit the answer is 429 with Retry-After, whatever the address.
     */
    private HttpResponse<?> mailing(HttpRequest<?> http, EmailAddress recipient, Runnable mail) {
        AccountMailLimiter.Decision decision = limiter.admit(http, recipient);
        if (decision instanceof AccountMailLimiter.Refuse refuse) {
            long seconds = Math.max(1, (refuse.retryAfter().toMillis() + 999) / 1000);
            return Problem.of("TOO_MANY_REQUESTS", HttpStatus.TOO_MANY_REQUESTS,
                    "Too many requests for account e-mails from your network address; try again in " + seconds + " s")
                    .toResponse().header(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        }
        if (decision instanceof AccountMailLimiter.Send) {
            mail.run();
        } else {
            LOG.info("an account e-mail was not sent: its recipient reached rendezvous.rate-limits.per-address");
        }
        return HttpResponse.accepted().body(new Notice(CHECK_MAILBOX));
    }

    /** ACC-1: a new password with the token from the reset link; every session ends. */
    @ApiDoc.Public
    @ApiResponse(responseCode = "204", description = "the password is changed and every session ended")
    @ApiDoc.BadRequest
    @ApiDoc.Gone
    @Post("/password-reset/confirm")
    HttpResponse<?> resetPassword(@Body @Valid NewPasswordRequest request) {
        Password password = Password.of(required(request.password(), "password"));
        return PublicBookingController.respond(accounts.resetPassword(required(request.token(), "token"), password),
                id -> HttpResponse.noContent());
    }

    private HttpResponse<?> session(LoggedIn loggedIn) {
        int seconds = (int) session.lifetime().toSeconds();
        Authentication authentication = Authentication.build(loggedIn.practitionerId().toString(),
                java.util.List.of(Roles.PRACTITIONER), Map.of(SessionVersionValidator.CLAIM, loggedIn.sessionVersion()));
        String token = tokens.generateToken(authentication, seconds)
                .orElseThrow(() -> new IllegalStateException("no session token could be signed"));
        MutableHttpResponse<SessionView> response = HttpResponse.ok(new SessionView(loggedIn.practitionerId().toString(),
                token, "Bearer", seconds, loggedIn.emailVerified()));
        return response.cookie(sessionCookie(token).maxAge(seconds));
    }

    private Cookie sessionCookie(String value) {
        return Cookie.of(cookie.getCookieName(), value)
                .path(cookie.getCookiePath().orElse("/"))
                .httpOnly(cookie.isCookieHttpOnly().orElse(true))
                .secure(cookie.isCookieSecure().orElse(true))
                .sameSite(cookie.getCookieSameSite().orElse(SameSite.Lax));
    }

    public static String required(@Nullable String value, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + ": required");
        }
        return value;
    }

    private static ZoneId zone(@Nullable String zone) {
        if (zone == null || zone.isBlank()) {
            return ZoneId.of("Europe/Paris");
        }
        try {
            return ZoneId.of(zone);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("zone: not a time zone: " + zone, e);
        }
    }

    public static Language language(@Nullable String code) {
        if (code == null || code.isBlank()) {
            return Language.FRENCH;
        }
        for (Language language : Language.values()) {
            if (language.locale().getLanguage().equalsIgnoreCase(code) || language.name().equalsIgnoreCase(code)) {
                return language;
            }
        }
        throw new IllegalArgumentException("language: one of fr, en");
    }
}
