package org.rendezvous.core.port.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rendezvous.core.notification.Channel.EMAIL;
import static org.rendezvous.core.notification.Channel.SMS;
import static org.rendezvous.core.notification.Recipient.CLIENT;
import static org.rendezvous.core.notification.Recipient.PRACTITIONER;
import static org.rendezvous.core.port.contract.StoreFixtures.hours;

import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.rendezvous.core.agenda.Activity;
import org.rendezvous.core.booking.Booking;
import org.rendezvous.core.client.Client;
import org.rendezvous.core.notification.OutboxMessage;
import org.rendezvous.core.port.Outbox;
import org.rendezvous.core.port.Stores;
import org.rendezvous.core.practitioner.PractitionerId;

/** What every {@link Outbox} adapter must do (NOT-3). */
public abstract class OutboxContract {

    protected final StoreFixtures fixtures = new StoreFixtures();
    protected Stores stores;
    protected Outbox outbox;
    protected PractitionerId anna;
    protected Booking booking;
    protected Booking otherBooking;

    /** Fresh, empty stores for each test. */
    protected abstract Stores newStores();

    @BeforeEach
    void freshStores() {
        stores = newStores();
        outbox = stores.outbox();
        anna = fixtures.registerPractitioner(stores);
        Activity activity = fixtures.addActivity(stores, anna);
        Client client = fixtures.addClient(stores, anna);
        booking = fixtures.booking(activity, client).start(hours(48)).build();
        otherBooking = fixtures.booking(activity, client).start(hours(72)).build();
        stores.bookings().add(booking);
        stores.bookings().add(otherBooking);
    }

    @Test
    @DisplayName("NOT-3 a message appended is accepted and read back with every field")
    void messageRoundTrip() {
        OutboxMessage message = fixtures.message(booking, "booking:" + booking.id() + ":confirmed", CLIENT, EMAIL);

        assertThat(outbox.append(message)).isTrue();

        assertThat(outbox.aboutBooking(booking.id())).containsExactly(message);
    }

    @Test
    @DisplayName("NOT-3 a second message with the same cause, recipient and channel is not added: append answers false")
    void deduplicatedOnCauseRecipientChannel() {
        OutboxMessage first = fixtures.message(booking, "cause-1", CLIENT, EMAIL);
        OutboxMessage replay = fixtures.message(booking, "cause-1", CLIENT, EMAIL);

        assertThat(outbox.append(first)).isTrue();
        assertThat(outbox.append(replay)).isFalse();

        assertThat(outbox.aboutBooking(booking.id())).containsExactly(first);
    }

    @Test
    @DisplayName("NOT-3 the same cause for another recipient or by another channel is another message")
    void otherRecipientOrChannelIsAnotherMessage() {
        OutboxMessage clientEmail = fixtures.message(booking, "cause-1", CLIENT, EMAIL);
        OutboxMessage clientSms = fixtures.message(booking, "cause-1", CLIENT, SMS);
        OutboxMessage practitionerEmail = fixtures.message(booking, "cause-1", PRACTITIONER, EMAIL);
        OutboxMessage practitionerSms = fixtures.message(booking, "cause-1", PRACTITIONER, SMS);

        assertThat(outbox.append(clientEmail)).isTrue();
        assertThat(outbox.append(clientSms)).isTrue();
        assertThat(outbox.append(practitionerEmail)).isTrue();
        assertThat(outbox.append(practitionerSms)).isTrue();

        assertThat(outbox.aboutBooking(booking.id()))
                .containsExactly(clientEmail, clientSms, practitionerEmail, practitionerSms);
    }

    @Test
    @DisplayName("NOT-3 another cause for the same recipient and channel is another message")
    void otherCauseIsAnotherMessage() {
        OutboxMessage confirmed = fixtures.message(booking, "cause-1", CLIENT, EMAIL);
        OutboxMessage moved = fixtures.message(booking, "cause-2", CLIENT, EMAIL);

        assertThat(outbox.append(confirmed)).isTrue();
        assertThat(outbox.append(moved)).isTrue();

        assertThat(outbox.aboutBooking(booking.id())).containsExactly(confirmed, moved);
    }

    @Test
    @DisplayName("the messages about a booking are listed in the order they were written, not by id or time")
    void aboutBookingInWriteOrder() {
        OutboxMessage a = fixtures.message(anna, Optional.of(booking.id()), "cause-a", CLIENT, EMAIL, hours(3));
        OutboxMessage b = fixtures.message(anna, Optional.of(booking.id()), "cause-b", CLIENT, EMAIL, hours(1));
        OutboxMessage c = fixtures.message(anna, Optional.of(booking.id()), "cause-c", CLIENT, EMAIL, hours(2));

        outbox.append(c);
        outbox.append(a);
        outbox.append(b);

        assertThat(outbox.aboutBooking(booking.id())).containsExactly(c, a, b);
    }

    @Test
    @DisplayName("the messages about a booking are only that booking's")
    void aboutBookingOnlyThatBooking() {
        OutboxMessage mine = fixtures.message(booking, "cause-1", CLIENT, EMAIL);
        OutboxMessage other = fixtures.message(otherBooking, "cause-2", CLIENT, EMAIL);
        outbox.append(mine);
        outbox.append(other);
        outbox.append(fixtures.message(anna, Optional.empty(), "cause-3", PRACTITIONER, EMAIL, hours(1)));

        assertThat(outbox.aboutBooking(booking.id())).containsExactly(mine);
        assertThat(outbox.aboutBooking(otherBooking.id())).containsExactly(other);
        assertThat(outbox.aboutBooking(fixtures.bookingId())).isEmpty();
    }

    @Test
    @DisplayName("NOT-3 a message about no booking is accepted once and deduplicated like any other")
    void messageAboutNoBooking() {
        OutboxMessage first = fixtures.message(anna, Optional.empty(), "digest:2030-03-04", PRACTITIONER, EMAIL,
                hours(1));
        OutboxMessage replay = fixtures.message(anna, Optional.empty(), "digest:2030-03-04", PRACTITIONER, EMAIL,
                hours(2));

        assertThat(outbox.append(first)).isTrue();
        assertThat(outbox.append(replay)).isFalse();
    }
}
