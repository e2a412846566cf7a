package org.rendezvous.app.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Content;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.rendezvous.app.client.PublicPages;
import org.rendezvous.app.http.ApiDoc;
import org.rendezvous.app.http.Problem;
import org.rendezvous.core.Rendezvous;
import org.rendezvous.core.booking.AccessToken;
import org.rendezvous.core.outcome.Reason;

/**
 * The web pages (PAGE-1 … PAGE-4, ACC-1, CX-*): static HTML shells whose scripts call the JSON API, so
 * that no data ever goes through a template. Every page is anonymous; the dashboard's API calls need the
 * session cookie, and the page sends the browser to /login when they answer 401.
 *
 * <p>The headers: a Content-Security-Policy without inline scripts or styles, so that even a name that
 * slipped into the markup could not run; no Referer, because the booking link, the verification and the
 * reset URLs carry secrets in their path or query; only the public page may be framed (PAGE-3).
 */
@Controller
@Secured(SecurityRule.IS_ANONYMOUS)
@Tag(name = "pages", description = "HTML pages for browsers (docs/pages.md); their data comes from the JSON API")
final class WebPagesController {

    private static final String POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; form-action 'self'; base-uri 'none'; object-src 'none'; frame-ancestors ";
    private static final Pattern ASSET = Pattern.compile("[a-z][a-z0-9-]*\\.(js|css|svg)");
    private static final Pattern LANGUAGE = Pattern.compile("fr|en");
    private static final Pattern CATALOG = Pattern.compile("[a-z][a-z0-9-]*\\.json");
    private static final Map<String, MediaType> TYPES = Map.of(
            "js", MediaType.of("text/javascript;charset=utf-8"),
            "css", MediaType.of("text/css;charset=utf-8"),
            "svg", MediaType.of("image/svg+xml"));

    private final Map<String, Optional<String>> files = new ConcurrentHashMap<>();
    private final PublicPages pages;
    private final Rendezvous engine;

    WebPagesController(PublicPages pages, Rendezvous engine) {
        this.pages = pages;
        this.engine = engine;
    }

    /** The home page: what Rendezvous is, with links to log in and register. */
    @Get(uri = "/", produces = MediaType.TEXT_HTML)
    @Operation(operationId = "homePage", security = {})
    @ApiDoc.HtmlPage
    HttpResponse<String> home() {
        return page("index", false);
    }

    /** ACC-1 … ACC-3: the practitioner's login page. */
    @Get(uri = "/login", produces = MediaType.TEXT_HTML)
    @Operation(operationId = "loginPage", security = {})
    @ApiDoc.HtmlPage
    HttpResponse<String> login() {
        return page("login", false);
    }

    /** ACC-1: the registration page. */
    @Get(uri = "/register", produces = MediaType.TEXT_HTML)
    @Operation(operationId = "registerPage", security = {})
    @ApiDoc.HtmlPage
    HttpResponse<String> register() {
        return page("register", false);
    }

    /** ACC-1: where the verification e-mail links ({@code AccountLinks}); the page posts the token. */
    @Get(uri = "/verify-email", produces = MediaType.TEXT_HTML)
    @Operation(operationId = "verifyEmailPage", security = {})
    @ApiDoc.HtmlPage
    HttpResponse<String> verifyEmail() {
        return page("verify-email", false);
    }

    /** Without a token: ask for a link; with the token of the e-mail's link: choose a new password. */
    @Get(uri = "/reset-password", produces = MediaType.TEXT_HTML)
    @Operation(operationId = "resetPasswordPage", security = {})
    @ApiDoc.HtmlPage
    HttpResponse<String> resetPassword() {
        return page("reset-password", false);
    }

    /** PAGE-4: the practitioner's dashboard; its data comes from /api/practitioner. */
    @Get(uri = "/dashboard", produces = MediaType.TEXT_HTML)
    @Operation(operationId = "dashboardPage", security = {})
    @ApiDoc.HtmlPage
    HttpResponse<String> dashboard() {
        return page("dashboard", false);
    }

    /** The operator area (docs/operator.md); its API calls need an operator's session. */
    @Get(uri = "/operator", produces = MediaType.TEXT_HTML)
    @Operation(operationId = "operatorPage", security = {})
    @ApiDoc.HtmlPage
    HttpResponse<String> operator() {
        return page("operator", false);
    }

    /** The operator's login page. */
    @Get(uri = "/operator/login", produces = MediaType.TEXT_HTML)
    @Operation(operationId = "operatorLoginPage", security = {})
    @ApiDoc.HtmlPage
    HttpResponse<String> operatorLogin() {
        return page("operator-login", false);
    }

    /** Where the link the host e-mails to an operator leads; the page posts the token with the chosen password. */
    @Get(uri = "/operator/set-password", produces = MediaType.TEXT_HTML)
    @Operation(operationId = "operatorSetPasswordPage", security = {})
    @ApiDoc.HtmlPage
    HttpResponse<String> operatorSetPassword() {
        return page("operator-set-password", false);
    }

    /** CLI-2: a client asks for a sign-in link to their account (docs/clients.md). */
    @Get(uri = "/client", produces = MediaType.TEXT_HTML)
    @Operation(operationId = "clientPage", security = {})
    @ApiDoc.HtmlPage
    HttpResponse<String> client() {
        return page("client", false);
    }

    /** CLI-2: where the client's sign-in e-mail links; the page posts the token and opens the account. */
    @Get(uri = "/client/sign-in", produces = MediaType.TEXT_HTML)
    @Operation(operationId = "clientSignInPage", security = {})
    @ApiDoc.HtmlPage
    HttpResponse<String> clientSignIn() {
        return page("client", false);
    }

    /** CLI-2: the client's account: bookings with every practitioner, cancel, move, data export and erasure. */
    @Get(uri = "/client/bookings", produces = MediaType.TEXT_HTML)
    @Operation(operationId = "clientBookingsPage", security = {})
    @ApiDoc.HtmlPage
    HttpResponse<String> clientBookings() {
        return page("client-bookings", false);
    }

    /** The client's link (CX-1 … CX-3, PAY-1): see, pay, cancel or move the booking. */
    @Get(uri = "/b/{accessToken}", produces = MediaType.TEXT_HTML)
    @Operation(operationId = "bookingLinkPage", security = {})
    @ApiDoc.HtmlPage
    @ApiResponse(responseCode = "404", description = "the same page, whose script says that the link leads nowhere",
            content = @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = "string")))
    HttpResponse<String> bookingLink(@PathVariable String accessToken) {
        // A link that leads nowhere is a 404 for the browser too; the page's script then says so in words.
        boolean known = AccessToken.isWellFormed(accessToken) && engine.clientBookings().findByLink(new AccessToken(accessToken)).isPresent();
        return page("booking", false, known);
    }

    /** PAGE-1 … PAGE-3: the public booking page, embeddable in the practitioner's own site. */
    @Get(uri = "/p/{slug}", produces = MediaType.TEXT_HTML)
    @Operation(operationId = "publicBookingPage", security = {})
    @ApiDoc.HtmlPage
    @ApiResponse(responseCode = "404", description = "the same page, whose script says that there is no such page",
            content = @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = "string")))
    HttpResponse<String> publicPage(@PathVariable String slug) {
        return page("public", true, pages.visible(slug).isPresent());
    }

    /** The pages' scripts, style sheet and images, from the classpath's web/assets. */
    @Get(uri = "/assets/{file}", produces = {"text/javascript", "text/css", "image/svg+xml"})
    @ApiDoc.Public
    @ApiResponse(responseCode = "200", description = "the file",
            content = {@Content(mediaType = "text/javascript", schema = @Schema(type = "string")),
                    @Content(mediaType = "text/css", schema = @Schema(type = "string")),
                    @Content(mediaType = "image/svg+xml", schema = @Schema(type = "string"))})
    @ApiDoc.NotFound
    HttpResponse<?> asset(@PathVariable String file) {
        Optional<String> content = ASSET.matcher(file).matches() ? read("web/assets/" + file) : Optional.empty();
        if (content.isEmpty()) {
            return Problem.of(Reason.NOT_FOUND, "file: no such asset").toResponse();
        }
        return HttpResponse.ok(content.get()).contentType(TYPES.get(file.substring(file.lastIndexOf('.') + 1)))
                .header("X-Content-Type-Options", "nosniff")
                .header("Cache-Control", "no-cache");
    }

    /** The pages' messages (issue 14): one catalog per page module and language, /assets/i18n/fr/common.json. */
    @Get(uri = "/assets/i18n/{language}/{file}", produces = MediaType.APPLICATION_JSON)
    @Operation(operationId = "catalog", security = {})
    @ApiResponse(responseCode = "200", description = "the catalog: message keys and their text",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = "object", additionalProperties = Schema.AdditionalPropertiesValue.TRUE)))
    @ApiDoc.NotFound
    HttpResponse<?> catalog(@PathVariable String language, @PathVariable String file) {
        Optional<String> content = LANGUAGE.matcher(language).matches() && CATALOG.matcher(file).matches()
                ? read("web/assets/i18n/" + language + "/" + file) : Optional.empty();
        if (content.isEmpty()) {
            return Problem.of(Reason.NOT_FOUND, "file: no such catalog").toResponse();
        }
        return HttpResponse.ok(content.get()).contentType(MediaType.of("application/json;charset=utf-8"))
                .header("X-Content-Type-Options", "nosniff")
                .header("Cache-Control", "no-cache");
    }

    private HttpResponse<String> page(String name, boolean embeddable) {
        return page(name, embeddable, true);
    }

    private HttpResponse<String> page(String name, boolean embeddable, boolean found) {
        String html = read("web/" + name + ".html").orElseThrow(() -> new IllegalStateException("web/" + name + ".html missing"));
        MutableHttpResponse<String> response = HttpResponse.<String>status(found ? HttpStatus.OK : HttpStatus.NOT_FOUND)
                .body(html).contentType(MediaType.TEXT_HTML_TYPE)
                .header("Content-Security-Policy", POLICY + (embeddable ? "*" : "'none'"))
                .header("X-Content-Type-Options", "nosniff")
                .header("Referrer-Policy", "no-referrer")
                .header("Cache-Control", "no-store");
        if (!embeddable) {
            response.header("X-Frame-Options", "DENY"); // for browsers that ignore frame-ancestors
        }
        return response;
    }

    private Optional<String> read(String resource) {
        return files.computeIfAbsent(resource, r -> {
            try (InputStream in = WebPagesController.class.getClassLoader().getResourceAsStream(r)) {
                return in == null ? Optional.empty() : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
