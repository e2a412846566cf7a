package org.rendezvous.core.money;

import java.util.Collections;
import java.util.Currency;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The payment provider's own fee, per class of card (FEE-3). The provider deducts it itself; the
 * engine only shows an estimate of it, so this schedule is configuration, not a price list the
 * engine enforces.
 */
public record ProviderFeeSchedule(Map<CardClass, FeeSchedule> byClass) {

    public ProviderFeeSchedule {
        Objects.requireNonNull(byClass, "byClass");
        EnumMap<CardClass, FeeSchedule> copy = new EnumMap<>(CardClass.class);
        Currency currency = null;
        for (CardClass cardClass : CardClass.values()) {
            FeeSchedule schedule = byClass.get(cardClass);
            if (schedule == null) {
                throw new IllegalArgumentException("byClass: no fee schedule for " + cardClass);
            }
            if (currency == null) {
                currency = schedule.currency();
            } else if (!currency.equals(schedule.currency())) {
                throw new IllegalArgumentException("byClass: every schedule must be in one currency; "
                        + cardClass + " is in " + schedule.currency().getCurrencyCode() + ", not "
                        + currency.getCurrencyCode());
            }
            copy.put(cardClass, schedule);
        }
        byClass = Collections.unmodifiableMap(copy);
    }

    /** One schedule for every class of card. */
    public static ProviderFeeSchedule flat(FeeSchedule schedule) {
        Objects.requireNonNull(schedule, "schedule");
        EnumMap<CardClass, FeeSchedule> all = new EnumMap<>(CardClass.class);
        for (CardClass cardClass : CardClass.values()) {
            all.put(cardClass, schedule);
        }
        return new ProviderFeeSchedule(all);
    }

    /**
     * An <em>estimate</em> of Stripe's standard European pricing in EUR (EEA standard cards
     * 1.5 % + 0.25, EEA premium 1.9 % + 0.25, UK 2.5 % + 0.25, international 3.25 % + 0.25), as
     * published when this was written. Providers change their prices and negotiate others, so
     * operators should configure their own schedule; this is a starting point for demos and tests.
     */
    public static ProviderFeeSchedule stripeEurope() {
        Money fixed = Money.of("0.25", "EUR");
        EnumMap<CardClass, FeeSchedule> europe = new EnumMap<>(CardClass.class);
        europe.put(CardClass.EEA_STANDARD, FeeSchedule.of(Percent.of("1.5"), fixed));
        europe.put(CardClass.EEA_PREMIUM, FeeSchedule.of(Percent.of("1.9"), fixed));
        europe.put(CardClass.UK, FeeSchedule.of(Percent.of("2.5"), fixed));
        europe.put(CardClass.INTERNATIONAL, FeeSchedule.of(Percent.of("3.25"), fixed));
        return new ProviderFeeSchedule(europe);
    }

    public FeeSchedule forClass(CardClass cardClass) {
        return Optional.ofNullable(byClass.get(Objects.requireNonNull(cardClass, "cardClass")))
                .orElseThrow(() -> new IllegalArgumentException("cardClass: unknown " + cardClass));
    }

    public Currency currency() {
        return byClass.get(CardClass.EEA_STANDARD).currency();
    }

    /** The provider's fee the practitioner can expect on {@code amount} paid by a card of that class: an estimate. */
    public Money estimate(Money amount, CardClass cardClass) {
        return forClass(cardClass).on(amount);
    }
}
