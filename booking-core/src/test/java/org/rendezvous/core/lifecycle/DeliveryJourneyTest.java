package org.rendezvous.core.lifecycle;

import static java.time.DayOfWeek.THURSDAY;
import static java.time.DayOfWeek.TUESDAY;
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
import org.rendezvous.core.Reminders;
import org.rendezvous.core.booking.Booking;
import org.rendezvous.core.booking.MoveByClientCommand;
import org.rendezvous.core.inmemory.InMemoryReminderCandidates;
import org.rendezvous.core.inmemory.SecureRandomIds;
import org.rendezvous.core.notification.Channel;
import org.rendezvous.core.notification.DeliveryReport;
import org.rendezvous.core.notification.DeliverySettings;
import org.rendezvous.core.notification.MessageKind;
import org.rendezvous.core.notification.OutgoingMessage;
import org.rendezvous.core.notification.Recipient;
import org.rendezvous.core.notification.SendResult;

/** NOT-1 to NOT-4 through the façade: what a booking's life sends, resolved and delivered by the dispatcher. */
class DeliveryJourneyTest {

    @Test
    @DisplayName("NOT-1 NOT-2 NOT-3 NOT-4 request, confirmation, move and both reminders reach each side once, in the practitioner's zone")
    void journey() {
        Scenario s = Scenario.create();
        List<OutgoingMessage> sent = Collections.synchronizedList(new ArrayList<>());
        OutboxDispatcher dispatcher = new OutboxDispatcher(s.stores, message -> {
            sent.add(message);
            return new SendResult.Sent("ok-" + message.id());
        }, s.clock, DeliverySettings.of("journey"));
        Reminders reminders = new Reminders(s.stores, new InMemoryReminderCandidates(s.stores.bookings()),
                new SecureRandomIds(), s.clock, 100);

        Booking booking = s.book(s.at(WEDNESDAY, 9));
        s.clock.advance(Duration.ofMinutes(5));
        s.confirm(booking);
        s.clock.advance(Duration.ofMinutes(5));
        accepted(s.engine.clientBookings().moveByClient(new MoveByClientCommand(booking.accessToken(), s.at(THURSDAY, 9),
                s.key())));

        DeliveryReport first = dispatcher.deliverDue();

        // Anna registered no phone number: her SMS are skipped, everything else goes.
        assertThat(first.skipped()).isEqualTo(2);
        assertThat(first.delivered()).isEqualTo(first.claimed() - 2);
        assertThat(sent).extracting(m -> m.kind() + " " + m.recipientRole() + " " + m.channel()).containsExactly(
                "BOOKING_REQUESTED PRACTITIONER EMAIL", "BOOKING_REQUESTED CLIENT SMS",
                "BOOKING_REQUESTED CLIENT EMAIL", "BOOKING_CONFIRMED CLIENT SMS", "BOOKING_CONFIRMED CLIENT EMAIL",
                "MOVED_BY_CLIENT PRACTITIONER EMAIL", "MOVED_BY_CLIENT CLIENT EMAIL");
        OutgoingMessage moved = sent.get(5);
        assertThat(moved.zone()).isEqualTo(Scenario.PARIS);
        assertThat(moved.to().email().value()).isEqualTo("anna@example.org");
        assertThat(moved.client().orElseThrow().email()).isEqualTo(booking.client().email());
        assertThat(moved.booking().orElseThrow().start()).isEqualTo(s.at(THURSDAY, 9));
        assertThat(moved.booking().orElseThrow().activity()).isEqualTo("Shiatsu");
        assertThat(moved.booking().orElseThrow().calendarSequence()).isEqualTo(1);
        assertThat(moved.parameters()).containsEntry("previousStart", s.at(WEDNESDAY, 9).toString());
        assertThat(dispatcher.deliverDue().claimed()).isZero();

        s.setClock(s.at(TUESDAY, 9));
        reminders.planDue();
        sent.clear();
        dispatcher.deliverDue();
        assertThat(sent).extracting(m -> m.kind() + " " + m.recipientRole() + " " + m.channel())
                .containsExactlyInAnyOrder("FIRST_REMINDER PRACTITIONER EMAIL", "FIRST_REMINDER CLIENT EMAIL");

        s.setClock(s.at(WEDNESDAY, 9));
        reminders.planDue();
        reminders.planDue();
        sent.clear();
        DeliveryReport second = dispatcher.deliverDue();
        assertThat(second.skipped()).as("Anna's SMS").isEqualTo(1);
        assertThat(sent).extracting(m -> m.kind() + " " + m.recipientRole() + " " + m.channel())
                .containsExactlyInAnyOrder("SECOND_REMINDER PRACTITIONER EMAIL", "SECOND_REMINDER CLIENT EMAIL",
                        "SECOND_REMINDER CLIENT SMS");
        assertThat(sent).allSatisfy(m -> assertThat(m.to().phone().isPresent() || m.channel() == Channel.EMAIL).isTrue());
        assertThat(sent).filteredOn(m -> m.recipientRole() == Recipient.CLIENT)
                .allSatisfy(m -> assertThat(m.to().language()).isEqualTo(booking.client().language()));

        s.clock.advance(Duration.ofHours(1));
        reminders.planDue();
        assertThat(dispatcher.deliverDue().claimed()).isZero();
        assertThat(s.messages(booking, MessageKind.FIRST_REMINDER)).hasSize(2);
        assertThat(s.messages(booking, MessageKind.SECOND_REMINDER)).hasSize(4);
    }
}
