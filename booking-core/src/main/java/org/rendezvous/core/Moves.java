package org.rendezvous.core;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.rendezvous.core.agenda.AgendaSettings;
import org.rendezvous.core.booking.Actor;
import org.rendezvous.core.booking.Booking;
import org.rendezvous.core.notification.MessageKind;
import org.rendezvous.core.outcome.Outcome;

/** BK-7: moves a booking to another start the agenda admits, tells the other side, and offers the freed seat (CX-7). */
final class Moves {

    private final LockedSaves saves;
    private final AgendaSnapshots agendas;
    private final Announcements announcements;
    private final WaitlistAlerts alerts;

    Moves(LockedSaves saves, AgendaSnapshots agendas, Announcements announcements, WaitlistAlerts alerts) {
        this.saves = saves;
        this.agendas = agendas;
        this.announcements = announcements;
        this.alerts = alerts;
    }

    /** The client's move: until the cancellation deadline, to a start a client could book (BK-7). */
    Outcome<Booking> byClient(Booking booking, AgendaSettings settings, Instant newStart, Instant now) {
        return booking.movableByClient(now).flatMap(movable -> {
            if (newStart.equals(booking.start())) {
                return Outcome.accepted(booking);
            }
            return agendas.around(booking.practitionerId(), settings, newStart, newStart.plus(booking.duration()),
                            Optional.of(booking.id()))
                    .admit(agendas.activityAsBooked(booking), newStart, booking.mode(), now)
                    .map(admitted -> apply(booking, newStart, Actor.CLIENT, MessageKind.MOVED_BY_CLIENT, now));
        });
    }

    /** The practitioner's move: any free time from now on (AG-5, AG-7). */
    Outcome<Booking> byPractitioner(Booking booking, Instant newStart, Instant now) {
        return booking.movable().flatMap(movable -> {
            if (newStart.equals(booking.start())) {
                return Outcome.accepted(booking);
            }
            AgendaSettings settings = agendas.settings(booking.practitionerId()).orElseThrow();
            Instant newEnd = newStart.plus(booking.duration());
            return agendas.around(booking.practitionerId(), settings, newStart, newEnd, Optional.of(booking.id()))
                    .admitByPractitioner(newStart, newEnd, now)
                    .map(admitted -> apply(booking, newStart, Actor.PRACTITIONER, MessageKind.MOVED_BY_PRACTITIONER, now));
        });
    }

    private Booking apply(Booking booking, Instant newStart, Actor actor, MessageKind kind, Instant now) {
        Booking moved = booking.movedTo(newStart, now, actor);
        saves.save(booking, moved);
        announcements.announce(kind, moved, kind + ":" + moved.id() + ":move" + moved.moves().size(),
                Map.of("previousStart", booking.start().toString()), now);
        alerts.seatFreed(booking, now);
        return moved;
    }
}
