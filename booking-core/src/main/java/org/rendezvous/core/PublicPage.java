package org.rendezvous.core;

import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import org.rendezvous.core.agenda.Activity;
import org.rendezvous.core.agenda.AgendaSettings;
import org.rendezvous.core.practitioner.Practitioner;
import org.rendezvous.core.practitioner.PractitionerProfile;

/**
 * What a practitioner's public page shows (PAGE-2): who they are, their profile, their agenda settings
 * (the zone their times are in, the booking form's questions, whether paying online is offered), and the
 * activities a client can book now. The free start times are asked per activity.
 */
public record PublicPage(Practitioner practitioner, PractitionerProfile profile, AgendaSettings settings,
                         List<Activity> activities) {
    public PublicPage {
        Objects.requireNonNull(practitioner, "practitioner");
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(settings, "settings");
        activities = List.copyOf(activities);
    }

    /** The zone the page's times are in: the practitioner's. */
    public ZoneId zone() {
        return settings.zone();
    }
}
