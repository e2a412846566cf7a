package org.rendezvous.core;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.rendezvous.core.agenda.Activity;
import org.rendezvous.core.agenda.ActivityId;
import org.rendezvous.core.agenda.AddActivityCommand;
import org.rendezvous.core.agenda.AgendaSettings;
import org.rendezvous.core.agenda.AgendaSnapshot;
import org.rendezvous.core.agenda.AvailabilityQuery;
import org.rendezvous.core.agenda.ChangeActivityCommand;
import org.rendezvous.core.agenda.ConsultationMode;
import org.rendezvous.core.agenda.Occupancy;
import org.rendezvous.core.agenda.Opening;
import org.rendezvous.core.agenda.OpeningChange;
import org.rendezvous.core.agenda.OpeningId;
import org.rendezvous.core.agenda.OpeningOverlap;
import org.rendezvous.core.agenda.OpeningSpec;
import org.rendezvous.core.agenda.Schedule;
import org.rendezvous.core.agenda.Slot;
import org.rendezvous.core.agenda.Unavailability;
import org.rendezvous.core.agenda.UnavailabilityAdded;
import org.rendezvous.core.agenda.UnavailabilityId;
import org.rendezvous.core.booking.Booking;
import org.rendezvous.core.outcome.Outcome;
import org.rendezvous.core.outcome.Reason;
import org.rendezvous.core.policy.PaymentTerms;
import org.rendezvous.core.port.Agendas;
import org.rendezvous.core.port.Bookings;
import org.rendezvous.core.port.Ids;
import org.rendezvous.core.port.Transactions;
import org.rendezvous.core.practitioner.PractitionerId;

/**
 * The practitioner's agenda (AG-2 … AG-5) and the availability clients choose from (AG-9).
 * Invalid values in a command throw {@link IllegalArgumentException} naming the field, before
 * anything is stored; business refusals come back as {@link Outcome.Rejected}.
 */
public final class AgendaService {

    /** How far ahead AG-4 looks for bookings a change leaves outside openings: past any horizon. */
    private static final Duration REPORT_REACH = Duration.ofDays(800);

    private final Agendas agendas;
    private final Bookings bookings;
    private final Transactions transactions;
    private final Ids ids;
    private final Now clock;
    private final EngineSettings engineSettings;
    private final AgendaSnapshots agendaSnapshots;

    AgendaService(Agendas agendas, Bookings bookings, Transactions transactions, Ids ids, Now clock,
                  EngineSettings engineSettings, AgendaSnapshots agendaSnapshots) {
        this.agendas = agendas;
        this.bookings = bookings;
        this.transactions = transactions;
        this.ids = ids;
        this.clock = clock;
        this.engineSettings = engineSettings;
        this.agendaSnapshots = agendaSnapshots;
    }

    // Activities (AG-2)

    public Outcome<Activity> addActivity(AddActivityCommand command) {
        Activity activity = new Activity(new ActivityId(ids.newId()), command.practitionerId(), command.name(),
                command.duration(), command.price(), command.modes(), true);
        return saveActivity(activity, false);
    }

    public Outcome<Activity> changeActivity(ChangeActivityCommand command) {
        Activity activity = new Activity(command.activityId(), command.practitionerId(), command.name(),
                command.duration(), command.price(), command.modes(), command.active());
        return saveActivity(activity, true);
    }

    private Outcome<Activity> saveActivity(Activity activity, boolean mustExist) {
        PractitionerId practitioner = activity.practitionerId();
        return transactions.inAgenda(practitioner, () -> {
            Optional<AgendaSettings> settings = agendas.settings(practitioner);
            if (settings.isEmpty()) {
                return Outcome.rejected(Reason.NOT_FOUND, "practitionerId: no such practitioner");
            }
            if (mustExist && agendas.activity(practitioner, activity.id()).isEmpty()) {
                return Outcome.rejected(Reason.NOT_FOUND, "activityId: no such activity");
            }
            if (!activity.price().currency().equals(settings.get().currency())) {
                return Outcome.rejected(Reason.INVALID_SETTING, "price: must be in "
                        + settings.get().currency().getCurrencyCode());
            }
            Optional<String> problem = onlinePaymentProblem(engineSettings, activity, settings.get());
            if (problem.isPresent()) {
                return Outcome.rejected(Reason.BELOW_PROVIDER_MINIMUM, problem.get());
            }
            agendas.saveActivity(activity);
            return Outcome.accepted(activity);
        });
    }

    /** PAY-7: an active activity that would require online payment must cost at least the provider's minimum. */
    static Optional<String> onlinePaymentProblem(EngineSettings engineSettings, Activity activity, AgendaSettings settings) {
        if (!activity.active()) {
            return Optional.empty();
        }
        for (ConsultationMode mode : activity.modes()) {
            if (PaymentTerms.requiresOnlinePayment(engineSettings.model(), mode, settings.onlinePayment())
                    && !PaymentTerms.canRequireOnlinePayment(activity.price(), engineSettings.providerMinimumCharge())) {
                return Optional.of("price: " + activity.price() + " is below the payment provider's minimum of "
                        + engineSettings.providerMinimumCharge() + " for an online payment in mode " + mode);
            }
        }
        return Optional.empty();
    }

    public List<Activity> activities(PractitionerId practitioner) {
        return agendas.activities(practitioner);
    }

    /** One of the practitioner's activities, active or not; another practitioner's id is not found. */
    public Optional<Activity> activity(PractitionerId practitioner, ActivityId id) {
        return agendas.activity(practitioner, id);
    }

    // Openings (AG-3, AG-4)

    public Outcome<OpeningChange> addOpening(PractitionerId practitioner, OpeningSpec spec) {
        Opening opening = spec.toOpening(new OpeningId(ids.newId()), practitioner);
        return transactions.inAgenda(practitioner, () -> saveOpening(opening, false));
    }

    public Outcome<OpeningChange> changeOpening(PractitionerId practitioner, OpeningId id, OpeningSpec spec) {
        Opening opening = spec.toOpening(id, practitioner);
        return transactions.inAgenda(practitioner, () -> saveOpening(opening, true));
    }

    private Outcome<OpeningChange> saveOpening(Opening opening, boolean mustExist) {
        PractitionerId practitioner = opening.practitionerId();
        Optional<AgendaSettings> settings = agendas.settings(practitioner);
        if (settings.isEmpty()) {
            return Outcome.rejected(Reason.NOT_FOUND, "practitionerId: no such practitioner");
        }
        List<Opening> before = agendas.openings(practitioner);
        if (mustExist && before.stream().noneMatch(o -> o.id().equals(opening.id()))) {
            return Outcome.rejected(Reason.NOT_FOUND, "openingId: no such opening");
        }
        for (ActivityId allowed : opening.activities()) {
            if (agendas.activity(practitioner, allowed).isEmpty()) {
                return Outcome.rejected(Reason.NOT_FOUND, "activities: no activity " + allowed);
            }
        }
        Optional<Opening> overlap = OpeningOverlap.firstOverlapping(opening, before);
        if (overlap.isPresent()) {
            Opening other = overlap.get();
            return Outcome.rejected(Reason.OPENING_OVERLAP, "start: overlaps the opening " + other.id() + " ("
                    + other.start() + "–" + other.end() + ", " + describe(other.schedule()) + ")");
        }
        List<Opening> after = replace(before, opening.id(), Optional.of(opening));
        agendas.saveOpening(opening);
        return Outcome.accepted(new OpeningChange(Optional.of(opening),
                leftOutside(practitioner, settings.get(), before, after)));
    }

    /** Deletes an opening; bookings inside it stay, and how many are left outside any opening is reported (AG-4). */
    public Outcome<OpeningChange> deleteOpening(PractitionerId practitioner, OpeningId id) {
        return transactions.inAgenda(practitioner, () -> {
            Optional<AgendaSettings> settings = agendas.settings(practitioner);
            List<Opening> before = agendas.openings(practitioner);
            if (settings.isEmpty() || before.stream().noneMatch(o -> o.id().equals(id))) {
                return Outcome.rejected(Reason.NOT_FOUND, "openingId: no such opening");
            }
            agendas.deleteOpening(practitioner, id);
            List<Opening> after = replace(before, id, Optional.empty());
            return Outcome.accepted(new OpeningChange(Optional.empty(),
                    leftOutside(practitioner, settings.get(), before, after)));
        });
    }

    /** Deletes one occurrence of a weekly opening (AG-4); deleting a dated opening this way deletes it. */
    public Outcome<OpeningChange> deleteOccurrence(PractitionerId practitioner, OpeningId id, LocalDate date) {
        return transactions.inAgenda(practitioner, () -> {
            Optional<AgendaSettings> settings = agendas.settings(practitioner);
            List<Opening> before = agendas.openings(practitioner);
            Optional<Opening> opening = before.stream().filter(o -> o.id().equals(id)).findFirst();
            if (settings.isEmpty() || opening.isEmpty()) {
                return Outcome.rejected(Reason.NOT_FOUND, "openingId: no such opening");
            }
            if (!opening.get().occursOn(date)) {
                return Outcome.rejected(Reason.NOT_FOUND, "date: the opening does not occur on " + date);
            }
            List<Opening> after = withoutDate(before, id, date);
            applyChange(practitioner, before, after);
            return Outcome.accepted(new OpeningChange(after.stream().filter(o -> o.id().equals(id)).findFirst(),
                    leftOutside(practitioner, settings.get(), before, after)));
        });
    }

    /** Clears every opening of a date (AG-4): dated ones are deleted, weekly ones skip that date. */
    public Outcome<OpeningChange> clearDate(PractitionerId practitioner, LocalDate date) {
        return transactions.inAgenda(practitioner, () -> {
            Optional<AgendaSettings> settings = agendas.settings(practitioner);
            if (settings.isEmpty()) {
                return Outcome.rejected(Reason.NOT_FOUND, "practitionerId: no such practitioner");
            }
            List<Opening> before = agendas.openings(practitioner);
            List<Opening> after = withoutEveryOpeningOn(before, date);
            applyChange(practitioner, before, after);
            return Outcome.accepted(new OpeningChange(Optional.empty(),
                    leftOutside(practitioner, settings.get(), before, after)));
        });
    }

    /**
     * AG-4, before clearing a date: how many bookings {@link #clearDate} would leave outside any opening now,
     * so the practitioner is told before confirming. Nothing changes.
     */
    public Outcome<OpeningChange> previewClearDate(PractitionerId practitioner, LocalDate date) {
        Optional<AgendaSettings> settings = agendas.settings(practitioner);
        if (settings.isEmpty()) {
            return Outcome.rejected(Reason.NOT_FOUND, "practitionerId: no such practitioner");
        }
        List<Opening> before = agendas.openings(practitioner);
        return Outcome.accepted(new OpeningChange(Optional.empty(),
                leftOutside(practitioner, settings.get(), before, withoutEveryOpeningOn(before, date))));
    }

    private static List<Opening> withoutEveryOpeningOn(List<Opening> before, LocalDate date) {
        List<Opening> after = before;
        for (Opening opening : before) {
            if (opening.occursOn(date)) {
                after = withoutDate(after, opening.id(), date);
            }
        }
        return after;
    }

    public List<Opening> openings(PractitionerId practitioner) {
        return agendas.openings(practitioner);
    }

    private static List<Opening> withoutDate(List<Opening> openings, OpeningId id, LocalDate date) {
        List<Opening> result = new ArrayList<>();
        for (Opening opening : openings) {
            if (!opening.id().equals(id)) {
                result.add(opening);
            } else if (opening.schedule() instanceof Schedule.Weekly weekly) {
                result.add(opening.withSchedule(weekly.skipping(date)));
            }
        }
        return result;
    }

    private void applyChange(PractitionerId practitioner, List<Opening> before, List<Opening> after) {
        for (Opening old : before) {
            Optional<Opening> now = after.stream().filter(o -> o.id().equals(old.id())).findFirst();
            if (now.isEmpty()) {
                agendas.deleteOpening(practitioner, old.id());
            } else if (!now.get().equals(old)) {
                agendas.saveOpening(now.get());
            }
        }
    }

    private static List<Opening> replace(List<Opening> openings, OpeningId id, Optional<Opening> replacement) {
        List<Opening> result = new ArrayList<>();
        for (Opening opening : openings) {
            if (!opening.id().equals(id)) {
                result.add(opening);
            }
        }
        replacement.ifPresent(result::add);
        return result;
    }

    /** AG-4: future seat-holding bookings that an opening covered before the change and none covers after. */
    private int leftOutside(PractitionerId practitioner, AgendaSettings settings, List<Opening> before,
                            List<Opening> after) {
        Instant now = clock.instant();
        AgendaSnapshot old = new AgendaSnapshot(settings, before, List.of(), Occupancy.empty());
        AgendaSnapshot changed = new AgendaSnapshot(settings, after, List.of(), Occupancy.empty());
        int count = 0;
        for (Booking booking : bookings.seatHolding(practitioner, now, now.plus(REPORT_REACH))) {
            if (booking.start().isBefore(now)) {
                continue;
            }
            if (old.openingContaining(booking.start(), booking.end()).isPresent()
                    && changed.openingContaining(booking.start(), booking.end()).isEmpty()) {
                count++;
            }
        }
        return count;
    }

    private static String describe(Schedule schedule) {
        if (schedule instanceof Schedule.Weekly weekly) {
            return "every " + weekly.day() + " from " + weekly.validFrom()
                    + weekly.validUntil().map(until -> " until " + until).orElse("");
        }
        return "on " + ((Schedule.OnDate) schedule).date();
    }

    // Unavailabilities (AG-5)

    public Outcome<UnavailabilityAdded> addUnavailability(PractitionerId practitioner, Instant from, Instant to,
                                                          String label) {
        Unavailability unavailability = new Unavailability(new UnavailabilityId(ids.newId()), practitioner,
                from, to, label);
        return transactions.inAgenda(practitioner, () -> {
            if (agendas.settings(practitioner).isEmpty()) {
                return Outcome.rejected(Reason.NOT_FOUND, "practitionerId: no such practitioner");
            }
            agendas.saveUnavailability(unavailability);
            int inside = bookings.seatHolding(practitioner, from, to).size();
            return Outcome.accepted(new UnavailabilityAdded(unavailability, inside));
        });
    }

    public Outcome<UnavailabilityId> deleteUnavailability(PractitionerId practitioner, UnavailabilityId id) {
        return transactions.inAgenda(practitioner, () ->
                agendas.deleteUnavailability(practitioner, id)
                        ? Outcome.accepted(id)
                        : Outcome.rejected(Reason.NOT_FOUND, "unavailabilityId: no such unavailability"));
    }

    public List<Unavailability> unavailabilities(PractitionerId practitioner, Instant from, Instant to) {
        return agendas.unavailabilities(practitioner, from, to);
    }

    // Availability (AG-9)

    /** The bookable start times with the seats left at each, computed from AG-1 … AG-8. */
    public Outcome<List<Slot>> availability(AvailabilityQuery query) {
        return transactions.inTransaction(() -> {
            PractitionerId practitioner = query.practitionerId();
            Optional<AgendaSettings> settings = agendas.settings(practitioner);
            if (settings.isEmpty()) {
                return Outcome.rejected(Reason.NOT_FOUND, "practitionerId: no such practitioner");
            }
            Optional<Activity> activity = agendas.activity(practitioner, query.activityId());
            if (activity.isEmpty()) {
                return Outcome.rejected(Reason.NOT_FOUND, "activityId: no such activity");
            }
            Instant now = clock.instant();
            Instant from = query.from().atStartOfDay(settings.get().zone()).toInstant();
            Instant to = query.to().plusDays(1).atStartOfDay(settings.get().zone()).toInstant();
            Instant windowEnd = now.plus(settings.get().horizon());
            if (!from.isBefore(windowEnd) || !to.isAfter(now)) {
                return Outcome.accepted(List.of());
            }
            AgendaSnapshot snapshot = agendaSnapshots.around(practitioner, settings.get(), from.isBefore(now) ? now : from,
                    to.isAfter(windowEnd) ? windowEnd : to, Optional.empty());
            return Outcome.accepted(snapshot.slots(activity.get(), query.from(), query.to(), query.mode(), now));
        });
    }

    /**
     * The practitioner's bookings in every state that overlap the local dates {@code from} to {@code to} (PAGE-4);
     * NOT_FOUND for no such practitioner.
     */
    public Outcome<List<Booking>> bookingsBetween(PractitionerId practitioner, LocalDate from, LocalDate to) {
        Optional<AgendaSettings> settings = agendas.settings(practitioner);
        if (settings.isEmpty()) {
            return Outcome.rejected(Reason.NOT_FOUND, "practitionerId: no such practitioner");
        }
        ZoneId zone = settings.get().zone();
        return Outcome.accepted(bookings.ofPractitioner(practitioner,
                from.atStartOfDay(zone).toInstant(), to.plusDays(1).atStartOfDay(zone).toInstant()));
    }
}
