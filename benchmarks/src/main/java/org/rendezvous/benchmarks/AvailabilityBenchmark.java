package org.rendezvous.benchmarks;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.rendezvous.core.Rendezvous;
import org.rendezvous.core.agenda.Activity;
import org.rendezvous.core.agenda.AddActivityCommand;
import org.rendezvous.core.agenda.AgendaSettings;
import org.rendezvous.core.agenda.AgendaSnapshot;
import org.rendezvous.core.agenda.AvailabilityQuery;
import org.rendezvous.core.agenda.ConsultationMode;
import org.rendezvous.core.agenda.Occupancy;
import org.rendezvous.core.agenda.OpeningSpec;
import org.rendezvous.core.agenda.Slot;
import org.rendezvous.core.agenda.TimeRange;
import org.rendezvous.core.booking.Booking;
import org.rendezvous.core.booking.BookingState;
import org.rendezvous.core.booking.EnterBookingCommand;
import org.rendezvous.core.contact.EmailAddress;
import org.rendezvous.core.contact.Language;
import org.rendezvous.core.contact.PersonName;
import org.rendezvous.core.contact.PhoneNumber;
import org.rendezvous.core.idempotency.IdempotencyKey;
import org.rendezvous.core.money.Money;
import org.rendezvous.core.outcome.Outcome;
import org.rendezvous.core.practitioner.PractitionerId;
import org.rendezvous.core.practitioner.RegisterPractitionerCommand;

/**
 * The availability question a client asks before booking (AG-9): one practitioner in Europe/Paris,
 * weekly openings Monday–Friday 09:00–12:00 and 14:00–19:00, an activity of 30 minutes on the default
 * step, 500 confirmed bookings spread over the 60 days asked about, in-memory stores.
 *
 * <ul>
 *   <li>{@link #availabilityQuery}: the whole use case through the façade — settings, activity,
 *       store reads (openings, unavailabilities, seat-holding bookings), snapshot, computation.</li>
 *   <li>{@link #availabilityComputationOnly}: {@link AgendaSnapshot#slots} on a snapshot built once
 *       in setup, i.e. the pure computation without any store read.</li>
 * </ul>
 *
 * Run: {@code java -jar benchmarks/target/benchmarks.jar AvailabilityBenchmark}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 10, time = 2)
@Measurement(iterations = 5, time = 2)
public class AvailabilityBenchmark {

    static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    /** Monday 5 May 2025, 08:00 in Paris: a range without a daylight-saving change. */
    static final Instant NOW = LocalDate.of(2025, 5, 5).atTime(8, 0).atZone(PARIS).toInstant();
    static final int RANGE_DAYS = 60;
    static final int BOOKINGS = 500;

    /** {@code memory}: the in-memory stores; {@code postgres}: PostgreSQL (see {@link BenchmarkDatabase}). */
    @Param({"memory", "postgres"})
    public String store;

    private BenchmarkDatabase database;
    private Rendezvous rendezvous;
    private AvailabilityQuery query;
    private AgendaSnapshot snapshot;
    private Activity activity;
    private LocalDate from;
    private LocalDate to;
    private Instant now;

    @Setup(Level.Trial)
    public void setUp() {
        Rendezvous.Builder builder = Rendezvous.builder().clock(Clock.fixed(NOW, ZoneOffset.UTC));
        if (store.equals("postgres")) {
            database = BenchmarkDatabase.open(2);
            builder.stores(database.stores());
        }
        rendezvous = builder.build();
        now = NOW.truncatedTo(ChronoUnit.MICROS);
        from = LocalDate.ofInstant(NOW, PARIS);
        to = from.plusDays(RANGE_DAYS - 1);

        PractitionerId practitioner = rendezvous.practitioners()
                .register(RegisterPractitionerCommand.of("Anna Benchmark", "anna@example.org", PARIS))
                .id();
        AgendaSettings defaults = rendezvous.practitioners().settings(practitioner).orElseThrow();
        // The default horizon (60 days) would cut the last day of the range short.
        rendezvous.practitioners().changeSettings(practitioner,
                defaults.withBookingWindow(defaults.minimumNotice(), Duration.ofDays(90))).orElseThrow();

        activity = rendezvous.agenda().addActivity(new AddActivityCommand(practitioner, "Consultation",
                Duration.ofMinutes(30), Money.of("50.00", "EUR"), EnumSet.of(ConsultationMode.IN_PERSON)))
                .orElseThrow();
        for (DayOfWeek day : EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY)) {
            rendezvous.agenda().addOpening(practitioner,
                    OpeningSpec.weekly(day, from, LocalTime.of(9, 0), LocalTime.of(12, 0))).orElseThrow();
            rendezvous.agenda().addOpening(practitioner,
                    OpeningSpec.weekly(day, from, LocalTime.of(14, 0), LocalTime.of(19, 0))).orElseThrow();
        }
        query = AvailabilityQuery.of(practitioner, activity.id(), from, to);

        // Every free start of the empty agenda, then 500 of them spread evenly over the 60 days.
        List<Slot> free = rendezvous.agenda().availability(query).orElseThrow();
        if (free.size() < BOOKINGS) {
            throw new IllegalStateException("only " + free.size() + " free starts for " + BOOKINGS + " bookings");
        }
        for (int i = 0; i < BOOKINGS; i++) {
            Slot slot = free.get((int) ((long) i * free.size() / BOOKINGS));
            Outcome<Booking> entered = rendezvous.bookings().enter(new EnterBookingCommand(practitioner,
                    activity.id(), slot.start(), ConsultationMode.IN_PERSON,
                    EmailAddress.of("client" + i + "@example.org"), Optional.of(PersonName.of("Client " + i)),
                    Optional.of(PhoneNumber.of(String.format("+3361200%04d", i))), Optional.of(Language.FRENCH),
                    new TreeMap<>(), IdempotencyKey.of("bench-enter-" + i)));
            entered.orElseThrow();
        }

        List<Booking> booked = rendezvous.agenda().bookingsBetween(practitioner, from, to).orElseThrow();
        long confirmed = booked.stream().filter(b -> b.state() == BookingState.CONFIRMED).count();
        if (booked.size() != BOOKINGS || confirmed != BOOKINGS) {
            throw new IllegalStateException("expected " + BOOKINGS + " confirmed bookings, found " + booked.size()
                    + " (" + confirmed + " confirmed)");
        }

        // The same snapshot the engine builds for the query (Engine.snapshot), through the public API.
        AgendaSettings settings = rendezvous.practitioners().settings(practitioner).orElseThrow();
        Instant wideFrom = from.atStartOfDay(PARIS).toInstant().minus(Duration.ofDays(1));
        Instant wideTo = to.plusDays(1).atStartOfDay(PARIS).toInstant().plus(Duration.ofDays(1));
        List<TimeRange> taken = new ArrayList<>();
        for (Booking booking : booked) {
            if (booking.holdsSeat()) {
                taken.add(booking.occupied());
            }
        }
        snapshot = new AgendaSnapshot(settings, rendezvous.agenda().openings(practitioner),
                rendezvous.agenda().unavailabilities(practitioner, wideFrom, wideTo), Occupancy.of(taken));

        // Both benchmarks must answer the same, and the bookings must show.
        List<Slot> viaQuery = availabilityQuery();
        List<Slot> viaSnapshot = availabilityComputationOnly();
        if (!viaQuery.equals(viaSnapshot)) {
            throw new IllegalStateException("query and snapshot disagree: " + viaQuery.size() + " vs "
                    + viaSnapshot.size() + " slots");
        }
        if (viaQuery.size() != free.size() - BOOKINGS) {
            throw new IllegalStateException("expected " + (free.size() - BOOKINGS) + " free slots, got "
                    + viaQuery.size());
        }
        System.out.printf("%n[setup] %d bookings, %d free starts before booking, %d after, range %s..%s%n",
                booked.size(), free.size(), viaQuery.size(), from, to);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        if (database != null) {
            database.close();
        }
    }

    /** AG-9 through the façade: store reads, snapshot and computation. */
    @Benchmark
    public List<Slot> availabilityQuery() {
        return rendezvous.agenda().availability(query).orElseThrow();
    }

    /** AgendaSnapshot.slots alone, on a snapshot prebuilt in setup. */
    @Benchmark
    public List<Slot> availabilityComputationOnly() {
        return snapshot.slots(activity, from, to, Optional.empty(), now);
    }
}
