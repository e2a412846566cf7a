package org.rendezvous.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.rendezvous.core.OutboxDispatcher;
import org.rendezvous.core.agenda.Activity;
import org.rendezvous.core.booking.Booking;
import org.rendezvous.core.client.Client;
import org.rendezvous.core.inmemory.InMemoryStores;
import org.rendezvous.core.notification.DeliveryReport;
import org.rendezvous.core.notification.DeliverySettings;
import org.rendezvous.core.notification.DeliveryState;
import org.rendezvous.core.notification.OutboxEntry;
import org.rendezvous.core.notification.OutboxMessage;
import org.rendezvous.core.notification.RetryPolicy;
import org.rendezvous.core.port.Stores;
import org.rendezvous.core.port.contract.StoreFixtures;
import org.rendezvous.core.practitioner.PractitionerId;
import org.rendezvous.core.testing.MutableClock;
import org.rendezvous.core.notification.Channel;
import org.rendezvous.core.notification.Recipient;

/** The dispatcher of the core delivering through SMTP, with the SMTP server going away and coming back. */
class SmtpDeliveryTest {

    GreenMail server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop();
        }
    }

    @Test
    @DisplayName("NOT-3 SMTP server down: a temporary failure, retried later, delivered once the server is back, and only once")
    void serverDownThenBack() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        StoreFixtures fixtures = new StoreFixtures();
        Stores stores = InMemoryStores.create();
        PractitionerId anna = fixtures.registerPractitioner(stores);
        Activity activity = fixtures.addActivity(stores, anna);
        Client client = fixtures.addClient(stores, anna);
        Booking booking = fixtures.booking(activity, client).start(StoreFixtures.hours(48)).build();
        stores.bookings().add(booking);
        OutboxMessage message = fixtures.message(booking, "confirmed:" + booking.id(), Recipient.CLIENT, Channel.EMAIL);
        stores.outbox().append(message);
        MutableClock clock = new MutableClock(StoreFixtures.hours(1));
        SmtpMessageSender smtp = new SmtpMessageSender(
                SmtpSettings.of("127.0.0.1", port, SmtpSettings.Security.NONE).withTimeout(Duration.ofSeconds(2)),
                Samples.SENDER, Samples.templates(), Samples.invitations(), clock);
        OutboxDispatcher dispatcher = new OutboxDispatcher(stores, smtp, clock,
                DeliverySettings.of("test").withRetry(new RetryPolicy(5, Duration.ofMinutes(1), Duration.ofMinutes(10))));

        DeliveryReport down = dispatcher.deliverDue();

        assertThat(down.retryLater()).isEqualTo(1);
        OutboxEntry waiting = stores.outbox().entry(message.id()).orElseThrow();
        assertThat(waiting.state()).isEqualTo(DeliveryState.PENDING);
        assertThat(waiting.lastError().orElseThrow()).startsWith("temporary: SMTP server unreachable");

        server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.start();
        assertThat(dispatcher.deliverDue().claimed()).as("not before its next attempt").isZero();
        clock.set(waiting.nextAttemptAt());

        DeliveryReport back = dispatcher.deliverDue();

        assertThat(back.delivered()).isEqualTo(1);
        assertThat(server.waitForIncomingEmail(5_000, 1)).isTrue();
        clock.advance(Duration.ofHours(1));
        assertThat(dispatcher.deliverDue().claimed()).isZero();
        assertThat(server.getReceivedMessages()).hasSize(1);
        assertThat(server.getReceivedMessages()[0].getAllRecipients()[0].toString())
                .contains(client.details().email().value());
        assertThat(stores.outbox().entry(message.id()).orElseThrow().providerReference())
                .isEqualTo(Optional.of("<" + message.id() + "@rendezvous.test>"));
    }
}
