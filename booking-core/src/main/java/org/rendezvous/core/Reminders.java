package org.rendezvous.core;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.rendezvous.core.agenda.AgendaSettings;
import org.rendezvous.core.booking.Booking;
import org.rendezvous.core.booking.BookingState;
import org.rendezvous.core.booking.Move;
import org.rendezvous.core.booking.Transition;
import org.rendezvous.core.notification.MessageKind;
import org.rendezvous.core.notification.OutboxMessage;
import org.rendezvous.core.notification.OutboxMessageId;
import org.rendezvous.core.notification.Reminder;
import org.rendezvous.core.port.Ids;
import org.rendezvous.core.port.ReminderCandidates;
import org.rendezvous.core.port.Stores;

/**
 * Plans the reminders of NOT-2: a job the host runs every few minutes, on any number of instances.
 *
 * <p>A CONFIRMED booking gets its first reminder (e-mail) {@code firstReminder} before its start and
 * its second (SMS and e-mail) {@code secondReminder} before, to client and practitioner, with the
 * practitioner's offsets. Each is written to the outbox under a cause made of the reminder, the booking
 * and its start: planned twice (a rerun, two instances at once) it is written once, and a booking moved
 * to another time gets reminders for its new time.
 *
 * <p>A reminder already due when the booking was made is not sent. "Made" is the latest of the booking's
 * creation, its confirmation and its last move: a client who has just booked, been confirmed or moved
 * got a message with the time moments ago. When the job catches up after an outage and both reminders
 * are due, only the second goes.
 *
 * <p>PENDING bookings get no reminder: the request is not an appointment yet (the practitioner is
 * reminded of it by BK-4 instead), and a booking confirmed later is picked up from its confirmation.
 */
public final class Reminders {

    private final Stores stores;
    private final ReminderCandidates candidates;
    private final Ids ids;
    private final Now clock;
    private final int batchSize;

    public Reminders(Stores stores, ReminderCandidates candidates, Ids ids, Clock clock, int batchSize) {
        this.stores = Objects.requireNonNull(stores, "stores");
        this.candidates = Objects.requireNonNull(candidates, "candidates");
        this.ids = Objects.requireNonNull(ids, "ids");
        this.clock = new Now(clock);
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize: must be at least 1");
        }
        this.batchSize = batchSize;
    }

    /**
     * Writes to the outbox every reminder due now and not written yet. Examines every CONFIRMED booking
     * starting within the longest reminder offset, page after page of the batch size.
     */
    public JobReport planDue() {
        Instant now = clock.instant();
        Instant until = now.plus(AgendaSettings.LONGEST_REMINDER);
        int examined = 0;
        int written = 0;
        Optional<ReminderCandidates.Cursor> cursor = Optional.empty();
        List<Booking> page;
        do {
            page = candidates.confirmedStartingBetween(now, until, cursor, batchSize);
            for (Booking booking : page) {
                Optional<Reminder> due = dueReminder(booking, now);
                if (due.isPresent() && write(booking, due.get(), now)) {
                    written++;
                }
            }
            examined += page.size();
            if (!page.isEmpty()) {
                cursor = Optional.of(ReminderCandidates.Cursor.after(page.get(page.size() - 1)));
            }
        } while (page.size() == batchSize);
        return new JobReport(examined, written, 0);
    }

    /** The reminder to send now, if any: the latest one due, unless it was due already when the booking was made. */
    private Optional<Reminder> dueReminder(Booking booking, Instant now) {
        if (booking.state() != BookingState.CONFIRMED || !booking.start().isAfter(now)) {
            return Optional.empty();
        }
        AgendaSettings settings = stores.agendas().settings(booking.practitionerId())
                .orElseGet(AgendaSettings::defaults);
        Instant madeAt = madeAt(booking);
        for (Reminder reminder : List.of(Reminder.SECOND, Reminder.FIRST)) {
            Instant dueAt = booking.start().minus(reminder.offset(settings));
            if (!dueAt.isAfter(now)) {
                return dueAt.isAfter(madeAt) ? Optional.of(reminder) : Optional.empty();
            }
        }
        return Optional.empty();
    }

    private static Instant madeAt(Booking booking) {
        Instant made = booking.createdAt();
        for (Transition transition : booking.history()) {
            if (transition.to() == BookingState.CONFIRMED && transition.at().isAfter(made)) {
                made = transition.at();
            }
        }
        for (Move move : booking.moves()) {
            if (move.at().isAfter(made)) {
                made = move.at();
            }
        }
        return made;
    }

    private boolean write(Booking booking, Reminder reminder, Instant now) {
        String cause = reminder.causeKey(booking.id(), booking.start());
        MessageKind kind = reminder.kind();
        return stores.transactions().inTransaction(() -> {
            boolean any = false;
            for (MessageKind.Route route : kind.routes()) {
                any |= stores.outbox().append(OutboxMessage.of(new OutboxMessageId(ids.newId()),
                        booking.practitionerId(), Optional.of(booking.id()), kind, route, cause,
                        Map.of(Reminder.START_PARAMETER, booking.start().toString()), now));
            }
            return any;
        });
    }
}
