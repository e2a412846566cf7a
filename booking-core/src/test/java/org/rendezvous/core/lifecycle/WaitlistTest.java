package org.rendezvous.core.lifecycle;

import static java.time.DayOfWeek.FRIDAY;
import static java.time.DayOfWeek.THURSDAY;
import static java.time.DayOfWeek.TUESDAY;
import static java.time.DayOfWeek.WEDNESDAY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.rendezvous.core.lifecycle.Scenario.accepted;
import static org.rendezvous.core.lifecycle.Scenario.rejected;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.rendezvous.core.booking.Actor;
import org.rendezvous.core.booking.Booking;
import org.rendezvous.core.booking.BookingState;
import org.rendezvous.core.booking.CancelByClientCommand;
import org.rendezvous.core.booking.CancelByPractitionerCommand;
import org.rendezvous.core.booking.TakeWaitlistOfferCommand;
import org.rendezvous.core.notification.MessageKind;
import org.rendezvous.core.notification.OutboxMessage;
import org.rendezvous.core.outcome.Outcome;
import org.rendezvous.core.outcome.Reason;
import org.rendezvous.core.waitlist.WaitlistEntry;

/** CX-7: early-availability alerts, and the first client to take the offer gets the time. */
class WaitlistTest {

    private static Scenario alertsOn() {
        return Scenario.with(settings -> settings.withWaitlistAlerts(true));
    }

    private static Outcome<Booking> take(Scenario s, Booking booking, Instant offered) {
        return s.engine.waitlist().takeOffer(new TakeWaitlistOfferCommand(booking.accessToken(), offered, s.key()));
    }

    private static List<String> offeredStarts(Scenario s, Booking booking) {
        return s.messages(booking, MessageKind.WAITLIST_ALERT).stream()
                .map(OutboxMessage::parameters).map(p -> p.get("offeredStart")).distinct().toList();
    }

    private static void cancel(Scenario s, Booking booking) {
        accepted(s.engine.clientBookings().cancelByClient(new CancelByClientCommand(booking.accessToken(), s.key())));
    }

    @Test
    @DisplayName("CX-7 joining the waitlist is refused with WAITLIST_DISABLED unless the practitioner enabled alerts")
    void waitlistDisabledByDefault() {
        Scenario s = Scenario.create();
        Booking booking = s.book(s.at(THURSDAY, 9));

        assertThat(s.settings().waitlistAlerts()).isFalse();
        assertThat(rejected(s.engine.waitlist().join(booking.accessToken())).reason())
                .isEqualTo(Reason.WAITLIST_DISABLED);

        s.changeSettings(settings -> settings.withWaitlistAlerts(true));
        WaitlistEntry entry = accepted(s.engine.waitlist().join(booking.accessToken()));
        assertThat(entry.bookingId()).isEqualTo(booking.id());
        assertThat(entry.activityId()).isEqualTo(s.shiatsu.id());
        assertThat(accepted(s.engine.waitlist().join(booking.accessToken()))).isEqualTo(entry);
    }

    @Test
    @DisplayName("CX-7 a cancellation freeing an earlier time alerts the waiting clients; the first to accept takes it, the next gets SLOT_FULL")
    void firstToAcceptTakesTheTime() {
        Scenario s = alertsOn();
        Booking leaving = s.book(s.at(WEDNESDAY, 9));
        Booking first = s.bookConfirmed(s.at(THURSDAY, 9));
        Booking second = s.book(s.at(THURSDAY, 10));
        Booking earlier = s.book(s.at(TUESDAY, 9));
        Booking notWaiting = s.book(s.at(FRIDAY, 9));
        for (Booking waiting : List.of(first, second, earlier)) {
            accepted(s.engine.waitlist().join(waiting.accessToken()));
        }

        cancel(s, leaving);

        Instant freed = s.at(WEDNESDAY, 9);
        s.assertAnnounced(first, MessageKind.WAITLIST_ALERT);
        s.assertAnnounced(second, MessageKind.WAITLIST_ALERT);
        assertThat(offeredStarts(s, first)).containsExactly(freed.toString());
        assertThat(offeredStarts(s, second)).containsExactly(freed.toString());
        assertThat(s.messages(earlier, MessageKind.WAITLIST_ALERT)).isEmpty();
        assertThat(s.messages(notWaiting, MessageKind.WAITLIST_ALERT)).isEmpty();

        Booking moved = accepted(take(s, first, freed));
        var tooLate = rejected(take(s, second, freed));

        assertThat(moved.start()).isEqualTo(freed);
        assertThat(moved.state()).isEqualTo(BookingState.CONFIRMED);
        assertThat(moved.moves()).hasSize(1);
        assertThat(moved.moves().get(0).actor()).isEqualTo(Actor.CLIENT);
        s.assertAnnounced(moved, MessageKind.MOVED_BY_CLIENT);
        assertThat(rejected(s.engine.waitlist().leave(first.accessToken())).reason())
                .isEqualTo(Reason.NOT_ON_WAITLIST);
        assertThat(tooLate.reason()).isEqualTo(Reason.SLOT_FULL);
        assertThat(s.reload(second).start()).isEqualTo(s.at(THURSDAY, 10));
        assertThat(s.reload(second).moves()).isEmpty();

        // The first client's move freed Thursday 09:00, earlier than the second client's time: offered in turn.
        assertThat(offeredStarts(s, second)).containsExactly(freed.toString(), s.at(THURSDAY, 9).toString());
        assertThat(accepted(take(s, second, s.at(THURSDAY, 9))).start()).isEqualTo(s.at(THURSDAY, 9));
    }

    @Test
    @DisplayName("CX-7 an offer must be earlier than the booking and taken by a client on the waitlist")
    void offerRules() {
        Scenario s = alertsOn();
        Booking waiting = s.book(s.at(THURSDAY, 9));
        Booking notOnList = s.book(s.at(THURSDAY, 10));
        accepted(s.engine.waitlist().join(waiting.accessToken()));

        assertThat(rejected(take(s, waiting, s.at(FRIDAY, 9))).reason()).isEqualTo(Reason.NOT_EARLIER);
        assertThat(rejected(take(s, notOnList, s.at(WEDNESDAY, 9))).reason()).isEqualTo(Reason.NOT_ON_WAITLIST);
        assertThat(accepted(s.engine.waitlist().leave(waiting.accessToken()))).isEqualTo(waiting.id());
        assertThat(rejected(take(s, waiting, s.at(WEDNESDAY, 9))).reason()).isEqualTo(Reason.NOT_ON_WAITLIST);
    }

    @Test
    @DisplayName("CX-7 no alert is sent once the practitioner has turned alerts off")
    void noAlertWhenDisabled() {
        Scenario s = alertsOn();
        Booking leaving = s.book(s.at(WEDNESDAY, 9));
        Booking waiting = s.book(s.at(THURSDAY, 9));
        accepted(s.engine.waitlist().join(waiting.accessToken()));
        s.changeSettings(settings -> settings.withWaitlistAlerts(false));

        cancel(s, leaving);

        assertThat(s.messages(waiting, MessageKind.WAITLIST_ALERT)).isEmpty();
        assertThat(rejected(take(s, waiting, s.at(WEDNESDAY, 9))).reason()).isEqualTo(Reason.WAITLIST_DISABLED);
    }

    @Test
    @DisplayName("CX-7 a practitioner's cancellation alerts the waiting clients as well")
    void practitionerCancellationAlerts() {
        Scenario s = alertsOn();
        Booking leaving = s.bookConfirmed(s.at(WEDNESDAY, 10));
        Booking waiting = s.book(s.at(FRIDAY, 10));
        accepted(s.engine.waitlist().join(waiting.accessToken()));

        accepted(s.engine.bookings().cancelByPractitioner(new CancelByPractitionerCommand(s.anna, leaving.id(), s.key())));

        s.assertAnnounced(waiting, MessageKind.WAITLIST_ALERT);
        assertThat(offeredStarts(s, waiting)).containsExactly(s.at(WEDNESDAY, 10).toString());
    }

    @Test
    @DisplayName("CX-7 each cancellation that frees the time again alerts the waiting client again")
    void everyCancellationAlerts() {
        Scenario s = alertsOn();
        Booking firstLeaving = s.book(s.at(WEDNESDAY, 9));
        Booking waiting = s.book(s.at(THURSDAY, 9));
        accepted(s.engine.waitlist().join(waiting.accessToken()));

        cancel(s, firstLeaving);
        assertThat(s.messages(waiting, MessageKind.WAITLIST_ALERT)).hasSize(2);
        // Someone else takes the freed time before the waiting client answers, then cancels in turn.
        Booking secondLeaving = s.book(s.at(WEDNESDAY, 9));
        cancel(s, secondLeaving);

        assertThat(Scenario.routes(s.messages(waiting, MessageKind.WAITLIST_ALERT)))
                .as("one SMS and one e-mail per cancellation that freed Wednesday 09:00")
                .hasSize(2 * MessageKind.WAITLIST_ALERT.routes().size());
    }
}
