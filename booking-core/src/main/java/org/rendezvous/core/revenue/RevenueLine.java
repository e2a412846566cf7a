package org.rendezvous.core.revenue;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import org.rendezvous.core.agenda.ConsultationMode;
import org.rendezvous.core.booking.BookingId;
import org.rendezvous.core.money.Money;

/**
 * One amount of turnover (INV-2): a booking paid online (dated by its consultation, net of refunds) or
 * a payment recorded on site (dated when paid), with the activity and mode of its booking, and for an
 * online payment the platform's commission and the provider's fee, shown apart from the turnover.
 */
public record RevenueLine(LocalDate day, BookingId bookingId, String activity, ConsultationMode mode,
                          Optional<PaymentMethod> onSiteMethod, Money amount, Money commission, Money fees) {

    public RevenueLine {
        Objects.requireNonNull(day, "day");
        Objects.requireNonNull(bookingId, "bookingId");
        Objects.requireNonNull(activity, "activity");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(onSiteMethod, "onSiteMethod");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(commission, "commission");
        Objects.requireNonNull(fees, "fees");
    }

    public boolean online() {
        return onSiteMethod.isEmpty();
    }
}
