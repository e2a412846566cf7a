package org.rendezvous.app.http;

import io.swagger.v3.oas.annotations.media.Schema;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
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
import org.rendezvous.core.payment.BookingMoney;
import org.rendezvous.core.payment.MoneyState;
import org.rendezvous.core.payment.NextStep;
import org.rendezvous.core.waitlist.WaitlistEntry;

/** The JSON shapes of the API: they live only in the host, and are built from core values. */
public final class ApiViews {

    private ApiViews() {
    }

    /**
     * An amount in an answer, as a decimal string and its ISO 4217 currency: never a floating-point number. It may
     * carry a minus sign: a ledger account, a balance after a reversal, the earnings a reversal undid (CX-4, FEE-4).
     * What a client sends is a {@link Price}, which never does.
     */
    @Serdeable
    public record Amount(@NotBlank @Pattern(regexp = Amount.SIGNED_DECIMAL, message = "a decimal number such as 60.00 or -1.45") String amount,
                  @NotBlank @Pattern(regexp = "[A-Z]{3}", message = "an ISO 4217 code such as EUR") String currency) {
        static final String SIGNED_DECIMAL = "-?[0-9]{1,15}(\\.[0-9]{1,4})?";

        public static Amount of(Money money) {
            return new Amount(money.toString().split(" ")[0], money.currency().getCurrencyCode());
        }
    }

    /** An amount a client sends (an activity's price): a decimal string and its ISO 4217 currency. */
    @Serdeable
    public record Price(@NotBlank @Pattern(regexp = Price.DECIMAL, message = "a decimal number such as 60.00") String amount,
                        @NotBlank @Pattern(regexp = "[A-Z]{3}", message = "an ISO 4217 code such as EUR") String currency) {
        /** Digits, and at most four decimals after a point; no sign, exponent or space. */
        static final String DECIMAL = "[0-9]{1,15}(\\.[0-9]{1,4})?";
    }

    @Serdeable
    public record ActivityView(String id, String name, long durationMinutes, Amount price, Set<ConsultationMode> modes) {
        public static ActivityView of(Activity activity) {
            return new ActivityView(activity.id().toString(), activity.name(), activity.duration().toMinutes(),
                    Amount.of(activity.price()), activity.modes());
        }
    }

    @Serdeable
    public record SlotView(Instant start, Instant end, int seatsLeft, Set<ConsultationMode> modes) {
        public static SlotView of(Slot slot) {
            return new SlotView(slot.start(), slot.end(), slot.seatsLeft(), slot.modes());
        }
    }

    @Serdeable
    public record AvailabilityView(String activityId, List<SlotView> slots) {
    }

    /**
     * A booking as its client sees it through their link. The activity's name, the practitioner's zone and the
     * cancellation terms (CX-1, CX-3, CX-6) are there so that the link page can show times as the practitioner
     * gives them and say, before the client cancels, what a cancellation costs. {@code language} ("fr" or "en") is
     * the client's: the link page speaks it (issue 14).
     */
    @Serdeable
    public record BookingView(String id, String state, String activityId, ConsultationMode mode, Instant start, Instant end,
                       Amount price, Amount paid, @Nullable Instant expiresAt, String clientLink,
                       @Nullable String activityName, @Nullable String zone, @Nullable Instant freeCancellationUntil,
                       @Nullable String noShowPercent, boolean clientsMayCancel, boolean clientsMayMove,
                       boolean waitlistAlerts, String practitionerId, ClientMoneyView money,
                       @Nullable @Schema(type = "object") NextStepView nextStep, String language) {
        public static BookingView of(Booking booking, String clientLink, @Nullable Activity activity, @Nullable AgendaSettings terms,
                              BookingMoney money, @Nullable NextStepView nextStep) {
            return new BookingView(booking.id().toString(), booking.state().name(), booking.activityId().toString(),
                    booking.mode(), booking.start(), booking.end(), Amount.of(booking.price()), Amount.of(booking.paid()),
                    booking.expiresAt().orElse(null), clientLink, activity == null ? null : activity.name(),
                    terms == null ? null : terms.zone().getId(),
                    terms == null ? null : booking.start().minus(terms.cancellationDeadline()),
                    terms == null ? null : plainPercent(terms.noShowPercentage()),
                    terms != null && terms.clientsMayCancel(), terms != null && terms.clientsMayMove(),
                    terms != null && terms.waitlistAlerts(), booking.practitionerId().toString(), ClientMoneyView.of(money),
                    nextStep, booking.client().language().locale().getLanguage());
        }
    }

    /**
     * What happened to the booking's money, as its client sees it (PAY-6, CX-2 … CX-5): what they paid online,
     * got back, were charged for a late cancellation or a no-show, and what is still under way.
     */
    @Serdeable
    record ClientMoneyView(MoneyState state, Amount paid, Amount refunded, Amount charged, Amount refundPending,
                           Amount chargePending) {
        public static ClientMoneyView of(BookingMoney m) {
            return new ClientMoneyView(m.state(), Amount.of(m.paid()), Amount.of(m.refunded()), Amount.of(m.charged()),
                    Amount.of(m.refundPending()), Amount.of(m.chargePending()));
        }
    }

    /**
     * What the client must do online now (BK-3, PAY-1, PAY-2): {@code POST checkoutUrl} (no body) answers the
     * provider's page to send them to; {@code pageUrl} is the booking's link page, whose button does the same.
     */
    @Serdeable
    public record NextStepView(NextStep.Action action, @Nullable @Schema(type = "object") Amount amount, Instant until, String checkoutUrl, String pageUrl) {
        public static NextStepView of(NextStep step, String baseUrl, Booking booking) {
            return new NextStepView(step.action(), step.amount().map(Amount::of).orElse(null), step.until(),
                    baseUrl + "/api/public/bookings/" + booking.accessToken().value() + "/checkout",
                    baseUrl + "/b/" + booking.accessToken().value());
        }
    }

    /** BK-7: where a booking moves to (the practitioner's route takes the same body). */
    @Serdeable
    public record MoveRequest(@Nullable Instant newStart) {
    }

    /** CX-7: the earlier start an early-availability alert offered. */
    @Serdeable
    public record WaitlistOfferRequest(@Nullable Instant offeredStart) {
    }

    /** CX-7: the booking waits for an earlier free time since {@code since}. */
    @Serdeable
    public record WaitlistView(String bookingId, Instant since) {
        public static WaitlistView of(WaitlistEntry entry) {
            return new WaitlistView(entry.bookingId().toString(), entry.createdAt());
        }
    }

    @Serdeable
    public record CheckoutView(String reference, String redirect, Instant expiresAt) {
    }

    @Serdeable
    public record ClientInput(@NotBlank @Size(max = 200) String name, @NotBlank @Size(max = 254) String email,
                       @NotBlank @Size(max = 40) String phone, @Nullable @Size(max = 10) String language) {
    }

    @Serdeable
    public record BookingRequest(@NotBlank @Size(max = 64) String activityId, @NotNull Instant start, @NotNull ConsultationMode mode,
                          @NotNull @Valid ClientInput client, @Nullable @Size(max = 50) Map<String, String> answers,
                          @Nullable Boolean payOnline) {
    }

    /** A percentage as the API reads and writes it: the bare number, "50" or "12.5". */
    public static String plainPercent(org.rendezvous.core.money.Percent percent) {
        return java.math.BigDecimal.valueOf(percent.basisPoints(), 2).stripTrailingZeros().toPlainString();
    }
}
