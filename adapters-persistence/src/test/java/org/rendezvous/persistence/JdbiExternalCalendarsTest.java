package org.rendezvous.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.rendezvous.core.calendar.CalendarAddress;
import org.rendezvous.core.calendar.ExternalCalendar;
import org.rendezvous.core.port.ExternalCalendars;
import org.rendezvous.core.port.Stores;
import org.rendezvous.core.port.contract.ExternalCalendarsContract;
import org.rendezvous.core.practitioner.PractitionerId;

/** The PostgreSQL adapter passes the own-calendars contract of booking-core, and claims skip what is claimed. */
class JdbiExternalCalendarsTest extends ExternalCalendarsContract {

    @Override
    protected Stores newStores() {
        return TestDatabase.freshStores();
    }

    @Override
    protected ExternalCalendars newCalendars(Stores stores) {
        return PostgresStores.externalCalendars(stores);
    }

    @Test
    @DisplayName("issue 14.3 two instances claiming at once get different calendars, without waiting for each other")
    void concurrentClaimsSkipLockedRows() throws Exception {
        PractitionerId anna = fixtures.registerPractitioner(stores);
        PractitionerId bruno = fixtures.registerPractitioner(stores);
        calendars.subscribe(anna, new CalendarAddress("https://calendar.example.org/a.ics"));
        calendars.subscribe(bruno, new CalendarAddress("https://calendar.example.org/b.ics"));
        Instant now = Instant.parse("2030-03-04T08:00:00Z");
        CountDownLatch claimed = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);

        CompletableFuture<List<ExternalCalendar>> first = CompletableFuture.supplyAsync(() ->
                stores.transactions().inTransaction(() -> {
                    List<ExternalCalendar> mine = calendars.claimDue(now, now.minusSeconds(60), 1);
                    claimed.countDown();
                    try {
                        release.await(10, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return mine;
                }));
        assertThat(claimed.await(10, TimeUnit.SECONDS)).isTrue();
        List<ExternalCalendar> second = stores.transactions().inTransaction(
                () -> calendars.claimDue(now, now.minusSeconds(60), 5));
        release.countDown();
        List<ExternalCalendar> firstClaim = first.get(10, TimeUnit.SECONDS);

        assertThat(firstClaim).hasSize(1);
        assertThat(second).hasSize(1);
        assertThat(second.get(0).practitionerId()).isNotEqualTo(firstClaim.get(0).practitionerId());
    }
}
