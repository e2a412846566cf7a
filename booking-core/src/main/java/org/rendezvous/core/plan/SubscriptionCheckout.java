package org.rendezvous.core.plan;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.rendezvous.core.contact.EmailAddress;
import org.rendezvous.core.money.Money;
import org.rendezvous.core.payment.ProviderKey;
import org.rendezvous.core.practitioner.PractitionerId;

/**
 * A subscription checkout to open for the paid plan (PLAN-3).
 *
 * @param customerRef the provider's customer of this practitioner if one was created before: it is reused
 * @param monthlyPrice the price per month, when the provider is not given a price of its own
 * @param paidFrom    when billing starts: the trial's end while the trial runs (its days are not lost), else empty (now)
 * @param key         the provider idempotency key of this checkout
 */
public record SubscriptionCheckout(PractitionerId practitionerId, EmailAddress email, Optional<String> customerRef,
                                   Money monthlyPrice, Optional<Instant> paidFrom, ProviderKey key) {
    public SubscriptionCheckout {
        Objects.requireNonNull(practitionerId, "practitionerId");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(customerRef, "customerRef");
        Objects.requireNonNull(monthlyPrice, "monthlyPrice");
        if (!monthlyPrice.isPositive()) {
            throw new IllegalArgumentException("monthlyPrice: must be more than zero, was " + monthlyPrice);
        }
        Objects.requireNonNull(paidFrom, "paidFrom");
        Objects.requireNonNull(key, "key");
    }
}
