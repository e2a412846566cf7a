package org.rendezvous.core.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import org.rendezvous.core.Rendezvous;
import org.rendezvous.core.agenda.Activity;
import org.rendezvous.core.agenda.ActivityId;
import org.rendezvous.core.agenda.AddActivityCommand;
import org.rendezvous.core.agenda.AgendaSettings;
import org.rendezvous.core.agenda.AvailabilityQuery;
import org.rendezvous.core.agenda.ConsultationMode;
import org.rendezvous.core.agenda.OpeningId;
import org.rendezvous.core.agenda.OpeningSpec;
import org.rendezvous.core.agenda.Slot;
import org.rendezvous.core.booking.BookCommand;
import org.rendezvous.core.booking.Booking;
import org.rendezvous.core.booking.BookingState;
import org.rendezvous.core.booking.ConfirmBookingCommand;
import org.rendezvous.core.booking.RecordGuaranteeCommand;
import org.rendezvous.core.booking.RecordPaymentCommand;
import org.rendezvous.core.client.ClientDetails;
import org.rendezvous.core.idempotency.IdempotencyKey;
import org.rendezvous.core.sandbox.SandboxPaymentGateway;
import org.rendezvous.core.inmemory.InMemoryStores;
import org.rendezvous.core.money.Money;
import org.rendezvous.core.notification.MessageKind;
import org.rendezvous.core.notification.OutboxMessage;
import org.rendezvous.core.outcome.Outcome;
import org.rendezvous.core.port.Stores;
import org.rendezvous.core.policy.CommercialModel;
import org.rendezvous.core.practitioner.PractitionerId;
import org.rendezvous.core.practitioner.RegisterPractitionerCommand;
import org.rendezvous.core.testing.MutableClock;
import org.rendezvous.core.testing.SequentialIds;

/**
 * One practitioner, Anna, in Europe/Paris, with one activity (Shiatsu, 60 min, 60.00 EUR, in person
 * or by video) and weekly openings Monday to Friday, 09:00–12:00, valid from the scenario's Monday.
 * The clock starts on that Monday at 10:00, Paris time, so that Tuesday 09:00 is 23 h ahead (a late
 * cancellation) and Wednesday 09:00 is 47 h ahead (an early one). Everything runs through the façade,
 * on the in-memory stores, whose outbox the tests read.
 */
final class Scenario {

    static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    /** A Monday with no daylight-saving change anywhere near it or its 60-day horizon. */
    static final LocalDate JUNE_MONDAY = LocalDate.of(2025, 6, 2);
    static final Money PRICE = eur("60.00");
    static final LocalTime OPENS = LocalTime.of(9, 0);
    static final LocalTime CLOSES = LocalTime.of(12, 0);

    final MutableClock clock;
    final Stores stores;
    final SandboxPaymentGateway gateway;
    final org.rendezvous.core.sandbox.SandboxBillingGateway billing;
    final Rendezvous engine;
    final PractitionerId anna;
    final Activity shiatsu;
    final LocalDate monday;
    final ZoneId zone;
    private final Map<DayOfWeek, OpeningId> weeklyOpenings = new EnumMap<>(DayOfWeek.class);
    private final AtomicInteger counter = new AtomicInteger();

    private Scenario(Builder builder) {
        this.monday = builder.monday;
        this.zone = builder.zone;
        this.clock = new MutableClock(monday.atTime(10, 0).atZone(zone).toInstant());
        this.stores = InMemoryStores.create();
        this.gateway = new SandboxPaymentGateway(java.net.URI.create("http://localhost/sandbox/checkout/"), clock);
        this.billing = new org.rendezvous.core.sandbox.SandboxBillingGateway(clock);
        this.engine = Rendezvous.builder()
                .clock(clock)
                .ids(new SequentialIds())
                .stores(stores)
                .paymentGateway(gateway)
                .payoutGateway(builder.payouts.apply(gateway))
                .settings(builder.engineSettings.apply(org.rendezvous.core.EngineSettings.of(builder.model)))
                .billingGateway(builder.billingGateway.apply(billing))
                .build();
        billing.onEvent(engine.plans()::apply);
        Instant start = clock.instant();
        clock.set(start.atZone(zone).minus(builder.registeredBefore).toInstant());
        this.anna = engine.practitioners()
                .register(RegisterPractitionerCommand.of("Anna Martin", "anna@example.org", zone)).id();
        clock.set(start);
        if (builder.model == CommercialModel.DIRECT_CONNECT && builder.paymentAccount) {
            // Online payment and guarantees need an account that can take payments (issue 12).
            stores.paymentAccounts().save(new org.rendezvous.core.payment.PaymentAccount(anna, "acct_anna",
                    org.rendezvous.core.payment.AccountStatus.enabled(), start));
        }
        accepted(engine.practitioners().changeSettings(anna, builder.settings.apply(settings())));
        this.shiatsu = accepted(engine.agenda().addActivity(new AddActivityCommand(anna, "Shiatsu",
                Duration.ofMinutes(60), builder.price, Set.of(ConsultationMode.IN_PERSON, ConsultationMode.VIDEO))));
        if (builder.openings) {
            for (DayOfWeek day : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY,
                    DayOfWeek.THURSDAY, DayOfWeek.FRIDAY)) {
                OpeningId id = accepted(engine.agenda().addOpening(anna, OpeningSpec.weekly(day, monday, OPENS, CLOSES)))
                        .opening().orElseThrow().id();
                weeklyOpenings.put(day, id);
            }
        }
    }

    static Scenario create() {
        return builder().build();
    }

    static Scenario with(UnaryOperator<AgendaSettings> settings) {
        return builder().settings(settings).build();
    }

    static Builder builder() {
        return new Builder();
    }

    static final class Builder {
        private CommercialModel model = CommercialModel.PLATFORM_COLLECTS;
        private LocalDate monday = JUNE_MONDAY;
        private ZoneId zone = PARIS;
        private UnaryOperator<AgendaSettings> settings = UnaryOperator.identity();
        private boolean openings = true;
        private boolean paymentAccount = true;
        private java.time.Period registeredBefore = java.time.Period.ZERO;
        private java.util.function.Function<SandboxPaymentGateway, org.rendezvous.core.port.PayoutGateway> payouts = g -> g;
        private java.util.function.Function<org.rendezvous.core.sandbox.SandboxBillingGateway,
                org.rendezvous.core.port.BillingGateway> billingGateway = g -> g;

        /** The billing gateway the engine is given, made from the scenario's sandbox (itself by default). */
        Builder billingGateway(java.util.function.Function<org.rendezvous.core.sandbox.SandboxBillingGateway,
                org.rendezvous.core.port.BillingGateway> value) {
            this.billingGateway = value;
            return this;
        }

        /** The payout gateway, made from the scenario's sandbox (which pays out by default). */
        Builder payoutGateway(java.util.function.Function<SandboxPaymentGateway, org.rendezvous.core.port.PayoutGateway> value) {
            this.payouts = value;
            return this;
        }

        private UnaryOperator<org.rendezvous.core.EngineSettings> engineSettings = UnaryOperator.identity();
        private Money price = PRICE;

        /** The operator's settings beyond the model (provider fees, commissions …). */
        Builder engineSettings(UnaryOperator<org.rendezvous.core.EngineSettings> value) {
            this.engineSettings = value;
            return this;
        }

        /** The price of Anna's one activity (60.00 unless said). */
        Builder price(Money value) {
            this.price = value;
            return this;
        }

        /** Anna registered this long before the scenario's Monday (PLAN-1: her trial may be over). */
        Builder registeredBefore(java.time.Period value) {
            this.registeredBefore = value;
            return this;
        }

        Builder model(CommercialModel value) {
            this.model = value;
            return this;
        }

        Builder startingOn(LocalDate aMonday) {
            if (aMonday.getDayOfWeek() != DayOfWeek.MONDAY) {
                throw new IllegalArgumentException("startingOn: a Monday, not " + aMonday.getDayOfWeek());
            }
            this.monday = aMonday;
            return this;
        }

        Builder settings(UnaryOperator<AgendaSettings> value) {
            this.settings = value;
            return this;
        }

        /** DIRECT_CONNECT: Anna has not connected a payment account (she does by default). */
        Builder withoutPaymentAccount() {
            this.paymentAccount = false;
            return this;
        }

        Builder withoutOpenings() {
            this.openings = false;
            return this;
        }

        Scenario build() {
            return new Scenario(this);
        }
    }

    // Time

    LocalDate date(DayOfWeek day) {
        return monday.with(TemporalAdjusters.nextOrSame(day));
    }

    LocalDate date(DayOfWeek day, int weeksLater) {
        return date(day).plusWeeks(weeksLater);
    }

    Instant at(DayOfWeek day, int hour) {
        return at(date(day), hour, 0);
    }

    Instant at(DayOfWeek day, int hour, int minute) {
        return at(date(day), hour, minute);
    }

    Instant at(LocalDate date, int hour, int minute) {
        return date.atTime(hour, minute).atZone(zone).toInstant();
    }

    Instant now() {
        return clock.instant();
    }

    void setClock(Instant instant) {
        clock.set(instant);
    }

    // Settings and agenda

    AgendaSettings settings() {
        return engine.practitioners().settings(anna).orElseThrow();
    }

    AgendaSettings changeSettings(UnaryOperator<AgendaSettings> change) {
        return accepted(engine.practitioners().changeSettings(anna, change.apply(settings())));
    }

    OpeningId weeklyOpening(DayOfWeek day) {
        OpeningId id = weeklyOpenings.get(day);
        if (id == null) {
            throw new IllegalStateException("no weekly opening on " + day);
        }
        return id;
    }

    List<Slot> slots(LocalDate date) {
        return slots(shiatsu.id(), date, date);
    }

    List<Slot> slots(ActivityId activity, LocalDate from, LocalDate to) {
        return accepted(engine.agenda().availability(AvailabilityQuery.of(anna, activity, from, to)));
    }

    /** The local start times (Paris) free for the Shiatsu on a date. */
    List<LocalTime> startTimes(LocalDate date) {
        return slots(date).stream().map(slot -> LocalTime.ofInstant(slot.start(), zone)).toList();
    }

    // Clients and keys

    IdempotencyKey key() {
        return IdempotencyKey.of("key-" + counter.incrementAndGet());
    }

    ClientDetails newClient() {
        int n = counter.incrementAndGet();
        return ClientDetails.of("Client " + n, "client" + n + "@example.org", "+33 6 12 34 56 78");
    }

    // Booking

    BookCommand bookCommand(Instant start, ConsultationMode mode, ClientDetails client) {
        return BookCommand.of(anna, shiatsu.id(), start, mode, client, Map.of(), key());
    }

    Outcome<Booking> tryBook(Instant start) {
        return tryBook(start, ConsultationMode.IN_PERSON);
    }

    Outcome<Booking> tryBook(Instant start, ConsultationMode mode) {
        return engine.bookings().book(bookCommand(start, mode, newClient()));
    }

    /** A booking in person by a new client, in whatever state the settings give it (PENDING by default). */
    Booking book(Instant start) {
        return accepted(tryBook(start));
    }

    Booking book(Instant start, ConsultationMode mode) {
        return accepted(tryBook(start, mode));
    }

    Booking book(Instant start, ClientDetails client) {
        return accepted(engine.bookings().book(bookCommand(start, ConsultationMode.IN_PERSON, client)));
    }

    Booking confirm(Booking pending) {
        return accepted(engine.bookings().confirm(new ConfirmBookingCommand(anna, pending.id(), key())));
    }

    Booking confirmIfPending(Booking booking) {
        return booking.state() == BookingState.PENDING ? confirm(booking) : booking;
    }

    /** A booking in person, confirmed by Anna (without a card guarantee unless the settings ask for one). */
    Booking bookConfirmed(Instant start) {
        Booking booking = book(start);
        if (booking.state() == BookingState.HELD) {
            booking = guarantee(booking);
        }
        return confirmIfPending(booking);
    }

    /** The provider reports the full price paid for a held booking. */
    Booking pay(Booking held) {
        return accepted(engine.payments().recordPayment(
                new RecordPaymentCommand(held.id(), held.price(), "pi_" + held.id(), key())));
    }

    /** The provider reports the client's card saved as a guarantee for a held booking. */
    Booking guarantee(Booking held) {
        return accepted(engine.payments().recordGuarantee(new RecordGuaranteeCommand(held.id(), "seti_" + held.id(), key())));
    }

    /** A video consultation (prepaid in model PLATFORM_COLLECTS), paid, then confirmed if the settings need it. */
    Booking bookPrepaidConfirmed(Instant start) {
        return confirmIfPending(pay(book(start, ConsultationMode.VIDEO)));
    }

    /** An in-person consultation with a card guarantee (no-show percentage above 0), confirmed. */
    Booking bookGuaranteedConfirmed(Instant start) {
        return confirmIfPending(guarantee(book(start, ConsultationMode.IN_PERSON)));
    }

    Booking reload(Booking booking) {
        return engine.bookings().find(anna, booking.id()).orElseThrow();
    }

    // Outbox

    List<OutboxMessage> messages(Booking booking) {
        return stores.outbox().aboutBooking(booking.id());
    }

    List<OutboxMessage> messages(Booking booking, MessageKind kind) {
        return messages(booking).stream().filter(m -> m.kind() == kind).toList();
    }

    List<MessageKind> kinds(Booking booking) {
        return messages(booking).stream().map(OutboxMessage::kind).distinct().toList();
    }

    /** The messages of this kind about the booking go exactly to the recipients and channels the kind names (NOT-1). */
    void assertAnnounced(Booking booking, MessageKind kind) {
        assertThat(routes(messages(booking, kind))).as("%s messages about %s", kind, booking)
                .containsExactlyInAnyOrderElementsOf(kind.routes());
    }

    static List<MessageKind.Route> routes(List<OutboxMessage> messages) {
        return messages.stream().map(m -> new MessageKind.Route(m.recipient(), m.channel())).toList();
    }

    // Outcomes

    static <T> T accepted(Outcome<T> outcome) {
        return outcome.fold(value -> value, rejected -> {
            throw new AssertionError("expected the command to be accepted, but it was rejected: "
                    + rejected.reason() + " — " + rejected.detail());
        });
    }

    static Outcome.Rejected<?> rejected(Outcome<?> outcome) {
        if (outcome instanceof Outcome.Rejected<?> r) {
            return r;
        }
        throw new AssertionError("expected a rejection, but the command was accepted: " + outcome);
    }

    static Money eur(String amount) {
        return Money.of(amount, "EUR");
    }
}
