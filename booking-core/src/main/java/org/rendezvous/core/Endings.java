package org.rendezvous.core;

import java.time.Instant;
import java.util.Optional;
import org.rendezvous.core.booking.Actor;
import org.rendezvous.core.booking.Booking;
import org.rendezvous.core.booking.BookingState;
import org.rendezvous.core.booking.Cause;
import org.rendezvous.core.notification.MessageKind;
import org.rendezvous.core.outcome.Outcome;
import org.rendezvous.core.port.Waitlists;
import org.rendezvous.core.policy.MoneyDecision;

/** Ends a seat-holding booking with a money decision, tells whom it concerns, and offers the freed seat (CX-7). */
final class Endings {

    private final LockedSaves saves;
    private final Cashier cashier;
    private final Announcements announcements;
    private final Waitlists waitlists;
    private final WaitlistAlerts alerts;

    Endings(LockedSaves saves, Cashier cashier, Announcements announcements, Waitlists waitlists,
            WaitlistAlerts alerts) {
        this.saves = saves;
        this.cashier = cashier;
        this.announcements = announcements;
        this.waitlists = waitlists;
        this.alerts = alerts;
    }

    /** {@code announcement} may be null: no message for this ending. */
    Outcome<Booking> end(Booking booking, BookingState target, Cause cause, Actor actor, Instant now,
                         MoneyDecision decision, MessageKind announcement) {
        return booking.transition(target, cause, actor, now, Optional.empty()).map(ended -> {
            Booking settled = ended.withSettlement(decision);
            saves.save(booking, settled);
            cashier.settle(settled, decision, now);
            if (announcement != null) {
                announcements.announce(announcement, settled, now);
            }
            waitlists.remove(settled.id());
            if (booking.holdsSeat()) {
                alerts.seatFreed(booking, now);
            }
            return settled;
        });
    }

    /** An ending that costs the client: the extra message when the money is kept from the prepayment. */
    Outcome<Booking> endCharging(Booking booking, BookingState target, Cause cause, Actor actor, Instant now,
                                 MoneyDecision decision, MessageKind announcement, MessageKind whenKept) {
        Outcome<Booking> ended = end(booking, target, cause, actor, now, decision, announcement);
        ended.fold(b -> {
            if (decision instanceof MoneyDecision.KeepFromPrepayment) {
                announcements.announce(whenKept, b, now);
            }
            return b;
        }, r -> null);
        return ended;
    }

    Outcome<Booking> endBySystem(Booking booking, BookingState target, Cause cause, Instant now, MoneyDecision decision,
                                 MessageKind announcement) {
        return end(booking, target, cause, Actor.SYSTEM, now, decision, announcement);
    }
}
