package org.rendezvous.core;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.rendezvous.core.agenda.Activity;
import org.rendezvous.core.agenda.AgendaSettings;
import org.rendezvous.core.agenda.AgendaSnapshot;
import org.rendezvous.core.agenda.Occupancy;
import org.rendezvous.core.agenda.TimeRange;
import org.rendezvous.core.booking.Booking;
import org.rendezvous.core.booking.BookingId;
import org.rendezvous.core.port.Agendas;
import org.rendezvous.core.port.Bookings;
import org.rendezvous.core.practitioner.PractitionerId;

/** Reads a practitioner's agenda for a decision: its settings, and the snapshot around a time range. */
final class AgendaSnapshots {

    private final Agendas agendas;
    private final Bookings bookings;

    AgendaSnapshots(Agendas agendas, Bookings bookings) {
        this.agendas = agendas;
        this.bookings = bookings;
    }

    Optional<AgendaSettings> settings(PractitionerId practitioner) {
        return agendas.settings(practitioner);
    }

    /**
     * The agenda around [from, to): its openings, the unavailabilities and seat-holding bookings that
     * can matter there, optionally without one booking (the one being moved).
     */
    AgendaSnapshot around(PractitionerId practitioner, AgendaSettings agendaSettings, Instant from, Instant to,
                          Optional<BookingId> leaving) {
        // Bookings up to a day beyond the range can still reach into it with their spacing.
        Instant wideFrom = from.minus(Duration.ofDays(1));
        Instant wideTo = to.plus(Duration.ofDays(1));
        List<TimeRange> taken = bookings.occupied(practitioner, wideFrom, wideTo, leaving);
        Agendas.OpeningsAndUnavailabilities plan = agendas.openingsAndUnavailabilities(practitioner, wideFrom, wideTo);
        return new AgendaSnapshot(agendaSettings, plan.openings(), plan.unavailabilities(), Occupancy.of(taken));
    }

    /** The booking's own activity with the duration it was booked for, so that a later change of the activity does not bend a move. */
    Activity activityAsBooked(Booking booking) {
        Activity current = agendas.activity(booking.practitionerId(), booking.activityId()).orElseThrow();
        return new Activity(current.id(), current.practitionerId(), current.name(), booking.duration(), current.price(),
                Set.of(booking.mode()), true);
    }
}
