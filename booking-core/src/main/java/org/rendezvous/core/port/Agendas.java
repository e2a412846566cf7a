package org.rendezvous.core.port;

import java.time.Instant;
import java.util.List;
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
}
