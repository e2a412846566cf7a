package org.rendezvous.core.port;

import java.util.Optional;
import org.rendezvous.core.practitioner.Practitioner;
import org.rendezvous.core.practitioner.PractitionerId;

/** The practitioners known to the engine. */
public interface Practitioners {

    void add(Practitioner practitioner);

    void update(Practitioner practitioner);

    Optional<Practitioner> find(PractitionerId id);

    /** Practitioners for the operator area, by e-mail, at most {@code limit}. */
    java.util.List<Practitioner> all(int limit);
}
