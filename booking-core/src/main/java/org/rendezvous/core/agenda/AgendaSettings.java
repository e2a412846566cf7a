package org.rendezvous.core.agenda;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Currency;
import java.util.Objects;
import org.rendezvous.core.money.Percent;

/**
 * A practitioner's agenda settings. Those that shape a booking's money and deadlines are frozen
 * into each booking when it is made (BK-9); changing them here applies to later bookings only.
 *
 * @param zone                 the practitioner's time zone; every local time of the agenda is in it (AG-1)
 * @param spacing              minutes kept free after each consultation and before the next (AG-6)
 * @param defaultCapacity      seats of an opening that sets none (AG-3)
 * @param minimumNotice        how long before its start a time can still be booked (AG-8)
 * @param horizon              how far ahead a time can be booked (AG-8)
 * @param confirmation         manual (the default) or automatic confirmation (BK-4)
 * @param cancellationDeadline how long before the start a client may still cancel or move for free (CX-1)
 * @param clientsMayCancel     whether clients may cancel by themselves (CX-6)
 * @param clientsMayMove       whether clients may move their booking by themselves (CX-6, BK-7)
 * @param noShowPercentage     share of the price charged for a no-show or a late cancellation (CX-3, CX-4)
 * @param onlinePayment        payment at booking in model DIRECT_CONNECT (PAY-1)
 * @param paymentWindow        how long a booking is held waiting for its online payment (BK-3)
 * @param waitlistAlerts       whether clients may ask to hear of earlier free times (CX-7)
 * @param currency             the currency of the practitioner's prices
 * @param form                 the custom questions of the booking form (BK-1)
 * @param firstReminder        how long before the start the first reminder (e-mail) goes out (NOT-2, default 48 h)
 * @param secondReminder       how long before the start the second reminder (SMS and e-mail) goes out (NOT-2, default 24 h)
 */
public record AgendaSettings(ZoneId zone, Duration spacing, int defaultCapacity, Duration minimumNotice,
                             Duration horizon, ConfirmationMode confirmation, Duration cancellationDeadline,
                             boolean clientsMayCancel, boolean clientsMayMove, Percent noShowPercentage,
                             OnlinePayment onlinePayment, Duration paymentWindow, boolean waitlistAlerts,
                             Currency currency, BookingForm form, Duration firstReminder, Duration secondReminder) {

    public static final ZoneId DEFAULT_ZONE = ZoneId.of("Europe/Paris");
    public static final Duration DEFAULT_FIRST_REMINDER = Duration.ofHours(48);
    public static final Duration DEFAULT_SECOND_REMINDER = Duration.ofHours(24);
    /** The earliest a reminder may go out: a week before the start. */
    public static final Duration LONGEST_REMINDER = Duration.ofDays(7);

    public AgendaSettings {
        Objects.requireNonNull(zone, "zone");
        requireMinutes(spacing, "spacing", Duration.ZERO, Duration.ofHours(4));
        if (defaultCapacity < 1 || defaultCapacity > Opening.MAX_CAPACITY) {
            throw new IllegalArgumentException("defaultCapacity: must be from 1 to " + Opening.MAX_CAPACITY);
        }
        requireMinutes(minimumNotice, "minimumNotice", Duration.ZERO, Duration.ofDays(30));
        requireMinutes(horizon, "horizon", Duration.ofDays(1), Duration.ofDays(730));
        if (horizon.compareTo(minimumNotice) <= 0) {
            throw new IllegalArgumentException("horizon: must be longer than minimumNotice");
        }
        Objects.requireNonNull(confirmation, "confirmation");
        requireMinutes(cancellationDeadline, "cancellationDeadline", Duration.ZERO, Duration.ofDays(30));
        Objects.requireNonNull(noShowPercentage, "noShowPercentage");
        Objects.requireNonNull(onlinePayment, "onlinePayment");
        requireMinutes(paymentWindow, "paymentWindow", Duration.ofMinutes(5), Duration.ofHours(24));
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(form, "form");
        requireMinutes(firstReminder, "firstReminder", Duration.ofHours(1), LONGEST_REMINDER);
        requireMinutes(secondReminder, "secondReminder", Duration.ofMinutes(30), LONGEST_REMINDER);
        if (secondReminder.compareTo(firstReminder) >= 0) {
            throw new IllegalArgumentException("secondReminder: must be closer to the start than firstReminder");
        }
    }

    /** The settings as they were before reminders could be set: with the default reminder offsets (NOT-2). */
    public AgendaSettings(ZoneId zone, Duration spacing, int defaultCapacity, Duration minimumNotice,
                          Duration horizon, ConfirmationMode confirmation, Duration cancellationDeadline,
                          boolean clientsMayCancel, boolean clientsMayMove, Percent noShowPercentage,
                          OnlinePayment onlinePayment, Duration paymentWindow, boolean waitlistAlerts,
                          Currency currency, BookingForm form) {
        this(zone, spacing, defaultCapacity, minimumNotice, horizon, confirmation, cancellationDeadline,
                clientsMayCancel, clientsMayMove, noShowPercentage, onlinePayment, paymentWindow, waitlistAlerts,
                currency, form, DEFAULT_FIRST_REMINDER, DEFAULT_SECOND_REMINDER);
    }

    /** The defaults of the SPEC: Europe/Paris, 2 h notice, 60 days ahead, manual confirmation, 24 h deadline. */
    public static AgendaSettings defaults() {
        return defaults(DEFAULT_ZONE);
    }

    public static AgendaSettings defaults(ZoneId zone) {
        return new AgendaSettings(zone, Duration.ZERO, 1, Duration.ofHours(2), Duration.ofDays(60),
                ConfirmationMode.MANUAL, Duration.ofHours(24), true, true, Percent.ZERO, OnlinePayment.NONE,
                Duration.ofMinutes(30), false, Currency.getInstance("EUR"), BookingForm.EMPTY);
    }

    private static void requireMinutes(Duration value, String field, Duration min, Duration max) {
        Objects.requireNonNull(value, field);
        if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
            throw new IllegalArgumentException(field + ": must be from " + min.toMinutes() + " to " + max.toMinutes()
                    + " minutes, was " + value.toMinutes());
        }
        if (value.toSecondsPart() != 0 || value.toNanosPart() != 0) {
            throw new IllegalArgumentException(field + ": must be whole minutes");
        }
    }

    public AgendaSettings withZone(ZoneId v) {
        return new AgendaSettings(v, spacing, defaultCapacity, minimumNotice, horizon, confirmation, cancellationDeadline,
                clientsMayCancel, clientsMayMove, noShowPercentage, onlinePayment, paymentWindow, waitlistAlerts, currency, form,
                firstReminder, secondReminder);
    }

    public AgendaSettings withSpacing(Duration v) {
        return new AgendaSettings(zone, v, defaultCapacity, minimumNotice, horizon, confirmation, cancellationDeadline,
                clientsMayCancel, clientsMayMove, noShowPercentage, onlinePayment, paymentWindow, waitlistAlerts, currency, form,
                firstReminder, secondReminder);
    }

    public AgendaSettings withDefaultCapacity(int v) {
        return new AgendaSettings(zone, spacing, v, minimumNotice, horizon, confirmation, cancellationDeadline,
                clientsMayCancel, clientsMayMove, noShowPercentage, onlinePayment, paymentWindow, waitlistAlerts, currency, form,
                firstReminder, secondReminder);
    }

    public AgendaSettings withBookingWindow(Duration notice, Duration newHorizon) {
        return new AgendaSettings(zone, spacing, defaultCapacity, notice, newHorizon, confirmation, cancellationDeadline,
                clientsMayCancel, clientsMayMove, noShowPercentage, onlinePayment, paymentWindow, waitlistAlerts, currency, form,
                firstReminder, secondReminder);
    }

    public AgendaSettings withConfirmation(ConfirmationMode v) {
        return new AgendaSettings(zone, spacing, defaultCapacity, minimumNotice, horizon, v, cancellationDeadline,
                clientsMayCancel, clientsMayMove, noShowPercentage, onlinePayment, paymentWindow, waitlistAlerts, currency, form,
                firstReminder, secondReminder);
    }

    public AgendaSettings withCancellationDeadline(Duration v) {
        return new AgendaSettings(zone, spacing, defaultCapacity, minimumNotice, horizon, confirmation, v,
                clientsMayCancel, clientsMayMove, noShowPercentage, onlinePayment, paymentWindow, waitlistAlerts, currency, form,
                firstReminder, secondReminder);
    }

    public AgendaSettings withClientSelfService(boolean mayCancel, boolean mayMove) {
        return new AgendaSettings(zone, spacing, defaultCapacity, minimumNotice, horizon, confirmation, cancellationDeadline,
                mayCancel, mayMove, noShowPercentage, onlinePayment, paymentWindow, waitlistAlerts, currency, form,
                firstReminder, secondReminder);
    }

    public AgendaSettings withNoShowPercentage(Percent v) {
        return new AgendaSettings(zone, spacing, defaultCapacity, minimumNotice, horizon, confirmation, cancellationDeadline,
                clientsMayCancel, clientsMayMove, v, onlinePayment, paymentWindow, waitlistAlerts, currency, form,
                firstReminder, secondReminder);
    }

    public AgendaSettings withOnlinePayment(OnlinePayment v) {
        return new AgendaSettings(zone, spacing, defaultCapacity, minimumNotice, horizon, confirmation, cancellationDeadline,
                clientsMayCancel, clientsMayMove, noShowPercentage, v, paymentWindow, waitlistAlerts, currency, form,
                firstReminder, secondReminder);
    }

    public AgendaSettings withPaymentWindow(Duration v) {
        return new AgendaSettings(zone, spacing, defaultCapacity, minimumNotice, horizon, confirmation, cancellationDeadline,
                clientsMayCancel, clientsMayMove, noShowPercentage, onlinePayment, v, waitlistAlerts, currency, form,
                firstReminder, secondReminder);
    }

    public AgendaSettings withWaitlistAlerts(boolean v) {
        return new AgendaSettings(zone, spacing, defaultCapacity, minimumNotice, horizon, confirmation, cancellationDeadline,
                clientsMayCancel, clientsMayMove, noShowPercentage, onlinePayment, paymentWindow, v, currency, form,
                firstReminder, secondReminder);
    }

    public AgendaSettings withForm(BookingForm v) {
        return new AgendaSettings(zone, spacing, defaultCapacity, minimumNotice, horizon, confirmation, cancellationDeadline,
                clientsMayCancel, clientsMayMove, noShowPercentage, onlinePayment, paymentWindow, waitlistAlerts, currency, v,
                firstReminder, secondReminder);
    }

    /** NOT-2: the practitioner's own reminder offsets; the first must come before the second. */
    public AgendaSettings withReminders(Duration first, Duration second) {
        return new AgendaSettings(zone, spacing, defaultCapacity, minimumNotice, horizon, confirmation, cancellationDeadline,
                clientsMayCancel, clientsMayMove, noShowPercentage, onlinePayment, paymentWindow, waitlistAlerts, currency, form,
                first, second);
    }
}
