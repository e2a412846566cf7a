package org.rendezvous.core;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import org.rendezvous.core.agenda.AgendaSettings;
import org.rendezvous.core.agenda.ConfirmationMode;
import org.rendezvous.core.booking.Actor;
import org.rendezvous.core.booking.BookedBy;
import org.rendezvous.core.booking.Booking;
import org.rendezvous.core.booking.BookingState;
import org.rendezvous.core.booking.Cause;
import org.rendezvous.core.money.Money;
import org.rendezvous.core.money.PaymentPurpose;
import org.rendezvous.core.notification.MessageKind;
import org.rendezvous.core.outcome.Outcome;
import org.rendezvous.core.plan.Plan;
import org.rendezvous.core.plan.Quotas;
import org.rendezvous.core.plan.UsageKind;
import org.rendezvous.core.plan.UsageMonth;
import org.rendezvous.core.policy.CommercialModel;
import org.rendezvous.core.port.Usage;
import org.rendezvous.core.practitioner.PractitionerId;

/**
 * A booking arriving at PENDING or CONFIRMED, made so or out of a hold whose payment or guarantee came:
 * counted against the free plan's quota and announced (BK-1, BK-3, BK-4, PLAN-2).
 */
final class Arrivals {

    private final EngineSettings settings;
    private final Usage usage;
    private final Cashier cashier;
    private final Announcements announcements;
    private final AgendaSnapshots agendas;
    private final LockedSaves saves;

    Arrivals(EngineSettings settings, Usage usage, Cashier cashier, Announcements announcements,
             AgendaSnapshots agendas,
             LockedSaves saves) {
        this.settings = settings;
        this.usage = usage;
        this.cashier = cashier;
        this.announcements = announcements;
        this.agendas = agendas;
        this.saves = saves;
    }

    /**
     * PLAN-2: in model DIRECT_CONNECT, past the free plan's monthly quota new bookings are refused,
     * by clients and by the practitioner alike. Holds not yet paid do not count, so a burst of holds
     * can end a month a few bookings over the quota; they were all accepted while under it.
     */
    Optional<Outcome<Booking>> refuseOverQuota(PractitionerId practitioner, AgendaSettings agenda, Instant now) {
        if (settings.model() != CommercialModel.DIRECT_CONNECT) {
            return Optional.empty();
        }
        UsageMonth month = UsageMonth.of(practitioner, now, agenda.zone());
        Outcome<UsageKind> allowed = Quotas.check(cashier.planOf(practitioner, now), settings.plans(),
                UsageKind.BOOKING, month, usage.count(month, UsageKind.BOOKING));
        return allowed.fold(ok -> Optional.empty(),
                rejected -> Optional.of(Outcome.rejected(rejected.reason(), rejected.detail())));
    }

    /** A booking that reached PENDING or CONFIRMED: counted for the quota, and announced (BK-1, BK-4, PLAN-2). */
    void announce(Booking booking, ZoneId zone, Instant now) {
        if (booking.state() == BookingState.PENDING || booking.state() == BookingState.CONFIRMED) {
            count(booking, zone, now);
        }
        switch (booking.state()) {
            case PENDING -> announcements.announce(MessageKind.BOOKING_REQUESTED, booking, now);
            case CONFIRMED -> announcements.announce(booking.bookedBy() == BookedBy.PRACTITIONER
                    ? MessageKind.BOOKING_CONFIRMED : MessageKind.BOOKING_CONFIRMED_AUTOMATICALLY, booking, now);
            default -> {
                // A held booking is announced once its payment or guarantee arrives.
            }
        }
    }

    /**
     * PLAN-2: a booking counts in the month it was created once it reaches PENDING or CONFIRMED,
     * whatever happens to it later; the practitioner hears when the free plan's quota is reached.
     */
    private void count(Booking booking, ZoneId zone, Instant now) {
        UsageMonth month = UsageMonth.of(booking.practitionerId(), booking.createdAt(), zone);
        if (settings.model() != CommercialModel.DIRECT_CONNECT) {
            // No quota to watch: counted without waiting for the answer (sent with the transaction's other writes).
            usage.note(month, UsageKind.BOOKING, booking.id().toString());
            return;
        }
        if (!usage.record(month, UsageKind.BOOKING, booking.id().toString())
                || cashier.planOf(booking.practitionerId(), now) != Plan.FREE) {
            return;
        }
        if (usage.count(month, UsageKind.BOOKING) >= settings.plans().bookingsPerMonth()) {
            announcements.announceToPractitioner(MessageKind.QUOTA_REACHED, booking.practitionerId(),
                    "quota:" + UsageKind.BOOKING + ":" + month.month(), Map.of("month", month.month().toString(),
                            "limit", Integer.toString(settings.plans().bookingsPerMonth())), now);
        }
    }

    /**
     * BK-3: the payment of a held booking arrived, reported by the provider or found by the expiry job:
     * the booking leaves the hold, the money is booked, and whom it concerns is told.
     */
    Outcome<Booking> holdPaid(Booking held, Money amount, String reference, Optional<Money> providerFee, Instant now) {
        AgendaSettings agenda = agendas.settings(held.practitionerId()).orElseThrow();
        return leaveHold(held.withPayment(amount, reference), agenda, Cause.PAYMENT_RECEIVED, now).map(next -> {
            saves.save(held, next);
            cashier.paymentReceived(next, amount, reference, providerFee, PaymentPurpose.CONSULTATION, now);
            announcements.announce(MessageKind.PAYMENT_RECEIVED, next, now);
            announce(next, agenda.zone(), now);
            return next;
        });
    }

    /** PAY-2: the card guarantee of a held booking was saved: the booking leaves the hold. */
    Outcome<Booking> holdGuaranteed(Booking held, String reference, Instant now) {
        AgendaSettings agenda = agendas.settings(held.practitionerId()).orElseThrow();
        return leaveHold(held.withGuarantee(reference), agenda, Cause.GUARANTEE_SAVED, now).map(next -> {
            saves.save(held, next);
            announce(next, agenda.zone(), now);
            return next;
        });
    }

    /** A held booking whose payment or guarantee arrived: to PENDING or CONFIRMED by the confirmation mode (BK-4). */
    private static Outcome<Booking> leaveHold(Booking held, AgendaSettings agenda, Cause cause, Instant now) {
        if (agenda.confirmation() == ConfirmationMode.AUTOMATIC) {
            return held.transition(BookingState.CONFIRMED, cause, Actor.PAYMENT_PROVIDER, now, Optional.empty());
        }
        return held.transition(BookingState.PENDING, cause, Actor.PAYMENT_PROVIDER, now,
                Optional.of(held.start().minus(held.terms().minimumNotice())));
    }
}
