package org.rendezvous.core.port;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.rendezvous.core.agenda.Activity;
import org.rendezvous.core.agenda.ActivityId;
import org.rendezvous.core.agenda.AgendaSettings;
import org.rendezvous.core.agenda.Opening;
import org.rendezvous.core.agenda.OpeningId;
import org.rendezvous.core.agenda.Unavailability;
import org.rendezvous.core.agenda.UnavailabilityId;
import org.rendezvous.core.practitioner.PractitionerId;

/** Practitioners' agendas: settings, activities, openings and unavailabilities. Saving replaces by id. */
public interface Agendas {

    void saveSettings(PractitionerId practitioner, AgendaSettings settings);

    Optional<AgendaSettings> settings(PractitionerId practitioner);

    void saveActivity(Activity activity);

    Optional<Activity> activity(PractitionerId practitioner, ActivityId id);

    /** Every activity, active or not, in the order they were first saved. */
    List<Activity> activities(PractitionerId practitioner);

    void saveOpening(Opening opening);

    Optional<Opening> opening(PractitionerId practitioner, OpeningId id);

    List<Opening> openings(PractitionerId practitioner);

    /** Removes the opening; false when there was none. */
    boolean deleteOpening(PractitionerId practitioner, OpeningId id);

    void saveUnavailability(Unavailability unavailability);

    /** The unavailabilities that overlap [from, to), ordered by start. */
    List<Unavailability> unavailabilities(PractitionerId practitioner, Instant from, Instant to);

    boolean deleteUnavailability(PractitionerId practitioner, UnavailabilityId id);

    /** The agenda's settings with one of its activities, if it has that one. */
    record SettingsAndActivity(AgendaSettings settings, Optional<Activity> activity) {
        public SettingsAndActivity {
            Objects.requireNonNull(settings, "settings");
            Objects.requireNonNull(activity, "activity");
        }
    }

    /** The agenda's openings, and its unavailabilities over a range, ordered as their own reads order them. */
    record OpeningsAndUnavailabilities(List<Opening> openings, List<Unavailability> unavailabilities) {
        public OpeningsAndUnavailabilities {
            openings = List.copyOf(Objects.requireNonNull(openings, "openings"));
            unavailabilities = List.copyOf(Objects.requireNonNull(unavailabilities, "unavailabilities"));
        }
    }

    /**
     * {@link #settings} and {@link #activity} together: what a booking reads first. Empty when the agenda
     * has no settings (no such practitioner). An adapter may read both in one step.
     */
    default Optional<SettingsAndActivity> settingsAndActivity(PractitionerId practitioner, ActivityId activity) {
        return settings(practitioner).map(found -> new SettingsAndActivity(found, activity(practitioner, activity)));
    }

    /**
     * {@link #openings} and {@link #unavailabilities} over [from, to) together: what an agenda snapshot reads.
     * An adapter may read both in one step.
     */
    default OpeningsAndUnavailabilities openingsAndUnavailabilities(PractitionerId practitioner, Instant from,
                                                                    Instant to) {
        return new OpeningsAndUnavailabilities(openings(practitioner), unavailabilities(practitioner, from, to));
    }

    /** The currency of each of these practitioners' agendas, those that have settings (one read for a chunk). */
    default java.util.Map<PractitionerId, java.util.Currency> currencies(java.util.Collection<PractitionerId> practitioners) {
        java.util.Map<PractitionerId, java.util.Currency> found = new java.util.HashMap<>();
        for (PractitionerId practitioner : practitioners) {
            settings(practitioner).ifPresent(s -> found.put(practitioner, s.currency()));
        }
        return found;
    }
}
