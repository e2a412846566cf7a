package org.rendezvous.core;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.rendezvous.core.booking.Booking;
import org.rendezvous.core.client.Client;
import org.rendezvous.core.client.ClientAccount;
import org.rendezvous.core.notification.OutboxMessage;

/**
 * Everything stored about a client's e-mail address, for them to download (GDPR art. 15 and 20): their
 * account, their entry in each practitioner's client file, every booking with its answers and history,
 * and the messages written to them about those bookings. (Here, not in {@code client}, because it holds
 * bookings, which already know the client package.)
 */
public record ClientData(ClientAccount account, List<Client> clientFiles, List<Booking> bookings,
                         List<OutboxMessage> messages, Instant exportedAt) {
    public ClientData {
        Objects.requireNonNull(account, "account");
        clientFiles = List.copyOf(clientFiles);
        bookings = List.copyOf(bookings);
        messages = List.copyOf(messages);
        Objects.requireNonNull(exportedAt, "exportedAt");
    }
}
