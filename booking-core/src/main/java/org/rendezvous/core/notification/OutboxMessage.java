package org.rendezvous.core.notification;

import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import org.rendezvous.core.booking.BookingId;
import org.rendezvous.core.practitioner.PractitionerId;

/**
 * A message someone must receive, written in the same transaction as the change that causes it and
 * delivered later (NOT-3). {@code causeKey}, recipient and channel identify it: the outbox keeps one
 * message per triple, so a change replayed by a retry announces nothing twice.
 */
public record OutboxMessage(OutboxMessageId id, PractitionerId practitionerId, Optional<BookingId> bookingId,
                            MessageKind kind, Recipient recipient, Channel channel, String causeKey,
                            SortedMap<String, String> parameters, Instant createdAt, Instant deliverAfter) {
    public OutboxMessage {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(practitionerId, "practitionerId");
        Objects.requireNonNull(bookingId, "bookingId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(causeKey, "causeKey");
        if (causeKey.isBlank() || causeKey.length() > 300) {
            throw new IllegalArgumentException("causeKey: must be 1 to 300 characters");
        }
        parameters = Collections.unmodifiableSortedMap(new TreeMap<>(Objects.requireNonNull(parameters, "parameters")));
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(deliverAfter, "deliverAfter");
    }

    public static OutboxMessage of(OutboxMessageId id, PractitionerId practitionerId, Optional<BookingId> bookingId,
                                   MessageKind kind, MessageKind.Route route, String causeKey,
                                   Map<String, String> parameters, Instant now) {
        return new OutboxMessage(id, practitionerId, bookingId, kind, route.recipient(), route.channel(), causeKey,
                new TreeMap<>(parameters), now, now);
    }

    /** The identity used to deduplicate (NOT-3): cause, recipient, channel. */
    public String deduplicationKey() {
        return causeKey + "|" + recipient + "|" + channel;
    }
}
