package org.rendezvous.core;

import java.util.Optional;
import org.rendezvous.core.agenda.AgendaSettings;
import org.rendezvous.core.booking.AccessToken;
import org.rendezvous.core.booking.Booking;
import org.rendezvous.core.booking.BookingId;
import org.rendezvous.core.booking.TakeWaitlistOfferCommand;
import org.rendezvous.core.outcome.Outcome;
import org.rendezvous.core.outcome.Reason;
import org.rendezvous.core.port.Bookings;
import org.rendezvous.core.port.Ids;
import org.rendezvous.core.port.Transactions;
import org.rendezvous.core.port.Waitlists;
import org.rendezvous.core.practitioner.PractitionerId;
import org.rendezvous.core.waitlist.WaitlistEntry;
import org.rendezvous.core.waitlist.WaitlistEntryId;

/**
 * CX-7: a client asks, through their booking link, to hear of an earlier free time; leaves the waitlist;
 * takes the earlier time an alert offered (the first to accept gets it, BK-7 applies). The alerts themselves
 * go out when a seat is freed ({@link WaitlistAlerts}).
 */
public final class WaitlistService {

    private final Transactions transactions;
    private final Bookings bookings;
    private final Waitlists waitlists;
    private final Ids ids;
    private final Now clock;
    private final AgendaSnapshots agendas;
    private final BookingCommands commands;
    private final Moves moves;

    WaitlistService(Transactions transactions, Bookings bookings, Waitlists waitlists, Ids ids, Now clock,
                    AgendaSnapshots agendas, BookingCommands commands, Moves moves) {
        this.transactions = transactions;
        this.bookings = bookings;
        this.waitlists = waitlists;
        this.ids = ids;
        this.clock = clock;
        this.agendas = agendas;
        this.commands = commands;
        this.moves = moves;
    }

    /** CX-7: the client asks to hear of an earlier free time for their booking. */
    public Outcome<WaitlistEntry> join(AccessToken token) {
        Optional<Booking> found = commands.findByLink(token);
        if (found.isEmpty()) {
            return Outcome.rejected(Reason.NOT_FOUND, "accessToken: no such booking");
        }
        PractitionerId practitioner = found.get().practitionerId();
        return transactions.inAgenda(practitioner, () -> {
            Booking booking = bookings.find(found.get().id()).orElseThrow();
            AgendaSettings settings = agendas.settings(practitioner).orElseThrow();
            if (!settings.waitlistAlerts()) {
                return Outcome.rejected(Reason.WAITLIST_DISABLED, "accessToken: this practitioner does not send early-availability alerts");
            }
            return booking.mayWaitForEarlierTime().flatMap(waiting -> {
                Optional<WaitlistEntry> existing = waitlists.ofBooking(booking.id());
                if (existing.isPresent()) {
                    return Outcome.accepted(existing.get());
                }
                WaitlistEntry entry = new WaitlistEntry(new WaitlistEntryId(ids.newId()), practitioner,
                        booking.activityId(), booking.id(), clock.instant());
                waitlists.add(entry);
                return Outcome.accepted(entry);
            });
        });
    }

    public Outcome<BookingId> leave(AccessToken token) {
        Optional<Booking> found = commands.findByLink(token);
        if (found.isEmpty()) {
            return Outcome.rejected(Reason.NOT_FOUND, "accessToken: no such booking");
        }
        return transactions.inAgenda(found.get().practitionerId(), () ->
                waitlists.remove(found.get().id())
                        ? Outcome.accepted(found.get().id())
                        : Outcome.rejected(Reason.NOT_ON_WAITLIST, "accessToken: this booking is not on the waitlist"));
    }

    /** CX-7: the client takes the earlier time an alert offered; the first to accept gets it (BK-7 applies). */
    public Outcome<Booking> takeOffer(TakeWaitlistOfferCommand command) {
        return commands.byClient(command.accessToken(), "take-waitlist-offer", command.fingerprint(), command.idempotencyKey(),
                (booking, now) -> {
                    AgendaSettings settings = agendas.settings(booking.practitionerId()).orElseThrow();
                    if (!settings.waitlistAlerts()) {
                        return Outcome.rejected(Reason.WAITLIST_DISABLED, "accessToken: early-availability alerts are off");
                    }
                    if (waitlists.ofBooking(booking.id()).isEmpty()) {
                        return Outcome.rejected(Reason.NOT_ON_WAITLIST, "accessToken: this booking is not on the waitlist");
                    }
                    if (!command.offeredStart().isBefore(booking.start())) {
                        return Outcome.rejected(Reason.NOT_EARLIER, "offeredStart: not earlier than the booking's start");
                    }
                    Outcome<Booking> moved = moves.byClient(booking, settings, command.offeredStart(), now);
                    moved.fold(b -> waitlists.remove(b.id()), r -> false);
                    return moved;
                });
    }
}
