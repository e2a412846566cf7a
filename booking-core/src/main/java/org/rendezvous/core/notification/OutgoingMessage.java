package org.rendezvous.core.notification;

import java.time.ZoneId;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One message ready to leave, with everything a sender needs to write it: the event, the channel,
 * whom it is for (in their language, NOT-4), the practitioner and their time zone (every time is
 * shown in it), the booking as it stands, and the parameters the event recorded.
 *
 * <p>{@code id} is stable across attempts: senders pass it on as the provider's idempotency key or
 * the e-mail's Message-ID, so that a provider able to deduplicate narrows the duplicate window.
 */
public record OutgoingMessage(OutboxMessageId id, String causeKey, MessageKind kind, Channel channel,
                              Recipient recipientRole, Contact to, Contact practitioner, ZoneId zone,
                              Optional<BookingDetails> booking, Optional<Contact> client,
                              SortedMap<String, String> parameters, List<Attachment> attachments) {

    /** A message that carries no file. */
    public OutgoingMessage(OutboxMessageId id, String causeKey, MessageKind kind, Channel channel,
                           Recipient recipientRole, Contact to, Contact practitioner, ZoneId zone,
                           Optional<BookingDetails> booking, Optional<Contact> client,
                           SortedMap<String, String> parameters) {
        this(id, causeKey, kind, channel, recipientRole, to, practitioner, zone, booking, client, parameters, List.of());
    }

    public OutgoingMessage {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(causeKey, "causeKey");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(recipientRole, "recipientRole");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(practitioner, "practitioner");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(booking, "booking");
        Objects.requireNonNull(client, "client");
        parameters = Collections.unmodifiableSortedMap(new TreeMap<>(Objects.requireNonNull(parameters, "parameters")));
        attachments = List.copyOf(Objects.requireNonNull(attachments, "attachments"));
        if (channel == Channel.SMS && to.phone().isEmpty()) {
            throw new IllegalArgumentException("to: an SMS needs a phone number");
        }
    }
}
