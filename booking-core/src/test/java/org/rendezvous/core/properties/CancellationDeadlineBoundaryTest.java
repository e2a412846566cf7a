package org.rendezvous.core.properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.rendezvous.core.Rendezvous;
import org.rendezvous.core.agenda.Activity;
import org.rendezvous.core.agenda.AddActivityCommand;
import org.rendezvous.core.agenda.AgendaSettings;
import org.rendezvous.core.agenda.ConfirmationMode;
import org.rendezvous.core.agenda.ConsultationMode;
import org.rendezvous.core.agenda.OnlinePayment;
import org.rendezvous.core.agenda.OpeningSpec;
import org.rendezvous.core.booking.BookCommand;
import org.rendezvous.core.booking.Booking;
import org.rendezvous.core.booking.BookingState;
import org.rendezvous.core.booking.CancelByClientCommand;
import org.rendezvous.core.booking.RecordPaymentCommand;
import org.rendezvous.core.client.ClientDetails;
import org.rendezvous.core.idempotency.IdempotencyKey;
import org.rendezvous.core.inmemory.InMemoryStores;
import org.rendezvous.core.money.Money;
import org.rendezvous.core.money.Percent;
import org.rendezvous.core.policy.CommercialModel;
import org.rendezvous.core.policy.MoneyDecision;
import org.rendezvous.core.policy.Settlement;
import org.rendezvous.core.practitioner.PractitionerId;
import org.rendezvous.core.practitioner.RegisterPractitionerCommand;
import org.rendezvous.core.testing.MutableClock;
import org.rendezvous.core.testing.SequentialIds;

/**
 * CX-1: a cancellation is early when start − now ≥ the deadline, late otherwise — exactly at the
 * boundary, to the nanosecond in the pure rule and to the microsecond through the façade.
 */
class CancellationDeadlineBoundaryTest {

    private static final Duration DAY = Duration.ofHours(24);

    record Case(Instant start, Duration deadline, Instant now) {
    }

    /**
     * Instants anywhere from 1970 to 2100 with any nanosecond, deadlines from 0 to 30 days with any
     * nanosecond, and "now" mostly within a few nanoseconds (or microseconds) of start − deadline.
     */
    private static Gen<Case> cases() {
        return in -> {
            Instant start = Instant.ofEpochSecond(Draw.longBetween(in, 0, 4_102_444_800L), Draw.between(in, 0, 999_999_999));
            Duration deadline = Draw.chance(in, 30) ? DAY
                    : Duration.ofSeconds(Draw.longBetween(in, 0, 30L * 86_400), Draw.between(in, 0, 999_999_999));
            long delta = switch (Draw.between(in, 0, 3)) {
                case 0 -> Draw.longBetween(in, -3, 3);
                case 1 -> Draw.longBetween(in, -2_000, 2_000);
                case 2 -> Draw.longBetween(in, -2_000_000_000L, 2_000_000_000L);
                default -> Draw.longBetween(in, -40L * 86_400_000_000_000L, 40L * 86_400_000_000_000L);
            };
            return new Case(start, deadline, start.minus(deadline).plusNanos(delta));
        };
    }

    @Test
    @DisplayName("CX-1 early iff start − now ≥ deadline, to the nanosecond, for any start and deadline")
    void earlyIffAtLeastTheDeadlineAhead() {
        qt().withExamples(5_000)
                .forAll(cases())
                .checkAssert(c -> {
                    // Independent reading of the rule: compare (seconds, nanos) of start − now with the deadline.
                    long gapSeconds = c.start().getEpochSecond() - c.now().getEpochSecond();
                    long gapNanos = (long) c.start().getNano() - c.now().getNano();
                    if (gapNanos < 0) {
                        gapSeconds--;
                        gapNanos += 1_000_000_000L;
                    }
                    boolean expected = gapSeconds > c.deadline().getSeconds()
                            || (gapSeconds == c.deadline().getSeconds() && gapNanos >= c.deadline().getNano());
                    assertThat(Settlement.isEarly(c.start(), c.now(), c.deadline())).as(c.toString()).isEqualTo(expected);
                    assertThat(expected).isEqualTo(Duration.between(c.now(), c.start()).compareTo(c.deadline()) >= 0);
                });
    }

    @Test
    @DisplayName("CX-1 now = start − 24 h is early, one nanosecond later is late")
    void theNanosecondAfterTheDeadlineIsLate() {
        qt().withExamples(1_000)
                .forAll(cases())
                .checkAssert(c -> {
                    Instant atDeadline = c.start().minus(DAY);
                    assertThat(Settlement.isEarly(c.start(), atDeadline, DAY)).as("at the deadline").isTrue();
                    assertThat(Settlement.isEarly(c.start(), atDeadline.minusNanos(1), DAY)).as("1 ns before").isTrue();
                    assertThat(Settlement.isEarly(c.start(), atDeadline.plusNanos(1), DAY)).as("1 ns after").isFalse();
                    Instant atOwnDeadline = c.start().minus(c.deadline());
                    assertThat(Settlement.isEarly(c.start(), atOwnDeadline, c.deadline())).isTrue();
                    assertThat(Settlement.isEarly(c.start(), atOwnDeadline.plusNanos(1), c.deadline())).isFalse();
                });
    }

    // Through the façade

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final Money PRICE = Money.of("50.00", "EUR");
    /** The Monday the opening starts on. */
    private static final LocalDate MONDAY = LocalDate.of(2026, 3, 9);

    record Deadline(int noShowPercent, int deadlineMinutes, int slot) {
    }

    @Test
    @DisplayName("CX-1 a prepaid client cancelling at exactly start − deadline pays nothing; one microsecond later pays the no-show percentage")
    void facadeChargesOnlyAfterTheDeadline() {
        Gen<Deadline> deadlines = in -> new Deadline(Draw.between(in, 1, 100),
                Draw.chance(in, 40) ? 24 * 60 : Draw.between(in, 0, 72 * 60), Draw.between(in, 0, 7));
        qt().withExamples(40).forAll(deadlines).checkAssert(this::cancelAroundTheDeadline);
    }

    private void cancelAroundTheDeadline(Deadline plan) {
        MutableClock clock = new MutableClock(MONDAY.minusDays(6).atStartOfDay(PARIS).toInstant());
        Rendezvous engine = Rendezvous.builder().stores(InMemoryStores.create()).ids(new SequentialIds()).clock(clock)
                .model(CommercialModel.DIRECT_CONNECT).build();
        PractitionerId anna = engine.practitioners()
                .register(RegisterPractitionerCommand.of("Anna Martin", "anna@example.org", PARIS)).id();
        AgendaSettings settings = engine.practitioners().settings(anna).orElseThrow()
                .withOnlinePayment(OnlinePayment.REQUIRED)
                .withNoShowPercentage(Percent.of(plan.noShowPercent()))
                .withCancellationDeadline(Duration.ofMinutes(plan.deadlineMinutes()))
                .withConfirmation(ConfirmationMode.AUTOMATIC);
        // DIRECT_CONNECT: online payment needs an account that can take payments (issue 12).
        engine.payouts().setDestination(anna, new org.rendezvous.core.payout.PayoutDestination.ProviderAccount("acct_anna", true));
        engine.practitioners().changeSettings(anna, settings).orElseThrow();
        Activity activity = engine.agenda().addActivity(new AddActivityCommand(anna, "Coaching", Duration.ofMinutes(45),
                PRICE, Set.of(ConsultationMode.VIDEO))).orElseThrow();
        engine.agenda().addOpening(anna, OpeningSpec.weekly(DayOfWeek.MONDAY, MONDAY, LocalTime.of(9, 0),
                LocalTime.of(18, 0)).withStep(Duration.ofMinutes(60))).orElseThrow();
        Instant start = MONDAY.atTime(9 + plan.slot(), 0).atZone(PARIS).toInstant();
        Duration deadline = Duration.ofMinutes(plan.deadlineMinutes());

        // The engine truncates now to the microsecond (Engine.now(): what PostgreSQL keeps), so the
        // façade cannot see a single nanosecond: the nanosecond boundary is proven on Settlement above,
        // and here the boundary is exactly start − deadline versus one microsecond later.
        Booking early = paidBooking(engine, anna, activity, start, "early");
        clock.set(start.minus(deadline));
        Booking cancelledEarly = engine.clientBookings().cancelByClient(
                new CancelByClientCommand(early.accessToken(), IdempotencyKey.of("cancel-early"))).orElseThrow();
        assertThat(cancelledEarly.state()).isEqualTo(BookingState.CANCELLED_BY_CLIENT);
        assertThat(cancelledEarly.settlement()).as("CX-2 early: refunded in full, nothing charged")
                .contains(new MoneyDecision.RefundInFull(PRICE));

        // One microsecond after the deadline: late (CX-3), the no-show percentage is kept from the prepayment.
        clock.set(start.minus(deadline).minus(Duration.ofDays(1)));
        Booking late = paidBooking(engine, anna, activity, start, "late");
        clock.set(start.minus(deadline).plusNanos(1_000));
        Booking cancelledLate = engine.clientBookings().cancelByClient(
                new CancelByClientCommand(late.accessToken(), IdempotencyKey.of("cancel-late"))).orElseThrow();
        assertThat(cancelledLate.state()).isEqualTo(BookingState.CANCELLED_BY_CLIENT);
        long keptMinor = PRICE.minorUnits() * plan.noShowPercent() / 100; // exact: 5000 × p / 100
        Money kept = Money.ofMinor(keptMinor, "EUR");
        assertThat(cancelledLate.settlement()).as("CX-3 late: " + plan.noShowPercent() + " % kept from the prepayment")
                .contains(new MoneyDecision.KeepFromPrepayment(kept, PRICE.minus(kept)));
        assertThat(cancelledLate.settlement().orElseThrow().amountCharged()).contains(kept);
    }

    /** A booking at {@code start}, paid online and so confirmed (automatic confirmation), booked a day before the deadline. */
    private static Booking paidBooking(Rendezvous engine, PractitionerId anna, Activity activity, Instant start, String name) {
        Map<String, String> noAnswers = new TreeMap<>();
        Booking held = engine.bookings().book(new BookCommand(anna, activity.id(), start, ConsultationMode.VIDEO,
                ClientDetails.of("Client " + name, name + "@example.org", "+33612345678"), new TreeMap<>(noAnswers), true,
                IdempotencyKey.of("book-" + name))).orElseThrow();
        assertThat(held.state()).isEqualTo(BookingState.HELD);
        Booking paid = engine.payments().recordPayment(new RecordPaymentCommand(held.id(), PRICE, "pi_" + name,
                IdempotencyKey.of("evt-" + name))).orElseThrow();
        assertThat(paid.state()).isEqualTo(BookingState.CONFIRMED);
        return paid;
    }
}
