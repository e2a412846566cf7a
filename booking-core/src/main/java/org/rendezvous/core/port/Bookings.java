package org.rendezvous.core.port;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.rendezvous.core.booking.AccessToken;
import org.rendezvous.core.booking.Booking;
import org.rendezvous.core.booking.BookingId;
import org.rendezvous.core.client.ClientId;
import org.rendezvous.core.practitioner.PractitionerId;

/** Every booking, in every state. */
public interface Bookings {

    void add(Booking booking);

    /**
     * Stores a changed booking if the stored one still has {@code expectedVersion}; false (and
     * nothing changed) when someone else changed it first.
     */
    boolean update(Booking changed, long expectedVersion);

    Optional<Booking> find(BookingId id);

    Optional<Booking> findByAccessToken(AccessToken token);

    /** Seat-holding bookings (HELD, PENDING, CONFIRMED) of a practitioner that overlap [from, to). */
    List<Booking> seatHolding(PractitionerId practitioner, Instant from, Instant to);

    /**
     * The time ranges of the seat-holding bookings of a practitioner that overlap [from, to), except the
     * booking {@code leaving} (the one being moved): all availability and the capacity checks need. An
     * adapter that can answer it without loading whole bookings should.
     */
    default List<org.rendezvous.core.agenda.TimeRange> occupied(PractitionerId practitioner, Instant from, Instant to,
                                                                Optional<BookingId> leaving) {
        return seatHolding(practitioner, from, to).stream()
                .filter(booking -> leaving.isEmpty() || !leaving.get().equals(booking.id()))
                .map(Booking::occupied)
                .toList();
    }

    /** Bookings of a practitioner in any state that overlap [from, to), ordered by start. */
    List<Booking> ofPractitioner(PractitionerId practitioner, Instant from, Instant to);

    /** A client's bookings with a practitioner, ordered by start. */
    List<Booking> ofClient(PractitionerId practitioner, ClientId client);

    /** HELD and PENDING bookings whose hold or request expires at or before {@code now}, oldest first. */
    List<Booking> expiringBy(Instant now, int limit);

    /** CONFIRMED bookings that ended at or before {@code now}, oldest first. */
    List<Booking> confirmedEndedBy(Instant now, int limit);

    /** PENDING bookings created at or before {@code createdBy}, oldest first. */
    List<Booking> pendingCreatedBy(Instant createdBy, int limit);
}
