package org.rendezvous.core;

import java.util.Objects;
import org.rendezvous.core.money.Money;
import org.rendezvous.core.policy.CommercialModel;

/**
 * The operator's choices for the whole platform.
 *
 * @param model                 who collects the clients' money (see the SPEC's table)
 * @param providerMinimumCharge the smallest online payment the provider accepts (PAY-7; 0.50 EUR at Stripe)
 */
public record EngineSettings(CommercialModel model, Money providerMinimumCharge) {
    public EngineSettings {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(providerMinimumCharge, "providerMinimumCharge");
        if (providerMinimumCharge.isNegative()) {
            throw new IllegalArgumentException("providerMinimumCharge: must not be negative");
        }
    }

    public static EngineSettings of(CommercialModel model) {
        return new EngineSettings(model, Money.of("0.50", "EUR"));
    }
}
