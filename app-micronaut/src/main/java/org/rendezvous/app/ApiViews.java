package org.rendezvous.app;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.rendezvous.core.agenda.Activity;
import org.rendezvous.core.agenda.AgendaSettings;
import org.rendezvous.core.agenda.ConsultationMode;
import org.rendezvous.core.agenda.Slot;
import org.rendezvous.core.booking.Booking;
import org.rendezvous.core.money.Money;
import org.rendezvous.core.waitlist.WaitlistEntry;

/** The JSON shapes of the API: they live only in the host, and are built from core values. */
final class ApiViews {

    private ApiViews() {
    }

    /** An amount as a decimal string and its ISO 4217 currency: never a floating-point number. */
    @Serdeable
    record Amount(String amount, String currency) {
        static Amount of(Money money) {
            return new Amount(money.toString().split(" ")[0], money.currency().getCurrencyCode());
        }
    }

    @Serdeable
    record ActivityView(String id, String name, long durationMinutes, Amount price, Set<ConsultationMode> modes) {
        static ActivityView of(Activity activity) {
            return new ActivityView(activity.id().toString(), activity.name(), activity.duration().toMinutes(),
                    Amount.of(activity.price()), activity.modes());
        }
    }

    @Serdeable
    record SlotView(Instant start, Instant end, int seatsLeft, Set<ConsultationMode> modes) {
        static SlotView of(Slot slot) {
            return new SlotView(slot.start(), slot.end(), slot.seatsLeft(), slot.modes());
        }
    }

    @Serdeable
    record AvailabilityView(String activityId, List<SlotView> slots) {
    }

    /**
     * A booking as its client sees it through their link. The activity's name, the practitioner's zone and the
     * cancellation terms (CX-1, CX-3, CX-6) are there so that the link page can show times as the practitioner
     * gives them and say, before the client cancels, what a cancellation costs.
     */
    @Serdeable
    record BookingView(String id, String state, String activityId, ConsultationMode mode, Instant start, Instant end,
                       Amount price, Amount paid, @Nullable Instant expiresAt, String clientLink,
                       @Nullable String activityName, @Nullable String zone, @Nullable Instant freeCancellationUntil,
                       @Nullable String noShowPercent, boolean clientsMayCancel, boolean clientsMayMove,
                       String practitionerId) {
        static BookingView of(Booking booking, String clientLink, @Nullable Activity activity, @Nullable AgendaSettings terms) {
            return new BookingView(booking.id().toString(), booking.state().name(), booking.activityId().toString(),
                    booking.mode(), booking.start(), booking.end(), Amount.of(booking.price()), Amount.of(booking.paid()),
                    booking.expiresAt().orElse(null), clientLink, activity == null ? null : activity.name(),
                    terms == null ? null : terms.zone().getId(),
                    terms == null ? null : booking.start().minus(terms.cancellationDeadline()),
                    terms == null ? null : plainPercent(terms.noShowPercentage()),
                    terms != null && terms.clientsMayCancel(), terms != null && terms.clientsMayMove(),
                    booking.practitionerId().toString());
        }
    }

    /** BK-7: where a booking moves to (the practitioner's route takes the same body). */
    @Serdeable
    record MoveRequest(@Nullable Instant newStart) {
    }

    /** CX-7: the earlier start an early-availability alert offered. */
    @Serdeable
    record WaitlistOfferRequest(@Nullable Instant offeredStart) {
    }

    /** CX-7: the booking waits for an earlier free time since {@code since}. */
    @Serdeable
    record WaitlistView(String bookingId, Instant since) {
        static WaitlistView of(WaitlistEntry entry) {
            return new WaitlistView(entry.bookingId().toString(), entry.createdAt());
        }
    }

    @Serdeable
    record CheckoutView(String reference, String redirect, Instant expiresAt) {
    }

    @Serdeable
    record ClientInput(String name, String email, String phone, @Nullable String language) {
    }

    @Serdeable
    record BookingRequest(String activityId, Instant start, ConsultationMode mode, ClientInput client,
                          @Nullable Map<String, String> answers, @Nullable Boolean payOnline) {
    }

    /** A percentage as the API reads and writes it: the bare number, "50" or "12.5". */
    static String plainPercent(org.rendezvous.core.money.Percent percent) {
        return java.math.BigDecimal.valueOf(percent.basisPoints(), 2).stripTrailingZeros().toPlainString();
    }
}
