package org.rendezvous.core.properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.rendezvous.core.ExternalCalendarService;
import org.rendezvous.core.JobReport;
import org.rendezvous.core.Rendezvous;
import org.rendezvous.core.agenda.Activity;
import org.rendezvous.core.agenda.AddActivityCommand;
import org.rendezvous.core.agenda.AvailabilityQuery;
import org.rendezvous.core.agenda.ConsultationMode;
import org.rendezvous.core.agenda.OpeningSpec;
import org.rendezvous.core.agenda.Slot;
import org.rendezvous.core.agenda.TimeRange;
import org.rendezvous.core.booking.BookCommand;
import org.rendezvous.core.calendar.ExternalCalendar;
import org.rendezvous.core.calendar.FetchFailure;
import org.rendezvous.core.client.ClientDetails;
import org.rendezvous.core.idempotency.IdempotencyKey;
import org.rendezvous.core.inmemory.InMemoryExternalCalendars;
import org.rendezvous.core.inmemory.InMemoryStores;
import org.rendezvous.core.money.Money;
import org.rendezvous.core.outcome.Outcome;
import org.rendezvous.core.port.BusyTimeSource;
import org.rendezvous.core.port.Stores;
import org.rendezvous.core.practitioner.PractitionerId;
import org.rendezvous.core.practitioner.RegisterPractitionerCommand;
import org.rendezvous.core.testing.MutableClock;
import org.rendezvous.core.testing.SequentialIds;

/**
 * Issue 14 item 3 on the engine with in-memory stores: the busy periods of the practitioner's own calendar block
 * availability exactly as unavailabilities do (AG-5, AG-9), and the booking path reads only the kept busy periods.
 */
class ExternalBusyTimesTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final Instant T0 = Instant.parse("2026-03-02T06:30:00Z");
    private static final LocalDate FIRST_DAY = LocalDate.of(2026, 3, 3);
    private static final Money PRICE = Money.of("50.00", "EUR");

    /** A calendar source that answers what the test says. */
    static final class ScriptedSource implements BusyTimeSource {
        final AtomicReference<Fetch> next = new AtomicReference<>(new Fetch.NotModified());
        final List<Request> requests = new ArrayList<>();

        @Override
        public synchronized Fetch fetch(Request request) {
            requests.add(request);
            return next.get();
        }
    }

    /** One practitioner open 08:00–18:00 every day, 45-minute sessions every 15 minutes. */
    static final class World {
        final MutableClock clock = new MutableClock(T0);
        final Stores stores = InMemoryStores.create();
        final Rendezvous engine = Rendezvous.builder().stores(stores).ids(new SequentialIds()).clock(clock).build();
        final ScriptedSource source = new ScriptedSource();
        final ExternalCalendarService calendars = engine.externalCalendars(InMemoryExternalCalendars.joining(stores), source);
        final PractitionerId anna = engine.practitioners()
                .register(RegisterPractitionerCommand.of("Anna Martin", "anna@example.org", PARIS)).id();
        final Activity session = engine.agenda().addActivity(new AddActivityCommand(anna, "Session",
                Duration.ofMinutes(45), PRICE, Set.of(ConsultationMode.IN_PERSON))).orElseThrow();

        World() {
            for (DayOfWeek day : DayOfWeek.values()) {
                engine.agenda().addOpening(anna, OpeningSpec.weekly(day, FIRST_DAY, LocalTime.of(8, 0), LocalTime.of(18, 0))
                        .withStep(Duration.ofMinutes(15))).orElseThrow();
            }
        }

        List<Slot> slots() {
            return engine.agenda().availability(AvailabilityQuery.of(anna, session.id(), FIRST_DAY, FIRST_DAY.plusDays(3)))
                    .orElseThrow();
        }
    }

    private static Gen<List<TimeRange>> busyPeriods() {
        return in -> {
            List<TimeRange> busy = new ArrayList<>();
            int count = Draw.between(in, 0, 8);
            Instant base = FIRST_DAY.atStartOfDay(PARIS).toInstant();
            for (int i = 0; i < count; i++) {
                Instant start = base.plus(Duration.ofMinutes(Draw.between(in, 0, 4 * 24 * 12) * 5L));
                busy.add(new TimeRange(start, start.plus(Duration.ofMinutes(Draw.between(in, 1, 60) * 5L))));
            }
            return busy;
        };
    }

    @Test
    @DisplayName("issue 14.3, AG-5, AG-9 no offered slot overlaps a busy period of the own calendar; the slots are those of the same periods as unavailabilities")
    void busyPeriodsBlockLikeUnavailabilities() {
        qt().withExamples(60).forAll(busyPeriods()).checkAssert(busy -> {
            World world = new World();
            world.calendars.subscribe(world.anna, "https://calendar.example.org/anna/secret.ics");
            world.source.next.set(new BusyTimeSource.Fetch.Read(busy, Optional.empty(), Optional.empty()));
            assertThat(world.calendars.refreshDue(Duration.ofMinutes(15))).isEqualTo(new JobReport(1, 1, 0));

            List<Slot> withCalendar = world.slots();
            for (Slot slot : withCalendar) {
                TimeRange offered = new TimeRange(slot.start(), slot.end());
                assertThat(busy).noneMatch(offered::overlaps);
            }

            world.calendars.remove(world.anna);
            for (TimeRange b : busy) {
                world.engine.agenda().addUnavailability(world.anna, b.start(), b.end(), "same").orElseThrow();
            }
            assertThat(withCalendar).isEqualTo(world.slots());
        });
    }

    @Test
    @DisplayName("issue 14.3 a failing calendar keeps the busy periods last read, says why, and never blocks a booking")
    void failingCalendarNeverBlocksBooking() {
        World world = new World();
        world.calendars.subscribe(world.anna, "https://calendar.example.org/anna/secret.ics");
        Instant nine = FIRST_DAY.atTime(9, 0).atZone(PARIS).toInstant();
        world.source.next.set(new BusyTimeSource.Fetch.Read(List.of(new TimeRange(nine, nine.plus(Duration.ofHours(1)))),
                Optional.of("\"v1\""), Optional.empty()));
        world.calendars.refreshNow(world.anna);
        BusyTimeSource.Request first = world.source.requests.get(0);
        assertThat(first.zone()).isEqualTo(PARIS);
        assertThat(first.to()).isEqualTo(first.from().plus(world.engine.practitioners().settings(world.anna)
                .orElseThrow().horizon()));

        world.source.next.set(new BusyTimeSource.Fetch.Failed(FetchFailure.TIMEOUT, "no answer in 10 s"));
        world.clock.advance(Duration.ofHours(1));
        assertThat(world.calendars.refreshDue(Duration.ofMinutes(15))).isEqualTo(new JobReport(1, 0, 0));
        assertThat(world.source.requests.get(1).etag()).contains("\"v1\"");

        ExternalCalendar state = world.calendars.find(world.anna).orElseThrow();
        assertThat(state.failure()).contains(FetchFailure.TIMEOUT);
        assertThat(state.busyPeriods()).isEqualTo(1);
        assertThat(world.slots()).noneMatch(s -> s.start().equals(nine));

        Instant eleven = FIRST_DAY.atTime(11, 0).atZone(PARIS).toInstant();
        int before = world.source.requests.size();
        Outcome<?> booked = world.engine.bookings().book(BookCommand.of(world.anna, world.session.id(), eleven,
                ConsultationMode.IN_PERSON, ClientDetails.of("Client One", "one@example.org", "+33612345601"), Map.of(),
                IdempotencyKey.of("k-1")));
        assertThat(booked.isAccepted()).isTrue();
        assertThat(world.source.requests).as("booking never fetches the calendar").hasSize(before);
        Outcome<?> refused = world.engine.bookings().book(BookCommand.of(world.anna, world.session.id(), nine,
                ConsultationMode.IN_PERSON, ClientDetails.of("Client Two", "two@example.org", "+33612345602"), Map.of(),
                IdempotencyKey.of("k-2")));
        assertThat(refused.isAccepted()).as("a busy time of the own calendar is not bookable").isFalse();
    }

    @Test
    @DisplayName("issue 14.3 the job fetches a calendar once per interval")
    void oncePerInterval() {
        World world = new World();
        world.calendars.subscribe(world.anna, "https://calendar.example.org/anna/secret.ics");
        assertThat(world.calendars.refreshDue(Duration.ofMinutes(15)).examined()).isEqualTo(1);
        world.clock.advance(Duration.ofMinutes(10));
        assertThat(world.calendars.refreshDue(Duration.ofMinutes(15)).examined()).isZero();
        world.clock.advance(Duration.ofMinutes(5));
        assertThat(world.calendars.refreshDue(Duration.ofMinutes(15)).examined()).isEqualTo(1);
        assertThat(world.source.requests).hasSize(2);
    }
}
