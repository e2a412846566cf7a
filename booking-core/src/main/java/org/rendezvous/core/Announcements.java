package org.rendezvous.core;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.rendezvous.core.booking.Booking;
import org.rendezvous.core.notification.MessageKind;
import org.rendezvous.core.notification.OutboxMessage;
import org.rendezvous.core.notification.OutboxMessageId;
import org.rendezvous.core.port.Ids;
import org.rendezvous.core.port.Outbox;
import org.rendezvous.core.practitioner.PractitionerId;

/** Writes the messages an event causes to the outbox, in the caller's transaction (NOT-1, NOT-3). */
final class Announcements {

    private final Outbox outbox;
    private final Ids ids;

    Announcements(Outbox outbox, Ids ids) {
        this.outbox = outbox;
        this.ids = ids;
    }

    /** Writes the messages of an event for each of its recipients and channels (NOT-1, NOT-3). */
    void announce(MessageKind kind, Booking booking, String cause, Map<String, String> parameters, Instant now) {
        List<OutboxMessage> messages = new ArrayList<>();
        for (MessageKind.Route route : kind.routes()) {
            messages.add(OutboxMessage.of(new OutboxMessageId(ids.newId()), booking.practitionerId(),
                    Optional.of(booking.id()), kind, route, cause, parameters, now));
        }
        // One write for all the event's messages (issue 15), not one per recipient and channel.
        outbox.appendAll(messages);
    }

    /** The event of a booking at its current version. */
    void announce(MessageKind kind, Booking booking, Instant now) {
        announce(kind, booking, kind + ":" + booking.id() + ":v" + booking.version(), Map.of(), now);
    }

    /** Writes a message about no booking in particular (a payout, the quota) for the practitioner. */
    void announceToPractitioner(MessageKind kind, PractitionerId practitioner, String cause, Map<String, String> parameters,
                                Instant now) {
        for (OutboxMessage message : messagesToPractitioner(kind, practitioner, cause, parameters, now)) {
            outbox.append(message);
        }
    }

    /** The messages {@link #announceToPractitioner} would write, for the caller to write with others in one step. */
    List<OutboxMessage> messagesToPractitioner(MessageKind kind, PractitionerId practitioner, String cause,
                                               Map<String, String> parameters, Instant now) {
        List<OutboxMessage> messages = new ArrayList<>();
        for (MessageKind.Route route : kind.routes()) {
            messages.add(OutboxMessage.of(new OutboxMessageId(ids.newId()), practitioner, Optional.empty(), kind,
                    route, cause, parameters, now));
        }
        return messages;
    }
}
