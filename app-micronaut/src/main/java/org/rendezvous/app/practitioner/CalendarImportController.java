package org.rendezvous.app.practitioner;

import static org.rendezvous.app.practitioner.PractitionerAgendaController.me;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.Optional;
import org.rendezvous.app.account.AuthController;
import org.rendezvous.app.http.ApiDoc;
import org.rendezvous.app.http.Problem;
import org.rendezvous.app.wiring.CalendarImportSettings;
import org.rendezvous.core.ExternalCalendarService;
import org.rendezvous.core.calendar.CalendarAddress;
import org.rendezvous.core.calendar.ExternalCalendar;
import org.rendezvous.core.outcome.Reason;

/**
 * Issue 14 item 3: the practitioner's own calendar, given by its secret iCalendar address, whose busy times
 * block their availability. The address is shown masked; the job fetches it every poll interval, the
 * "refresh" route at once.
 */
@Controller("/api/practitioner/calendar/import")
@Secured(org.rendezvous.app.account.Roles.PRACTITIONER)
@SecurityRequirement(name = AuthController.BEARER)
@SecurityRequirement(name = AuthController.COOKIE)
@ApiDoc.PractitionerSession
class CalendarImportController {

    /** The address of the practitioner's own calendar (https or webcal). */
    @Serdeable
    record CalendarImportRequest(@NotBlank @Size(max = CalendarAddress.MAX_LENGTH) String address) {
    }

    /**
     * What the dashboard shows: whether an address is given, masked; the last fetch's times, the failure (a
     * stable code with a detail) and how many busy periods are kept; the polling interval in minutes.
     */
    @Serdeable
    record CalendarImportView(boolean subscribed, @Nullable String maskedAddress, @Nullable String lastAttemptAt,
                              @Nullable String lastSuccessAt, @Nullable String lastFailureAt,
                              @Nullable @Schema(description = "TIMEOUT, UNREACHABLE, HTTP_STATUS, NOT_A_CALENDAR, TOO_LARGE or TOO_MANY_REDIRECTS")
                              String failure, @Nullable String failureDetail, int busyPeriods, long pollMinutes) {
        static CalendarImportView of(Optional<ExternalCalendar> found, long pollMinutes) {
            if (found.isEmpty()) {
                return new CalendarImportView(false, null, null, null, null, null, null, 0, pollMinutes);
            }
            ExternalCalendar c = found.get();
            return new CalendarImportView(true, c.address().masked(), text(c.lastAttemptAt()), text(c.lastSuccessAt()),
                    text(c.lastFailureAt()), c.failure().map(Enum::name).orElse(null), c.failureDetail().orElse(null),
                    c.busyPeriods(), pollMinutes);
        }

        private static String text(Optional<Instant> at) {
            return at.map(Instant::toString).orElse(null);
        }
    }

    private final ExternalCalendarService calendars;
    private final CalendarImportSettings settings;

    CalendarImportController(ExternalCalendarService calendars, CalendarImportSettings settings) {
        this.calendars = calendars;
        this.settings = settings;
    }

    private long pollMinutes() {
        return settings.pollInterval().toMinutes();
    }

    /** The practitioner's own calendar: whether one is given, and what its last fetch said. */
    @Get
    @Operation(operationId = "calendarImportState")
    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = CalendarImportView.class)))
    HttpResponse<?> state(Authentication authentication) {
        return HttpResponse.ok(CalendarImportView.of(calendars.find(me(authentication)), pollMinutes()));
    }

    /**
     * Gives (or replaces) the secret address of the practitioner's own calendar: https, or webcal (read as https).
     * Its busy periods are read at the next run of the job, or at once with the refresh route.
     */
    @Put
    @Operation(operationId = "setCalendarImport")
    @ApiDoc.BadRequest
    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = CalendarImportView.class)))
    HttpResponse<?> subscribe(Authentication authentication, @Body @Valid CalendarImportRequest request) {
        ExternalCalendar saved = calendars.subscribe(me(authentication), request.address());
        return HttpResponse.ok(CalendarImportView.of(Optional.of(saved), pollMinutes()));
    }

    /** Forgets the address and the busy periods read from it. */
    @Delete
    @Operation(operationId = "removeCalendarImport")
    @ApiResponse(responseCode = "204", description = "no own calendar blocks availability any more")
    HttpResponse<?> remove(Authentication authentication) {
        calendars.remove(me(authentication));
        return HttpResponse.noContent();
    }

    /** Fetches the practitioner's own calendar now (it waits for the fetch, a few seconds at most). */
    @Post("/refresh")
    @Operation(operationId = "refreshCalendarImport")
    @ApiDoc.NotFound
    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = CalendarImportView.class)))
    HttpResponse<?> refresh(Authentication authentication) {
        Optional<ExternalCalendar> refreshed = calendars.refreshNow(me(authentication));
        if (refreshed.isEmpty()) {
            return Problem.of(Reason.NOT_FOUND, "address: no own calendar is given").toResponse();
        }
        return HttpResponse.ok(CalendarImportView.of(refreshed, pollMinutes()));
    }
}
