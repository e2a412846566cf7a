package org.rendezvous.core.booking;

import java.util.Objects;
import java.util.UUID;

public record BookingId(UUID value) {
    public BookingId {
        Objects.requireNonNull(value, "bookingId");
    }

    public static BookingId of(String value) {
        return new BookingId(UUID.fromString(value));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
