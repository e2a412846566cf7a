package org.rendezvous.core.lifecycle;

import static java.time.DayOfWeek.THURSDAY;
import static java.time.DayOfWeek.WEDNESDAY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.rendezvous.core.lifecycle.Scenario.accepted;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.rendezvous.core.OutboxDispatcher;
import org.rendezvous.core.booking.Booking;
import org.rendezvous.core.booking.CancelByClientCommand;
import org.rendezvous.core.booking.MoveByClientCommand;
import org.rendezvous.core.notification.Channel;
import org.rendezvous.core.notification.DeliverySettings;
import org.rendezvous.core.notification.InvitationSnapshot;
import org.rendezvous.core.notification.MessageKind;
import org.rendezvous.core.notification.OutgoingMessage;
import org.rendezvous.core.notification.Recipient;
import org.rendezvous.core.notification.SendResult;

/** CAL-1: a confirmation's invitation is the booking as it was confirmed, however late the e-mail leaves. */
class InvitationAtConfirmationTest {

    private static List<OutgoingMessage> deliver(Scenario s) {
        List<OutgoingMessage> sent = Collections.synchronizedList(new ArrayList<>());
        new OutboxDispatcher(s.stores, message -> {
            sent.add(message);
            return new SendResult.Sent("ok-" + message.id());
        }, s.clock, DeliverySettings.of("invitations")).deliverDue();
        return sent;
    }

    private static OutgoingMessage email(List<OutgoingMessage> sent, MessageKind kind) {
        return sent.stream().filter(m -> m.kind() == kind && m.channel() == Channel.EMAIL
                && m.recipientRole() == Recipient.CLIENT).findFirst().orElseThrow();
    }

    @Test
    @DisplayName("CAL-1 a confirmation delivered after the client cancelled still carries the invitation of the confirmed booking")
    void confirmedThenCancelledBeforeDelivery() {
        Scenario s = Scenario.create();
        Booking booking = s.confirm(s.book(s.at(WEDNESDAY, 9)));
        s.clock.advance(Duration.ofMinutes(5));
        accepted(s.engine.clientBookings().cancelByClient(new CancelByClientCommand(booking.accessToken(), s.key())));

        OutgoingMessage confirmation = email(deliver(s), MessageKind.BOOKING_CONFIRMED);

        assertThat(confirmation.booking().orElseThrow().state()).as("the message speaks of the booking as confirmed")
                .isEqualTo(org.rendezvous.core.booking.BookingState.CONFIRMED);
        assertThat(s.reload(booking).state().holdsSeat()).isFalse();
        assertThat(confirmation.parameters()).containsEntry(InvitationSnapshot.START, s.at(WEDNESDAY, 9).toString())
                .containsEntry(InvitationSnapshot.END, s.at(WEDNESDAY, 10).toString())
                .containsEntry(InvitationSnapshot.SEQUENCE, "0");
    }

    @Test
    @DisplayName("CAL-1 confirmed, moved twice and cancelled at one instant (a fixed clock): each e-mail invites to its own time")
    void everythingAtOneInstant() {
        Scenario s = Scenario.create();
        Booking booking = s.confirm(s.book(s.at(WEDNESDAY, 9)));
        accepted(s.engine.clientBookings().moveByClient(new MoveByClientCommand(booking.accessToken(), s.at(THURSDAY, 9),
                s.key())));
        accepted(s.engine.clientBookings().moveByClient(new MoveByClientCommand(booking.accessToken(), s.at(THURSDAY, 10),
                s.key())));
        accepted(s.engine.clientBookings().cancelByClient(new CancelByClientCommand(booking.accessToken(), s.key())));

        List<OutgoingMessage> sent = deliver(s);

        assertThat(email(sent, MessageKind.BOOKING_CONFIRMED).parameters())
                .containsEntry(InvitationSnapshot.START, s.at(WEDNESDAY, 9).toString())
                .containsEntry(InvitationSnapshot.SEQUENCE, "0");
        List<String> moves = sent.stream().filter(m -> m.kind() == MessageKind.MOVED_BY_CLIENT
                        && m.channel() == Channel.EMAIL && m.recipientRole() == Recipient.CLIENT)
                .map(m -> m.parameters().get(InvitationSnapshot.START) + "#" + m.parameters().get(InvitationSnapshot.SEQUENCE))
                .sorted().toList();
        assertThat(moves).containsExactly(s.at(THURSDAY, 9) + "#1", s.at(THURSDAY, 10) + "#2");
        assertThat(email(sent, MessageKind.CANCELLED_BY_CLIENT).parameters()).doesNotContainKey(InvitationSnapshot.START);
    }

    @Test
    @DisplayName("CAL-1 a move of a request not yet confirmed carries no invitation; its later confirmation does, at the new time")
    void moveOfARequest() {
        Scenario s = Scenario.create();
        Booking booking = s.book(s.at(WEDNESDAY, 9));
        s.clock.advance(Duration.ofMinutes(1));
        accepted(s.engine.clientBookings().moveByClient(new MoveByClientCommand(booking.accessToken(), s.at(THURSDAY, 9),
                s.key())));
        s.clock.advance(Duration.ofMinutes(1));
        s.confirm(booking);

        List<OutgoingMessage> sent = deliver(s);

        assertThat(email(sent, MessageKind.MOVED_BY_CLIENT).parameters()).doesNotContainKey(InvitationSnapshot.START);
        assertThat(email(sent, MessageKind.BOOKING_CONFIRMED).parameters())
                .containsEntry(InvitationSnapshot.START, s.at(THURSDAY, 9).toString())
                .containsEntry(InvitationSnapshot.END, s.at(THURSDAY, 10).toString())
                .containsEntry(InvitationSnapshot.SEQUENCE, "1");
    }

    @Test
    @DisplayName("CAL-1 confirmed, then moved before delivery: the confirmation invites to the first time, the move to the new one")
    void confirmedThenMoved() {
        Scenario s = Scenario.create();
        Booking booking = s.confirm(s.book(s.at(WEDNESDAY, 9)));
        s.clock.advance(Duration.ofMinutes(5));
        accepted(s.engine.clientBookings().moveByClient(new MoveByClientCommand(booking.accessToken(), s.at(THURSDAY, 9),
                s.key())));

        List<OutgoingMessage> sent = deliver(s);

        assertThat(email(sent, MessageKind.BOOKING_CONFIRMED).parameters())
                .containsEntry(InvitationSnapshot.START, s.at(WEDNESDAY, 9).toString())
                .containsEntry(InvitationSnapshot.SEQUENCE, "0");
        assertThat(email(sent, MessageKind.MOVED_BY_CLIENT).parameters())
                .containsEntry(InvitationSnapshot.START, s.at(THURSDAY, 9).toString())
                .containsEntry(InvitationSnapshot.SEQUENCE, "1");
        assertThat(email(sent, MessageKind.BOOKING_CONFIRMED).booking().orElseThrow().start())
                .as("the confirmation's text speaks of the time it confirmed, as its invitation does")
                .isEqualTo(s.at(WEDNESDAY, 9));
        assertThat(email(sent, MessageKind.BOOKING_REQUESTED).parameters()).doesNotContainKey(InvitationSnapshot.START);
    }
}
