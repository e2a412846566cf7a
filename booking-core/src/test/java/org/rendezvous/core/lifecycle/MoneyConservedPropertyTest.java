package org.rendezvous.core.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.impl.Constraint;
import org.rendezvous.core.agenda.ConsultationMode;
import org.rendezvous.core.agenda.OnlinePayment;
import org.rendezvous.core.booking.Booking;
import org.rendezvous.core.booking.BookingState;
import org.rendezvous.core.booking.CancelByClientCommand;
import org.rendezvous.core.booking.CancelByPractitionerCommand;
import org.rendezvous.core.booking.ReportNoShowCommand;
import org.rendezvous.core.ledger.Account;
import org.rendezvous.core.ledger.Balances;
import org.rendezvous.core.ledger.Posting;
import org.rendezvous.core.ledger.PostingKind;
import org.rendezvous.core.money.Money;
import org.rendezvous.core.money.Percent;
import org.rendezvous.core.payment.CheckoutSession;
import org.rendezvous.core.payment.PaymentEvent;
import org.rendezvous.core.payout.PayoutDestination;
import org.rendezvous.core.policy.CommercialModel;
import org.rendezvous.core.sandbox.SandboxPaymentGateway;
import org.rendezvous.core.sandbox.SandboxPaymentGateway.Failure;
import org.rendezvous.core.sandbox.SandboxPaymentGateway.Operation;

/**
 * FEE-4 and PAY-4 as properties: whatever bookings are made, paid, cancelled early or late by either
 * side, reported as no-shows, completed or left to expire, in either model, and whatever the provider
 * does wrong on the way (declines, timeouts after the money moved, unreachable, cards that need the
 * client), the ledger balances to the cent, every refund, charge and payout the provider made is booked
 * exactly once, and no booking is refunded more than it paid.
 */
class MoneyConservedPropertyTest {

    enum Fate { EXPIRES_THEN_PAID_LATE, CLIENT_CANCELS_EARLY, CLIENT_CANCELS_LATE, PRACTITIONER_CANCELS, NO_SHOW, COMPLETED }

    record Plan(CommercialModel model, int noShowPercent, List<Fate> fates, List<ConsultationMode> modes,
                List<Failure> chargeFailures, List<Failure> refundFailures, List<Failure> payoutFailures) {
    }

    static final List<Failure> FAILURES = List.of(Failure.DECLINE, Failure.AUTHENTICATION_REQUIRED, Failure.TIMEOUT,
            Failure.UNREACHABLE);

    static Gen<Plan> plans() {
        return in -> {
            int bookings = (int) in.next(Constraint.between(1, 6));
            List<Fate> fates = new ArrayList<>();
            List<ConsultationMode> modes = new ArrayList<>();
            for (int i = 0; i < bookings; i++) {
                fates.add(Fate.values()[(int) in.next(Constraint.between(0, Fate.values().length - 1))]);
                modes.add(in.next(Constraint.between(0, 1)) == 0 ? ConsultationMode.VIDEO : ConsultationMode.IN_PERSON);
            }
            return new Plan(in.next(Constraint.between(0, 1)) == 0 ? CommercialModel.PLATFORM_COLLECTS : CommercialModel.DIRECT_CONNECT,
                    (int) in.next(Constraint.between(0, 4)) * 25, fates, modes,
                    failures(in.next(Constraint.between(0, 2)), in), failures(in.next(Constraint.between(0, 2)), in),
                    failures(in.next(Constraint.between(0, 1)), in));
        };
    }

    private static List<Failure> failures(long count, org.quicktheories.core.RandomnessSource in) {
        List<Failure> failures = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            failures.add(FAILURES.get((int) in.next(Constraint.between(0, FAILURES.size() - 1))));
        }
        return failures;
    }

    @Test
    @DisplayName("FEE-4, PAY-4, PO-2: money is conserved to the cent and moves once per cause, whatever happens")
    void moneyIsConserved() {
        AtomicInteger charged = new AtomicInteger();
        AtomicInteger refunded = new AtomicInteger();
        qt().withExamples(150).withShrinkCycles(100).forAll(plans()).checkAssert(plan -> {
            Scenario s = play(plan);
            assertConserved(s);
            if (s.gateway.movements().stream().anyMatch(m -> m.kind().equals("charge"))) {
                charged.incrementAndGet();
            }
            if (s.gateway.movements().stream().anyMatch(m -> m.kind().equals("refund"))) {
                refunded.incrementAndGet();
            }
        });
        assertThat(charged.get()).as("runs with an off-session charge").isGreaterThan(10);
        assertThat(refunded.get()).as("runs with a refund").isGreaterThan(30);
    }

    private static Scenario play(Plan plan) {
        Scenario s = Scenario.builder().model(plan.model()).registeredBefore(Period.ofMonths(3))
                .settings(x -> x.withDefaultCapacity(2).withNoShowPercentage(Percent.of(plan.noShowPercent()))
                        .withOnlinePayment(plan.model() == CommercialModel.DIRECT_CONNECT ? OnlinePayment.OPTIONAL : OnlinePayment.NONE))
                .build();
        s.gateway.onEvent(event -> s.engine.payments().apply(event));
        s.engine.payouts().setDestination(s.anna, new PayoutDestination.ProviderAccount("acct_anna", true));
        plan.chargeFailures().forEach(f -> s.gateway.failNext(Operation.CHARGE, f));
        plan.refundFailures().forEach(f -> s.gateway.failNext(Operation.REFUND, f == Failure.AUTHENTICATION_REQUIRED ? Failure.TIMEOUT : f));
        plan.payoutFailures().forEach(f -> s.gateway.failNext(Operation.PAYOUT, f == Failure.AUTHENTICATION_REQUIRED ? Failure.TIMEOUT : f));

        // Wednesday's bookings meet their fate; the clock starts on Monday 10:00.
        List<Booking> bookings = new ArrayList<>();
        for (int i = 0; i < plan.fates().size(); i++) {
            Booking booking = s.engine.bookings().book(BookingCommands.of(s, s.at(DayOfWeek.WEDNESDAY, 9 + i / 2),
                    plan.modes().get(i), i)).fold(b -> b, r -> null);
            bookings.add(booking);
        }
        for (int i = 0; i < bookings.size(); i++) {
            Booking booking = bookings.get(i);
            if (booking == null || plan.fates().get(i) == Fate.EXPIRES_THEN_PAID_LATE) {
                continue;
            }
            if (booking.state() == BookingState.HELD) {
                CheckoutSession.Started page = Scenario.accepted(s.engine.payments().checkout(booking.accessToken()));
                if (!s.gateway.completePayment(page.reference()).isPresent()) {
                    s.gateway.completeGuarantee(page.reference());
                }
            }
            Booking now = s.reload(booking);
            if (now.state() == BookingState.PENDING) {
                s.confirm(now);
            }
        }
        for (int i = 0; i < bookings.size(); i++) {
            Booking booking = bookings.get(i);
            if (booking == null) {
                continue;
            }
            switch (plan.fates().get(i)) {
                case CLIENT_CANCELS_EARLY -> s.engine.clientBookings().cancelByClient(new CancelByClientCommand(booking.accessToken(), s.key()));
                case PRACTITIONER_CANCELS -> s.engine.bookings().cancelByPractitioner(
                        new CancelByPractitionerCommand(s.anna, booking.id(), s.key()));
                default -> {
                }
            }
        }
        s.setClock(s.now().plus(Duration.ofHours(1)));
        s.engine.jobs().expireOverdue();
        for (int i = 0; i < bookings.size(); i++) {
            Booking booking = bookings.get(i);
            if (booking != null && plan.fates().get(i) == Fate.EXPIRES_THEN_PAID_LATE && s.reload(booking).state() == BookingState.EXPIRED
                    && booking.terms().payment() == org.rendezvous.core.policy.PaymentArrangement.PREPAID) {
                s.gateway.receive(booking.id(), booking.price(), "pi_late_" + i);
                s.engine.payments().apply(new PaymentEvent.PaymentSucceeded("evt_late_" + i, booking.id(), booking.price(),
                        "pi_late_" + i, java.util.Optional.empty()));
            }
        }
        s.setClock(s.at(DayOfWeek.TUESDAY, 12, 0));
        for (int i = 0; i < bookings.size(); i++) {
            Booking booking = bookings.get(i);
            if (booking != null && plan.fates().get(i) == Fate.CLIENT_CANCELS_LATE) {
                s.engine.clientBookings().cancelByClient(new CancelByClientCommand(booking.accessToken(), s.key()));
            }
        }
        s.setClock(s.at(DayOfWeek.WEDNESDAY, 13, 0));
        for (int i = 0; i < bookings.size(); i++) {
            Booking booking = bookings.get(i);
            if (booking != null && plan.fates().get(i) == Fate.NO_SHOW) {
                s.engine.bookings().reportNoShow(new ReportNoShowCommand(s.anna, booking.id(), s.key()));
            }
        }
        s.engine.jobs().completeEnded();
        // A client asked to complete a charge does so.
        for (Booking booking : bookings) {
            if (booking != null) {
                s.engine.payments().checkout(booking.accessToken()).fold(page -> s.gateway.completePayment(page.reference()), r -> null);
            }
        }
        // Days of retries, the no-show windows closing, then the cycle and its retries.
        for (int day = 0; day < 4; day++) {
            s.setClock(s.now().plus(Duration.ofHours(12)));
            for (int round = 0; round < 3; round++) {
                s.engine.payments().carryOutDue();
                s.setClock(s.now().plus(Duration.ofMinutes(10)));
            }
        }
        s.setClock(s.at(LocalDate.of(2025, 6, 15), 8, 0));
        s.engine.payouts().runDueCycle();
        s.engine.payouts().runDueCycle();
        s.engine.payouts().resumePlanned();
        return s;
    }

    private static void assertConserved(Scenario s) {
        Balances totals = s.engine.payments().platformTotals(Currency.getInstance("EUR"));
        assertThat(totals.accountedFor()).as("FEE-4 money in = what is accounted for").isEqualTo(totals.moneyIn());

        List<Posting> postings = s.engine.payments().history(s.anna);
        Map<String, Money> refundedByBooking = new HashMap<>();
        Map<String, Money> paidByBooking = new HashMap<>();
        for (Posting posting : postings) {
            posting.bookingId().ifPresent(id -> {
                refundedByBooking.merge(id.toString(), posting.change(Account.REFUNDS), Money::plus);
                paidByBooking.merge(id.toString(), posting.change(Account.CLIENT_PAYMENTS).negate(), Money::plus);
            });
        }
        refundedByBooking.forEach((booking, refunds) ->
                assertThat(refunds).as("PAY-4 refunds of %s never pass what it paid", booking)
                        .isLessThanOrEqualTo(paidByBooking.get(booking)));

        assertPractitionerSeesTheirOwn(s, postings, paidByBooking, refundedByBooking);

        assertThat(sum(s, "refund")).as("every refund the provider made is booked once").isEqualTo(totals.of(Account.REFUNDS));
        assertThat(sum(s, "payout")).as("PO-2 every payout sent is booked once").isEqualTo(totals.of(Account.PAYOUTS));
        assertThat(s.gateway.movements().stream().filter(m -> m.kind().equals("charge")).count())
                .as("every off-session charge the provider made is booked once")
                .isEqualTo(postings.stream().filter(p -> p.kind() == PostingKind.GUARANTEE_CHARGED
                        && p.causeKey().contains("sbx_ch_")).count());
    }

    /**
     * PAY-6 as a property: the practitioner's view of the ledger agrees with the ledger on their own accounts,
     * shows none of the platform's provider fees in PLATFORM_COLLECTS, every payment or charge line moves what
     * the client paid, and every booking's money adds up to what its postings say.
     */
    private static void assertPractitionerSeesTheirOwn(Scenario s, List<Posting> postings, Map<String, Money> paidByBooking,
                                                       Map<String, Money> refundedByBooking) {
        org.rendezvous.core.ledger.PractitionerView view = s.engine.payments().practitionerView();
        org.rendezvous.core.ledger.PractitionerTotals mine = s.engine.payments().totals(s.anna).orElseThrow();
        Balances balances = s.engine.payments().balances(s.anna).orElseThrow();
        assertThat(mine.earned()).as("PAY-6 earned = the balance of " + view.earnings()).isEqualTo(balances.of(view.earnings()));
        assertThat(mine.clientsPaid()).as("PAY-6 every client payment reaches the practitioner's accounts")
                .isEqualTo(balances.moneyIn());
        if (view.model() == CommercialModel.PLATFORM_COLLECTS) {
            assertThat(mine.held()).isEqualTo(balances.of(Account.HELD_FOR_BOOKINGS));
            assertThat(mine.paidOut()).isEqualTo(balances.of(Account.PAYOUTS));
            assertThat(mine.providerFees()).as("PAY-6 the platform's provider fees are not the practitioner's").isEqualTo(Money.zero("EUR"));
        }
        for (org.rendezvous.core.ledger.PaymentLine line : s.engine.payments().paymentLines(s.anna)) {
            if (line.kind() == PostingKind.PAYMENT_RECEIVED || line.kind() == PostingKind.GUARANTEE_CHARGED) {
                assertThat(line.amount()).as("PAY-6 a %s line moves what the client paid", line.kind()).isEqualTo(line.clientPaid());
            }
        }
        Money paidInAll = Money.zero("EUR");
        for (org.rendezvous.core.payment.BookingMoney money : s.engine.payments().moneyOfBookings(s.anna)) {
            String id = money.bookingId().toString();
            assertThat(money.paid()).isEqualTo(paidByBooking.get(id));
            assertThat(money.refunded()).isEqualTo(refundedByBooking.get(id));
            assertThat(money.net()).isEqualTo(money.pendingEarnings().plus(money.earned()));
            assertThat(money.pendingEarnings().isNegative()).isFalse();
            paidInAll = paidInAll.plus(money.paid());
        }
        assertThat(paidInAll).isEqualTo(mine.clientsPaid());
        assertThat(postings.stream().filter(view::concerns).count()).isEqualTo(s.engine.payments().paymentLines(s.anna).size());
    }

    private static Money sum(Scenario s, String kind) {
        return s.gateway.movements().stream().filter(m -> m.kind().equals(kind)).map(SandboxPaymentGateway.Movement::amount)
                .reduce(Money.zero("EUR"), Money::plus);
    }

    /** Booking commands with a fresh client each, the client choosing to pay online when offered (DIRECT_CONNECT). */
    static final class BookingCommands {
        static org.rendezvous.core.booking.BookCommand of(Scenario s, java.time.Instant start, ConsultationMode mode, int i) {
            return new org.rendezvous.core.booking.BookCommand(s.anna, s.shiatsu.id(), start, mode, s.newClient(),
                    new java.util.TreeMap<>(), i % 2 == 0, s.key());
        }
    }
}
