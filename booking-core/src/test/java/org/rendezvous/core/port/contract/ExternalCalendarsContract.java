package org.rendezvous.core.port.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.rendezvous.core.port.contract.StoreFixtures.hours;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.rendezvous.core.agenda.TimeRange;
import org.rendezvous.core.agenda.Unavailability;
import org.rendezvous.core.calendar.CalendarAddress;
import org.rendezvous.core.calendar.ExternalCalendar;
import org.rendezvous.core.calendar.FetchFailure;
import org.rendezvous.core.port.ExternalCalendars;
import org.rendezvous.core.port.Stores;
import org.rendezvous.core.practitioner.PractitionerId;

/** What every {@link ExternalCalendars} adapter (the practitioners' own calendars, issue 14 item 3) must do. */
public abstract class ExternalCalendarsContract {

    protected final StoreFixtures fixtures = new StoreFixtures();
    protected Stores stores;
    protected ExternalCalendars calendars;

    private static final CalendarAddress HOME = new CalendarAddress("https://calendar.example.org/private-abc/basic.ics");
    private static final CalendarAddress OTHER = new CalendarAddress("https://calendar.example.org/private-xyz/basic.ics");

    /** Fresh, empty stores for each test. */
    protected abstract Stores newStores();

    /** The adapter under test, sharing the transactions (and the agendas' reads) of {@code stores}. */
    protected abstract ExternalCalendars newCalendars(Stores stores);

    @BeforeEach
    void freshStores() {
        stores = newStores();
        calendars = newCalendars(stores);
    }

    private static TimeRange range(long fromHour, long toHour) {
        return new TimeRange(hours(fromHour), hours(toHour));
    }

    @Test
    @DisplayName("issue 14.3 a practitioner has no own calendar until they give its address; a new address forgets the old state and busy times")
    void subscribeAndReplace() {
        PractitionerId anna = fixtures.registerPractitioner(stores);
        assertThat(calendars.find(anna)).isEmpty();

        calendars.subscribe(anna, HOME);
        assertThat(calendars.find(anna)).contains(ExternalCalendar.subscribed(anna, HOME));

        calendars.recordRead(anna, HOME, hours(1), List.of(range(9, 10)), Optional.of("\"v1\""), Optional.empty());
        calendars.subscribe(anna, OTHER);

        assertThat(calendars.find(anna)).contains(ExternalCalendar.subscribed(anna, OTHER));
        assertThat(calendars.busy(anna, hours(0), hours(24))).isEmpty();
    }

    @Test
    @DisplayName("issue 14.3, AG-5 busy times read are kept and reach availability with the unavailabilities, in the same read")
    void readBusyTimesBlockLikeUnavailabilities() {
        PractitionerId anna = fixtures.registerPractitioner(stores);
        PractitionerId bruno = fixtures.registerPractitioner(stores);
        calendars.subscribe(anna, HOME);
        calendars.subscribe(bruno, OTHER);
        Unavailability holiday = fixtures.unavailability(anna, hours(11), hours(12));
        stores.agendas().saveUnavailability(holiday);

        calendars.recordRead(anna, HOME, hours(1), List.of(range(12, 13), range(9, 10), range(30, 31)),
                Optional.of("\"v1\""), Optional.of("Tue, 05 Mar 2030 08:00:00 GMT"));
        calendars.recordRead(bruno, OTHER, hours(1), List.of(range(9, 10)), Optional.empty(), Optional.empty());

        ExternalCalendar read = calendars.find(anna).orElseThrow();
        assertThat(read.lastSuccessAt()).contains(hours(1));
        assertThat(read.etag()).contains("\"v1\"");
        assertThat(read.lastModified()).contains("Tue, 05 Mar 2030 08:00:00 GMT");
        assertThat(read.busyPeriods()).isEqualTo(3);
        assertThat(read.failure()).isEmpty();
        assertThat(calendars.busy(anna, hours(8), hours(14))).containsExactly(range(9, 10), range(12, 13));

        List<Unavailability> blocking = stores.agendas().openingsAndUnavailabilities(anna, hours(8), hours(14))
                .unavailabilities();
        assertThat(blocking).contains(holiday);
        assertThat(blocking).filteredOn(u -> u.label().equals(ExternalCalendar.BUSY_LABEL))
                .extracting(u -> new TimeRange(u.from(), u.to())).containsExactly(range(9, 10), range(12, 13));
        assertThat(stores.agendas().unavailabilities(anna, hours(8), hours(14)))
                .as("the practitioner's own list of unavailabilities does not show the imported busy times")
                .containsExactly(holiday);
    }

    @Test
    @DisplayName("issue 14.3 a failed fetch keeps the busy times last read and says why; a later read clears the failure")
    void failureKeepsLastKnownBusyTimes() {
        PractitionerId anna = fixtures.registerPractitioner(stores);
        calendars.subscribe(anna, HOME);
        calendars.recordRead(anna, HOME, hours(1), List.of(range(9, 10)), Optional.of("\"v1\""), Optional.empty());

        calendars.recordFailure(anna, HOME, hours(2), FetchFailure.HTTP_STATUS, "500");

        ExternalCalendar failed = calendars.find(anna).orElseThrow();
        assertThat(failed.failure()).contains(FetchFailure.HTTP_STATUS);
        assertThat(failed.failureDetail()).contains("500");
        assertThat(failed.lastFailureAt()).contains(hours(2));
        assertThat(failed.lastSuccessAt()).contains(hours(1));
        assertThat(failed.etag()).contains("\"v1\"");
        assertThat(calendars.busy(anna, hours(0), hours(24))).containsExactly(range(9, 10));

        calendars.recordUnchanged(anna, HOME, hours(3));
        ExternalCalendar unchanged = calendars.find(anna).orElseThrow();
        assertThat(unchanged.failure()).isEmpty();
        assertThat(unchanged.lastSuccessAt()).contains(hours(3));
        assertThat(unchanged.lastFailureAt()).contains(hours(2));
        assertThat(calendars.busy(anna, hours(0), hours(24))).containsExactly(range(9, 10));
    }

    @Test
    @DisplayName("issue 14.3 what a fetch of an address replaced meanwhile gives is not kept")
    void staleAddressIgnored() {
        PractitionerId anna = fixtures.registerPractitioner(stores);
        calendars.subscribe(anna, OTHER);

        calendars.recordRead(anna, HOME, hours(1), List.of(range(9, 10)), Optional.empty(), Optional.empty());
        calendars.recordFailure(anna, HOME, hours(1), FetchFailure.TIMEOUT, "");

        assertThat(calendars.find(anna)).contains(ExternalCalendar.subscribed(anna, OTHER));
        assertThat(calendars.busy(anna, hours(0), hours(24))).isEmpty();
    }

    @Test
    @DisplayName("issue 14.3 a claim takes the calendars due, marks them attempted, and does not take them again before their turn")
    void claims() {
        PractitionerId anna = fixtures.registerPractitioner(stores);
        PractitionerId bruno = fixtures.registerPractitioner(stores);
        calendars.subscribe(anna, HOME);
        calendars.subscribe(bruno, OTHER);

        List<ExternalCalendar> first = stores.transactions().inTransaction(() -> calendars.claimDue(hours(1), hours(0), 1));
        assertThat(first).hasSize(1);
        List<ExternalCalendar> second = stores.transactions().inTransaction(() -> calendars.claimDue(hours(1), hours(0), 5));
        assertThat(second).extracting(ExternalCalendar::practitionerId)
                .doesNotContain(first.get(0).practitionerId()).hasSize(1);
        assertThat(stores.transactions().inTransaction(() -> calendars.claimDue(hours(1), hours(0), 5))).isEmpty();
        assertThat(calendars.find(anna).orElseThrow().lastAttemptAt()).contains(hours(1));

        List<ExternalCalendar> later = stores.transactions().inTransaction(() -> calendars.claimDue(hours(3), hours(2), 5));
        assertThat(later).extracting(ExternalCalendar::practitionerId).containsExactlyInAnyOrder(anna, bruno);
        assertThat(later).allSatisfy(c -> assertThat(c.lastAttemptAt()).contains(hours(3)));
    }

    @Test
    @DisplayName("issue 14.3 removing the address forgets the busy times at once")
    void removal() {
        PractitionerId anna = fixtures.registerPractitioner(stores);
        assertThat(calendars.remove(anna)).isFalse();
        calendars.subscribe(anna, HOME);
        calendars.recordRead(anna, HOME, hours(1), List.of(range(9, 10)), Optional.empty(), Optional.empty());

        assertThat(calendars.remove(anna)).isTrue();

        assertThat(calendars.find(anna)).isEmpty();
        assertThat(calendars.busy(anna, hours(0), hours(24))).isEmpty();
        assertThat(stores.agendas().openingsAndUnavailabilities(anna, hours(0), hours(24)).unavailabilities()).isEmpty();
    }

    @Test
    @DisplayName("busy times read in a unit of work that fails are not kept")
    void rolledBack() {
        PractitionerId anna = fixtures.registerPractitioner(stores);
        calendars.subscribe(anna, HOME);
        calendars.recordRead(anna, HOME, hours(1), List.of(range(9, 10)), Optional.empty(), Optional.empty());

        assertThatThrownBy(() -> stores.transactions().inTransaction(() -> {
            calendars.recordRead(anna, HOME, hours(2), List.of(range(14, 15)), Optional.empty(), Optional.empty());
            throw new IllegalStateException("boom");
        })).hasMessage("boom");

        assertThat(calendars.busy(anna, hours(0), hours(24))).containsExactly(range(9, 10));
        assertThat(calendars.find(anna).orElseThrow().lastSuccessAt()).contains(hours(1));
    }

    @Test
    @DisplayName("issue 14.3 an own calendar's address is https (webcal read as https), http only on the loopback host, at most 2000 characters")
    void addressShape() {
        assertThat(new CalendarAddress("webcal://p01-caldav.icloud.com/published/2/abc").value())
                .isEqualTo("https://p01-caldav.icloud.com/published/2/abc");
        assertThat(new CalendarAddress("http://127.0.0.1:8123/cal.ics").uri().getPort()).isEqualTo(8123);
        for (String bad : List.of("", "   ", "http://calendar.example.org/x.ics", "ftp://example.org/x.ics",
                "https://user:pw@example.org/x.ics", "not an address", "/relative.ics", "file:///etc/passwd",
                "https://example.org/" + "a".repeat(2000))) {
            assertThatThrownBy(() -> new CalendarAddress(bad)).as(bad).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("address:");
        }
        assertThat(HOME.toString()).doesNotContain("private-abc");
        assertThat(HOME.masked()).isEqualTo("https://calendar.example.org/….ics");
    }
}
