package org.rendezvous.core.lifecycle;

import static java.time.DayOfWeek.THURSDAY;
import static java.time.DayOfWeek.WEDNESDAY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.rendezvous.core.lifecycle.Scenario.PRICE;
import static org.rendezvous.core.lifecycle.Scenario.accepted;
import static org.rendezvous.core.lifecycle.Scenario.rejected;

import java.time.Duration;
import java.time.LocalTime;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.rendezvous.core.agenda.ConsultationMode;
import org.rendezvous.core.booking.BookCommand;
import org.rendezvous.core.booking.Booking;
import org.rendezvous.core.booking.BookingState;
import org.rendezvous.core.booking.CancelByClientCommand;
import org.rendezvous.core.booking.ConfirmBookingCommand;
import org.rendezvous.core.booking.MoveByClientCommand;
import org.rendezvous.core.booking.RecordPaymentCommand;
import org.rendezvous.core.client.ClientDetails;
import org.rendezvous.core.idempotency.IdempotencyKey;
import org.rendezvous.core.outcome.Reason;

/** BK-8: every command that creates or changes a booking or money runs once per idempotency key. */
class IdempotencyTest {

    @Test
    @DisplayName("BK-8 repeating a booking with the same key returns the first booking and books nothing more")
    void repeatedBookingReturnsTheFirst() {
        Scenario s = Scenario.create();
        ClientDetails client = s.newClient();
        BookCommand command = s.bookCommand(s.at(WEDNESDAY, 9), ConsultationMode.IN_PERSON, client);
        Booking first = accepted(s.engine.bookings().book(command));
        int messages = s.messages(first).size();

        Booking repeated = accepted(s.engine.bookings().book(command));

        assertThat(repeated.id()).isEqualTo(first.id());
        assertThat(repeated).isEqualTo(first);
        assertThat(repeated.version()).isEqualTo(first.version());
        assertThat(s.engine.agenda().bookingsBetween(s.anna, s.date(WEDNESDAY), s.date(WEDNESDAY)).orElseThrow()).containsExactly(first);
        assertThat(s.messages(first)).hasSize(messages);
        assertThat(s.engine.clients().clients(s.anna)).hasSize(1);
        // The same booking under a new key is a new command: the seat is taken.
        BookCommand again = BookCommand.of(s.anna, s.shiatsu.id(), s.at(WEDNESDAY, 9), ConsultationMode.IN_PERSON, client,
                Map.of(), s.key());
        assertThat(rejected(s.engine.bookings().book(again)).reason()).isEqualTo(Reason.SLOT_FULL);
    }

    @Test
    @DisplayName("BK-8 the same key with a different command is refused with IDEMPOTENCY_KEY_REUSED and changes nothing")
    void keyReusedForAnotherCommand() {
        Scenario s = Scenario.create();
        IdempotencyKey key = IdempotencyKey.of("client-generated-123");
        ClientDetails client = s.newClient();
        Booking first = accepted(s.engine.bookings().book(BookCommand.of(s.anna, s.shiatsu.id(), s.at(WEDNESDAY, 9),
                ConsultationMode.IN_PERSON, client, Map.of(), key)));

        var otherStart = rejected(s.engine.bookings().book(BookCommand.of(s.anna, s.shiatsu.id(), s.at(WEDNESDAY, 10),
                ConsultationMode.IN_PERSON, client, Map.of(), key)));
        var otherCommand = rejected(s.engine.bookings().confirm(new ConfirmBookingCommand(s.anna, first.id(), key)));

        assertThat(otherStart.reason()).isEqualTo(Reason.IDEMPOTENCY_KEY_REUSED);
        assertThat(otherStart.detail()).startsWith("idempotencyKey");
        assertThat(otherCommand.reason()).isEqualTo(Reason.IDEMPOTENCY_KEY_REUSED);
        assertThat(s.startTimes(s.date(WEDNESDAY))).containsExactly(LocalTime.of(10, 0), LocalTime.of(11, 0));
        assertThat(s.reload(first).state()).isEqualTo(BookingState.PENDING);
        assertThat(s.reload(first).version()).isEqualTo(first.version());
    }

    @Test
    @DisplayName("BK-8 repeating a payment, a confirmation, a move and a cancellation with their keys changes nothing more")
    void repeatedChangesChangeNothingMore() {
        Scenario s = Scenario.create();
        Booking held = s.book(s.at(WEDNESDAY, 9), ConsultationMode.VIDEO);

        RecordPaymentCommand payment = new RecordPaymentCommand(held.id(), PRICE, "pi_1", IdempotencyKey.of("evt_1"));
        Booking paid = accepted(s.engine.payments().recordPayment(payment));
        Booking paidAgain = accepted(s.engine.payments().recordPayment(payment));
        assertThat(paidAgain.paid()).isEqualTo(PRICE);
        assertThat(paidAgain.version()).isEqualTo(paid.version());

        ConfirmBookingCommand confirm = new ConfirmBookingCommand(s.anna, held.id(), s.key());
        Booking confirmed = accepted(s.engine.bookings().confirm(confirm));
        Booking confirmedAgain = accepted(s.engine.bookings().confirm(confirm));
        assertThat(confirmedAgain).isEqualTo(confirmed);

        s.clock.advance(Duration.ofMinutes(1));
        MoveByClientCommand move = new MoveByClientCommand(held.accessToken(), s.at(THURSDAY, 9), s.key());
        Booking moved = accepted(s.engine.clientBookings().moveByClient(move));
        Booking movedAgain = accepted(s.engine.clientBookings().moveByClient(move));
        assertThat(movedAgain).isEqualTo(moved);
        assertThat(movedAgain.moves()).hasSize(1);

        CancelByClientCommand cancel = new CancelByClientCommand(held.accessToken(), s.key());
        Booking cancelled = accepted(s.engine.clientBookings().cancelByClient(cancel));
        int messages = s.messages(held).size();
        Booking cancelledAgain = accepted(s.engine.clientBookings().cancelByClient(cancel));

        assertThat(cancelledAgain).isEqualTo(cancelled);
        assertThat(cancelledAgain.state()).isEqualTo(BookingState.CANCELLED_BY_CLIENT);
        assertThat(cancelledAgain.settlement()).isEqualTo(cancelled.settlement());
        assertThat(s.reload(held).version()).isEqualTo(cancelled.version());
        assertThat(s.reload(held).paid()).isEqualTo(PRICE);
        assertThat(s.messages(held)).hasSize(messages);
    }

    @Test
    @DisplayName("BK-8 a refused command repeated with its key gets the same refusal, even once the seat is free")
    void refusalIsRemembered() {
        Scenario s = Scenario.create();
        Booking occupant = s.book(s.at(WEDNESDAY, 9));
        BookCommand late = s.bookCommand(s.at(WEDNESDAY, 9), ConsultationMode.IN_PERSON, s.newClient());
        assertThat(rejected(s.engine.bookings().book(late)).reason()).isEqualTo(Reason.SLOT_FULL);
        accepted(s.engine.clientBookings().cancelByClient(new CancelByClientCommand(occupant.accessToken(), s.key())));

        assertThat(rejected(s.engine.bookings().book(late)).reason()).isEqualTo(Reason.SLOT_FULL);
        assertThat(s.startTimes(s.date(WEDNESDAY))).contains(LocalTime.of(9, 0));
    }
}
