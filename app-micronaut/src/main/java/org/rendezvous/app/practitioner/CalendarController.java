package org.rendezvous.app.practitioner;

import static org.rendezvous.app.practitioner.PractitionerAgendaController.me;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import org.rendezvous.app.account.AuthController;
import org.rendezvous.app.http.ApiDoc;
import org.rendezvous.app.http.Problem;
import org.rendezvous.app.wiring.HostSettings;
import org.rendezvous.core.CalendarService;
import org.rendezvous.core.booking.AccessToken;
import org.rendezvous.core.calendar.FeedToken;
import org.rendezvous.core.calendar.PractitionerCalendar;
import org.rendezvous.core.outcome.Reason;
import org.rendezvous.notifications.CalendarFeedWriter;

/**
 * CAL-2: the practitioner's private calendar feed (subscribed to by Google, Apple or Outlook through its
 * unguessable address), its address and rotation in the dashboard, and one booking as an {@code .ics} for its
 * client's "add to my calendar".
 */
final class CalendarController {

    static final String TEXT_CALENDAR = "text/calendar; charset=utf-8";

    private CalendarController() {
    }

    /** What the dashboard shows: the feed's address, as https and as webcal, and Google's subscription link. */
    @Serdeable
    record CalendarFeedView(String url, String webcalUrl, String googleUrl) {
        static CalendarFeedView of(String base, FeedToken token) {
            String url = base + PublicCalendars.PATH + "/" + token.value() + ".ics";
            String webcal = url.replaceFirst("^https?://", "webcal://");
            return new CalendarFeedView(url, webcal,
                    "https://calendar.google.com/calendar/r?cid=" + URLEncoder.encode(webcal, StandardCharsets.UTF_8));
        }
    }

    /** The practitioner's feed address (made on first use) and its rotation. */
    @Controller("/api/practitioner/calendar")
    @Secured(org.rendezvous.app.account.Roles.PRACTITIONER)
    @SecurityRequirement(name = AuthController.BEARER)
    @SecurityRequirement(name = AuthController.COOKIE)
    @ApiDoc.PractitionerSession
    static final class Own {

        private final CalendarService calendar;
        private final HostSettings host;

        Own(CalendarService calendar, HostSettings host) {
            this.calendar = calendar;
            this.host = host;
        }

        /** CAL-2: the address of the practitioner's private calendar feed, to subscribe to from a calendar app. */
        @Get
        @Operation(operationId = "calendarFeedAddress")
        @ApiDoc.NotFound
        @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = CalendarFeedView.class)))
        HttpResponse<?> feed(Authentication authentication) {
            return HttpResponse.ok(CalendarFeedView.of(host.baseUrl(), calendar.feedToken(me(authentication))));
        }

        /** CAL-2: gives the feed a new address; the old one answers 404 at once. */
        @Post("/rotate")
        @Operation(operationId = "rotateCalendarFeed")
        @ApiDoc.NotFound
        @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = CalendarFeedView.class)))
        HttpResponse<?> rotate(Authentication authentication) {
            return HttpResponse.ok(CalendarFeedView.of(host.baseUrl(), calendar.rotate(me(authentication))));
        }
    }

    /** The feed itself and the client's .ics: anyone with the secret may read them. */
    @Controller(PublicCalendars.PATH)
    @Secured(SecurityRule.IS_ANONYMOUS)
    static final class PublicCalendars {

        static final String PATH = "/api/public/calendars";

        private final CalendarService calendar;
        private final CalendarFeedWriter writer;

        PublicCalendars(CalendarService calendar, CalendarFeedWriter writer) {
            this.calendar = calendar;
            this.writer = writer;
        }

        /**
         * CAL-2: the practitioner's bookings as an iCalendar feed (RFC 5545), from 30 days back to the end of the
         * booking window; {@code If-None-Match} with the last ETag answers 304 when nothing changed.
         */
        @Get("/{file}")
        @Produces(TEXT_CALENDAR)
        @Operation(operationId = "calendarFeed", security = {})
        @ApiResponse(responseCode = "200", description = "the feed", content = @Content(mediaType = TEXT_CALENDAR,
                schema = @Schema(type = "string", description = "an RFC 5545 iCalendar stream")))
        @ApiResponse(responseCode = "304", description = "unchanged since the ETag given in If-None-Match")
        @ApiDoc.BadRequest
        @ApiDoc.NotFound
        HttpResponse<?> feed(@PathVariable String file, @Nullable @Header("If-None-Match") String ifNoneMatch) {
            String token = file.endsWith(".ics") ? file.substring(0, file.length() - 4) : file;
            Optional<PractitionerCalendar> feed = calendar.feed(token);
            if (feed.isEmpty()) {
                return Problem.of(Reason.NOT_FOUND, "token: no calendar feed has this address").toResponse();
            }
            return calendarResponse(writer.feed(feed.get()), ifNoneMatch, Optional.empty());
        }
    }

    /** "Add to my calendar" on the client's link page (ACC-2). */
    @Controller("/api/public/bookings")
    @Secured(SecurityRule.IS_ANONYMOUS)
    static final class BookingCalendar {

        private final CalendarService calendar;
        private final CalendarFeedWriter writer;

        BookingCalendar(CalendarService calendar, CalendarFeedWriter writer) {
            this.calendar = calendar;
            this.writer = writer;
        }

        /** CAL-1: the booking behind the link as an iCalendar file, to add to the client's own calendar. */
        @Get("/{accessToken}/calendar.ics")
        @Produces(TEXT_CALENDAR)
        @Operation(operationId = "bookingCalendarFile", security = {})
        @ApiResponse(responseCode = "200", description = "the booking as one event", content = @Content(mediaType = TEXT_CALENDAR,
                schema = @Schema(type = "string", description = "an RFC 5545 iCalendar file")))
        @ApiDoc.BadRequest
        @ApiDoc.NotFound
        HttpResponse<?> ics(@PathVariable String accessToken, @Nullable @Header("If-None-Match") String ifNoneMatch) {
            if (!AccessToken.isWellFormed(accessToken)) {
                return Problem.of(Reason.NOT_FOUND, "accessToken: no such booking").toResponse();
            }
            return calendar.bookingEvent(new AccessToken(accessToken))
                    .<HttpResponse<?>>map(event -> calendarResponse(writer.booking(event), ifNoneMatch,
                            Optional.of("rendez-vous.ics")))
                    .orElseGet(() -> Problem.of(Reason.NOT_FOUND, "accessToken: no such booking").toResponse());
        }
    }

    /** RFC 9110 §13.1.2: {@code *} or a list of (weak or strong) entity tags, each quoted. */
    private static final java.util.regex.Pattern ENTITY_TAGS = java.util.regex.Pattern.compile(
            "^(\\*|(W/)?\"[\\x21\\x23-\\x7e]{0,128}\"(\\s*,\\s*(W/)?\"[\\x21\\x23-\\x7e]{0,128}\"){0,20})$");

    /** The calendar with a strong ETag (its SHA-256), or 304 when the caller has it already. */
    static MutableHttpResponse<?> calendarResponse(String ics, @Nullable String ifNoneMatch, Optional<String> download) {
        if (ifNoneMatch != null && !ENTITY_TAGS.matcher(ifNoneMatch.strip()).matches()) {
            return Problem.of("INVALID_REQUEST", HttpStatus.BAD_REQUEST,
                    "If-None-Match: not a list of quoted entity tags").toResponse();
        }
        byte[] body = ics.getBytes(StandardCharsets.UTF_8);
        String etag = "\"" + sha256(body) + "\"";
        if (ifNoneMatch != null && matches(ifNoneMatch, etag)) {
            return HttpResponse.status(HttpStatus.NOT_MODIFIED).header("ETag", etag)
                    .header("Cache-Control", "private, no-cache");
        }
        MutableHttpResponse<byte[]> response = HttpResponse.ok(body).contentType(TEXT_CALENDAR).header("ETag", etag)
                .header("Cache-Control", "private, no-cache");
        download.ifPresent(name -> response.header("Content-Disposition", "attachment; filename=\"" + name + "\""));
        return response;
    }

    /** RFC 9110 §13.1.2: a list of entity tags (weak ones compared weakly), or {@code *}. */
    static boolean matches(String ifNoneMatch, String etag) {
        for (String candidate : ifNoneMatch.split(",")) {
            String tag = candidate.strip();
            if (tag.equals("*") || tag.equals(etag) || tag.equals("W/" + etag)) {
                return true;
            }
        }
        return false;
    }

    private static String sha256(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body)).substring(0, 32);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }
}
