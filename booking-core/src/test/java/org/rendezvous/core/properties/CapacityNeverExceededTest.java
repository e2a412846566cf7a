package org.rendezvous.core.properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.core.RandomnessSource;
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
import org.rendezvous.core.booking.BookingId;
import org.rendezvous.core.booking.BookingState;
import org.rendezvous.core.booking.CancelByClientCommand;
import org.rendezvous.core.booking.CancelByPractitionerCommand;
import org.rendezvous.core.booking.ConfirmBookingCommand;
import org.rendezvous.core.booking.EnterBookingCommand;
import org.rendezvous.core.booking.MoveByClientCommand;
import org.rendezvous.core.booking.MoveByPractitionerCommand;
import org.rendezvous.core.booking.RecordGuaranteeCommand;
import org.rendezvous.core.booking.RecordPaymentCommand;
import org.rendezvous.core.booking.RefuseBookingCommand;
import org.rendezvous.core.client.ClientDetails;
import org.rendezvous.core.idempotency.IdempotencyKey;
import org.rendezvous.core.sandbox.SandboxPaymentGateway;
import org.rendezvous.core.inmemory.InMemoryStores;
import org.rendezvous.core.money.Money;
import org.rendezvous.core.money.Percent;
import org.rendezvous.core.outcome.Outcome;
import org.rendezvous.core.outcome.Reason;
import org.rendezvous.core.policy.CommercialModel;
import org.rendezvous.core.practitioner.PractitionerId;
import org.rendezvous.core.practitioner.RegisterPractitionerCommand;
import org.rendezvous.core.testing.MutableClock;
import org.rendezvous.core.testing.SequentialIds;

/**
 * AG-7 and AG-10 through the façade: whatever sequence of bookings, cancellations, moves, refusals,
 * payments and expiring holds a random agenda goes through, its stored seat-holding bookings never
 * exceed its capacity, and every seat the engine grants was free by an independent brute-force count
 * ({@link SeatCounter}) over what the store held just before.
 */
class CapacityNeverExceededTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    /** A Monday morning; odd nanoseconds on purpose (the engine keeps microseconds). */
    private static final Instant T0 = Instant.parse("2026-03-02T06:30:00.123456789Z");
    /** The Tuesday after T0: the openings are on this day and the next two, every week. */
    private static final LocalDate FIRST_DAY = LocalDate.of(2026, 3, 3);
    /** The days operations aim at, counted from FIRST_DAY: two weeks of the three opening days. */
    private static final int[] DAY_OFFSETS = {0, 1, 2, 7, 8, 9};
    private static final Money PRICE = Money.of("50.00", "EUR");
    private static final int CLIENTS = 6;

    enum PaymentSetup { NOTHING_ONLINE, CARD_GUARANTEE, PREPAYMENT_REQUIRED, PREPAYMENT_OPTIONAL }

    /** A weekly opening on FIRST_DAY + day; step 0 means the default (duration + spacing). */
    record OpeningPlan(int day, int startMinute, int lengthMinutes, int step, boolean explicitCapacity) {
    }

    /** One capacity everywhere (default and every opening that sets one), so that one count applies. */
    record AgendaPlan(int capacity, int spacingMinutes, int durationMinutes, boolean automatic, PaymentSetup payment,
                      List<OpeningPlan> openings) {
    }

    /**
     * A start time: on an opening's grid (the index-th start), or off it: any 5-minute time of the
     * opening (the index-th), or from 07:00 on a day without an opening.
     */
    record StartChoice(int day, boolean onGrid, int index) {
    }

    interface Op {
    }

    record Book(StartChoice at, int client, boolean payOnline) implements Op {
    }

    /** Sends an earlier book command again with the same idempotency key (BK-8). */
    record RepeatBook(int earlier) implements Op {
    }

    record Enter(StartChoice at, int client) implements Op {
    }

    record CancelByClient(int booking) implements Op {
    }

    record CancelByPractitioner(int booking) implements Op {
    }

    record MoveByClient(int booking, StartChoice to) implements Op {
    }

    record MoveByPractitioner(int booking, StartChoice to) implements Op {
    }

    record Confirm(int booking) implements Op {
    }

    record Refuse(int booking) implements Op {
    }

    record Pay(int booking) implements Op {
    }

    record SaveCard(int booking) implements Op {
    }

    /** The provider has the money (or the card) but its webhook never came: only the expiry job finds out. */
    record ProviderReceives(int booking, boolean payment) implements Op {
    }

    record AdvanceAndRunJobs(int minutes) implements Op {
    }

    record Scenario(AgendaPlan agenda, List<Op> ops) {
    }

    @Test
    @DisplayName("AG-7/AG-10 capacity is never exceeded by any sequence of bookings, cancellations, moves, refusals and expiring holds")
    void capacityNeverExceeded() {
        Coverage coverage = new Coverage();
        qt().withExamples(100).withShrinkCycles(200)
                .forAll(scenarios())
                .checkAssert(scenario -> new Run(scenario, coverage).play());
        // The property means little unless the runs really hit full times, moves and expiries.
        assertThat(coverage.accepted.get()).as("bookings accepted").isGreaterThan(50);
        assertThat(coverage.full.get()).as("requests refused with SLOT_FULL").isGreaterThan(10);
        assertThat(coverage.moved.get()).as("moves accepted").isGreaterThan(10);
        assertThat(coverage.expired.get()).as("holds or requests expired by the job").isGreaterThan(0);
        assertThat(coverage.freedThenRetaken.get()).as("seats freed then taken again").isGreaterThan(0);
    }

    static final class Coverage {
        final AtomicInteger accepted = new AtomicInteger();
        final AtomicInteger full = new AtomicInteger();
        final AtomicInteger moved = new AtomicInteger();
        final AtomicInteger expired = new AtomicInteger();
        final AtomicInteger freedThenRetaken = new AtomicInteger();
    }

    // Generators

    private static Gen<Scenario> scenarios() {
        return in -> {
            AgendaPlan agenda = agenda(in);
            int count = Draw.between(in, 10, 60);
            List<Op> ops = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                ops.add(op(in));
            }
            return new Scenario(agenda, ops);
        };
    }

    private static AgendaPlan agenda(RandomnessSource in) {
        int capacity = Draw.bool(in) ? 1 : 3;
        int spacing = Draw.bool(in) ? 0 : 10;
        int duration = Draw.between(in, 6, 18) * 5;
        List<OpeningPlan> openings = new ArrayList<>();
        int openingCount = Draw.between(in, 1, 3);
        for (int day = 0; day < openingCount; day++) {
            int start = 8 * 60 + Draw.between(in, 0, 8) * 15;
            int length = Draw.between(in, 8, 20) * 15;
            int step = Draw.oneOf(in, List.of(0, 0, 15, 20, 30, 45));
            openings.add(new OpeningPlan(day, start, length, step, Draw.bool(in)));
        }
        PaymentSetup payment = Draw.oneOf(in, List.of(PaymentSetup.values()));
        return new AgendaPlan(capacity, spacing, duration, Draw.bool(in), payment, openings);
    }

    /** Mostly the first few starts of the first day, so that requests compete for the same seats. */
    private static StartChoice start(RandomnessSource in) {
        int day = Draw.chance(in, 60) ? 0 : Draw.between(in, 0, DAY_OFFSETS.length - 1);
        int index = Draw.chance(in, 75) ? Draw.between(in, 0, 3) : Draw.between(in, 0, 144);
        return new StartChoice(day, Draw.chance(in, 75), index);
    }

    private static Op op(RandomnessSource in) {
        int booking = Draw.between(in, 0, 40);
        switch (Draw.weighted(in, 26, 3, 6, 8, 5, 9, 8, 7, 4, 6, 3, 4, 11)) {
            case 0:
                return new Book(start(in), Draw.between(in, 0, CLIENTS - 1), Draw.bool(in));
            case 1:
                return new RepeatBook(Draw.between(in, 0, 40));
            case 2:
                return new Enter(start(in), Draw.between(in, 0, CLIENTS - 1));
            case 3:
                return new CancelByClient(booking);
            case 4:
                return new CancelByPractitioner(booking);
            case 5:
                return new MoveByClient(booking, start(in));
            case 6:
                return new MoveByPractitioner(booking, start(in));
            case 7:
                return new Confirm(booking);
            case 8:
                return new Refuse(booking);
            case 9:
                return new Pay(booking);
            case 10:
                return new SaveCard(booking);
            case 11:
                return new ProviderReceives(booking, Draw.bool(in));
            default:
                return new AdvanceAndRunJobs(Draw.between(in, 1, 120));
        }
    }

    // One run of a scenario against a fresh engine

    private static final class Run {
        private final Scenario scenario;
        private final Coverage coverage;
        private final MutableClock clock = new MutableClock(T0);
        private final SandboxPaymentGateway gateway = new SandboxPaymentGateway();
        private final Rendezvous engine;
        private final PractitionerId practitioner;
        private final Activity activity;
        private final int capacity;
        private final Duration spacing;
        /** Every booking the engine created, in order; operations pick one by index. */
        private final List<BookingId> created = new ArrayList<>();
        private final List<BookCommand> sentBookings = new ArrayList<>();
        private final List<Outcome<Booking>> firstAnswers = new ArrayList<>();
        private final Set<Instant> freedStarts = new HashSet<>();
        private int step;

        Run(Scenario scenario, Coverage coverage) {
            this.scenario = scenario;
            this.coverage = coverage;
            AgendaPlan plan = scenario.agenda();
            this.capacity = plan.capacity();
            this.spacing = Duration.ofMinutes(plan.spacingMinutes());
            this.engine = Rendezvous.builder().stores(InMemoryStores.create()).paymentGateway(gateway)
                    .ids(new SequentialIds()).clock(clock).model(CommercialModel.DIRECT_CONNECT).build();
            this.practitioner = engine.practitioners()
                    .register(RegisterPractitionerCommand.of("Anna Martin", "anna@example.org", PARIS)).id();
            AgendaSettings settings = engine.practitioners().settings(practitioner).orElseThrow()
                    .withSpacing(spacing)
                    .withDefaultCapacity(capacity)
                    .withConfirmation(plan.automatic() ? ConfirmationMode.AUTOMATIC : ConfirmationMode.MANUAL)
                    .withPaymentWindow(Duration.ofMinutes(30));
            settings = switch (plan.payment()) {
                case NOTHING_ONLINE -> settings.withOnlinePayment(OnlinePayment.NONE).withNoShowPercentage(Percent.ZERO);
                case CARD_GUARANTEE -> settings.withOnlinePayment(OnlinePayment.NONE).withNoShowPercentage(Percent.of(50));
                case PREPAYMENT_REQUIRED -> settings.withOnlinePayment(OnlinePayment.REQUIRED).withNoShowPercentage(Percent.of(30));
                case PREPAYMENT_OPTIONAL -> settings.withOnlinePayment(OnlinePayment.OPTIONAL).withNoShowPercentage(Percent.ZERO);
            };
            // DIRECT_CONNECT: online payment needs an account that can take payments (issue 12).
            engine.payouts().setDestination(practitioner, new org.rendezvous.core.payout.PayoutDestination.ProviderAccount("acct_anna", true));
            engine.practitioners().changeSettings(practitioner, settings).orElseThrow();
            this.activity = engine.agenda().addActivity(new AddActivityCommand(practitioner, "Session",
                    Duration.ofMinutes(plan.durationMinutes()), PRICE, Set.of(ConsultationMode.IN_PERSON))).orElseThrow();
            for (OpeningPlan opening : plan.openings()) {
                DayOfWeek day = FIRST_DAY.plusDays(opening.day()).getDayOfWeek();
                OpeningSpec spec = OpeningSpec.weekly(day, FIRST_DAY, minuteToTime(opening.startMinute()),
                        minuteToTime(opening.startMinute() + opening.lengthMinutes()));
                if (opening.step() > 0) {
                    spec = spec.withStep(Duration.ofMinutes(opening.step()));
                }
                if (opening.explicitCapacity()) {
                    spec = spec.withCapacity(capacity);
                }
                engine.agenda().addOpening(practitioner, spec).orElseThrow();
            }
        }

        void play() {
            for (Op op : scenario.ops()) {
                step++;
                List<Booking> before = seatHolding();
                apply(op, before);
                checkInvariants(op);
            }
        }

        private void apply(Op op, List<Booking> before) {
            String key = "op-" + step;
            if (op instanceof Book book) {
                Instant start = resolve(book.at());
                BookCommand command = new BookCommand(practitioner, activity.id(), start, ConsultationMode.IN_PERSON,
                        client(book.client()), new TreeMap<>(), book.payOnline(), IdempotencyKey.of(key));
                Outcome<Booking> answer = engine.bookings().book(command);
                sentBookings.add(command);
                firstAnswers.add(answer);
                judgeNewSeat(op, answer, before, start);
            } else if (op instanceof RepeatBook repeat) {
                if (sentBookings.isEmpty()) {
                    return;
                }
                int index = repeat.earlier() % sentBookings.size();
                int bookingsBefore = allBookings().size();
                Outcome<Booking> again = engine.bookings().book(sentBookings.get(index));
                Outcome<Booking> first = firstAnswers.get(index);
                assertThat(Draw.rejection(again)).as(context(op, "BK-8 a repeated command answers as the first time"))
                        .isEqualTo(Draw.rejection(first));
                if (first.isAccepted()) {
                    assertThat(again.orElseThrow().id()).as(context(op, "BK-8 same booking")).isEqualTo(first.orElseThrow().id());
                }
                assertThat(allBookings()).as(context(op, "BK-8 a repeat creates nothing")).hasSize(bookingsBefore);
            } else if (op instanceof Enter enter) {
                Instant start = resolve(enter.at());
                ClientDetails details = client(enter.client());
                Outcome<Booking> answer = engine.bookings().enter(new EnterBookingCommand(practitioner, activity.id(), start,
                        ConsultationMode.IN_PERSON, details.email(), Optional.of(details.name()),
                        Optional.of(details.phone()), Optional.empty(), new TreeMap<>(), IdempotencyKey.of(key)));
                judgeNewSeat(op, answer, before, start);
            } else if (op instanceof CancelByClient cancel) {
                pick(cancel.booking()).ifPresent(b -> noteFreed(b, engine.clientBookings().cancelByClient(
                        new CancelByClientCommand(b.accessToken(), IdempotencyKey.of(key)))));
            } else if (op instanceof CancelByPractitioner cancel) {
                pick(cancel.booking()).ifPresent(b -> noteFreed(b, engine.bookings().cancelByPractitioner(
                        new CancelByPractitionerCommand(practitioner, b.id(), IdempotencyKey.of(key)))));
            } else if (op instanceof Refuse refuse) {
                pick(refuse.booking()).ifPresent(b -> noteFreed(b, engine.bookings().refuse(
                        new RefuseBookingCommand(practitioner, b.id(), IdempotencyKey.of(key)))));
            } else if (op instanceof Confirm confirm) {
                pick(confirm.booking()).ifPresent(b -> engine.bookings().confirm(
                        new ConfirmBookingCommand(practitioner, b.id(), IdempotencyKey.of(key))));
            } else if (op instanceof MoveByClient move) {
                pick(move.booking()).ifPresent(b -> {
                    Instant to = resolve(move.to());
                    judgeMove(op, b, to, engine.clientBookings().moveByClient(
                            new MoveByClientCommand(b.accessToken(), to, IdempotencyKey.of(key))), before);
                });
            } else if (op instanceof MoveByPractitioner move) {
                pick(move.booking()).ifPresent(b -> {
                    Instant to = resolve(move.to());
                    judgeMove(op, b, to, engine.bookings().moveByPractitioner(
                            new MoveByPractitionerCommand(practitioner, b.id(), to, IdempotencyKey.of(key))), before);
                });
            } else if (op instanceof Pay pay) {
                pick(pay.booking()).ifPresent(b -> engine.payments().recordPayment(
                        new RecordPaymentCommand(b.id(), PRICE, "payment-" + step, IdempotencyKey.of(key))));
            } else if (op instanceof SaveCard card) {
                pick(card.booking()).ifPresent(b -> engine.payments().recordGuarantee(
                        new RecordGuaranteeCommand(b.id(), "card-" + step, IdempotencyKey.of(key))));
            } else if (op instanceof ProviderReceives received) {
                pick(received.booking()).ifPresent(b -> {
                    if (received.payment()) {
                        gateway.receive(b.id(), PRICE, "silent-payment-" + step);
                    } else {
                        gateway.saveGuarantee(b.id(), "silent-card-" + step);
                    }
                });
            } else if (op instanceof AdvanceAndRunJobs advance) {
                clock.advance(Duration.ofMinutes(advance.minutes()));
                engine.jobs().expireOverdue();
                engine.jobs().completeEnded();
                for (Booking b : before) {
                    if (find(b.id()).state() == BookingState.EXPIRED) {
                        coverage.expired.incrementAndGet();
                        freedStarts.add(b.start());
                    }
                }
            } else {
                throw new AssertionError("unknown operation " + op);
            }
        }

        /** A new seat (book or enter): granted only if it was free, refused as full only if it was full. */
        private void judgeNewSeat(Op op, Outcome<Booking> answer, List<Booking> before, Instant start) {
            Instant end = start.plus(activity.duration());
            answer.fold(booking -> {
                created.add(booking.id());
                coverage.accepted.incrementAndGet();
                if (freedStarts.contains(start)) {
                    coverage.freedThenRetaken.incrementAndGet();
                }
                assertThat(SeatCounter.seatWasFree(before, booking.id(), start, end, capacity, spacing))
                        .as(context(op, "AG-7 a seat was granted at " + start + " although the brute-force count says it was taken; before: "
                                + SeatCounter.describe(before)))
                        .isTrue();
                return null;
            }, rejected -> {
                if (rejected.reason() == Reason.SLOT_FULL) {
                    coverage.full.incrementAndGet();
                    assertThat(SeatCounter.seatWasFree(before, null, start, end, capacity, spacing))
                            .as(context(op, "AG-7 refused as full at " + start + " although the brute-force count finds a seat; before: "
                                    + SeatCounter.describe(before)))
                            .isFalse();
                }
                return null;
            });
        }

        private void judgeMove(Op op, Booking booking, Instant to, Outcome<Booking> answer, List<Booking> before) {
            Instant end = to.plus(booking.duration());
            answer.fold(moved -> {
                assertThat(moved.id()).isEqualTo(booking.id());
                if (!booking.start().equals(to)) {
                    coverage.moved.incrementAndGet();
                    freedStarts.add(booking.start());
                    assertThat(moved.start()).as(context(op, "moved to the new start")).isEqualTo(to);
                    assertThat(SeatCounter.seatWasFree(before, booking.id(), to, end, capacity, spacing))
                            .as(context(op, "AG-7 a move was granted to " + to + " although the brute-force count says it was taken; before: "
                                    + SeatCounter.describe(before)))
                            .isTrue();
                }
                return null;
            }, rejected -> {
                if (rejected.reason() == Reason.SLOT_FULL) {
                    coverage.full.incrementAndGet();
                    assertThat(SeatCounter.seatWasFree(before, booking.id(), to, end, capacity, spacing))
                            .as(context(op, "AG-7 a move to " + to + " was refused as full although the brute-force count finds a seat; before: "
                                    + SeatCounter.describe(before)))
                            .isFalse();
                }
                // BK-7: a refused move leaves the booking where it was.
                assertThat(find(booking.id()).start()).as(context(op, "a refused move changes nothing")).isEqualTo(booking.start());
                return null;
            });
        }

        private void noteFreed(Booking booking, Outcome<Booking> answer) {
            if (answer.isAccepted() && booking.holdsSeat()) {
                freedStarts.add(booking.start());
            }
        }

        private void checkInvariants(Op op) {
            List<Booking> holding = seatHolding();
            assertThat(SeatCounter.violations(holding, capacity, spacing))
                    .as(context(op, "AG-7 stored seat-holding bookings within capacity " + capacity + " and spacing "
                            + spacing.toMinutes() + " min"))
                    .isEmpty();
            List<Booking> all = allBookings();
            assertThat(all).as(context(op, "every booking the engine accepted is stored")).hasSize(created.size());
            for (BookingId id : created) {
                assertThat(engine.bookings().find(practitioner, id)).as(context(op, "booking " + id + " is stored")).isPresent();
            }
            // The client file sees the same bookings as the agenda.
            List<Booking> byClient = new ArrayList<>();
            engine.clients().clients(practitioner).forEach(c -> byClient.addAll(engine.clients().bookingsOf(practitioner, c.id())));
            assertThat(byClient.stream().map(Booking::id).toList()).as(context(op, "client file and agenda agree"))
                    .containsExactlyInAnyOrderElementsOf(all.stream().map(Booking::id).toList());
        }

        private String context(Op op, String what) {
            return what + " (operation " + step + ": " + op + ", now " + clock.instant() + ")";
        }

        private Optional<Booking> pick(int index) {
            if (created.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(find(created.get(index % created.size())));
        }

        private Booking find(BookingId id) {
            return engine.bookings().find(practitioner, id).orElseThrow();
        }

        private List<Booking> allBookings() {
            return engine.agenda().bookingsBetween(practitioner, FIRST_DAY.minusDays(2), FIRST_DAY.plusDays(16)).orElseThrow();
        }

        private List<Booking> seatHolding() {
            return allBookings().stream().filter(b -> b.state().holdsSeat()).toList();
        }

        private Instant resolve(StartChoice choice) {
            int offset = DAY_OFFSETS[choice.day() % DAY_OFFSETS.length];
            LocalDate date = FIRST_DAY.plusDays(offset);
            Optional<OpeningPlan> opening = scenario.agenda().openings().stream()
                    .filter(o -> o.day() == offset % 7).findFirst();
            int minute;
            if (choice.onGrid() && opening.isPresent()) {
                OpeningPlan o = opening.get();
                int gridStep = o.step() > 0 ? o.step() : scenario.agenda().durationMinutes() + scenario.agenda().spacingMinutes();
                int starts = (o.lengthMinutes() + gridStep - 1) / gridStep;
                minute = o.startMinute() + (choice.index() % starts) * gridStep;
            } else if (opening.isPresent()) {
                OpeningPlan o = opening.get();
                minute = o.startMinute() + (choice.index() % (o.lengthMinutes() / 5)) * 5;
            } else {
                minute = 7 * 60 + (choice.index() % 145) * 5;
            }
            return date.atStartOfDay().plusMinutes(minute).atZone(PARIS).toInstant();
        }

        private static ClientDetails client(int index) {
            return ClientDetails.of("Client " + index, "client" + index + "@example.org", "+3361234560" + index);
        }
    }

    private static LocalTime minuteToTime(int minute) {
        return minute >= 24 * 60 ? LocalTime.MIDNIGHT : LocalTime.of(minute / 60, minute % 60);
    }
}
