package org.rendezvous.app.wiring;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import java.util.Optional;
import org.rendezvous.core.money.FeeSchedule;
import org.rendezvous.core.money.Money;
import org.rendezvous.core.money.Percent;
import org.rendezvous.core.money.ProviderFeeSchedule;

/**
 * The estimate of the payment provider's own fee (FEE-3), shown to DIRECT_CONNECT practitioners and booked when
 * the provider does not report its fee (README, "Configuration"). Both left blank: Stripe's published European
 * prices per class of card ({@link ProviderFeeSchedule#stripeEurope()}). Otherwise one schedule for every card:
 * {@code percent} % of the payment plus {@code fixed}, in euros like the engine's other fees.
 *
 * @param percent RENDEZVOUS_PROVIDER_FEE_PERCENT, e.g. {@code 2.9}: 0 to 100, at most two decimals
 * @param fixed   RENDEZVOUS_PROVIDER_FEE_FIXED, e.g. {@code 0.25}: 0 or more, at most two decimals
 */
@ConfigurationProperties("rendezvous.provider-fee")
public record ProviderFeeSettings(@Nullable String percent, @Nullable String fixed) {

    static final String CURRENCY = "EUR";

    public ProviderFeeSettings {
        boolean noPercent = percent == null || percent.isBlank();
        boolean noFixed = fixed == null || fixed.isBlank();
        if (noPercent != noFixed) {
            throw new IllegalArgumentException((noPercent ? "RENDEZVOUS_PROVIDER_FEE_PERCENT" : "RENDEZVOUS_PROVIDER_FEE_FIXED")
                    + " (rendezvous.provider-fee." + (noPercent ? "percent" : "fixed")
                    + "): set it too, or neither, when the other is set");
        }
        percent = noPercent ? null : percent.strip();
        fixed = noFixed ? null : fixed.strip();
        if (percent != null) {
            parsePercent(percent);
            parseFixed(fixed);
        }
    }

    /** The schedule to give the engine: the configured one, or none to keep the engine's default. */
    public Optional<ProviderFeeSchedule> schedule() {
        if (percent == null) {
            return Optional.empty();
        }
        return Optional.of(ProviderFeeSchedule.flat(FeeSchedule.of(parsePercent(percent), parseFixed(fixed))));
    }

    private static Percent parsePercent(String value) {
        try {
            return Percent.of(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("RENDEZVOUS_PROVIDER_FEE_PERCENT (rendezvous.provider-fee.percent): "
                    + "a percentage from 0 to 100 with at most two decimals, such as 2.9; got '" + value + "'", e);
        }
    }

    private static Money parseFixed(String value) {
        Money money;
        try {
            money = Money.of(value, CURRENCY);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("RENDEZVOUS_PROVIDER_FEE_FIXED (rendezvous.provider-fee.fixed): "
                    + "an amount in " + CURRENCY + " with at most two decimals, such as 0.25; got '" + value + "'", e);
        }
        if (money.isNegative()) {
            throw new IllegalArgumentException("RENDEZVOUS_PROVIDER_FEE_FIXED (rendezvous.provider-fee.fixed): "
                    + "not negative; got '" + value + "'");
        }
        return money;
    }
}
