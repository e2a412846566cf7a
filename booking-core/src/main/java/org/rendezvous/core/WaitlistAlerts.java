package org.rendezvous.core;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.rendezvous.core.agenda.Activity;
import org.rendezvous.core.agenda.AgendaSettings;
import org.rendezvous.core.agenda.AgendaSnapshot;
import org.rendezvous.core.booking.Booking;
import org.rendezvous.core.notification.MessageKind;
import org.rendezvous.core.port.Bookings;
import org.rendezvous.core.port.Waitlists;
import org.rendezvous.core.waitlist.WaitlistEntry;

/**
 * CX-7: a seat freed at a booking's start is offered to every waitlisted client of that activity whose
 * booking is later and could move there.
 */
final class WaitlistAlerts {

    private final AgendaSnapshots agendas;
    private final Waitlists waitlists;
    private final Bookings bookings;
    private final Announcements announcements;

    WaitlistAlerts(AgendaSnapshots agendas, Waitlists waitlists, Bookings bookings, Announcements announcements) {
        this.agendas = agendas;
        this.waitlists = waitlists;
        this.bookings = bookings;
        this.announcements = announcements;
    }

    void seatFreed(Booking freed, Instant now) {
        AgendaSettings settings = agendas.settings(freed.practitionerId()).orElseThrow();
        if (!settings.waitlistAlerts()) {
            return;
        }
        List<WaitlistEntry> entries = waitlists.forActivity(freed.practitionerId(), freed.activityId());
        if (entries.isEmpty()) {
            return;
        }
        Instant offered = freed.start();
        AgendaSnapshot snapshot = null;
        for (WaitlistEntry entry : entries) {
            Optional<Booking> waiting = bookings.find(entry.bookingId());
            if (waiting.isEmpty() || waiting.get().id().equals(freed.id())
                    || !waiting.get().couldTakeEarlierSeat(offered, now)) {
                continue;
            }
            if (snapshot == null) {
                snapshot = agendas.around(freed.practitionerId(), settings, offered, freed.end(), Optional.empty());
            }
            Activity asBooked = agendas.activityAsBooked(waiting.get());
            if (snapshot.slotAt(asBooked, offered, waiting.get().mode(), now).isEmpty()) {
                continue;
            }
            announcements.announce(MessageKind.WAITLIST_ALERT, waiting.get(),
                    "waitlist:" + entry.id() + ":" + freed.id() + ":v" + freed.version() + ":" + offered,
                    Map.of("offeredStart", offered.toString()), now);
        }
    }
}
