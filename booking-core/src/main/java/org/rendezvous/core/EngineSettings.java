package org.rendezvous.core;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Currency;
import java.util.Objects;
import org.rendezvous.core.money.Money;
import org.rendezvous.core.money.ProviderFeeSchedule;
import org.rendezvous.core.plan.PlanSettings;
import org.rendezvous.core.policy.CommercialModel;
import org.rendezvous.core.policy.CommissionSchedules;

/**
 * The operator's choices for the whole platform.
 *
 * @param model                 who collects the clients' money (see the SPEC's table)
 * @param providerMinimumCharge the smallest online payment the provider accepts (PAY-7; 0.50 EUR at Stripe)
 * @param commissions           the platform's commission or application fee per model and plan (FEE-2, FEE-3)
 * @param providerFees          the estimate of the provider's own fee, when the provider does not say it (FEE-3)
 * @param operatorZone          the zone whose midnight cuts payout cycles (PO-1)
 * @param payoutMinimum         no payout, cycle or request, below this balance (PO-3)
 * @param plans                 the paid plan's price and the free plan's quotas (PLAN-1 … PLAN-3)
 * @param retryDelay            the first delay before a failed provider call is tried again; it doubles up to a day
 */
public record EngineSettings(CommercialModel model, Money providerMinimumCharge, CommissionSchedules commissions,
                             ProviderFeeSchedule providerFees, ZoneId operatorZone, Money payoutMinimum,
                             PlanSettings plans, Duration retryDelay) {
    public EngineSettings {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(providerMinimumCharge, "providerMinimumCharge");
        if (providerMinimumCharge.isNegative()) {
            throw new IllegalArgumentException("providerMinimumCharge: must not be negative");
        }
        Objects.requireNonNull(commissions, "commissions");
        Objects.requireNonNull(providerFees, "providerFees");
        Objects.requireNonNull(operatorZone, "operatorZone");
        Objects.requireNonNull(payoutMinimum, "payoutMinimum");
        if (payoutMinimum.isNegative()) {
            throw new IllegalArgumentException("payoutMinimum: must not be negative");
        }
        Objects.requireNonNull(plans, "plans");
        Objects.requireNonNull(retryDelay, "retryDelay");
        if (retryDelay.isNegative() || retryDelay.isZero()) {
            throw new IllegalArgumentException("retryDelay: must be more than zero");
        }
    }

    /** The model with 0.50 minimum charge, the SPEC's commissions, Stripe's European fees, Paris, 1.00 minimum payout, in euros. */
    public static EngineSettings of(CommercialModel model) {
        Currency euro = Currency.getInstance("EUR");
        return new EngineSettings(model, Money.of("0.50", "EUR"), CommissionSchedules.defaults(euro),
                ProviderFeeSchedule.stripeEurope(), ZoneId.of("Europe/Paris"), Money.of("1.00", "EUR"),
                PlanSettings.defaults(euro), Duration.ofMinutes(1));
    }

    public EngineSettings withModel(CommercialModel newModel) {
        return new EngineSettings(newModel, providerMinimumCharge, commissions, providerFees, operatorZone, payoutMinimum,
                plans, retryDelay);
    }

    public EngineSettings withProviderFees(ProviderFeeSchedule newFees) {
        return new EngineSettings(model, providerMinimumCharge, commissions, newFees, operatorZone, payoutMinimum,
                plans, retryDelay);
    }

    public EngineSettings withOperatorZone(ZoneId zone) {
        return new EngineSettings(model, providerMinimumCharge, commissions, providerFees, zone, payoutMinimum,
                plans, retryDelay);
    }

    public EngineSettings withPayoutMinimum(Money minimum) {
        return new EngineSettings(model, providerMinimumCharge, commissions, providerFees, operatorZone, minimum,
                plans, retryDelay);
    }

    public EngineSettings withCommissions(CommissionSchedules newCommissions) {
        return new EngineSettings(model, providerMinimumCharge, newCommissions, providerFees, operatorZone, payoutMinimum,
                plans, retryDelay);
    }

    /** PLAN-1 … PLAN-3: the paid plan's price, the free plan's quotas, the trial's length. */
    public EngineSettings withPlans(PlanSettings newPlans) {
        return new EngineSettings(model, providerMinimumCharge, commissions, providerFees, operatorZone, payoutMinimum,
                newPlans, retryDelay);
    }
}
