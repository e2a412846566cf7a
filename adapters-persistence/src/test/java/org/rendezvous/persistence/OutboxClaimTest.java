package org.rendezvous.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.rendezvous.core.notification.Channel.EMAIL;
import static org.rendezvous.core.notification.Recipient.CLIENT;
import static org.rendezvous.core.port.contract.StoreFixtures.hours;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.rendezvous.core.agenda.Activity;
import org.rendezvous.core.booking.Booking;
import org.rendezvous.core.client.Client;
import org.rendezvous.core.notification.ClaimedMessage;
import org.rendezvous.core.notification.Lease;
import org.rendezvous.core.notification.OutboxMessage;
import org.rendezvous.core.port.Stores;
import org.rendezvous.core.port.contract.StoreFixtures;
import org.rendezvous.core.practitioner.PractitionerId;

/** NOT-3 on PostgreSQL: a claim is committed by itself, whatever transaction its caller has open. */
class OutboxClaimTest {

    private final StoreFixtures fixtures = new StoreFixtures();
    private Stores stores;
    private OutboxMessage message;
    private final Instant now = hours(1);

    @BeforeEach
    void setUp() {
        stores = TestDatabase.freshStores();
        PractitionerId anna = fixtures.registerPractitioner(stores);
        Activity activity = fixtures.addActivity(stores, anna);
        Client client = fixtures.addClient(stores, anna);
        Booking booking = fixtures.booking(activity, client).build();
        stores.bookings().add(booking);
        message = fixtures.message(booking, "cause-1", CLIENT, EMAIL);
        stores.outbox().append(message);
    }

    private Lease lease(String owner) {
        return new Lease(owner, StoreFixtures.micros(now.plus(Duration.ofMinutes(5))));
    }

    @Test
    @DisplayName("NOT-3 a claim made inside a unit of work that rolls back keeps its lease: the message may have gone out")
    void claimSurvivesTheCallersRollback() {
        assertThatThrownBy(() -> stores.transactions().inTransaction(() -> {
            assertThat(stores.outbox().claimDue(now, 10, lease("a"))).hasSize(1);
            throw new IllegalStateException("the caller fails after the claim");
        })).hasMessageContaining("the caller fails");

        assertThat(stores.outbox().claimDue(now, 10, lease("b"))).isEmpty();
        assertThat(stores.outbox().markDelivered(message.id(), now, "ref")).isTrue();
    }

    @Test
    @DisplayName("NOT-3 a claim made inside an open unit of work is visible to another instance at once")
    void claimIsVisibleBeforeTheCallerCommits() {
        Stores otherInstance = PostgresStores.open(TestDatabase.newPool(2, "other-instance"));

        List<ClaimedMessage> seenByOther = stores.transactions().inTransaction(() -> {
            assertThat(stores.outbox().claimDue(now, 10, lease("a"))).hasSize(1);
            // Another thread, another pool: had the claim joined this open transaction, the other instance would
            // not see the lease yet and would claim the message too.
            return CompletableFuture.supplyAsync(() -> otherInstance.outbox().claimDue(now, 10, lease("b")))
                    .orTimeout(10, TimeUnit.SECONDS).join();
        });

        assertThat(seenByOther).isEmpty();
    }
}
