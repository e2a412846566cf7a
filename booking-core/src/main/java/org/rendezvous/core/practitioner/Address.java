package org.rendezvous.core.practitioner;

import java.util.Objects;
import java.util.Optional;

/**
 * A place where the practitioner receives clients, as shown on their public page (PAGE-2): an optional
 * short label ("Paris office") and the address as they write it, on one or several lines.
 */
public record Address(Optional<String> label, String address) {

    public static final int LABEL_MAX_LENGTH = 80;
    public static final int ADDRESS_MAX_LENGTH = 300;

    public Address {
        Objects.requireNonNull(label, "label");
        label = label.map(l -> ProfileTexts.text(l, "label", LABEL_MAX_LENGTH, false)).filter(l -> !l.isEmpty());
        address = ProfileTexts.text(address, "address", ADDRESS_MAX_LENGTH, true);
        if (address.isEmpty()) {
            throw new IllegalArgumentException("address: must not be blank");
        }
    }

    public static Address of(String address) {
        return new Address(Optional.empty(), address);
    }

    public static Address of(String label, String address) {
        return new Address(Optional.ofNullable(label), address);
    }
}
