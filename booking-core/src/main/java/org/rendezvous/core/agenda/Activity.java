package org.rendezvous.core.agenda;

import java.time.Duration;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import org.rendezvous.core.money.Money;
import org.rendezvous.core.practitioner.PractitionerId;

/** A service a practitioner offers (AG-2): 5 to 480 whole minutes, a price of zero or more, in at least one mode. */
public record Activity(ActivityId id, PractitionerId practitionerId, String name, Duration duration, Money price,
                       Set<ConsultationMode> modes, boolean active) {

    public static final Duration SHORTEST = Duration.ofMinutes(5);
    public static final Duration LONGEST = Duration.ofMinutes(480);

    public Activity {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(practitionerId, "practitionerId");
        name = Texts.requireLabel(name, "name", 120);
        Objects.requireNonNull(duration, "duration");
        if (duration.compareTo(SHORTEST) < 0 || duration.compareTo(LONGEST) > 0 || duration.toSecondsPart() != 0
                || duration.toNanosPart() != 0) {
            throw new IllegalArgumentException("duration: must be whole minutes from 5 to 480, was " + duration.toMinutes() + " min");
        }
        Objects.requireNonNull(price, "price");
        if (price.isNegative()) {
            throw new IllegalArgumentException("price: must not be negative, was " + price);
        }
        Objects.requireNonNull(modes, "modes");
        if (modes.isEmpty()) {
            throw new IllegalArgumentException("modes: an activity is offered in at least one consultation mode");
        }
        modes = Collections.unmodifiableSet(EnumSet.copyOf(modes));
    }

    public boolean offers(ConsultationMode mode) {
        return modes.contains(mode);
    }

    public Activity withActive(boolean newActive) {
        return new Activity(id, practitionerId, name, duration, price, modes, newActive);
    }
}
