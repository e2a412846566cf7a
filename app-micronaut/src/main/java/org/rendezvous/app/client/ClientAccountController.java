package org.rendezvous.app.client;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.security.token.cookie.AccessTokenCookieConfiguration;
import io.micronaut.security.token.generator.TokenGenerator;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import org.rendezvous.app.account.AccountMailLimiter;
import org.rendezvous.app.account.AuthController;
import org.rendezvous.app.account.Roles;
import org.rendezvous.app.account.SessionVersionValidator;
import org.rendezvous.app.http.ApiDoc;
import org.rendezvous.app.http.ApiViews.Amount;
import org.rendezvous.app.http.ApiViews.AvailabilityView;
import org.rendezvous.app.http.ApiViews.BookingView;
import org.rendezvous.app.http.ApiViews.MoveRequest;
import org.rendezvous.app.http.ApiViews.NextStepView;
import org.rendezvous.app.http.ApiViews.SlotView;
import org.rendezvous.app.http.Problem;
import org.rendezvous.app.practitioner.PractitionerAgendaController;
import org.rendezvous.app.wiring.HostSettings;
import org.rendezvous.app.wiring.SessionSettings;
import org.rendezvous.core.ClientAccountService;
import org.rendezvous.core.Rendezvous;
import org.rendezvous.core.agenda.AvailabilityQuery;
import org.rendezvous.core.booking.Booking;
import org.rendezvous.core.booking.BookingId;
import org.rendezvous.core.client.Client;
import org.rendezvous.core.client.ClientAccountId;
import org.rendezvous.core.ClientData;
import org.rendezvous.core.client.ClientDetails;
import org.rendezvous.core.client.ClientSignedIn;
import org.rendezvous.core.contact.EmailAddress;
import org.rendezvous.core.idempotency.IdempotencyKey;
import org.rendezvous.core.notification.OutboxMessage;
import org.rendezvous.core.practitioner.Practitioner;
import org.rendezvous.core.practitioner.PractitionerId;

/**
 * Clients' optional, passwordless accounts (CLI-2, docs/clients.md). A client asks for a sign-in link by
 * e-mail (the same answer whether or not the address is a client's, within the account-mail limits), and
 * the link opens a session with the role CLIENT, which opens only these routes. The account shows every
 * booking of that address with every practitioner; cancelling and moving take an Idempotency-Key and follow
 * the same rules as the booking link (CX-1 … CX-3, CX-6, BK-7, BK-8); the client can download and erase
 * their data.
 */
@Controller("/api/client")
@Secured(Roles.CLIENT)
@ApiDoc.ClientSession
@Tag(name = "client", description = "Client accounts: sign-in link, bookings with every practitioner, data (docs/clients.md)")
class ClientAccountController {

    private final Rendezvous engine;
    private final ClientAccountService clients;
    private final HostSettings settings;
    private final ClientSignInMail mail;
    private final AccountMailLimiter limiter;
    private final TokenGenerator tokens;
    private final AccessTokenCookieConfiguration cookie;
    private final SessionSettings session;
    private final java.time.Clock clock;

    ClientAccountController(Rendezvous engine, HostSettings settings, ClientSignInMail mail, AccountMailLimiter limiter,
                            TokenGenerator tokens, AccessTokenCookieConfiguration cookie, SessionSettings session,
                            java.time.Clock clock) {
        this.clock = clock;
        this.engine = engine;
        this.clients = engine.clientAccounts();
        this.settings = settings;
        this.mail = mail;
        this.limiter = limiter;
        this.tokens = tokens;
        this.cookie = cookie;
        this.session = session;
    }

    @Serdeable
    record SignInRequest(@NotBlank @Size(max = 254) String email) {
    }

    @Serdeable
    record SessionRequest(@NotBlank @Size(max = 512) String token) {
    }

    @Serdeable
    record ClientSessionView(String accountId, String email, String accessToken, String tokenType, long expiresIn,
                             String role) {
    }

    /** BK-1: what the booking form is filled in with. */
    @Serdeable
    record MeView(String email, @Nullable String name, @Nullable String phone, @Nullable String language) {
    }

    @Serdeable
    record ClientBookingView(BookingView booking, String practitionerName, @Nullable String pageUrl, boolean upcoming) {
    }

    @Serdeable
    record ErasureView(int clientFiles, int bookings, Instant erasedAt) {
    }

    @Serdeable
    record ExportView(Instant exportedAt, String email, Instant accountCreatedAt, List<ClientFileView> clientFiles,
                      List<ExportedBooking> bookings, List<MessageView> messages, String note) {
    }

    @Serdeable
    record ClientFileView(String practitionerId, String practitionerName, String name, String email, String phone,
                          String language, Instant createdAt) {
    }

    @Serdeable
    record ExportedBooking(String id, String practitionerId, String practitionerName, @Nullable String activityName,
                           String mode, Instant start, Instant end, String state, Amount price, Amount paid,
                           String name, String email, String phone, String language, SortedMap<String, String> answers,
                           List<TransitionView> history, List<MoveView> moves) {
    }

    @Serdeable
    record TransitionView(@Nullable String from, String to, Instant at, String cause, String actor) {
    }

    @Serdeable
    record MoveView(Instant previousStart, Instant newStart, Instant at, String actor) {
    }

    @Serdeable
    record MessageView(@Nullable String bookingId, String kind, String channel, Instant createdAt) {
    }

    /**
     * CLI-2: e-mails a single-use sign-in link (15 min) if some practitioner's client file has this address,
     * and nothing otherwise; the same 202 either way, within the account-mail limits (429 past the per-client one).
     */
    @Post("/sign-in")
    @Secured(SecurityRule.IS_ANONYMOUS)
    @Operation(summary = "Ask for a sign-in link by e-mail (same answer whether or not the address is known)", operationId = "clientRequestSignIn", security = {})
    @ApiResponse(responseCode = "202", description = "the same notice whether or not the address is known", content = @Content(schema = @Schema(implementation = AuthController.Notice.class)))
    @ApiDoc.BadRequest
    @ApiDoc.TooMany
    HttpResponse<?> requestSignIn(HttpRequest<?> http, @Body @Valid SignInRequest request) {
        EmailAddress email = EmailAddress.of(AuthController.required(request.email(), "email"));
        AccountMailLimiter.Decision decision = limiter.admit(http, email);
        if (decision instanceof AccountMailLimiter.Refuse refuse) {
            long seconds = Math.max(1, (refuse.retryAfter().toMillis() + 999) / 1000);
            return Problem.of("TOO_MANY_REQUESTS", HttpStatus.TOO_MANY_REQUESTS,
                    "Too many requests for account e-mails from your network address; try again in " + seconds + " s")
                    .toResponse().header(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        }
        if (decision instanceof AccountMailLimiter.Send) {
            clients.requestSignIn(email).ifPresent(mail::send);
        }
        return HttpResponse.accepted().body(new AuthController.Notice(AuthController.CHECK_MAILBOX));
    }

    /** CLI-2: the token of the e-mailed link, once, within 15 minutes: opens a CLIENT session (cookie and body). */
    @Post("/session")
    @Secured(SecurityRule.IS_ANONYMOUS)
    @Operation(summary = "Open a client session with the token of the sign-in link (single use, 15 minutes)", operationId = "clientSignIn", security = {})
    @ApiResponse(responseCode = "200", description = "the client session (also set as the session cookie)", content = @Content(schema = @Schema(implementation = ClientSessionView.class)))
    @ApiDoc.BadRequest
    @ApiDoc.Gone
    HttpResponse<?> signIn(@Body @Valid SessionRequest request) {
        return PublicBookingController.respond(clients.signIn(AuthController.required(request.token(), "token")),
                this::session);
    }

    /** Ends the client's sessions (every device) and clears the cookie. */
    @Post("/sign-out")
    @Secured(SecurityRule.IS_ANONYMOUS)
    @Operation(summary = "Sign out of the client account on every device", operationId = "clientSignOut", security = {})
    @ApiResponse(responseCode = "204", description = "signed out; the cookie is cleared")
    HttpResponse<?> signOut(@Nullable Authentication authentication) {
        if (authentication != null && authentication.getRoles().contains(Roles.CLIENT)) {
            clients.signOut(ClientAccountId.of(authentication.getName()));
        }
        return HttpResponse.noContent().cookie(sessionCookie("").maxAge(0));
    }

    /** BK-1: the details of the client's latest booking, to fill in a new booking form. */
    @Get("/me")
    @Operation(summary = "The signed-in client's e-mail and latest details (to prefill a booking form, BK-1)", operationId = "clientMe")
    @ApiResponse(responseCode = "200", description = "the answer", content = @Content(schema = @Schema(implementation = MeView.class)))
    @SecurityRequirement(name = AuthController.BEARER)
    @SecurityRequirement(name = AuthController.COOKIE)
    HttpResponse<?> me(Authentication authentication) {
        ClientAccountId id = account(authentication);
        Optional<String> email = clients.account(id).map(a -> a.email().value());
        if (email.isEmpty()) {
            return gone();
        }
        Optional<ClientDetails> details = clients.details(id);
        return HttpResponse.ok(new MeView(email.get(), details.map(d -> d.name().value()).orElse(null),
                details.map(d -> d.phone().value()).orElse(null),
                details.map(d -> d.language().locale().getLanguage()).orElse(null)));
    }

    /** Every booking of the account's e-mail with every practitioner, upcoming and past, with its money. */
    @Get("/bookings")
    @Operation(summary = "The client's bookings with every practitioner, with state and money", operationId = "clientBookings")
    @ApiResponse(responseCode = "200", description = "the bookings", content = @Content(array = @ArraySchema(schema = @Schema(implementation = ClientBookingView.class))))
    @SecurityRequirement(name = AuthController.BEARER)
    @SecurityRequirement(name = AuthController.COOKIE)
    HttpResponse<?> bookings(Authentication authentication) {
        Instant now = clock.instant();
        return HttpResponse.ok(clients.bookings(account(authentication)).stream().map(b -> view(b, now)).toList());
    }

    /** BK-7: the free start times the client may move one of their bookings to. */
    @Get("/bookings/{bookingId}/availability")
    @Operation(summary = "Free start times to move one of the client's bookings to", operationId = "clientAvailability")
    @ApiResponse(responseCode = "200", description = "free start times", content = @Content(schema = @Schema(implementation = AvailabilityView.class)))
    @ApiDoc.BadRequest
    @ApiDoc.NotFound
    @SecurityRequirement(name = AuthController.BEARER)
    @SecurityRequirement(name = AuthController.COOKIE)
    HttpResponse<?> availability(Authentication authentication, @PathVariable String bookingId, @QueryValue LocalDate from,
                                 @QueryValue LocalDate to) {
        Optional<Booking> booking = clients.booking(account(authentication), bookingId(bookingId));
        if (booking.isEmpty()) {
            return notFound();
        }
        Booking b = booking.get();
        return PublicBookingController.respond(engine.agenda().availability(AvailabilityQuery.of(b.practitionerId(),
                b.activityId(), from, to)), slots -> HttpResponse.ok(new AvailabilityView(b.activityId().toString(),
                slots.stream().map(SlotView::of).toList())));
    }

    /** CX-1 … CX-3, CX-6, BK-8: cancels one of the client's bookings, as through its link. */
    @Post("/bookings/{bookingId}/cancel")
    @Operation(summary = "Cancel one of the client's bookings (CX-1 to CX-3; Idempotency-Key)", operationId = "clientAccountCancel")
    @ApiResponse(responseCode = "200", description = "the booking, cancelled", content = @Content(schema = @Schema(implementation = ClientBookingView.class)))
    @ApiDoc.BadRequest
    @ApiDoc.NotFound
    @ApiDoc.Conflict
    @ApiDoc.Refused
    @SecurityRequirement(name = AuthController.BEARER)
    @SecurityRequirement(name = AuthController.COOKIE)
    HttpResponse<?> cancel(Authentication authentication, @PathVariable String bookingId,
                           @Header("Idempotency-Key") String idempotencyKey) {
        return PublicBookingController.respond(clients.cancel(account(authentication), bookingId(bookingId),
                IdempotencyKey.of(idempotencyKey)), b -> HttpResponse.ok(view(b, clock.instant())));
    }

    /** BK-7, CX-6, BK-8: moves one of the client's bookings to another free start, as through its link. */
    @Post("/bookings/{bookingId}/move")
    @Operation(summary = "Move one of the client's bookings to another free start (BK-7; Idempotency-Key)", operationId = "clientAccountMove")
    @ApiResponse(responseCode = "200", description = "the booking, moved", content = @Content(schema = @Schema(implementation = ClientBookingView.class)))
    @ApiDoc.BadRequest
    @ApiDoc.NotFound
    @ApiDoc.Conflict
    @ApiDoc.Refused
    @SecurityRequirement(name = AuthController.BEARER)
    @SecurityRequirement(name = AuthController.COOKIE)
    HttpResponse<?> move(Authentication authentication, @PathVariable String bookingId,
                         @Header("Idempotency-Key") String idempotencyKey, @Body MoveRequest request) {
        return PublicBookingController.respond(clients.move(account(authentication), bookingId(bookingId),
                        PractitionerAgendaController.required(request.newStart(), "newStart"), IdempotencyKey.of(idempotencyKey)),
                b -> HttpResponse.ok(view(b, clock.instant())));
    }

    /** GDPR: everything stored about the account's e-mail, as a JSON file. */
    @Get("/data")
    @Operation(summary = "Download the client's data as JSON (account, client files, bookings, messages)", operationId = "clientExport")
    @ApiResponse(responseCode = "200", description = "the client's data, as a JSON attachment", content = @Content(schema = @Schema(implementation = ExportView.class)))
    @SecurityRequirement(name = AuthController.BEARER)
    @SecurityRequirement(name = AuthController.COOKIE)
    HttpResponse<?> export(Authentication authentication) {
        return PublicBookingController.respond(clients.export(account(authentication)), data ->
                HttpResponse.ok(exportView(data)).header(HttpHeaders.CONTENT_DISPOSITION,
                        "attachment; filename=\"rendezvous-data.json\""));
    }

    /**
     * GDPR: anonymises the client's details in every practitioner's file and their bookings, removes the account
     * and ends the session; refused with UPCOMING_BOOKINGS while a booking is still to come (cancel it first).
     */
    @Delete("/account")
    @Operation(summary = "Erase the client's personal data and account (refused while bookings are upcoming)", operationId = "clientErase")
    @ApiResponse(responseCode = "200", description = "what was erased", content = @Content(schema = @Schema(implementation = ErasureView.class)))
    @ApiDoc.Refused
    @SecurityRequirement(name = AuthController.BEARER)
    @SecurityRequirement(name = AuthController.COOKIE)
    HttpResponse<?> erase(Authentication authentication) {
        return PublicBookingController.respond(clients.erase(account(authentication)), erasure ->
                HttpResponse.ok(new ErasureView(erasure.clientFiles(), erasure.bookings(), erasure.at()))
                        .cookie(sessionCookie("").maxAge(0)));
    }

    private static ClientAccountId account(Authentication authentication) {
        return ClientAccountId.of(authentication.getName());
    }

    private static BookingId bookingId(String value) {
        try {
            return BookingId.of(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("bookingId: not a booking id", e);
        }
    }

    private static HttpResponse<?> notFound() {
        return Problem.of(org.rendezvous.core.outcome.Reason.NOT_FOUND, "bookingId: no such booking in this account")
                .toResponse();
    }

    private static HttpResponse<?> gone() {
        return Problem.of(org.rendezvous.core.outcome.Reason.NOT_FOUND, "account: no such client account").toResponse();
    }

    private ClientBookingView view(Booking booking, Instant now) {
        PractitionerId practitioner = booking.practitionerId();
        BookingView view = BookingView.of(booking, settings.baseUrl() + "/b/" + booking.accessToken().value(),
                engine.agenda().activity(practitioner, booking.activityId()).orElse(null),
                engine.practitioners().settings(practitioner).orElse(null), engine.payments().money(booking),
                engine.payments().nextStep(booking).map(step -> NextStepView.of(step, settings.baseUrl(), booking))
                        .orElse(null));
        String name = engine.practitioners().find(practitioner).map(p -> p.name().value()).orElse("");
        String pageUrl = engine.practitioners().profile(practitioner).flatMap(p -> p.slug())
                .filter(slug -> engine.practitioners().pageEnabled(practitioner))
                .map(slug -> settings.baseUrl() + "/p/" + slug).orElse(null);
        return new ClientBookingView(view, name, pageUrl, booking.end().isAfter(now));
    }

    private ExportView exportView(ClientData data) {
        java.util.Map<PractitionerId, String> names = new java.util.HashMap<>();
        java.util.function.Function<PractitionerId, String> nameOf = id -> names.computeIfAbsent(id,
                key -> engine.practitioners().find(key).map(Practitioner::name).map(Object::toString).orElse(""));
        List<ClientFileView> files = data.clientFiles().stream().map((Client c) -> new ClientFileView(
                c.practitionerId().toString(), nameOf.apply(c.practitionerId()), c.details().name().value(),
                c.details().email().value(), c.details().phone().value(), c.details().language().locale().getLanguage(),
                c.createdAt())).toList();
        List<ExportedBooking> bookings = data.bookings().stream().map(b -> new ExportedBooking(b.id().toString(),
                b.practitionerId().toString(), nameOf.apply(b.practitionerId()),
                engine.agenda().activity(b.practitionerId(), b.activityId()).map(a -> a.name()).orElse(null),
                b.mode().name(), b.start(), b.end(), b.state().name(), Amount.of(b.price()), Amount.of(b.paid()),
                b.client().name().value(), b.client().email().value(), b.client().phone().value(),
                b.client().language().locale().getLanguage(), b.answers(),
                b.history().stream().map(t -> new TransitionView(t.from().map(Enum::name).orElse(null), t.to().name(),
                        t.at(), t.cause().name(), t.actor().name())).toList(),
                b.moves().stream().map(m -> new MoveView(m.previousStart(), m.newStart(), m.at(), m.actor().name()))
                        .toList())).toList();
        List<MessageView> messages = data.messages().stream().map((OutboxMessage m) -> new MessageView(
                m.bookingId().map(Object::toString).orElse(null), m.kind().name(), m.channel().name(), m.createdAt()))
                .toList();
        return new ExportView(data.exportedAt(), data.account().email().value(), data.account().createdAt(), files,
                bookings, messages, "Invoices a practitioner issued to you are not in this file: ask them for a copy. "
                + "See docs/clients.md for what erasure keeps.");
    }

    private HttpResponse<?> session(ClientSignedIn signedIn) {
        int seconds = (int) session.lifetime().toSeconds();
        Authentication authentication = Authentication.build(signedIn.accountId().toString(), List.of(Roles.CLIENT),
                Map.of(SessionVersionValidator.CLAIM, signedIn.sessionVersion()));
        String token = tokens.generateToken(authentication, seconds)
                .orElseThrow(() -> new IllegalStateException("no session token could be signed"));
        MutableHttpResponse<ClientSessionView> response = HttpResponse.ok(new ClientSessionView(
                signedIn.accountId().toString(), signedIn.email().value(), token, "Bearer", seconds, Roles.CLIENT));
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
