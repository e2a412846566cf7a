package org.rendezvous.app.practitioner;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import static org.rendezvous.app.practitioner.PractitionerAgendaController.id;
import static org.rendezvous.app.practitioner.PractitionerAgendaController.me;
import static org.rendezvous.app.practitioner.PractitionerAgendaController.required;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import jakarta.validation.Valid;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeMap;
import org.rendezvous.app.account.AuthController;
import org.rendezvous.app.account.Roles;
import org.rendezvous.app.client.PublicBookingController;
import org.rendezvous.app.http.ApiDoc;
import org.rendezvous.app.http.ApiViews.MoveRequest;
import org.rendezvous.app.http.PhoneInput;
import org.rendezvous.app.http.Problem;
import org.rendezvous.app.practitioner.PractitionerViews.AgendaBookingView;
import org.rendezvous.app.practitioner.PractitionerViews.ClientFileView;
import org.rendezvous.app.practitioner.PractitionerViews.ClientView;
import org.rendezvous.app.practitioner.PractitionerViews.ManualBookingRequest;
import org.rendezvous.core.Rendezvous;
import org.rendezvous.core.agenda.ActivityId;
import org.rendezvous.core.booking.Booking;
import org.rendezvous.core.booking.BookingId;
import org.rendezvous.core.booking.CancelByPractitionerCommand;
import org.rendezvous.core.booking.ConfirmBookingCommand;
import org.rendezvous.core.booking.EnterBookingCommand;
import org.rendezvous.core.booking.MoveByPractitionerCommand;
import org.rendezvous.core.booking.RefuseBookingCommand;
import org.rendezvous.core.booking.ReportNoShowCommand;
import org.rendezvous.core.client.ClientId;
import org.rendezvous.core.contact.EmailAddress;
import org.rendezvous.core.contact.Language;
import org.rendezvous.core.contact.PersonName;
import org.rendezvous.core.contact.PhoneNumber;
import org.rendezvous.core.idempotency.IdempotencyKey;
import org.rendezvous.core.outcome.Outcome;
import org.rendezvous.core.outcome.Reason;
import org.rendezvous.core.practitioner.PractitionerId;

/**
 * The practitioner's bookings and clients (BK-4, BK-6, BK-7, CX-4, CX-5, CLI-1, PAGE-4): pending requests and
 * the answers to them, moves, manual entry with the client's details filled in, the client file. Commands
 * take an {@code Idempotency-Key} header (BK-8). Only the session's own bookings are found (ACC-2).
 */
@Controller("/api/practitioner")
@Secured(Roles.PRACTITIONER)
@SecurityRequirement(name = AuthController.BEARER)
@SecurityRequirement(name = AuthController.COOKIE)
@ApiDoc.PractitionerSession
class PractitionerBookingController {

    private final Rendezvous engine;

    PractitionerBookingController(Rendezvous engine) {
        this.engine = engine;
    }

    /** Requests waiting for an answer, oldest first. */
    @Get("/requests")
    List<AgendaBookingView> pendingRequests(Authentication authentication) {
        return engine.bookings().pendingRequests(me(authentication)).orElseThrow().stream().map(b -> AgendaBookingView.of(b, engine.payments())).toList();
    }

    /** BK-4: confirms a booking request; the client is told. */
    @Post("/bookings/{bookingId}/confirm")
    @ApiResponse(responseCode = "200", description = "the booking, CONFIRMED",
            content = @Content(schema = @Schema(implementation = AgendaBookingView.class)))
    @ApiDoc.BadRequest
    @ApiDoc.NotFound
    @ApiDoc.Conflict
    @ApiDoc.Refused
    HttpResponse<?> confirm(Authentication authentication, @PathVariable String bookingId,
                            @Header("Idempotency-Key") String idempotencyKey) {
        return answer(engine.bookings().confirm(new ConfirmBookingCommand(me(authentication),
                id(bookingId, "bookingId", BookingId::of), IdempotencyKey.of(idempotencyKey))));
    }

    /** BK-4: refuses a booking request; the client is told and anything paid is refunded. */
    @Post("/bookings/{bookingId}/refuse")
    @ApiResponse(responseCode = "200", description = "the booking, REFUSED",
            content = @Content(schema = @Schema(implementation = AgendaBookingView.class)))
    @ApiDoc.BadRequest
    @ApiDoc.NotFound
    @ApiDoc.Conflict
    @ApiDoc.Refused
    HttpResponse<?> refuse(Authentication authentication, @PathVariable String bookingId,
                           @Header("Idempotency-Key") String idempotencyKey) {
        return answer(engine.bookings().refuse(new RefuseBookingCommand(me(authentication),
                id(bookingId, "bookingId", BookingId::of), IdempotencyKey.of(idempotencyKey))));
    }

    /** CX-6: the practitioner cancels a booking; the client is told and refunded in full. */
    @Post("/bookings/{bookingId}/cancel")
    @Operation(operationId = "practitionerCancel")
    @ApiResponse(responseCode = "200", description = "the booking, CANCELLED",
            content = @Content(schema = @Schema(implementation = AgendaBookingView.class)))
    @ApiDoc.BadRequest
    @ApiDoc.NotFound
    @ApiDoc.Conflict
    @ApiDoc.Refused
    HttpResponse<?> cancel(Authentication authentication, @PathVariable String bookingId,
                           @Header("Idempotency-Key") String idempotencyKey) {
        return answer(engine.bookings().cancelByPractitioner(new CancelByPractitionerCommand(me(authentication),
                id(bookingId, "bookingId", BookingId::of), IdempotencyKey.of(idempotencyKey))));
    }

    /** CX-5: reports that the client did not come; the no-show charge applies if the settings say so. */
    @Post("/bookings/{bookingId}/no-show")
    @ApiResponse(responseCode = "200", description = "the booking, NO_SHOW",
            content = @Content(schema = @Schema(implementation = AgendaBookingView.class)))
    @ApiDoc.BadRequest
    @ApiDoc.NotFound
    @ApiDoc.Conflict
    @ApiDoc.Refused
    HttpResponse<?> noShow(Authentication authentication, @PathVariable String bookingId,
                           @Header("Idempotency-Key") String idempotencyKey) {
        return answer(engine.bookings().reportNoShow(new ReportNoShowCommand(me(authentication),
                id(bookingId, "bookingId", BookingId::of), IdempotencyKey.of(idempotencyKey))));
    }

    /**
     * BK-7 for the practitioner: to any free start from now on, inside an opening or not (unavailabilities
     * and seats still count); activity, mode, price, state and payment carry over, and the client is told.
     */
    @Post("/bookings/{bookingId}/move")
    @Operation(operationId = "practitionerMove")
    @ApiResponse(responseCode = "200", description = "the booking at its new time",
            content = @Content(schema = @Schema(implementation = AgendaBookingView.class)))
    @ApiDoc.BadRequest
    @ApiDoc.NotFound
    @ApiDoc.Conflict
    @ApiDoc.Refused
    HttpResponse<?> move(Authentication authentication, @PathVariable String bookingId,
                         @Header("Idempotency-Key") String idempotencyKey, @Body MoveRequest request) {
        return answer(engine.bookings().moveByPractitioner(new MoveByPractitionerCommand(me(authentication),
                id(bookingId, "bookingId", BookingId::of), required(request.newStart(), "newStart"),
                IdempotencyKey.of(idempotencyKey))));
    }

    /** BK-6: a booking entered by hand; an e-mail already in the client file fills in the details left out. */
    @Post("/bookings")
    @ApiResponse(responseCode = "201", description = "the booking, CONFIRMED",
            content = @Content(schema = @Schema(implementation = AgendaBookingView.class)))
    @ApiDoc.BadRequest
    @ApiDoc.NotFound
    @ApiDoc.Conflict
    @ApiDoc.Refused
    @ApiDoc.TooMany
    HttpResponse<?> enter(Authentication authentication, @Header("Idempotency-Key") String idempotencyKey,
                          @Body @Valid ManualBookingRequest r) {
        Optional<PhoneNumber> phone = PhoneInput.optional(r.phone());
        EnterBookingCommand command = new EnterBookingCommand(me(authentication),
                id(required(r.activityId(), "activityId"), "activityId", ActivityId::of), required(r.start(), "start"),
                required(r.mode(), "mode"), EmailAddress.of(required(r.email(), "email")),
                Optional.ofNullable(r.name()).filter(n -> !n.isBlank()).map(PersonName::of), phone,
                Optional.ofNullable(r.language()).filter(l -> !l.isBlank()).map(PractitionerBookingController::language),
                new TreeMap<>(r.answers() == null ? java.util.Map.of() : r.answers()), IdempotencyKey.of(idempotencyKey));
        return PublicBookingController.respond(engine.bookings().enter(command),
                booking -> HttpResponse.created(AgendaBookingView.of(booking, engine.payments())));
    }

    /** BK-6: the details on file for an e-mail, to fill in the manual booking form. */
    @Get("/clients/lookup")
    @ApiResponse(responseCode = "200", description = "the client's details",
            content = @Content(schema = @Schema(implementation = ClientView.class)))
    @ApiDoc.BadRequest
    @ApiDoc.NotFound
    HttpResponse<?> lookUp(Authentication authentication, @QueryValue String email) {
        return engine.clients().lookUp(me(authentication), EmailAddress.of(email))
                .<HttpResponse<?>>map(details -> HttpResponse.ok(ClientView.of(details)))
                .orElseGet(() -> Problem.of(Reason.NOT_FOUND, "email: no client with this e-mail").toResponse());
    }

    /** The client file: every client who booked, with their details. */
    @Get("/clients")
    List<ClientFileView> clients(Authentication authentication) {
        return engine.clients().clients(me(authentication)).stream().map(ClientFileView::of).toList();
    }

    /** One client of the file. */
    @Get("/clients/{clientId}")
    @ApiResponse(responseCode = "200", description = "the client",
            content = @Content(schema = @Schema(implementation = ClientFileView.class)))
    @ApiDoc.BadRequest
    @ApiDoc.NotFound
    HttpResponse<?> client(Authentication authentication, @PathVariable String clientId) {
        return engine.clients().client(me(authentication), id(clientId, "clientId", ClientId::of))
                .<HttpResponse<?>>map(c -> HttpResponse.ok(ClientFileView.of(c)))
                .orElseGet(() -> Problem.of(Reason.NOT_FOUND, "clientId: no such client").toResponse());
    }

    /** Every booking of one client, in every state. */
    @Get("/clients/{clientId}/bookings")
    @ApiResponse(responseCode = "200", description = "the client's bookings",
            content = @Content(array = @ArraySchema(schema = @Schema(implementation = AgendaBookingView.class))))
    @ApiDoc.BadRequest
    @ApiDoc.NotFound
    HttpResponse<?> bookingsOfClient(Authentication authentication, @PathVariable String clientId) {
        PractitionerId me = me(authentication);
        ClientId client = id(clientId, "clientId", ClientId::of);
        if (engine.clients().client(me, client).isEmpty()) {
            return Problem.of(Reason.NOT_FOUND, "clientId: no such client").toResponse();
        }
        return HttpResponse.ok(engine.clients().bookingsOf(me, client).stream().map(b -> AgendaBookingView.of(b, engine.payments())).toList());
    }

    private HttpResponse<?> answer(Outcome<Booking> outcome) {
        return PublicBookingController.respond(outcome, booking -> HttpResponse.ok(AgendaBookingView.of(booking, engine.payments())));
    }

    private static Language language(@Nullable String code) {
        for (Language language : Language.values()) {
            if (language.locale().getLanguage().equals(code.toLowerCase(Locale.ROOT)) || language.name().equalsIgnoreCase(code)) {
                return language;
            }
        }
        throw new IllegalArgumentException("language: one of fr, en");
    }
}
