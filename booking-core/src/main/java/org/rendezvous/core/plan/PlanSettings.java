package org.rendezvous.core.plan;

import java.math.BigDecimal;
import java.time.Period;
import java.util.Currency;
import java.util.Objects;
import org.rendezvous.core.money.Money;

/** The operator's plan terms (PLAN-1…PLAN-3): the paid plan's price, the free plan's quotas, the trial's length. */
public record PlanSettings(Money monthlyPrice, int bookingsPerMonth, int invoicesPerMonth, Period trialLength) {

    public PlanSettings {
        Objects.requireNonNull(monthlyPrice, "monthlyPrice");
        Objects.requireNonNull(trialLength, "trialLength");
        if (monthlyPrice.isNegative()) {
            throw new IllegalArgumentException("monthlyPrice: must not be negative, was " + monthlyPrice);
        }
        if (bookingsPerMonth < 0) {
            throw new IllegalArgumentException("bookingsPerMonth: must not be negative, was " + bookingsPerMonth);
        }
        if (invoicesPerMonth < 0) {
            throw new IllegalArgumentException("invoicesPerMonth: must not be negative, was " + invoicesPerMonth);
        }
        if (trialLength.isNegative() || trialLength.getYears() < 0 || trialLength.getMonths() < 0
                || trialLength.getDays() < 0) {
            throw new IllegalArgumentException("trialLength: must not be negative, was " + trialLength);
        }
    }

    /** The SPEC's terms: 30.00 a month, 40 bookings and 10 invoices a month on the free plan, a 2-month trial. */
    public static PlanSettings defaults(Currency currency) {
        Objects.requireNonNull(currency, "currency");
        long thirty = BigDecimal.valueOf(30).movePointRight(Math.max(currency.getDefaultFractionDigits(), 0))
                .longValueExact();
        return new PlanSettings(new Money(thirty, currency), 40, 10, Period.ofMonths(2));
    }

    /** The free plan's monthly limit for that kind of usage. */
    public int limit(UsageKind kind) {
        return switch (Objects.requireNonNull(kind, "kind")) {
            case BOOKING -> bookingsPerMonth;
            case INVOICE -> invoicesPerMonth;
        };
    }
}
