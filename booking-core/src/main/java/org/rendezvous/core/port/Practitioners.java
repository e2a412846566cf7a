package org.rendezvous.core.port;

import java.util.Optional;
import org.rendezvous.core.practitioner.Practitioner;
import org.rendezvous.core.practitioner.PractitionerId;

/** The practitioners known to the engine. */
public interface Practitioners {

    void add(Practitioner practitioner);

    void update(Practitioner practitioner);

    Optional<Practitioner> find(PractitionerId id);
}
