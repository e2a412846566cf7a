package org.rendezvous.core.port;

import java.util.Objects;

/** The stores an engine runs on, sharing one {@link Transactions}; an adapter module provides all of them. */
public record Stores(Practitioners practitioners, Agendas agendas, Clients clients, Bookings bookings,
                     Waitlists waitlists, Outbox outbox, IdempotencyKeys idempotencyKeys, Ledger ledger,
                     PaymentInstructions paymentInstructions, Payouts payouts, PayoutAccounts payoutAccounts,
                     Subscriptions subscriptions, Usage usage, Profiles profiles,
                     Transactions transactions, PaymentAccounts paymentAccounts) {
    public Stores {
        Objects.requireNonNull(practitioners, "practitioners");
        Objects.requireNonNull(agendas, "agendas");
        Objects.requireNonNull(clients, "clients");
        Objects.requireNonNull(bookings, "bookings");
        Objects.requireNonNull(waitlists, "waitlists");
        Objects.requireNonNull(outbox, "outbox");
        Objects.requireNonNull(idempotencyKeys, "idempotencyKeys");
        Objects.requireNonNull(ledger, "ledger");
        Objects.requireNonNull(paymentInstructions, "paymentInstructions");
        Objects.requireNonNull(payouts, "payouts");
        Objects.requireNonNull(payoutAccounts, "payoutAccounts");
        Objects.requireNonNull(subscriptions, "subscriptions");
        Objects.requireNonNull(usage, "usage");
        Objects.requireNonNull(profiles, "profiles");
        Objects.requireNonNull(transactions, "transactions");
        Objects.requireNonNull(paymentAccounts, "paymentAccounts");
    }
}
