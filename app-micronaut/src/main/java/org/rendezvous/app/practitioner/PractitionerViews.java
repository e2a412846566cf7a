package org.rendezvous.app.practitioner;

import io.swagger.v3.oas.annotations.media.Schema;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.rendezvous.app.account.AuthController;
import org.rendezvous.app.http.ApiViews.Amount;
import org.rendezvous.app.http.ApiViews;
import org.rendezvous.app.wiring.BillingSettings;
import org.rendezvous.core.PaymentService;
import org.rendezvous.core.PlanService;
import org.rendezvous.core.agenda.Activity;
import org.rendezvous.core.agenda.AgendaSettings;
import org.rendezvous.core.agenda.ConfirmationMode;
import org.rendezvous.core.agenda.ConsultationMode;
import org.rendezvous.core.agenda.FormField;
import org.rendezvous.core.agenda.OnlinePayment;
import org.rendezvous.core.agenda.Opening;
import org.rendezvous.core.agenda.OpeningChange;
import org.rendezvous.core.agenda.Schedule;
import org.rendezvous.core.agenda.Unavailability;
import org.rendezvous.core.booking.Booking;
import org.rendezvous.core.client.Client;
import org.rendezvous.core.client.ClientDetails;
import org.rendezvous.core.ledger.Balances;
import org.rendezvous.core.ledger.PaymentLine;
import org.rendezvous.core.ledger.PractitionerTotals;
import org.rendezvous.core.ledger.PractitionerView;
import org.rendezvous.core.payment.BookingMoney;
import org.rendezvous.core.payment.MoneyState;
import org.rendezvous.core.payout.Payout;
import org.rendezvous.core.payout.PayoutDestination;
import org.rendezvous.core.plan.Subscription;

/** The JSON shapes of the practitioner's API (PAGE-4): they live only in the host. */
public final class PractitionerViews {

    private PractitionerViews() {
    }

    // Answers

    @Serdeable
    record FormFieldView(String key, String label, boolean required, int maxLength) {
        public static FormFieldView of(FormField f) {
            return new FormFieldView(f.key(), f.label(), f.required(), f.maxLength());
        }
    }

    @Serdeable
    record SettingsView(String zone, long spacingMinutes, int defaultCapacity, long minimumNoticeMinutes, long horizonDays,
                        ConfirmationMode confirmation, long cancellationDeadlineMinutes, boolean clientsMayCancel,
                        boolean clientsMayMove, String noShowPercent, OnlinePayment onlinePayment,
                        long paymentWindowMinutes, boolean waitlistAlerts, String currency, List<FormFieldView> form,
                        long firstReminderMinutes, long secondReminderMinutes) {
        public static SettingsView of(AgendaSettings s) {
            return new SettingsView(s.zone().getId(), s.spacing().toMinutes(), s.defaultCapacity(),
                    s.minimumNotice().toMinutes(), s.horizon().toDays(), s.confirmation(), s.cancellationDeadline().toMinutes(),
                    s.clientsMayCancel(), s.clientsMayMove(), ApiViews.plainPercent(s.noShowPercentage()), s.onlinePayment(),
                    s.paymentWindow().toMinutes(), s.waitlistAlerts(), s.currency().getCurrencyCode(),
                    s.form().fields().stream().map(FormFieldView::of).toList(),
                    s.firstReminder().toMinutes(), s.secondReminder().toMinutes());
        }
    }

    @Serdeable
    record PractitionerActivityView(String id, String name, long durationMinutes, Amount price, Set<ConsultationMode> modes,
                                    boolean active) {
        public static PractitionerActivityView of(Activity a) {
            return new PractitionerActivityView(a.id().toString(), a.name(), a.duration().toMinutes(), Amount.of(a.price()),
                    a.modes(), a.active());
        }
    }

    @Serdeable
    record OpeningView(String id, String kind, @Nullable @Schema(type = "string") DayOfWeek day, @Nullable LocalDate validFrom,
                       @Nullable LocalDate validUntil, @Nullable List<LocalDate> skippedDates, @Nullable LocalDate date,
                       LocalTime start, LocalTime end, @Nullable Long stepMinutes, @Nullable Integer capacity,
                       List<String> activities, Set<ConsultationMode> modes, @Nullable String address) {
        public static OpeningView of(Opening o) {
            List<String> activities = o.activities().stream().map(Object::toString).sorted().toList();
            Long step = o.step().map(d -> d.toMinutes()).orElse(null);
            Integer capacity = o.capacity().isPresent() ? o.capacity().getAsInt() : null;
            if (o.schedule() instanceof Schedule.Weekly w) {
                return new OpeningView(o.id().toString(), "WEEKLY", w.day(), w.validFrom(), w.validUntil().orElse(null),
                        w.skippedDates().stream().sorted().toList(), null, o.start(), o.end(), step, capacity, activities,
                        o.place().modes(), o.place().address().orElse(null));
            }
            return new OpeningView(o.id().toString(), "DATED", null, null, null, null, ((Schedule.OnDate) o.schedule()).date(),
                    o.start(), o.end(), step, capacity, activities, o.place().modes(), o.place().address().orElse(null));
        }
    }

    /** AG-4: what a change did, and how many bookings it leaves outside any opening (they stay booked). */
    @Serdeable
    record OpeningChangeView(@Nullable @Schema(type = "object") OpeningView opening, int bookingsLeftOutside) {
        public static OpeningChangeView of(OpeningChange change) {
            return new OpeningChangeView(change.opening().map(OpeningView::of).orElse(null), change.bookingsLeftOutside());
        }
    }

    @Serdeable
    record UnavailabilityView(String id, Instant from, Instant to, String label) {
        public static UnavailabilityView of(Unavailability u) {
            return new UnavailabilityView(u.id().toString(), u.from(), u.to(), u.label());
        }
    }

    @Serdeable
    record UnavailabilityAddedView(UnavailabilityView unavailability, int bookingsInside) {
    }

    @Serdeable
    record ClientView(String name, String email, String phone, String language) {
        public static ClientView of(ClientDetails c) {
            return new ClientView(c.name().value(), c.email().value(), c.phone().value(), c.language().locale().getLanguage());
        }
    }

    /** A booking as its practitioner sees it: with the client's details and answers. */
    @Serdeable
    record AgendaBookingView(String id, String state, String activityId, String clientId, ClientView client,
                             ConsultationMode mode, Instant start, Instant end, Amount price, Amount paid,
                             @Nullable Instant expiresAt, Instant createdAt, Map<String, String> answers, String bookedBy,
                             BookingMoneyView money) {
        /** With what happened to the booking's money, from the core (PAY-6). */
        public static AgendaBookingView of(Booking b, PaymentService payments) {
            return new AgendaBookingView(b.id().toString(), b.state().name(), b.activityId().toString(), b.clientId().toString(),
                    ClientView.of(b.client()), b.mode(), b.start(), b.end(), Amount.of(b.price()), Amount.of(b.paid()),
                    b.expiresAt().orElse(null), b.createdAt(), new TreeMap<>(b.answers()), b.bookedBy().toString(),
                    BookingMoneyView.of(payments.money(b)));
        }
    }

    /**
     * What happened to one booking's money, as its practitioner sees it (PAY-6, FEE-3, CX-2 … CX-5): what the
     * client paid, got back or was charged, what the platform and the provider took, and what the practitioner
     * receives: {@code pendingEarnings} before release (PO-1) plus {@code earned} (payable, or in their own
     * account) make {@code net}.
     */
    @Serdeable
    record BookingMoneyView(String bookingId, MoneyState state, Amount paid, Amount refunded, Amount charged,
                            Amount refundPending, Amount chargePending, Amount commission, Amount providerFee,
                            Amount pendingEarnings, Amount earned, Amount net) {
        public static BookingMoneyView of(BookingMoney m) {
            return new BookingMoneyView(m.bookingId().toString(), m.state(), Amount.of(m.paid()), Amount.of(m.refunded()),
                    Amount.of(m.charged()), Amount.of(m.refundPending()), Amount.of(m.chargePending()),
                    Amount.of(m.commission()), Amount.of(m.providerFee()), Amount.of(m.pendingEarnings()),
                    Amount.of(m.earned()), Amount.of(m.net()));
        }
    }

    @Serdeable
    record ClientFileView(String id, ClientView details, Instant createdAt) {
        public static ClientFileView of(Client c) {
            return new ClientFileView(c.id().toString(), ClientView.of(c.details()), c.createdAt());
        }
    }

    /**
     * PAY-6: one line of the practitioner's payment history, only their own accounts (no platform revenue, no
     * provider fee the platform bears). {@code amount} is what the posting moves (what the client paid, what was
     * refunded, released or paid out); the other amounts say where it went.
     */
    @Serdeable
    record PostingView(String id, String kind, @Nullable String bookingId, @Nullable String payoutId, Instant at,
                       Amount amount, Amount clientPaid, Amount commission, Amount providerFee, Amount refunded,
                       Amount pending, Amount earned, Amount paidOut) {
        public static PostingView of(PaymentLine l) {
            return new PostingView(l.id().toString(), l.kind().name(), l.bookingId().map(Object::toString).orElse(null),
                    l.payoutId().map(Object::toString).orElse(null), l.at(), Amount.of(l.amount()), Amount.of(l.clientPaid()),
                    Amount.of(l.commission()), Amount.of(l.providerFee()), Amount.of(l.refunded()), Amount.of(l.pending()),
                    Amount.of(l.earned()), Amount.of(l.paidOut()));
        }
    }

    /**
     * The practitioner's own money (PAY-6, FEE-4): the balances of their accounts only, what is payable now, and
     * the totals of their history.
     */
    @Serdeable
    record BalancesView(String currency, Map<String, Amount> byAccount, Amount payable, Amount clientsPaid,
                        Amount commission, Amount providerFees, Amount refunded, Amount held, Amount earned,
                        Amount paidOut) {
        public static BalancesView of(Balances b, org.rendezvous.core.money.Money payable, PractitionerView view,
                               PractitionerTotals t) {
            Map<String, Amount> byAccount = new TreeMap<>();
            b.byAccount().forEach((account, money) -> {
                if (view.accounts().contains(account)) {
                    byAccount.put(account.name(), Amount.of(money));
                }
            });
            return new BalancesView(b.currency().getCurrencyCode(), byAccount, Amount.of(payable), Amount.of(t.clientsPaid()),
                    Amount.of(t.commission()), Amount.of(t.providerFees()), Amount.of(t.refunded()), Amount.of(t.held()),
                    Amount.of(t.earned()), Amount.of(t.paidOut()));
        }
    }

    @Serdeable
    record StatementLineView(Instant at, String kind, @Nullable String bookingId, Amount amount) {
    }

    @Serdeable
    public record PayoutView(String id, String trigger, String state, Amount amount, Instant cutoff, Instant createdAt,
                      @Nullable String reference, @Nullable String failure, List<StatementLineView> statement) {
        public static PayoutView of(Payout p) {
            return new PayoutView(p.id().toString(), p.trigger() instanceof org.rendezvous.core.payout.PayoutTrigger.Cycle c ? "CYCLE " + c.date() : "REQUEST", p.state().name(), Amount.of(p.amount()), p.cutoff(),
                    p.createdAt(), p.reference().orElse(null), p.failure().orElse(null),
                    p.statement().stream().map(l -> new StatementLineView(l.at(), l.kind(),
                            l.bookingId().map(Object::toString).orElse(null), Amount.of(l.amount()))).toList());
        }
    }

    @Serdeable
    public record DestinationView(String kind, @Nullable String holder, @Nullable String iban, @Nullable String bic,
                           @Nullable String accountId, boolean ready) {
        public static DestinationView of(PayoutDestination d) {
            if (d instanceof PayoutDestination.BankAccount bank) {
                return new DestinationView("BANK_ACCOUNT", bank.details().holder(), bank.details().iban().masked(),
                        bank.details().bic().map(Object::toString).orElse(null), null, true);
            }
            PayoutDestination.ProviderAccount provider = (PayoutDestination.ProviderAccount) d;
            return new DestinationView("PROVIDER_ACCOUNT", null, null, null, provider.accountId(), provider.payoutsEnabled());
        }
    }

    @Serdeable
    public record PlanView(String plan, String month, long bookingsUsed, @Nullable Long bookingsLeft, boolean bookingsClosed,
                    Instant trialEndsAt, @Nullable Instant paidUntil, boolean renewing, boolean subscribed,
                    boolean renewalFailed, boolean billed, String monthlyPrice, boolean sandbox) {
        public static PlanView of(PlanService.QuotaStatus quota, Subscription subscription, BillingSettings billing,
                           boolean sandbox) {
            return new PlanView(quota.plan().name(), quota.month().month().toString(), quota.bookingsUsed(),
                    quota.bookingsLeft().isPresent() ? quota.bookingsLeft().getAsLong() : null, quota.bookingsClosed(),
                    subscription.trialEndsAt(), subscription.paidUntil().orElse(null), subscription.renewing(),
                    !subscription.canSubscribe(), subscription.billing().renewalFailed(),
                    subscription.billing().customerRef().isPresent(), billing.price().toString(), sandbox);
        }
    }

    /** A provider's page (subscription checkout, billing portal) to send the practitioner to. */
    @Serdeable
    record BillingPageView(String redirect) {
    }

    // Requests

    @Serdeable
    record FormFieldInput(@NotBlank @Size(max = 40) String key, @NotBlank @Size(max = 200) String label,
                          @Nullable Boolean required, @Nullable @Min(1) @Max(4000) Integer maxLength) {
        FormField toField() {
            return new FormField(AuthController.required(key, "form.key"), AuthController.required(label, "form.label"),
                    Boolean.TRUE.equals(required), maxLength == null ? 250 : maxLength);
        }
    }

    /** Every field is optional: what is left out keeps its current value. */
    @Serdeable
    record SettingsRequest(@Nullable @Size(max = 64) String zone, @Nullable @PositiveOrZero Long spacingMinutes,
                           @Nullable @Positive Integer defaultCapacity, @Nullable @PositiveOrZero Long minimumNoticeMinutes,
                           @Nullable @PositiveOrZero Long horizonDays, @Nullable @Schema(type = "string") ConfirmationMode confirmation,
                           @Nullable @PositiveOrZero Long cancellationDeadlineMinutes, @Nullable Boolean clientsMayCancel,
                           @Nullable Boolean clientsMayMove, @Nullable @Size(max = 10) String noShowPercent,
                           @Nullable @Schema(type = "string") OnlinePayment onlinePayment, @Nullable @PositiveOrZero Long paymentWindowMinutes,
                           @Nullable Boolean waitlistAlerts, @Nullable @Size(max = 50) List<@NotNull @Valid FormFieldInput> form,
                           @Nullable @PositiveOrZero Long firstReminderMinutes,
                           @Nullable @PositiveOrZero Long secondReminderMinutes) {
    }

    /** durationMinutes: the core's bounds (Activity.SHORTEST, Activity.LONGEST), so the field is named at once. */
    @Serdeable
    record ActivityRequest(@NotBlank @Size(max = 200) String name, @NotNull @Min(5) @Max(480) Long durationMinutes,
                           @NotNull @Valid ApiViews.Price price, @NotEmpty Set<@NotNull ConsultationMode> modes,
                           @Nullable Boolean active) {
    }

    /** A weekly opening (day, validFrom, optional validUntil) or a dated one (date). */
    @Serdeable
    record OpeningRequest(@Nullable @Schema(type = "string") DayOfWeek day, @Nullable LocalDate validFrom, @Nullable LocalDate validUntil,
                          @Nullable LocalDate date, @NotNull LocalTime start, @NotNull LocalTime end,
                          @Nullable @Min(1) @Max(1440) Long stepMinutes, @Nullable @Positive Integer capacity,
                          @Nullable @Size(max = 100) List<@NotBlank String> activities,
                          @Nullable Set<@NotNull ConsultationMode> modes, @Nullable @Size(max = 500) String address) {
    }

    @Serdeable
    record UnavailabilityRequest(@NotNull Instant from, @NotNull Instant to, @Nullable @Size(max = 200) String label) {
    }

    /** BK-6: the practitioner enters a booking; an e-mail in the client file fills in the rest. */
    @Serdeable
    record ManualBookingRequest(@NotBlank @Size(max = 64) String activityId, @NotNull Instant start,
                                @NotNull ConsultationMode mode, @NotBlank @Size(max = 254) String email,
                                @Nullable @Size(max = 200) String name, @Nullable @Size(max = 40) String phone,
                                @Nullable @Size(max = 10) String language, @Nullable @Size(max = 50) Map<String, String> answers) {
    }

    @Serdeable
    record DestinationRequest(@NotBlank @Size(max = 200) String holder, @NotBlank @Size(max = 64) String iban,
                              @Nullable @Size(max = 11) String bic) {
    }
}
