package org.rendezvous.core.port;

import java.util.Objects;

/** The stores an engine runs on, sharing one {@link Transactions}; an adapter module provides all of them. */
public record Stores(Practitioners practitioners, Agendas agendas, Clients clients, Bookings bookings,
                     Waitlists waitlists, Outbox outbox, IdempotencyKeys idempotencyKeys, Transactions transactions) {
    public Stores {
        Objects.requireNonNull(practitioners, "practitioners");
        Objects.requireNonNull(agendas, "agendas");
        Objects.requireNonNull(clients, "clients");
        Objects.requireNonNull(bookings, "bookings");
        Objects.requireNonNull(waitlists, "waitlists");
        Objects.requireNonNull(outbox, "outbox");
        Objects.requireNonNull(idempotencyKeys, "idempotencyKeys");
        Objects.requireNonNull(transactions, "transactions");
    }
}
