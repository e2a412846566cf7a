package org.rendezvous.core.lifecycle;

import static java.time.DayOfWeek.THURSDAY;
import static java.time.DayOfWeek.WEDNESDAY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.rendezvous.core.lifecycle.Scenario.accepted;
import static org.rendezvous.core.lifecycle.Scenario.rejected;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.rendezvous.core.booking.Booking;
import org.rendezvous.core.booking.CancelByClientCommand;
import org.rendezvous.core.booking.MoveByClientCommand;
import org.rendezvous.core.notification.Channel;
import org.rendezvous.core.notification.MessageKind;
import org.rendezvous.core.notification.OutboxMessage;
import org.rendezvous.core.notification.Recipient;
import org.rendezvous.core.outcome.Reason;

/** NOT-1 and NOT-3 as the lifecycle sees them: each change of a booking writes its messages in the outbox. */
class OutboxMessagesTest {

    @Test
    @DisplayName("NOT-3 each change of a booking writes its messages to the outbox, with the recipients and channels of its kind")
    void eachChangeWritesItsMessages() {
        Scenario s = Scenario.create();
        Instant requestedAt = s.now();
        Booking booking = s.book(s.at(WEDNESDAY, 9));
        s.clock.advance(Duration.ofMinutes(10));
        Instant confirmedAt = s.now();
        s.confirm(booking);
        s.clock.advance(Duration.ofMinutes(10));
        accepted(s.engine.clientBookings().moveByClient(new MoveByClientCommand(booking.accessToken(), s.at(THURSDAY, 9), s.key())));
        s.clock.advance(Duration.ofMinutes(10));
        Instant cancelledAt = s.now();
        accepted(s.engine.clientBookings().cancelByClient(new CancelByClientCommand(booking.accessToken(), s.key())));

        assertThat(s.kinds(booking)).containsExactly(MessageKind.BOOKING_REQUESTED, MessageKind.BOOKING_CONFIRMED,
                MessageKind.MOVED_BY_CLIENT, MessageKind.CANCELLED_BY_CLIENT);
        for (MessageKind kind : s.kinds(booking)) {
            s.assertAnnounced(booking, kind);
        }
        List<OutboxMessage> all = s.messages(booking);
        assertThat(all).allSatisfy(m -> {
            assertThat(m.bookingId()).contains(booking.id());
            assertThat(m.practitionerId()).isEqualTo(s.anna);
            assertThat(m.deliverAfter()).isEqualTo(m.createdAt());
        });
        assertThat(all).extracting(OutboxMessage::deduplicationKey).doesNotHaveDuplicates();
        assertThat(s.messages(booking, MessageKind.BOOKING_REQUESTED)).allSatisfy(m -> assertThat(m.createdAt()).isEqualTo(requestedAt));
        assertThat(s.messages(booking, MessageKind.BOOKING_CONFIRMED)).allSatisfy(m -> assertThat(m.createdAt()).isEqualTo(confirmedAt));
        assertThat(s.messages(booking, MessageKind.CANCELLED_BY_CLIENT)).allSatisfy(m -> assertThat(m.createdAt()).isEqualTo(cancelledAt));
        // NOT-1: a cancellation goes to the other party by SMS and e-mail.
        assertThat(Scenario.routes(s.messages(booking, MessageKind.CANCELLED_BY_CLIENT)))
                .contains(new MessageKind.Route(Recipient.PRACTITIONER, Channel.SMS),
                        new MessageKind.Route(Recipient.PRACTITIONER, Channel.EMAIL));
    }

    @Test
    @DisplayName("NOT-3 a refused command writes no message")
    void refusedCommandWritesNothing() {
        Scenario s = Scenario.with(settings -> settings.withClientSelfService(false, false));
        Booking booking = s.book(s.at(WEDNESDAY, 9));
        int before = s.messages(booking).size();

        assertThat(rejected(s.engine.clientBookings().cancelByClient(new CancelByClientCommand(booking.accessToken(), s.key())))
                .reason()).isEqualTo(Reason.CANCELLATION_NOT_ALLOWED);
        assertThat(rejected(s.engine.clientBookings().moveByClient(
                new MoveByClientCommand(booking.accessToken(), s.at(THURSDAY, 9), s.key()))).reason())
                .isEqualTo(Reason.MOVE_NOT_ALLOWED);

        assertThat(s.messages(booking)).hasSize(before);
        assertThat(s.messages(booking)).extracting(OutboxMessage::bookingId).containsOnly(Optional.of(booking.id()));
    }
}
