package org.rendezvous.core.booking;

import java.util.EnumSet;
import java.util.Set;

/** The states of a booking and the transitions allowed between them (BK-2). */
public enum BookingState {
    /** Waiting for an online payment or a card guarantee, for the payment window (BK-3). */
    HELD,
    /** Waiting for the practitioner to confirm or refuse (BK-4). */
    PENDING,
    CONFIRMED,
    COMPLETED,
    NO_SHOW,
    CANCELLED_BY_CLIENT,
    CANCELLED_BY_PRACTITIONER,
    REFUSED,
    EXPIRED;

    private Set<BookingState> next;

    static {
        HELD.next = EnumSet.of(PENDING, CONFIRMED, EXPIRED, CANCELLED_BY_CLIENT, CANCELLED_BY_PRACTITIONER);
        PENDING.next = EnumSet.of(CONFIRMED, REFUSED, EXPIRED, CANCELLED_BY_CLIENT, CANCELLED_BY_PRACTITIONER);
        CONFIRMED.next = EnumSet.of(COMPLETED, NO_SHOW, CANCELLED_BY_CLIENT, CANCELLED_BY_PRACTITIONER);
        COMPLETED.next = EnumSet.of(NO_SHOW);
        for (BookingState terminal : EnumSet.of(NO_SHOW, CANCELLED_BY_CLIENT, CANCELLED_BY_PRACTITIONER, REFUSED, EXPIRED)) {
            terminal.next = EnumSet.noneOf(BookingState.class);
        }
    }

    /** Whether the booking takes a seat in the agenda (AG-7). */
    public boolean holdsSeat() {
        return this == HELD || this == PENDING || this == CONFIRMED;
    }

    public boolean canBecome(BookingState target) {
        return next.contains(target);
    }

    /** The states this one may move to; empty for a final state. */
    public Set<BookingState> successors() {
        return next.isEmpty() ? Set.of() : EnumSet.copyOf(next);
    }

    public boolean isFinal() {
        return next.isEmpty();
    }
}
