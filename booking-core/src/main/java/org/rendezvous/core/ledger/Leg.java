package org.rendezvous.core.ledger;

import java.util.Objects;
import org.rendezvous.core.money.Money;

/** One movement of a posting: {@code amount} leaves {@code from} (a credit) and enters {@code to} (a debit). */
public record Leg(Account from, Account to, Money amount) {
    public Leg {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(amount, "amount");
        if (from == to) {
            throw new IllegalArgumentException("to: must differ from the account the money leaves");
        }
        if (!amount.isPositive()) {
            throw new IllegalArgumentException("amount: must be more than zero");
        }
    }
}
