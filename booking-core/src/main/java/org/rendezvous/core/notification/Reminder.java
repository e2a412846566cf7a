package org.rendezvous.core.notification;

import java.time.Duration;
import java.time.Instant;
import org.rendezvous.core.agenda.AgendaSettings;
import org.rendezvous.core.booking.BookingId;

/** The two reminders of a booking (NOT-2) and how their cause keys are made. */
public enum Reminder {
    FIRST(MessageKind.FIRST_REMINDER),
    SECOND(MessageKind.SECOND_REMINDER);

    private final MessageKind kind;

    Reminder(MessageKind kind) {
        this.kind = kind;
    }

    public MessageKind kind() {
        return kind;
    }

    public Duration offset(AgendaSettings settings) {
        return this == FIRST ? settings.firstReminder() : settings.secondReminder();
    }

    /**
     * The cause of this reminder for a booking starting at {@code start}. The start is part of it: a
     * moved booking gets reminders for its new time, and planning the same one twice (two instances,
     * a rerun) writes it once thanks to the outbox's deduplication (NOT-3).
     */
    public String causeKey(BookingId booking, Instant start) {
        return "reminder:" + name() + ":" + booking + ":" + start;
    }

    /** The parameter that records which start a reminder was planned for. */
    public static final String START_PARAMETER = "start";

    public static boolean isReminder(MessageKind kind) {
        return kind == MessageKind.FIRST_REMINDER || kind == MessageKind.SECOND_REMINDER;
    }
}
