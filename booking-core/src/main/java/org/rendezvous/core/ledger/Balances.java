package org.rendezvous.core.ledger;

import java.util.Collections;
import java.util.Currency;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import org.rendezvous.core.money.Money;

/** The balance of every account in one currency, for one practitioner or the whole platform. */
public record Balances(Currency currency, Map<Account, Money> byAccount) {
    public Balances {
        Objects.requireNonNull(currency, "currency");
        EnumMap<Account, Money> copy = new EnumMap<>(Account.class);
        for (Account account : Account.values()) {
            Money balance = Objects.requireNonNull(byAccount, "byAccount").getOrDefault(account, Money.zero(currency));
            if (!balance.currency().equals(currency)) {
                throw new IllegalArgumentException("byAccount: " + account + " is not in " + currency);
            }
            copy.put(account, balance);
        }
        byAccount = Collections.unmodifiableMap(copy);
    }

    public static Balances empty(Currency currency) {
        return new Balances(currency, Map.of());
    }

    public static Balances of(Currency currency, Iterable<Posting> postings) {
        EnumMap<Account, Money> sums = new EnumMap<>(Account.class);
        for (Posting posting : postings) {
            if (!posting.currency().equals(currency)) {
                continue;
            }
            for (Leg leg : posting.legs()) {
                sums.merge(leg.to(), leg.amount(), Money::plus);
                sums.merge(leg.from(), leg.amount().negate(), Money::plus);
            }
        }
        return new Balances(currency, sums);
    }

    public Money of(Account account) {
        return byAccount.get(account);
    }

    /** Everything clients have paid in: the left side of FEE-4's equation. */
    public Money moneyIn() {
        return of(Account.CLIENT_PAYMENTS).negate();
    }

    /**
     * The right side of FEE-4's equation: refunds + provider fees + commissions + payouts + what is still
     * owed to or held for practitioners (payable, held, or received directly).
     */
    public Money accountedFor() {
        return of(Account.REFUNDS).plus(of(Account.PROVIDER_FEES)).plus(of(Account.PLATFORM_REVENUE))
                .plus(of(Account.PAYOUTS)).plus(of(Account.PRACTITIONER_PAYABLE)).plus(of(Account.HELD_FOR_BOOKINGS))
                .plus(of(Account.PRACTITIONER_DIRECT));
    }
}
