package org.rendezvous.core;

import java.util.Optional;
import org.rendezvous.core.agenda.AgendaSettings;
import org.rendezvous.core.booking.AccessToken;
import org.rendezvous.core.booking.Actor;
import org.rendezvous.core.booking.Booking;
import org.rendezvous.core.booking.BookingState;
import org.rendezvous.core.booking.CancelByClientCommand;
import org.rendezvous.core.booking.Cause;
import org.rendezvous.core.booking.MoveByClientCommand;
import org.rendezvous.core.notification.MessageKind;
import org.rendezvous.core.outcome.Outcome;
import org.rendezvous.core.outcome.Reason;

/**
 * What a client does with their booking through its link (ACC-2): find it, cancel it (CX-1 … CX-3, CX-6),
 * move it (BK-7). Named for whom it serves, as {@link ClientAccountService} is: the link is the client's
 * only key here. Each command runs under the practitioner's agenda lock, once per idempotency key.
 */
public final class ClientBookingService {

    private final BookingCommands commands;
    private final AgendaSnapshots agendas;
    private final Endings endings;
    private final Moves moves;

    ClientBookingService(BookingCommands commands, AgendaSnapshots agendas, Endings endings, Moves moves) {
        this.commands = commands;
        this.agendas = agendas;
        this.endings = endings;
        this.moves = moves;
    }

    /** The booking behind a client's link, if the link is right (ACC-2). */
    public Optional<Booking> findByLink(AccessToken token) {
        return commands.findByLink(token);
    }

    /**
     * CX-1 … CX-3: early, nothing is charged and a prepayment is refunded in full; late, the booking is
     * cancelled, its seat freed, and the frozen no-show percentage charged at once. A request the
     * practitioner had not yet confirmed costs nothing to cancel.
     */
    public Outcome<Booking> cancelByClient(CancelByClientCommand command) {
        return commands.byClient(command.accessToken(), "cancel-by-client", command.fingerprint(), command.idempotencyKey(),
                (booking, now) -> {
                    AgendaSettings settings = agendas.settings(booking.practitionerId()).orElseThrow();
                    if (!settings.clientsMayCancel()) {
                        return Outcome.rejected(Reason.CANCELLATION_NOT_ALLOWED,
                                "bookingId: the practitioner does not let clients cancel online; contact them");
                    }
                    return endings.endCharging(booking, BookingState.CANCELLED_BY_CLIENT, Cause.CANCELLED_BY_CLIENT,
                            Actor.CLIENT, now, booking.clientCancellationDecision(now), MessageKind.CANCELLED_BY_CLIENT,
                            MessageKind.LATE_CANCELLATION_CHARGED);
                });
    }

    /** BK-7: the client moves their booking to another free start, at least the cancellation deadline ahead. */
    public Outcome<Booking> moveByClient(MoveByClientCommand command) {
        return commands.byClient(command.accessToken(), "move-by-client", command.fingerprint(), command.idempotencyKey(),
                (booking, now) -> {
                    AgendaSettings settings = agendas.settings(booking.practitionerId()).orElseThrow();
                    if (!settings.clientsMayMove()) {
                        return Outcome.rejected(Reason.MOVE_NOT_ALLOWED,
                                "bookingId: the practitioner does not let clients move bookings online; contact them");
                    }
                    return moves.byClient(booking, settings, command.newStart(), now);
                });
    }
}
