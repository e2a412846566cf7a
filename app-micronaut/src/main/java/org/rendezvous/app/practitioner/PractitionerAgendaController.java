package org.rendezvous.app.practitioner;

import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Content;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import jakarta.validation.Valid;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.rendezvous.app.account.AuthController;
import org.rendezvous.app.account.Roles;
import org.rendezvous.app.client.PublicBookingController;
import org.rendezvous.app.http.ApiDoc;
import org.rendezvous.app.http.ApiViews;
import org.rendezvous.app.http.Problem;
import org.rendezvous.app.practitioner.PractitionerViews.ActivityRequest;
import org.rendezvous.app.practitioner.PractitionerViews.AgendaBookingView;
import org.rendezvous.app.practitioner.PractitionerViews.FormFieldInput;
import org.rendezvous.app.practitioner.PractitionerViews.OpeningChangeView;
import org.rendezvous.app.practitioner.PractitionerViews.OpeningRequest;
import org.rendezvous.app.practitioner.PractitionerViews.OpeningView;
import org.rendezvous.app.practitioner.PractitionerViews.PractitionerActivityView;
import org.rendezvous.app.practitioner.PractitionerViews.SettingsRequest;
import org.rendezvous.app.practitioner.PractitionerViews.SettingsView;
import org.rendezvous.app.practitioner.PractitionerViews.UnavailabilityAddedView;
import org.rendezvous.app.practitioner.PractitionerViews.UnavailabilityRequest;
import org.rendezvous.app.practitioner.PractitionerViews.UnavailabilityView;
import org.rendezvous.core.Rendezvous;
import org.rendezvous.core.agenda.ActivityId;
import org.rendezvous.core.agenda.AddActivityCommand;
import org.rendezvous.core.agenda.AgendaSettings;
import org.rendezvous.core.agenda.BookingForm;
import org.rendezvous.core.agenda.ChangeActivityCommand;
import org.rendezvous.core.agenda.ConsultationMode;
import org.rendezvous.core.agenda.OpeningId;
import org.rendezvous.core.agenda.OpeningSpec;
import org.rendezvous.core.agenda.Place;
import org.rendezvous.core.agenda.Schedule;
import org.rendezvous.core.agenda.UnavailabilityId;
import org.rendezvous.core.booking.BookingId;
import org.rendezvous.core.money.Money;
import org.rendezvous.core.money.Percent;
import org.rendezvous.core.outcome.Reason;
import org.rendezvous.core.practitioner.PractitionerId;

/**
 * The practitioner's own agenda (AG-1 … AG-5, PAGE-4): settings, activities, openings,
 * unavailabilities, and the agenda by day and week. The practitioner is the one of the session,
 * never one named in the URL (ACC-2); another practitioner's ids are not found.
 */
@Controller("/api/practitioner")
@Secured(Roles.PRACTITIONER)
@SecurityRequirement(name = AuthController.BEARER)
@SecurityRequirement(name = AuthController.COOKIE)
@ApiDoc.PractitionerSession
public class PractitionerAgendaController {

    private final Rendezvous engine;
    PractitionerAgendaController(Rendezvous engine) {
        this.engine = engine;
    }

    public static PractitionerId me(Authentication authentication) {
        return PractitionerId.of(authentication.getName());
    }

    public static <T> T id(String value, String field, java.util.function.Function<String, T> parse) {
        try {
            return parse.apply(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(field + ": not an id");
        }
    }

    public static <T> T required(@Nullable T value, String field) {
        if (value == null) {
            throw new IllegalArgumentException(field + ": required");
        }
        return value;
    }

    // Profile and settings

    /** The agenda settings: zone, spacing, capacity, booking window, confirmation, cancellation, payment, reminders, form. */
    @Get("/settings")
    @ApiResponse(responseCode = "200", description = "the settings",
            content = @Content(schema = @Schema(implementation = SettingsView.class)))
    @ApiDoc.NotFound
    HttpResponse<?> settings(Authentication authentication) {
        return engine.practitioners().settings(me(authentication)).<HttpResponse<?>>map(s -> HttpResponse.ok(SettingsView.of(s)))
                .orElseGet(() -> Problem.of(Reason.NOT_FOUND, "practitionerId: no such practitioner").toResponse());
    }

    /** Changes the settings given; later bookings only (BK-9), and a new zone keeps wall-clock openings (AG-1). */
    @Put("/settings")
    @ApiResponse(responseCode = "200", description = "the settings as saved",
            content = @Content(schema = @Schema(implementation = SettingsView.class)))
    @ApiDoc.BadRequest
    @ApiDoc.NotFound
    @ApiDoc.Refused
    HttpResponse<?> changeSettings(Authentication authentication, @Body @Valid SettingsRequest r) {
        PractitionerId me = me(authentication);
        Optional<AgendaSettings> current = engine.practitioners().settings(me);
        if (current.isEmpty()) {
            return Problem.of(Reason.NOT_FOUND, "practitionerId: no such practitioner").toResponse();
        }
        AgendaSettings s = current.get();
        AgendaSettings next = new AgendaSettings(
                r.zone() == null ? s.zone() : zone(r.zone()),
                minutes(r.spacingMinutes(), s.spacing(), "spacingMinutes"),
                r.defaultCapacity() == null ? s.defaultCapacity() : r.defaultCapacity(),
                minutes(r.minimumNoticeMinutes(), s.minimumNotice(), "minimumNoticeMinutes"),
                r.horizonDays() == null ? s.horizon() : days(r.horizonDays()),
                r.confirmation() == null ? s.confirmation() : r.confirmation(),
                minutes(r.cancellationDeadlineMinutes(), s.cancellationDeadline(), "cancellationDeadlineMinutes"),
                r.clientsMayCancel() == null ? s.clientsMayCancel() : r.clientsMayCancel(),
                r.clientsMayMove() == null ? s.clientsMayMove() : r.clientsMayMove(),
                r.noShowPercent() == null ? s.noShowPercentage() : percent(r.noShowPercent()),
                r.onlinePayment() == null ? s.onlinePayment() : r.onlinePayment(),
                minutes(r.paymentWindowMinutes(), s.paymentWindow(), "paymentWindowMinutes"),
                r.waitlistAlerts() == null ? s.waitlistAlerts() : r.waitlistAlerts(),
                s.currency(),
                r.form() == null ? s.form() : new BookingForm(r.form().stream().map(f -> required(f, "form")).map(FormFieldInput::toField)
                        .toList()),
                minutes(r.firstReminderMinutes(), s.firstReminder(), "firstReminderMinutes"),
                minutes(r.secondReminderMinutes(), s.secondReminder(), "secondReminderMinutes"));
        return PublicBookingController.respond(engine.practitioners().changeSettings(me, next),
                saved -> HttpResponse.ok(SettingsView.of(saved)));
    }

    private static Duration minutes(@Nullable Long value, Duration current, String field) {
        if (value == null) {
            return current;
        }
        if (value < 0 || value > 2_000_000) {
            throw new IllegalArgumentException(field + ": out of range");
        }
        return Duration.ofMinutes(value);
    }

    private static Duration days(long value) {
        if (value < 0 || value > 100_000) {
            throw new IllegalArgumentException("horizonDays: out of range");
        }
        return Duration.ofDays(value);
    }

    private static Percent percent(String value) {
        try {
            return Percent.of(value);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("noShowPercent: a percentage from 0 to 100", e);
        }
    }

    private static ZoneId zone(String value) {
        try {
            return ZoneId.of(value);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("zone: not a time zone: " + value, e);
        }
    }

    // Activities (AG-2)

    /** The practitioner's activities (AG-2), active or not. */
    @Get("/activities")
    List<PractitionerActivityView> activities(Authentication authentication) {
        return engine.agenda().activities(me(authentication)).stream().map(PractitionerActivityView::of).toList();
    }

    /** AG-2: adds an activity: name, duration, price and consultation modes. */
    @Post("/activities")
    @ApiResponse(responseCode = "201", description = "the new activity",
            content = @Content(schema = @Schema(implementation = PractitionerActivityView.class)))
    @ApiDoc.BadRequest
    @ApiDoc.Refused
    HttpResponse<?> addActivity(Authentication authentication, @Body @Valid ActivityRequest r) {
        AddActivityCommand command = new AddActivityCommand(me(authentication), required(r.name(), "name"),
                Duration.ofMinutes(durationMinutes(r.durationMinutes())), price(r), required(r.modes(), "modes"));
        return PublicBookingController.respond(engine.agenda().addActivity(command),
                a -> HttpResponse.created(PractitionerActivityView.of(a)));
    }

    /** AG-2: changes an activity, or deactivates it (later bookings only). */
    @Put("/activities/{activityId}")
    @ApiResponse(responseCode = "200", description = "the activity as saved",
            content = @Content(schema = @Schema(implementation = PractitionerActivityView.class)))
    @ApiDoc.BadRequest
    @ApiDoc.NotFound
    @ApiDoc.Refused
    HttpResponse<?> changeActivity(Authentication authentication, @PathVariable String activityId, @Body @Valid ActivityRequest r) {
        ChangeActivityCommand command = new ChangeActivityCommand(me(authentication), id(activityId, "activityId", ActivityId::of),
                required(r.name(), "name"), Duration.ofMinutes(durationMinutes(r.durationMinutes())), price(r),
                required(r.modes(), "modes"), r.active() == null || r.active());
        return PublicBookingController.respond(engine.agenda().changeActivity(command),
                a -> HttpResponse.ok(PractitionerActivityView.of(a)));
    }

    private static long durationMinutes(@Nullable Long value) {
        long minutes = required(value, "durationMinutes");
        if (minutes < 1 || minutes > 10_000) {
            throw new IllegalArgumentException("durationMinutes: out of range");
        }
        return minutes;
    }

    private static Money price(ActivityRequest r) {
        ApiViews.Price price = required(r.price(), "price");
        try {
            return Money.of(required(price.amount(), "price.amount"), required(price.currency(), "price.currency"));
        } catch (IllegalArgumentException e) {
            // Money names its own parts ("amount: …"); the client sent them inside "price".
            throw new IllegalArgumentException(e.getMessage().startsWith("price.") ? e.getMessage() : "price." + e.getMessage(), e);
        }
    }

    // Openings (AG-3, AG-4)

    /** The openings (AG-3), weekly and dated. */
    @Get("/openings")
    List<OpeningView> openings(Authentication authentication) {
        return engine.agenda().openings(me(authentication)).stream().map(OpeningView::of).toList();
    }

    /** AG-3: adds a weekly or dated opening; it may not overlap another. */
    @Post("/openings")
    @ApiResponse(responseCode = "201", description = "the opening, and the bookings left outside any opening",
            content = @Content(schema = @Schema(implementation = OpeningChangeView.class)))
    @ApiDoc.BadRequest
    @ApiDoc.NotFound
    @ApiDoc.Conflict
    HttpResponse<?> addOpening(Authentication authentication, @Body @Valid OpeningRequest r) {
        return PublicBookingController.respond(engine.agenda().addOpening(me(authentication), spec(r)),
                change -> HttpResponse.created(OpeningChangeView.of(change)));
    }

    /** AG-3, AG-4: changes an opening; bookings inside stay, the answer counts those left outside. */
    @Put("/openings/{openingId}")
    @ApiResponse(responseCode = "200", description = "the opening, and the bookings left outside any opening",
            content = @Content(schema = @Schema(implementation = OpeningChangeView.class)))
    @ApiDoc.BadRequest
    @ApiDoc.NotFound
    @ApiDoc.Conflict
    HttpResponse<?> changeOpening(Authentication authentication, @PathVariable String openingId, @Body @Valid OpeningRequest r) {
        return PublicBookingController.respond(engine.agenda().changeOpening(me(authentication),
                id(openingId, "openingId", OpeningId::of), spec(r)), change -> HttpResponse.ok(OpeningChangeView.of(change)));
    }

    /** AG-4: bookings inside stay; the answer says how many are left outside any opening. */
    @Delete("/openings/{openingId}")
    @ApiResponse(responseCode = "200", description = "the bookings left outside any opening",
            content = @Content(schema = @Schema(implementation = OpeningChangeView.class)))
    @ApiDoc.BadRequest
    @ApiDoc.NotFound
    HttpResponse<?> deleteOpening(Authentication authentication, @PathVariable String openingId) {
        return PublicBookingController.respond(engine.agenda().deleteOpening(me(authentication),
                id(openingId, "openingId", OpeningId::of)), change -> HttpResponse.ok(OpeningChangeView.of(change)));
    }

    /** AG-4: one occurrence of a weekly opening. */
    @Delete("/openings/{openingId}/occurrences/{date}")
    @ApiResponse(responseCode = "200", description = "the bookings left outside any opening",
            content = @Content(schema = @Schema(implementation = OpeningChangeView.class)))
    @ApiDoc.BadRequest
    @ApiDoc.NotFound
    @ApiDoc.Refused
    HttpResponse<?> deleteOccurrence(Authentication authentication, @PathVariable String openingId, @PathVariable LocalDate date) {
        return PublicBookingController.respond(engine.agenda().deleteOccurrence(me(authentication),
                id(openingId, "openingId", OpeningId::of), date), change -> HttpResponse.ok(OpeningChangeView.of(change)));
    }

    /** AG-4: every opening of a date. */
    @Delete("/days/{date}/openings")
    @ApiResponse(responseCode = "200", description = "the bookings left outside any opening",
            content = @Content(schema = @Schema(implementation = OpeningChangeView.class)))
    @ApiDoc.BadRequest
    HttpResponse<?> clearDate(Authentication authentication, @PathVariable LocalDate date) {
        return PublicBookingController.respond(engine.agenda().clearDate(me(authentication), date),
                change -> HttpResponse.ok(OpeningChangeView.of(change)));
    }

    /** AG-4, before clearing a date: how many bookings clearing it would leave outside any opening; nothing changes. */
    @Get("/days/{date}/openings/clearing")
    @ApiResponse(responseCode = "200", description = "the bookings clearing the date would leave outside any opening",
            content = @Content(schema = @Schema(implementation = OpeningChangeView.class)))
    @ApiDoc.BadRequest
    HttpResponse<?> previewClearDate(Authentication authentication, @PathVariable LocalDate date) {
        return PublicBookingController.respond(engine.agenda().previewClearDate(me(authentication), date),
                change -> HttpResponse.ok(OpeningChangeView.of(change)));
    }

    private static OpeningSpec spec(OpeningRequest r) {
        Schedule schedule;
        if (r.date() != null) {
            if (r.day() != null || r.validFrom() != null || r.validUntil() != null) {
                throw new IllegalArgumentException("date: a dated opening has no day, validFrom or validUntil");
            }
            schedule = new Schedule.OnDate(r.date());
        } else {
            DayOfWeek day = required(r.day(), "day");
            schedule = new Schedule.Weekly(day, required(r.validFrom(), "validFrom"), Optional.ofNullable(r.validUntil()),
                    Set.of());
        }
        Set<ActivityId> allowed = new HashSet<>();
        if (r.activities() != null) {
            for (String activity : r.activities()) {
                allowed.add(id(required(activity, "activities"), "activities", ActivityId::of));
            }
        }
        Set<ConsultationMode> modes = r.modes() == null || r.modes().isEmpty() ? Set.of(ConsultationMode.values()) : r.modes();
        Place place = new Place(modes, Optional.ofNullable(r.address()).filter(a -> !a.isBlank()));
        Optional<Duration> step = Optional.ofNullable(r.stepMinutes()).map(m -> {
            if (m < 1 || m > 1440) {
                throw new IllegalArgumentException("stepMinutes: out of range");
            }
            return Duration.ofMinutes(m);
        });
        return new OpeningSpec(schedule, required(r.start(), "start"), required(r.end(), "end"), step,
                r.capacity() == null ? OptionalInt.empty() : OptionalInt.of(r.capacity()), allowed, place);
    }

    // Unavailabilities (AG-5)

    /** AG-5: the unavailabilities that meet the period from … to. */
    @Get("/unavailabilities")
    @ApiDoc.BadRequest
    List<UnavailabilityView> unavailabilities(Authentication authentication, @QueryValue Instant from, @QueryValue Instant to) {
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("to: must be after from");
        }
        return engine.agenda().unavailabilities(me(authentication), from, to).stream().map(UnavailabilityView::of).toList();
    }

    /** AG-5: blocks a period; bookings inside stay, the answer counts them. */
    @Post("/unavailabilities")
    @ApiResponse(responseCode = "201", description = "the unavailability, and how many bookings fall inside it",
            content = @Content(schema = @Schema(implementation = UnavailabilityAddedView.class)))
    @ApiDoc.BadRequest
    @ApiDoc.Refused
    HttpResponse<?> addUnavailability(Authentication authentication, @Body @Valid UnavailabilityRequest r) {
        return PublicBookingController.respond(engine.agenda().addUnavailability(me(authentication), required(r.from(), "from"),
                required(r.to(), "to"), r.label() == null ? "" : r.label()), added -> HttpResponse.created(
                new UnavailabilityAddedView(UnavailabilityView.of(added.unavailability()), added.bookingsInside())));
    }

    /** AG-5: frees a blocked period again. */
    @Delete("/unavailabilities/{unavailabilityId}")
    @ApiResponse(responseCode = "204", description = "the period is free again")
    @ApiDoc.BadRequest
    @ApiDoc.NotFound
    HttpResponse<?> deleteUnavailability(Authentication authentication, @PathVariable String unavailabilityId) {
        return PublicBookingController.respond(engine.agenda().deleteUnavailability(me(authentication),
                id(unavailabilityId, "unavailabilityId", UnavailabilityId::of)), deleted -> HttpResponse.noContent());
    }

    // The agenda (PAGE-4)

    /** Every booking of a local day, in every state. */
    @Get("/agenda/day/{date}")
    @ApiDoc.BadRequest
    List<AgendaBookingView> day(Authentication authentication, @PathVariable LocalDate date) {
        return engine.agenda().bookingsBetween(me(authentication), date, date).orElseThrow().stream().map(b -> AgendaBookingView.of(b, engine.payments())).toList();
    }

    /** Every booking of the week (Monday to Sunday) that holds the date. */
    @Get("/agenda/week/{date}")
    @ApiDoc.BadRequest
    List<AgendaBookingView> week(Authentication authentication, @PathVariable LocalDate date) {
        LocalDate monday = date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        return engine.agenda().bookingsBetween(me(authentication), monday, monday.plusDays(6)).orElseThrow().stream()
                .map(b -> AgendaBookingView.of(b, engine.payments())).toList();
    }

    /** A booking with what happened to its money (PAY-6). */
    @Get("/bookings/{bookingId}")
    @ApiResponse(responseCode = "200", description = "the booking and its money",
            content = @Content(schema = @Schema(implementation = AgendaBookingView.class)))
    @ApiDoc.BadRequest
    @ApiDoc.NotFound
    HttpResponse<?> booking(Authentication authentication, @PathVariable String bookingId) {
        return engine.bookings().find(me(authentication), id(bookingId, "bookingId", BookingId::of))
                .<HttpResponse<?>>map(b -> HttpResponse.ok(AgendaBookingView.of(b, engine.payments())))
                .orElseGet(() -> Problem.of(Reason.NOT_FOUND, "bookingId: no such booking").toResponse());
    }
}
