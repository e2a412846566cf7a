package org.rendezvous.app.client;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import static org.rendezvous.app.practitioner.PractitionerAgendaController.required;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import jakarta.validation.Valid;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.rendezvous.app.http.ApiDoc;
import org.rendezvous.app.http.ApiViews.ActivityView;
import org.rendezvous.app.http.ApiViews.AvailabilityView;
import org.rendezvous.app.http.ApiViews.BookingRequest;
import org.rendezvous.app.http.ApiViews.BookingView;
import org.rendezvous.app.http.ApiViews.CheckoutView;
import org.rendezvous.app.http.ApiViews.MoveRequest;
import org.rendezvous.app.http.ApiViews.NextStepView;
import org.rendezvous.app.http.ApiViews.SlotView;
import org.rendezvous.app.http.ApiViews.WaitlistOfferRequest;
import org.rendezvous.app.http.ApiViews.WaitlistView;
import org.rendezvous.app.http.PhoneInput;
import org.rendezvous.app.http.Problem;
import org.rendezvous.app.practitioner.PractitionerAgendaController;
import org.rendezvous.app.wiring.HostSettings;
import org.rendezvous.core.Rendezvous;
import org.rendezvous.core.agenda.Activity;
import org.rendezvous.core.agenda.ActivityId;
import org.rendezvous.core.agenda.AgendaSettings;
import org.rendezvous.core.agenda.AvailabilityQuery;
import org.rendezvous.core.booking.AccessToken;
import org.rendezvous.core.booking.BookCommand;
import org.rendezvous.core.booking.Booking;
import org.rendezvous.core.booking.CancelByClientCommand;
import org.rendezvous.core.booking.MoveByClientCommand;
import org.rendezvous.core.booking.TakeWaitlistOfferCommand;
import org.rendezvous.core.client.ClientDetails;
import org.rendezvous.core.contact.EmailAddress;
import org.rendezvous.core.contact.Language;
import org.rendezvous.core.contact.PersonName;
import org.rendezvous.core.contact.PhoneNumber;
import org.rendezvous.core.idempotency.IdempotencyKey;
import org.rendezvous.core.outcome.Outcome;
import org.rendezvous.core.practitioner.PractitionerId;

/**
 * What a client does without an account: see a practitioner's activities and free times, book, pay, cancel,
 * move, wait for an earlier time. After booking the client acts only through the unguessable link (ACC-2).
 */
@Controller("/api/public")
public class PublicBookingController {

    private final Rendezvous engine;
    private final HostSettings settings;

    PublicBookingController(Rendezvous engine, HostSettings settings) {
        this.engine = engine;
        this.settings = settings;
    }

    /** AG-2: the practitioner's active activities, as their public page offers them. */
    @Get("/practitioners/{practitionerId}/activities")
    @Operation(operationId = "publicActivities", security = {})
    @ApiResponse(responseCode = "200", description = "the active activities",
            content = @Content(array = @ArraySchema(schema = @Schema(implementation = ActivityView.class))))
    @ApiDoc.BadRequest
    @ApiDoc.NotFound
    HttpResponse<?> activities(@PathVariable String practitionerId) {
        PractitionerId id = practitioner(practitionerId);
        if (engine.practitioners().find(id).isEmpty()) {
            return Problem.of(org.rendezvous.core.outcome.Reason.NOT_FOUND, "practitionerId: no such practitioner").toResponse();
        }
        return HttpResponse.ok(engine.agenda().activities(id).stream().filter(a -> a.active()).map(ActivityView::of).toList());
    }

    /** AG-9: the free start times of an activity between two dates (at most the engine's range). */
    @Get("/practitioners/{practitionerId}/availability")
    @ApiDoc.Public
    @ApiResponse(responseCode = "200", description = "the free start times",
            content = @Content(schema = @Schema(implementation = AvailabilityView.class)))
    @ApiDoc.BadRequest
    @ApiDoc.NotFound
    @ApiDoc.Refused
    HttpResponse<?> availability(@PathVariable String practitionerId, @QueryValue String activityId,
                                 @QueryValue LocalDate from, @QueryValue LocalDate to) {
        AvailabilityQuery query = AvailabilityQuery.of(practitioner(practitionerId),
                PractitionerAgendaController.id(activityId, "activityId", ActivityId::of), from, to);
        return respond(engine.agenda().availability(query),
                slots -> HttpResponse.ok(new AvailabilityView(activityId, slots.stream().map(SlotView::of).toList())));
    }

    /** BK-1, BK-8: books a start time; the Idempotency-Key header makes a retried request book once. */
    @Post("/practitioners/{practitionerId}/bookings")
    @ApiDoc.Public
    @ApiResponse(responseCode = "201", description = "the booking; when HELD, its nextStep says what the client must do",
            content = @Content(schema = @Schema(implementation = BookingView.class)))
    @ApiDoc.BadRequest
    @ApiDoc.NotFound
    @ApiDoc.Conflict
    @ApiDoc.Refused
    @ApiDoc.TooMany
    HttpResponse<?> book(@PathVariable String practitionerId, @Header("Idempotency-Key") String idempotencyKey,
                         @Body @Valid BookingRequest request) {
        if (request.client() == null) {
            return Problem.of("INVALID_REQUEST", HttpStatus.BAD_REQUEST, "client: required").toResponse();
        }
        if (request.activityId() == null || request.start() == null || request.mode() == null) {
            return Problem.of("INVALID_REQUEST", HttpStatus.BAD_REQUEST,
                    (request.activityId() == null ? "activityId" : request.start() == null ? "start" : "mode") + ": required")
                    .toResponse();
        }
        if (request.client().phone() == null) {
            return Problem.of("INVALID_REQUEST", HttpStatus.BAD_REQUEST, "client.phone: required").toResponse();
        }
        PhoneNumber phone = PhoneInput.parse(request.client().phone(), "client.");
        ClientDetails client = new ClientDetails(PersonName.of(request.client().name()), EmailAddress.of(request.client().email()),
                phone, language(request.client().language()));
        Map<String, String> answers = request.answers() == null ? Map.of() : request.answers();
        BookCommand command = new BookCommand(practitioner(practitionerId), PractitionerAgendaController.id(request.activityId(), "activityId", ActivityId::of), request.start(),
                request.mode(), client, new TreeMap<>(answers), Boolean.TRUE.equals(request.payOnline()),
                IdempotencyKey.of(idempotencyKey));
        // The answer from what the booking's transaction read: no second read of the activity and settings.
        return respond(engine.bookings().bookWithTerms(command), booked -> HttpResponse.created(view(booked.booking(),
                booked.activity().orElse(null), booked.settings().orElse(null))));
    }

    /** The booking behind the link, with what happened to its money and, if any, what the client must do next. */
    @Get("/bookings/{accessToken}")
    @Operation(operationId = "clientBooking", security = {})
    @ApiResponse(responseCode = "200", description = "the booking, its money and the client's next step",
            content = @Content(schema = @Schema(implementation = BookingView.class)))
    @ApiDoc.NotFound
    HttpResponse<?> booking(@PathVariable String accessToken) {
        Optional<Booking> booking = engine.clientBookings().findByLink(new AccessToken(accessToken));
        return booking.<HttpResponse<?>>map(b -> HttpResponse.ok(view(b)))
                .orElseGet(() -> Problem.of(org.rendezvous.core.outcome.Reason.NOT_FOUND, "accessToken: no such booking").toResponse());
    }

    /**
     * BK-7: the free start times a client may move their booking to, for the booking's own activity. Through
     * the link, so that a client who holds one can move even while the practitioner's page is offline.
     */
    @Get("/bookings/{accessToken}/availability")
    @ApiDoc.Public
    @ApiResponse(responseCode = "200", description = "the free start times for the booking's activity",
            content = @Content(schema = @Schema(implementation = AvailabilityView.class)))
    @ApiDoc.BadRequest
    @ApiDoc.NotFound
    @ApiDoc.Refused
    HttpResponse<?> availabilityForMove(@PathVariable String accessToken, @QueryValue LocalDate from,
                                        @QueryValue LocalDate to) {
        Optional<Booking> booking = engine.clientBookings().findByLink(new AccessToken(accessToken));
        if (booking.isEmpty()) {
            return Problem.of(org.rendezvous.core.outcome.Reason.NOT_FOUND, "accessToken: no such booking").toResponse();
        }
        Booking b = booking.get();
        AvailabilityQuery query = AvailabilityQuery.of(b.practitionerId(), b.activityId(), from, to);
        return respond(engine.agenda().availability(query), slots -> HttpResponse.ok(
                new AvailabilityView(b.activityId().toString(), slots.stream().map(SlotView::of).toList())));
    }

    /** CX-1 … CX-3: the client cancels through their link. */
    @Post("/bookings/{accessToken}/cancel")
    @Operation(operationId = "clientCancel", security = {})
    @ApiResponse(responseCode = "200", description = "the booking, CANCELLED, with what the cancellation cost",
            content = @Content(schema = @Schema(implementation = BookingView.class)))
    @ApiDoc.BadRequest
    @ApiDoc.NotFound
    @ApiDoc.Conflict
    @ApiDoc.Refused
    HttpResponse<?> cancel(@PathVariable String accessToken, @Header("Idempotency-Key") String idempotencyKey) {
        return respond(engine.clientBookings().cancelByClient(new CancelByClientCommand(new AccessToken(accessToken),
                IdempotencyKey.of(idempotencyKey))), booking -> HttpResponse.ok(view(booking)));
    }

    /**
     * BK-7, CX-6: the client moves their booking to another free start, if the practitioner lets clients
     * move and the cancellation deadline has not passed; activity, mode, price, state and payment carry over.
     */
    @Post("/bookings/{accessToken}/move")
    @Operation(operationId = "clientMove", security = {})
    @ApiResponse(responseCode = "200", description = "the booking at its new time",
            content = @Content(schema = @Schema(implementation = BookingView.class)))
    @ApiDoc.BadRequest
    @ApiDoc.NotFound
    @ApiDoc.Conflict
    @ApiDoc.Refused
    HttpResponse<?> move(@PathVariable String accessToken, @Header("Idempotency-Key") String idempotencyKey,
                         @Body MoveRequest request) {
        return respond(engine.clientBookings().moveByClient(new MoveByClientCommand(new AccessToken(accessToken),
                required(request.newStart(), "newStart"), IdempotencyKey.of(idempotencyKey))), booking -> HttpResponse.ok(view(booking)));
    }

    /** CX-7: the client asks to be told when an earlier start frees up for their booking; asking twice changes nothing. */
    @Post("/bookings/{accessToken}/waitlist")
    @ApiDoc.Public
    @ApiResponse(responseCode = "200", description = "the booking is on the waitlist",
            content = @Content(schema = @Schema(implementation = WaitlistView.class)))
    @ApiDoc.NotFound
    @ApiDoc.Refused
    HttpResponse<?> joinWaitlist(@PathVariable String accessToken) {
        return respond(engine.waitlist().join(new AccessToken(accessToken)), entry -> HttpResponse.ok(WaitlistView.of(entry)));
    }

    /** CX-7: no more early-availability alerts for this booking. */
    @Delete("/bookings/{accessToken}/waitlist")
    @ApiDoc.Public
    @ApiResponse(responseCode = "204", description = "the booking left the waitlist")
    @ApiDoc.NotFound
    @ApiDoc.Refused
    HttpResponse<?> leaveWaitlist(@PathVariable String accessToken) {
        return respond(engine.waitlist().leave(new AccessToken(accessToken)), bookingId -> HttpResponse.noContent());
    }

    /** CX-7, BK-7: the client takes the earlier start an alert offered; the first to accept gets it. */
    @Post("/bookings/{accessToken}/waitlist/offer/accept")
    @ApiDoc.Public
    @ApiResponse(responseCode = "200", description = "the booking at the earlier start",
            content = @Content(schema = @Schema(implementation = BookingView.class)))
    @ApiDoc.BadRequest
    @ApiDoc.NotFound
    @ApiDoc.Conflict
    @ApiDoc.Refused
    HttpResponse<?> takeWaitlistOffer(@PathVariable String accessToken, @Header("Idempotency-Key") String idempotencyKey,
                                      @Body WaitlistOfferRequest request) {
        return respond(engine.waitlist().takeOffer(new TakeWaitlistOfferCommand(new AccessToken(accessToken),
                required(request.offeredStart(), "offeredStart"), IdempotencyKey.of(idempotencyKey))),
                booking -> HttpResponse.ok(view(booking)));
    }

    /** PAY-1, PAY-2: the provider's page where the client pays or saves a card now. */
    @Post("/bookings/{accessToken}/checkout")
    @Operation(operationId = "clientCheckout", security = {})
    @ApiResponse(responseCode = "200", description = "the provider's page to send the client to",
            content = @Content(schema = @Schema(implementation = CheckoutView.class)))
    @ApiDoc.NotFound
    @ApiDoc.Refused
    @ApiDoc.ProviderUnavailable
    HttpResponse<?> checkout(@PathVariable String accessToken) {
        return respond(engine.payments().checkout(new AccessToken(accessToken)), started -> HttpResponse.ok(
                new CheckoutView(started.reference(), started.redirect().toString(), started.expiresAt())));
    }

    private BookingView view(Booking booking) {
        PractitionerId practitioner = booking.practitionerId();
        return view(booking, engine.agenda().activity(practitioner, booking.activityId()).orElse(null),
                engine.practitioners().settings(practitioner).orElse(null));
    }

    private BookingView view(Booking booking, @Nullable Activity activity, @Nullable AgendaSettings terms) {
        return BookingView.of(booking, settings.baseUrl() + "/b/" + booking.accessToken().value(), activity, terms,
                engine.payments().money(booking),
                engine.payments().nextStep(booking).map(step -> NextStepView.of(step, settings.baseUrl(), booking)).orElse(null));
    }

    private static PractitionerId practitioner(String value) {
        try {
            return PractitionerId.of(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("practitionerId: not a practitioner id", e);
        }
    }

    private static Language language(@Nullable String code) {
        if (code == null || code.isBlank()) {
            return Language.FRENCH;
        }
        for (Language language : Language.values()) {
            if (language.locale().getLanguage().equals(code.toLowerCase(Locale.ROOT)) || language.name().equalsIgnoreCase(code)) {
                return language;
            }
        }
        throw new IllegalArgumentException("client.language: one of fr, en");
    }

    public static <T> HttpResponse<?> respond(Outcome<T> outcome, java.util.function.Function<T, HttpResponse<?>> accepted) {
        return outcome.fold(accepted, rejected -> Problem.of(rejected.reason(), rejected.detail()).toResponse());
    }
}
