package org.rendezvous.core.port;

import java.util.List;
import java.util.Optional;
import org.rendezvous.core.agenda.ActivityId;
import org.rendezvous.core.booking.BookingId;
import org.rendezvous.core.practitioner.PractitionerId;
import org.rendezvous.core.waitlist.WaitlistEntry;

/** Early-availability alert subscriptions (CX-7); at most one per booking. */
public interface Waitlists {

    void add(WaitlistEntry entry);

    Optional<WaitlistEntry> ofBooking(BookingId booking);

    /** The entries for a practitioner's activity, oldest first. */
    List<WaitlistEntry> forActivity(PractitionerId practitioner, ActivityId activity);

    boolean remove(BookingId booking);
}
