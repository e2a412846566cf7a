package org.rendezvous.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.rendezvous.core.OutboxDispatcher;
import org.rendezvous.core.agenda.Activity;
import org.rendezvous.core.booking.Booking;
import org.rendezvous.core.client.Client;
import org.rendezvous.core.inmemory.InMemoryStores;
import org.rendezvous.core.notification.Channel;
import org.rendezvous.core.notification.DeliverySettings;
import org.rendezvous.core.notification.DeliveryState;
import org.rendezvous.core.notification.OutboxEntry;
import org.rendezvous.core.notification.OutboxMessage;
import org.rendezvous.core.notification.Recipient;
import org.rendezvous.core.notification.RetryPolicy;
import org.rendezvous.core.port.Stores;
import org.rendezvous.core.port.contract.StoreFixtures;
import org.rendezvous.core.practitioner.PractitionerId;
import org.rendezvous.core.testing.MutableClock;

/** The core's dispatcher delivering SMS through Twilio's wire format, the provider failing then recovering. */
class SmsDeliveryTest {

    /** What Twilio answers to a created message (abridged only of fields nobody reads). */
    static final String CREATED = """
            {"account_sid": "AC0123456789abcdef0123456789abcdef", "api_version": "2010-04-01",
             "body": "Rappel : \\"sid\\": no", "date_created": "Thu, 24 Aug 2023 05:01:45 +0000",
             "direction": "outbound-api", "error_code": null, "error_message": null, "from": "+33700000000",
             "messaging_service_sid": null, "num_media": "0", "num_segments": "1", "price": null,
             "sid": "SM1234567890abcdef1234567890abcdef", "status": "queued",
             "subresource_uris": {"media": "/2010-04-01/Accounts/AC0123456789abcdef0123456789abcdef/Messages/SM1234567890abcdef1234567890abcdef/Media.json"},
             "to": "+33698765432", "uri": "/2010-04-01/Accounts/AC0123456789abcdef0123456789abcdef/Messages/SM1234567890abcdef1234567890abcdef.json"}
            """;

    @Test
    @DisplayName("NOT-3 SMS provider answering 5xx: retried with back-off, delivered once it recovers, parked after an invalid number")
    void fiveHundredThenRecovered() throws Exception {
        StoreFixtures fixtures = new StoreFixtures();
        Stores stores = InMemoryStores.create();
        PractitionerId anna = fixtures.registerPractitioner(stores);
        Activity activity = fixtures.addActivity(stores, anna);
        Client client = fixtures.addClient(stores, anna);
        Booking booking = fixtures.booking(activity, client).start(StoreFixtures.hours(48)).build();
        stores.bookings().add(booking);
        OutboxMessage sms = fixtures.message(booking, "confirmed:" + booking.id(), Recipient.CLIENT, Channel.SMS);
        OutboxMessage toAnna = fixtures.message(booking, "confirmed:" + booking.id(), Recipient.PRACTITIONER,
                Channel.SMS);
        stores.outbox().append(sms);
        MutableClock clock = new MutableClock(StoreFixtures.hours(1));
        try (FakeSmsProvider twilio = new FakeSmsProvider()) {
            TwilioSmsSender sender = new TwilioSmsSender(TwilioSettings.of("AC0123456789abcdef0123456789abcdef", "t",
                    "+33700000000").withBaseUrl(twilio.baseUrl()), Samples.templates());
            OutboxDispatcher dispatcher = new OutboxDispatcher(stores, sender, clock, DeliverySettings.of("sms")
                    .withRetry(new RetryPolicy(4, Duration.ofSeconds(20), Duration.ofMinutes(5))));

            twilio.answers(503, "{\"code\": 20503, \"message\": \"Service Unavailable\", \"status\": 503}");
            assertThat(dispatcher.deliverDue().retryLater()).isEqualTo(1);
            clock.set(stores.outbox().entry(sms.id()).orElseThrow().nextAttemptAt());
            assertThat(dispatcher.deliverDue().retryLater()).isEqualTo(1);
            OutboxEntry afterTwo = stores.outbox().entry(sms.id()).orElseThrow();
            assertThat(afterTwo.attempts()).isEqualTo(2);
            assertThat(afterTwo.lastError().orElseThrow()).contains("Twilio 503");

            twilio.answers(201, CREATED);
            clock.set(afterTwo.nextAttemptAt());
            assertThat(dispatcher.deliverDue().delivered()).isEqualTo(1);

            OutboxEntry delivered = stores.outbox().entry(sms.id()).orElseThrow();
            assertThat(delivered.state()).isEqualTo(DeliveryState.DELIVERED);
            assertThat(delivered.providerReference()).contains("SM1234567890abcdef1234567890abcdef");
            assertThat(twilio.requests()).hasSize(3);
            assertThat(TwilioSmsSenderTest.form(twilio.requests().get(2).body()))
                    .containsEntry("To", client.details().phone().value());

            stores.outbox().append(toAnna);
            twilio.answers(400, "{\"code\": 21211, \"message\": \"The 'To' number is not a valid phone number.\"}");
            assertThat(dispatcher.deliverDue().parked()).isEqualTo(1);
            assertThat(dispatcher.parked(10)).extracting(e -> e.message().id()).containsExactly(toAnna.id());
        }
    }
}
