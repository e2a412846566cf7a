package org.rendezvous.core.booking;

import java.time.Duration;
import java.util.Objects;
import org.rendezvous.core.money.Money;
import org.rendezvous.core.money.Percent;
import org.rendezvous.core.policy.PaymentArrangement;

/**
 * What a booking freezes when it is made (BK-9): later changes of the practitioner's settings apply
 * to later bookings only.
 */
public record BookingTerms(Money price, Duration cancellationDeadline, Percent noShowPercentage,
                           PaymentArrangement payment, Duration minimumNotice) {
    public BookingTerms {
        Objects.requireNonNull(price, "price");
        if (price.isNegative()) {
            throw new IllegalArgumentException("price: must not be negative");
        }
        Objects.requireNonNull(cancellationDeadline, "cancellationDeadline");
        Objects.requireNonNull(noShowPercentage, "noShowPercentage");
        Objects.requireNonNull(payment, "payment");
        Objects.requireNonNull(minimumNotice, "minimumNotice");
    }
}
