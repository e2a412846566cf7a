package org.rendezvous.core.waitlist;

import java.time.Instant;
import java.util.Objects;
import org.rendezvous.core.agenda.ActivityId;
import org.rendezvous.core.booking.BookingId;
import org.rendezvous.core.practitioner.PractitionerId;

/**
 * A client's wish to hear of an earlier free start time for the booking they hold (CX-7); the alert
 * offers to move that booking.
 */
public record WaitlistEntry(WaitlistEntryId id, PractitionerId practitionerId, ActivityId activityId,
                            BookingId bookingId, Instant createdAt) {
    public WaitlistEntry {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(practitionerId, "practitionerId");
        Objects.requireNonNull(activityId, "activityId");
        Objects.requireNonNull(bookingId, "bookingId");
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
