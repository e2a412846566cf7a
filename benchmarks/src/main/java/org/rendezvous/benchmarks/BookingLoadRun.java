package org.rendezvous.benchmarks;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.rendezvous.core.Rendezvous;
import org.rendezvous.core.agenda.Activity;
import org.rendezvous.core.agenda.AddActivityCommand;
import org.rendezvous.core.agenda.AgendaSettings;
import org.rendezvous.core.agenda.ConfirmationMode;
import org.rendezvous.core.agenda.ConsultationMode;
import org.rendezvous.core.agenda.OpeningSpec;
import org.rendezvous.core.booking.BookCommand;
import org.rendezvous.core.booking.Booking;
import org.rendezvous.core.client.ClientDetails;
import org.rendezvous.core.idempotency.IdempotencyKey;
import org.rendezvous.core.money.Money;
import org.rendezvous.core.outcome.Outcome;
import org.rendezvous.core.practitioner.PractitionerId;
import org.rendezvous.core.practitioner.RegisterPractitionerCommand;

/**
 * A load run of booking transactions on PostgreSQL (issue 4, AG-10): {@code threads} clients book
 * random start times through the façade for {@code seconds}, either on agendas of their own
 * (uncontested: each thread has its own practitioners) or all on one agenda (contested). Reports
 * booking commands per second and latency percentiles. Refusals (SLOT_FULL) count as commands: they
 * ran the same transaction up to the capacity check.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar org.rendezvous.benchmarks.BookingLoadRun [uncontested|contested] [threads] [seconds]
 * </pre>
 */
public final class BookingLoadRun {

    static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private BookingLoadRun() {
    }

    public static void main(String[] args) throws Exception {
        boolean contested = args.length > 0 && args[0].equals("contested");
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 16;
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        try (BenchmarkDatabase database = BenchmarkDatabase.open(threads)) {
            Rendezvous engine = Rendezvous.builder().stores(database.stores()).build();
            int agendas = contested ? 1 : threads * 4;
            List<Agenda> prepared = new ArrayList<>();
            for (int i = 0; i < agendas; i++) {
                prepared.add(prepare(engine, i, contested ? 3 : 1));
            }
            System.out.printf("database: %s%nmode: %s, %d threads, %d agendas, %d s%n", database.description,
                    contested ? "contested" : "uncontested", threads, agendas, seconds);
            run(engine, prepared, threads, Duration.ofSeconds(5), contested, false);
            Result result = run(engine, prepared, threads, Duration.ofSeconds(seconds), contested, true);
            System.out.printf("commands: %d (%d booked, %d refused) in %.1f s = %.0f per second%n", result.commands,
                    result.booked, result.commands - result.booked, result.seconds, result.commands / result.seconds);
            System.out.printf("latency ms: p50 %.2f, p90 %.2f, p99 %.2f, max %.2f%n", result.percentile(50),
                    result.percentile(90), result.percentile(99), result.percentile(100));
        }
    }

    record Agenda(PractitionerId practitioner, Activity activity, List<Instant> starts) {
    }

    /** A practitioner open every day 08:00–20:00 for 60 days, automatic confirmation, 30-minute slots. */
    static Agenda prepare(Rendezvous engine, int n, int capacity) {
        PractitionerId practitioner = engine.practitioners().register(RegisterPractitionerCommand.of("Practitioner " + n,
                "p" + n + "@example.org", PARIS)).id();
        AgendaSettings settings = engine.practitioners().settings(practitioner).orElseThrow()
                .withConfirmation(ConfirmationMode.AUTOMATIC).withDefaultCapacity(capacity);
        engine.practitioners().changeSettings(practitioner, settings).orElseThrow();
        Activity activity = engine.agenda().addActivity(new AddActivityCommand(practitioner, "Consultation",
                Duration.ofMinutes(30), Money.of("50.00", "EUR"), EnumSet.of(ConsultationMode.IN_PERSON))).orElseThrow();
        LocalDate today = LocalDate.now(PARIS);
        for (DayOfWeek day : DayOfWeek.values()) {
            engine.agenda().addOpening(practitioner, OpeningSpec.weekly(day, today, LocalTime.of(8, 0), LocalTime.of(20, 0)))
                    .orElseThrow();
        }
        return new Agenda(practitioner, activity, starts(today, 58));
    }

    /** The 24 half-hour start times from 08:00 of each of the {@code days} days after {@code today}, in order. */
    static List<Instant> starts(LocalDate today, int days) {
        List<Instant> starts = new ArrayList<>();
        for (int d = 1; d <= days; d++) {
            for (int slot = 0; slot < 24; slot++) {
                starts.add(today.plusDays(d).atTime(8, 0).plusMinutes(30L * slot).atZone(PARIS).toInstant());
            }
        }
        return starts;
    }

    record Result(long commands, long booked, double seconds, long[] latenciesNanos) {
        double percentile(int p) {
            if (latenciesNanos.length == 0) {
                return 0;
            }
            int index = Math.min(latenciesNanos.length - 1, (int) Math.ceil(p / 100.0 * latenciesNanos.length) - 1);
            return latenciesNanos[Math.max(index, 0)] / 1_000_000.0;
        }
    }

    static Result run(Rendezvous engine, List<Agenda> agendas, int threads, Duration length, boolean contested,
                      boolean measured) throws InterruptedException {
        AtomicLong commands = new AtomicLong();
        AtomicLong booked = new AtomicLong();
        List<long[]> latencies = new ArrayList<>();
        List<int[]> counts = new ArrayList<>();
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> workers = new ArrayList<>();
        AtomicLong deadline = new AtomicLong();
        for (int t = 0; t < threads; t++) {
            long[] own = new long[2_000_000];
            int[] count = new int[1];
            latencies.add(own);
            counts.add(count);
            int thread = t;
            Thread worker = new Thread(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    return;
                }
                ThreadLocalRandom random = ThreadLocalRandom.current();
                while (System.nanoTime() < deadline.get()) {
                    Agenda agenda = contested ? agendas.get(0) : agendas.get(thread * 4 + random.nextInt(4));
                    Instant at = agenda.starts().get(random.nextInt(agenda.starts().size()));
                    long client = random.nextLong(1_000_000_000L);
                    BookCommand command = BookCommand.of(agenda.practitioner(), agenda.activity().id(), at,
                            ConsultationMode.IN_PERSON, ClientDetails.of("Client " + client, "c" + client + "@example.org",
                                    "+33612345678"), Map.of(), IdempotencyKey.of("load-" + thread + "-" + client + "-" + System.nanoTime()));
                    long began = System.nanoTime();
                    Outcome<Booking> outcome = engine.bookings().book(command);
                    long took = System.nanoTime() - began;
                    if (count[0] < own.length) {
                        own[count[0]++] = took;
                    }
                    commands.incrementAndGet();
                    if (outcome.isAccepted()) {
                        booked.incrementAndGet();
                    }
                }
            }, "load-" + t);
            workers.add(worker);
            worker.start();
        }
        long began = System.nanoTime();
        deadline.set(began + length.toNanos());
        start.countDown();
        for (Thread worker : workers) {
            worker.join();
        }
        double seconds = (System.nanoTime() - began) / 1e9;
        int total = counts.stream().mapToInt(c -> c[0]).sum();
        long[] all = new long[total];
        int at = 0;
        for (int t = 0; t < threads; t++) {
            System.arraycopy(latencies.get(t), 0, all, at, counts.get(t)[0]);
            at += counts.get(t)[0];
        }
        Arrays.sort(all);
        return new Result(commands.get(), booked.get(), seconds, measured ? all : new long[0]);
    }
}
