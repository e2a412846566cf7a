package org.rendezvous.core.agenda;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Where or how an opening's consultations take place (AG-3): the modes it accepts (empty means
 * every mode the activity offers) and, for in-person consultations, the address.
 */
public record Place(Set<ConsultationMode> modes, Optional<String> address) {

    public Place {
        Objects.requireNonNull(modes, "modes");
        Objects.requireNonNull(address, "address");
        modes = modes.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(modes));
        address = address.map(a -> Texts.requireLabel(a, "address", 300));
        if (address.isPresent() && !modes.isEmpty() && !modes.contains(ConsultationMode.IN_PERSON)) {
            throw new IllegalArgumentException("address: only an opening for in-person consultations has an address");
        }
    }

    public static Place anyMode() {
        return new Place(Set.of(), Optional.empty());
    }

    public static Place at(String address) {
        return new Place(Set.of(ConsultationMode.IN_PERSON), Optional.of(address));
    }

    public static Place remote(ConsultationMode first, ConsultationMode... more) {
        EnumSet<ConsultationMode> set = EnumSet.of(first, more);
        if (set.contains(ConsultationMode.IN_PERSON)) {
            throw new IllegalArgumentException("modes: a remote opening has no in-person mode");
        }
        return new Place(set, Optional.empty());
    }

    public boolean accepts(ConsultationMode mode) {
        return modes.isEmpty() || modes.contains(mode);
    }
}
