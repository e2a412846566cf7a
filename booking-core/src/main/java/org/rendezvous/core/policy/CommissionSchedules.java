package org.rendezvous.core.policy;

import java.util.Currency;
import java.util.Objects;
import org.rendezvous.core.agenda.ConsultationMode;
import org.rendezvous.core.money.FeeSchedule;
import org.rendezvous.core.money.Money;
import org.rendezvous.core.money.PaymentPurpose;
import org.rendezvous.core.money.Percent;

/**
 * The platform's commission in both commercial models (FEE-2, FEE-3), chosen by the operator.
 * It lives in {@code policy}, next to {@link CommercialModel}, rather than in {@code money}: the
 * choice depends on the consultation mode and the commercial model, and {@code money} must stay a
 * leaf that every other package can use.
 */
public record CommissionSchedules(FeeSchedule platformRemote, FeeSchedule platformInPerson, FeeSchedule platformCharges,
                                  FeeSchedule directFreePlan, FeeSchedule directPaidPlan) {

    public CommissionSchedules {
        Objects.requireNonNull(platformRemote, "platformRemote");
        Objects.requireNonNull(platformInPerson, "platformInPerson");
        Objects.requireNonNull(platformCharges, "platformCharges");
        Objects.requireNonNull(directFreePlan, "directFreePlan");
        Objects.requireNonNull(directPaidPlan, "directPaidPlan");
        Currency currency = platformRemote.currency();
        requireCurrency("platformInPerson", platformInPerson, currency);
        requireCurrency("platformCharges", platformCharges, currency);
        requireCurrency("directFreePlan", directFreePlan, currency);
        requireCurrency("directPaidPlan", directPaidPlan, currency);
    }

    private static void requireCurrency(String field, FeeSchedule schedule, Currency currency) {
        if (!schedule.currency().equals(currency)) {
            throw new IllegalArgumentException(field + ": must be in " + currency.getCurrencyCode()
                    + " like platformRemote, was " + schedule.currency().getCurrencyCode());
        }
    }

    /**
     * The SPEC's commissions: PLATFORM_COLLECTS 5 % on remote consultations and on charges, 0 on
     * in-person ones (FEE-2); DIRECT_CONNECT 2 % + 0.25 on the free plan, 0 on the paid plan (FEE-3).
     * The 0.25 is in {@code currency}'s major unit (25 cents for EUR), so pick a currency with two decimals.
     */
    public static CommissionSchedules defaults(Currency currency) {
        Objects.requireNonNull(currency, "currency");
        int digits = Math.max(currency.getDefaultFractionDigits(), 0);
        long quarter = digits >= 2 ? 25L * pow10(digits - 2) : 0L;
        FeeSchedule none = FeeSchedule.none(currency);
        return new CommissionSchedules(
                FeeSchedule.of(Percent.of(5), Money.zero(currency)),
                none,
                FeeSchedule.of(Percent.of(5), Money.zero(currency)),
                FeeSchedule.of(Percent.of(2), new Money(quarter, currency)),
                none);
    }

    private static long pow10(int exponent) {
        long value = 1;
        for (int i = 0; i < exponent; i++) {
            value *= 10;
        }
        return value;
    }

    public Currency currency() {
        return platformRemote.currency();
    }

    /**
     * The commission on one payment.
     * <ul>
     * <li>PLATFORM_COLLECTS: a no-show or late-cancellation charge takes {@link #platformCharges()};
     * a consultation takes {@link #platformRemote()} or {@link #platformInPerson()} by its mode.
     * {@code paidPlan} plays no part: plans exist in DIRECT_CONNECT only.</li>
     * <li>DIRECT_CONNECT: {@link #directPaidPlan()} when {@code paidPlan}, otherwise
     * {@link #directFreePlan()}, whatever the mode and purpose.</li>
     * </ul>
     * What {@code paidPlan} means is the caller's decision: the trial gives "every feature free"
     * (PLAN-1), so a caller that treats the trial as the paid plan passes {@code true} for it.
     */
    public FeeSchedule scheduleFor(CommercialModel model, boolean paidPlan, ConsultationMode mode, PaymentPurpose purpose) {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(purpose, "purpose");
        return switch (model) {
            case PLATFORM_COLLECTS -> purpose.isCharge() ? platformCharges
                    : mode.isRemote() ? platformRemote : platformInPerson;
            case DIRECT_CONNECT -> paidPlan ? directPaidPlan : directFreePlan;
        };
    }
}
