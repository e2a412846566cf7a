package org.rendezvous.core.ledger;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.rendezvous.core.booking.BookingId;
import org.rendezvous.core.money.Money;
import org.rendezvous.core.payout.PayoutId;
import org.rendezvous.core.practitioner.PractitionerId;

/**
 * One money event in the append-only ledger (FEE-4), made of balanced legs. {@code causeKey} names
 * the event once and for all: the ledger refuses a second posting with the same key, so a retried
 * job or a webhook delivered twice never moves money twice.
 */
public record Posting(PostingId id, PractitionerId practitionerId, Optional<BookingId> bookingId,
                      Optional<PayoutId> payoutId, PostingKind kind, String causeKey, List<Leg> legs, Instant at) {
    public Posting {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(practitionerId, "practitionerId");
        Objects.requireNonNull(bookingId, "bookingId");
        Objects.requireNonNull(payoutId, "payoutId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(causeKey, "causeKey");
        if (causeKey.isBlank() || causeKey.length() > 300) {
            throw new IllegalArgumentException("causeKey: must be 1 to 300 characters");
        }
        legs = List.copyOf(Objects.requireNonNull(legs, "legs"));
        if (legs.isEmpty()) {
            throw new IllegalArgumentException("legs: a posting moves some money");
        }
        java.util.Currency currency = legs.get(0).amount().currency();
        if (legs.stream().anyMatch(leg -> !leg.amount().currency().equals(currency))) {
            throw new IllegalArgumentException("legs: all in one currency");
        }
        Objects.requireNonNull(at, "at");
    }

    public java.util.Currency currency() {
        return legs.get(0).amount().currency();
    }

    /** How this posting changes an account's balance: what entered it minus what left it. */
    public Money change(Account account) {
        Money change = Money.zero(currency());
        for (Leg leg : legs) {
            if (leg.to() == account) {
                change = change.plus(leg.amount());
            }
            if (leg.from() == account) {
                change = change.minus(leg.amount());
            }
        }
        return change;
    }

    /**
     * The money this posting moves: what leaves the accounts that receive nothing in it. A leg that passes
     * on part of what another leg brought (the commission taken from a guarantee charge, say) is not counted
     * twice: a 30.00 charge with its 1.50 commission moves 30.00, not 31.50 (PAY-6).
     */
    public Money amount() {
        java.util.Set<Account> receiving = java.util.EnumSet.noneOf(Account.class);
        for (Leg leg : legs) {
            receiving.add(leg.to());
        }
        Money total = Money.zero(currency());
        for (Leg leg : legs) {
            if (!receiving.contains(leg.from())) {
                total = total.plus(leg.amount());
            }
        }
        return total;
    }
}
