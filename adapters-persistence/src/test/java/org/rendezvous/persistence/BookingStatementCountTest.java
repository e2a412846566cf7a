package org.rendezvous.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.SqlLogger;
import org.jdbi.v3.core.statement.StatementContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.rendezvous.core.OutboxDispatcher;
import org.rendezvous.core.Rendezvous;
import org.rendezvous.core.agenda.Activity;
import org.rendezvous.core.agenda.AddActivityCommand;
import org.rendezvous.core.agenda.ConfirmationMode;
import org.rendezvous.core.agenda.ConsultationMode;
import org.rendezvous.core.agenda.OpeningSpec;
import org.rendezvous.core.booking.BookCommand;
import org.rendezvous.core.booking.Booking;
import org.rendezvous.core.booking.BookingState;
import org.rendezvous.core.client.ClientDetails;
import org.rendezvous.core.idempotency.IdempotencyKey;
import org.rendezvous.core.money.Money;
import org.rendezvous.core.notification.DeliverySettings;
import org.rendezvous.core.notification.SendResult;
import org.rendezvous.core.policy.CommercialModel;
import org.rendezvous.core.port.Stores;
import org.rendezvous.core.practitioner.PractitionerId;
import org.rendezvous.core.practitioner.RegisterPractitionerCommand;
import org.rendezvous.core.testing.MutableClock;

/**
 * Issue 15 item 1: a client booking is one transaction of at most 8 statements (BEGIN and COMMIT aside), and
 * delivery resolves a booking's messages with one read. Counted by a JDBI {@link SqlLogger} on the stores'
 * {@code Jdbi}: every statement and every batch the adapter sends is one execution, so the count is exact
 * and does not depend on timing.
 */
class BookingStatementCountTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final LocalDate MONDAY = LocalDate.of(2025, 6, 2);

    /** The statements sent since the last {@link #reset()}, in order. */
    private final List<String> statements = Collections.synchronizedList(new ArrayList<>());
    private MutableClock clock;
    private Stores stores;
    private Rendezvous engine;
    private PractitionerId anna;
    private Activity shiatsu;

    @BeforeEach
    void annaWithAnActivity() {
        TestDatabase.freshStores();
        Jdbi jdbi = PostgresJdbi.create(TestDatabase.dataSource());
        jdbi.setSqlLogger(new SqlLogger() {
            @Override
            public void logAfterExecution(StatementContext context) {
                statements.add(context.getRenderedSql().strip().replaceAll("\\s+", " "));
            }
        });
        stores = PostgresStores.open(jdbi);
        clock = new MutableClock(MONDAY.atTime(10, 0).atZone(PARIS).toInstant());
        engine = Rendezvous.builder().stores(stores).clock(clock)
                .operators(PostgresStores.operators(stores)).operatorActions(PostgresStores.operatorActions(stores))
                .model(CommercialModel.PLATFORM_COLLECTS).build();
        anna = engine.practitioners().register(RegisterPractitionerCommand.of("Anna Martin", "anna@example.org", PARIS)).id();
        engine.practitioners().changeSettings(anna, engine.practitioners().settings(anna).orElseThrow()
                .withConfirmation(ConfirmationMode.AUTOMATIC)).orElseThrow();
        shiatsu = engine.agenda().addActivity(new AddActivityCommand(anna, "Shiatsu", Duration.ofMinutes(60),
                Money.of("60.00", "EUR"), Set.of(ConsultationMode.IN_PERSON))).orElseThrow();
        engine.agenda().addOpening(anna, OpeningSpec.weekly(DayOfWeek.TUESDAY, MONDAY, LocalTime.of(9, 0),
                LocalTime.of(12, 0))).orElseThrow();
    }

    @Test
    @DisplayName("Issue 15, BK-1: a client booking confirmed at once is one transaction of at most 8 statements")
    void clientBookingTakesAtMostEightStatements() {
        Booking first = book(1, 9);
        reset();
        Booking booking = book(2, 10);

        System.out.println("statements of one client booking:\n" + String.join("\n", statements));
        assertThat(booking.state()).isEqualTo(BookingState.CONFIRMED);
        assertThat(statements).as("statements of one client booking:%n%s", String.join("\n", statements))
                .hasSizeLessThanOrEqualTo(8);
        assertThat(first.id()).isNotEqualTo(booking.id());
    }

    @Test
    @DisplayName("Issue 15, NOT-3: delivery reads a booking's practitioner, agenda and booking once for all its messages, not once per message")
    void deliveryReadsABookingOnceForAllItsMessages() {
        Booking booking = book(1, 9);
        List<String> sent = Collections.synchronizedList(new ArrayList<>());
        OutboxDispatcher dispatcher = new OutboxDispatcher(stores, message -> {
            sent.add(message.kind() + " " + message.channel());
            return new SendResult.Sent("ref-" + sent.size());
        }, clock, DeliverySettings.of("statement-count"));
        reset();

        dispatcher.deliverDue();

        System.out.println("statements of one delivery run:\n" + String.join("\n", statements));
        assertThat(sent).as("the booking's messages").hasSizeGreaterThanOrEqualTo(3);
        assertThat(statements.stream().filter(s -> s.contains("FROM bookings") && s.contains("id = :id")))
                .as("reads of booking %s", booking.id()).hasSize(1);
        assertThat(statements.stream().filter(s -> s.contains("FROM practitioners "))).hasSize(1);
        assertThat(statements.stream().filter(s -> s.contains("FROM agenda_settings "))).hasSize(1);
        assertThat(statements.stream().filter(s -> s.contains("FROM activities "))).hasSize(1);
    }

    private Booking book(int client, int hour) {
        Instant start = MONDAY.plusDays(1).atTime(hour, 0).atZone(PARIS).toInstant();
        return engine.bookings().book(BookCommand.of(anna, shiatsu.id(), start, ConsultationMode.IN_PERSON,
                ClientDetails.of("Client " + client, "client" + client + "@example.org", "+33 6 12 34 56 78"), Map.of(),
                IdempotencyKey.of("key-" + client))).orElseThrow();
    }

    private void reset() {
        statements.clear();
    }
}
