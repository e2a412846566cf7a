package org.rendezvous.core.notification;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.rendezvous.core.agenda.ConsultationMode;
import org.rendezvous.core.booking.AccessToken;
import org.rendezvous.core.booking.BookingId;
import org.rendezvous.core.booking.BookingState;
import org.rendezvous.core.money.Money;

/**
 * What a message says about a booking, read when the message is delivered.
 *
 * @param address            where an in-person consultation takes place, when the opening names it
 * @param calendarSequence   the iCalendar SEQUENCE of the booking (CAL-1)
 * @param accessToken        the secret of the client's booking link (ACC-2): only messages to the client show it
 * @param amountCharged      what was kept or charged when the booking ended (no-show, late cancellation), if anything
 * @param amountRefunded     what was refunded when the booking ended, if anything
 */
public record BookingDetails(BookingId id, Instant start, Instant end, String activity, ConsultationMode mode,
                             Optional<String> address, Money price, Money paid, BookingState state,
                             int calendarSequence, AccessToken accessToken, Duration cancellationDeadline,
                             Optional<Money> amountCharged, Optional<Money> amountRefunded) {
    public BookingDetails {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        Objects.requireNonNull(activity, "activity");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(price, "price");
        Objects.requireNonNull(paid, "paid");
        Objects.requireNonNull(state, "state");
        if (calendarSequence < 0) {
            throw new IllegalArgumentException("calendarSequence: must be zero or more");
        }
        Objects.requireNonNull(accessToken, "accessToken");
        Objects.requireNonNull(cancellationDeadline, "cancellationDeadline");
        Objects.requireNonNull(amountCharged, "amountCharged");
        Objects.requireNonNull(amountRefunded, "amountRefunded");
    }
}
