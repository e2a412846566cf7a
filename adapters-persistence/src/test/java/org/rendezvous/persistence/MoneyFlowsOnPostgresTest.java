package org.rendezvous.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.rendezvous.core.Rendezvous;
import org.rendezvous.core.agenda.Activity;
import org.rendezvous.core.agenda.AddActivityCommand;
import org.rendezvous.core.agenda.ConsultationMode;
import org.rendezvous.core.agenda.OpeningSpec;
import org.rendezvous.core.booking.BookCommand;
import org.rendezvous.core.booking.Booking;
import org.rendezvous.core.booking.BookingState;
import org.rendezvous.core.booking.CancelByClientCommand;
import org.rendezvous.core.booking.ConfirmBookingCommand;
import org.rendezvous.core.client.ClientDetails;
import org.rendezvous.core.idempotency.IdempotencyKey;
import org.rendezvous.core.ledger.Account;
import org.rendezvous.core.ledger.Balances;
import org.rendezvous.core.money.Money;
import org.rendezvous.core.money.Percent;
import org.rendezvous.core.payment.CheckoutSession;
import org.rendezvous.core.payment.InstructionKind;
import org.rendezvous.core.payment.InstructionState;
import org.rendezvous.core.payout.Payout;
import org.rendezvous.core.payout.PayoutDestination;
import org.rendezvous.core.payout.PayoutState;
import org.rendezvous.core.plan.Plan;
import org.rendezvous.core.policy.CommercialModel;
import org.rendezvous.core.port.Stores;
import org.rendezvous.core.practitioner.BankDetails;
import org.rendezvous.core.practitioner.PractitionerId;
import org.rendezvous.core.practitioner.RegisterPractitionerCommand;
import org.rendezvous.core.sandbox.SandboxPaymentGateway;
import org.rendezvous.core.testing.MutableClock;

/**
 * The money use cases end to end on PostgreSQL, through the façade, in model PLATFORM_COLLECTS: every
 * store the engine uses is a JDBI adapter, the sandbox plays the provider and sends its events to the
 * engine as webhooks would. The same flows as the core's MoneyFlowsTest on the in-memory stores.
 */
class MoneyFlowsOnPostgresTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final Currency EUR = Currency.getInstance("EUR");
    /** A Monday far from any daylight-saving change; the clock starts there at 10:00 in Paris. */
    private static final LocalDate MONDAY = LocalDate.of(2025, 6, 2);
    private static final LocalDate CYCLE = LocalDate.of(2025, 6, 15);

    private final AtomicInteger keys = new AtomicInteger();
    private MutableClock clock;
    private Stores stores;
    private SandboxPaymentGateway sandbox;
    private Rendezvous engine;
    private PractitionerId anna;
    private Activity shiatsu;

    @BeforeEach
    void annaWithAPrepaidVideoConsultation() {
        clock = new MutableClock(at(MONDAY, 10, 0));
        stores = TestDatabase.freshStores();
        sandbox = new SandboxPaymentGateway();
        engine = Rendezvous.builder().stores(stores).clock(clock).paymentGateway(sandbox)
                .operators(PostgresStores.operators(stores)).operatorActions(PostgresStores.operatorActions(stores))
                .model(CommercialModel.PLATFORM_COLLECTS).build();
        sandbox.onEvent(event -> engine.payments().apply(event));
        anna = engine.practitioners().register(RegisterPractitionerCommand.of("Anna Martin", "anna@example.org", PARIS)).id();
        engine.practitioners().changeSettings(anna, engine.practitioners().settings(anna).orElseThrow()
                .withNoShowPercentage(Percent.of(50))).orElseThrow();
        shiatsu = engine.agenda().addActivity(new AddActivityCommand(anna, "Shiatsu", Duration.ofMinutes(60),
                eur("60.00"), Set.of(ConsultationMode.IN_PERSON, ConsultationMode.VIDEO))).orElseThrow();
        for (DayOfWeek day : List.of(DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY)) {
            engine.agenda().addOpening(anna, OpeningSpec.weekly(day, MONDAY, LocalTime.of(9, 0), LocalTime.of(12, 0)))
                    .orElseThrow();
        }
        engine.payouts().setDestination(anna, new PayoutDestination.BankAccount(
                BankDetails.of("Anna Martin", "FR76 3000 6000 0112 3456 7890 189")));
    }

    @Test
    @DisplayName("PAY-1, FEE-2, PO-1, PO-5, FEE-4 on PostgreSQL: book → pay → confirm → complete → payout of 57.00 for a 60.00 video consultation; the books balance")
    void prepaidVideoConsultationIsPaidOutNetOfCommission() {
        assertThat(engine.plans().subscription(anna).map(s -> s.planAt(clock.instant()))).contains(Plan.TRIAL);
        Booking held = book(at(MONDAY.plusDays(2), 9, 0));
        assertThat(held.state()).isEqualTo(BookingState.HELD);

        Booking paid = payOnline(held);
        assertThat(paid.state()).isEqualTo(BookingState.PENDING);
        assertThat(paid.paid()).isEqualTo(eur("60.00"));
        Booking confirmed = confirm(paid);
        assertThat(confirmed.state()).isEqualTo(BookingState.CONFIRMED);
        assertThat(balances().of(Account.HELD_FOR_BOOKINGS)).isEqualTo(eur("60.00"));

        clock.set(at(MONDAY.plusDays(2), 10, 1));
        engine.jobs().completeEnded();
        assertThat(engine.bookings().find(anna, held.id()).orElseThrow().state()).isEqualTo(BookingState.COMPLETED);
        assertThat(engine.payments().instructions(held.id())).singleElement().satisfies(i -> {
            assertThat(i.kind()).isEqualTo(InstructionKind.RELEASE_EARNINGS);
            assertThat(i.state()).isEqualTo(InstructionState.DUE);
        });
        clock.set(at(MONDAY.plusDays(4), 9, 59));
        engine.payments().carryOutDue();
        assertThat(balances().of(Account.PRACTITIONER_PAYABLE)).as("before the no-show window closes").isEqualTo(eur("0.00"));
        clock.set(at(MONDAY.plusDays(4), 10, 0));
        engine.payments().carryOutDue();
        assertThat(balances().of(Account.PRACTITIONER_PAYABLE)).isEqualTo(eur("57.00"));
        assertThat(balances().of(Account.PLATFORM_REVENUE).plus(balances().of(Account.PROVIDER_FEES))).isEqualTo(eur("3.00"));

        clock.set(at(CYCLE, 8, 0));
        engine.payouts().runDueCycle();
        engine.payouts().runDueCycle();

        List<Payout> payouts = engine.payouts().ofPractitioner(anna);
        assertThat(payouts).as("PO-2: one payout for the cycle, however often it runs").singleElement().satisfies(p -> {
            assertThat(p.state()).isEqualTo(PayoutState.SENT);
            assertThat(p.amount()).isEqualTo(eur("57.00"));
            assertThat(p.reference()).isPresent();
            assertThat(p.statement()).singleElement().satisfies(line -> {
                assertThat(line.bookingId()).contains(held.id());
                assertThat(line.amount()).isEqualTo(eur("57.00"));
            });
        });
        assertThat(movements("payout")).extracting(SandboxPaymentGateway.Movement::amount).containsExactly(eur("57.00"));
        assertThat(balances().of(Account.PRACTITIONER_PAYABLE)).isEqualTo(eur("0.00"));
        assertThat(balances().of(Account.PAYOUTS)).isEqualTo(eur("57.00"));
        assertBooksBalance(eur("60.00"));
        assertThat(rows("payouts")).isEqualTo(1);
        assertThat(rows("payout_statement_lines")).isEqualTo(1);
        assertThat(engine.payments().history(anna)).as("PAY-6: payment, provider fee, earnings released, payout")
                .hasSize(4);
    }

    @Test
    @DisplayName("CX-3, PAY-4, FEE-1 on PostgreSQL: prepaid → client cancels late → 30.00 refunded once, 28.50 of the 30.00 kept paid out")
    void lateCancellationRefundsTheRestAndPaysOutTheKeptPart() {
        Booking confirmed = confirm(payOnline(book(at(MONDAY.plusDays(1), 9, 0))));
        Booking cancelled = engine.clientBookings().cancelByClient(new CancelByClientCommand(confirmed.accessToken(), key()))
                .orElseThrow();
        assertThat(cancelled.state()).isEqualTo(BookingState.CANCELLED_BY_CLIENT);
        assertThat(balances().of(Account.PRACTITIONER_PAYABLE)).isEqualTo(eur("28.50"));

        engine.payments().carryOutDue();
        engine.payments().carryOutDue();

        assertThat(movements("refund")).as("PAY-4: never twice for one cause")
                .extracting(SandboxPaymentGateway.Movement::amount).containsExactly(eur("30.00"));
        assertThat(engine.payments().instructions(confirmed.id())).singleElement().satisfies(i -> {
            assertThat(i.kind()).isEqualTo(InstructionKind.REFUND);
            assertThat(i.state()).isEqualTo(InstructionState.DONE);
            assertThat(i.attempts()).isEqualTo(1);
        });
        assertThat(balances().of(Account.REFUNDS)).isEqualTo(eur("30.00"));
        assertThat(balances().of(Account.HELD_FOR_BOOKINGS)).isEqualTo(eur("0.00"));

        clock.set(at(CYCLE, 8, 0));
        engine.payouts().runDueCycle();
        assertThat(engine.payouts().ofPractitioner(anna)).singleElement()
                .satisfies(p -> assertThat(p.amount()).isEqualTo(eur("28.50")));
        assertBooksBalance(eur("60.00"));
    }

    @Test
    @DisplayName("CX-4, FEE-4 on PostgreSQL: a late cancellation's kept part paid out, then reversed by an operator: refunded once, the balance carried forward negative, the reversal audited")
    void reversalAfterPayout() {
        Booking confirmed = confirm(payOnline(book(at(MONDAY.plusDays(1), 9, 0))));
        engine.clientBookings().cancelByClient(new CancelByClientCommand(confirmed.accessToken(), key())).orElseThrow();
        engine.payments().carryOutDue();
        clock.set(at(CYCLE, 8, 0));
        engine.payouts().runDueCycle();
        var invitation = engine.operators().invite(org.rendezvous.core.contact.EmailAddress.of("olga@operators.example"))
                .orElseThrow();
        var olga = engine.operators().setPassword(invitation.secret(), org.rendezvous.core.account.Password.of(
                "a long operator password")).orElseThrow();

        var reversal = engine.operators().reverseCharge(olga, confirmed.id(), "the client was in hospital").orElseThrow();
        engine.payments().carryOutDue();

        assertThat(reversal.refunded()).isEqualTo(eur("30.00"));
        assertThat(movements("refund")).extracting(SandboxPaymentGateway.Movement::amount)
                .containsExactly(eur("30.00"), eur("30.00"));
        assertThat(balances().of(Account.REFUNDS)).isEqualTo(eur("60.00"));
        assertThat(balances().of(Account.PRACTITIONER_PAYABLE)).as("FEE-4: carried forward").isEqualTo(eur("-28.50"));
        assertThat(engine.payments().history(anna)).anySatisfy(p -> assertThat(p.kind())
                .isEqualTo(org.rendezvous.core.ledger.PostingKind.CHARGE_REVERSED));
        assertThat(engine.operators().reverseCharge(olga, confirmed.id(), "again").isAccepted()).isFalse();
        assertBooksBalance(eur("60.00"));
        assertThat(rows("operator_actions")).isEqualTo(1);
    }

    private Booking book(Instant start) {
        int n = keys.incrementAndGet();
        return engine.bookings().book(BookCommand.of(anna, shiatsu.id(), start, ConsultationMode.VIDEO,
                ClientDetails.of("Client " + n, "client" + n + "@example.org", "+33 6 12 34 56 78"), Map.of(), key()))
                .orElseThrow();
    }

    /** The client pays on the provider's page; the sandbox sends the event to the engine. */
    private Booking payOnline(Booking held) {
        CheckoutSession.Started session = engine.payments().checkout(held.accessToken()).orElseThrow();
        assertThat(sandbox.completePayment(session.reference())).isPresent();
        return engine.bookings().find(anna, held.id()).orElseThrow();
    }

    private Booking confirm(Booking pending) {
        return engine.bookings().confirm(new ConfirmBookingCommand(anna, pending.id(), key())).orElseThrow();
    }

    private Balances balances() {
        return engine.payments().balances(anna).orElseThrow();
    }

    /** FEE-4: money in = refunds + provider fees + commissions + payouts + what is still owed or held, to the cent. */
    private void assertBooksBalance(Money moneyIn) {
        Balances totals = engine.payments().platformTotals(EUR);
        assertThat(totals.moneyIn()).isEqualTo(moneyIn);
        assertThat(totals.accountedFor()).isEqualTo(totals.moneyIn());
    }

    private List<SandboxPaymentGateway.Movement> movements(String kind) {
        return sandbox.movements().stream().filter(m -> m.kind().equals(kind)).toList();
    }

    private IdempotencyKey key() {
        return IdempotencyKey.of("key-" + keys.incrementAndGet());
    }

    private static Instant at(LocalDate date, int hour, int minute) {
        return date.atTime(hour, minute).atZone(PARIS).toInstant();
    }

    private static Money eur(String amount) {
        return Money.of(amount, "EUR");
    }

    static int rows(String table) {
        try (Connection connection = TestDatabase.dataSource().getConnection();
             Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("SELECT count(*) FROM " + table)) {
            result.next();
            return result.getInt(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
