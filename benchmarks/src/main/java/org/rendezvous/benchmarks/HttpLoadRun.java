package org.rendezvous.benchmarks;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.rendezvous.core.Rendezvous;

/**
 * Issue 7 item 8: contested and uncontested bookings over HTTP, against the Micronaut host running as
 * a separate process on PostgreSQL ({@code benchmarks/http-load.sh} does the whole sequence).
 *
 * <pre>
 * java -cp benchmarks.jar org.rendezvous.benchmarks.HttpLoadRun seed [agendas]
 * java -cp benchmarks.jar org.rendezvous.benchmarks.HttpLoadRun load http://127.0.0.1:8080 [threads] [seconds] [rate]
 * </pre>
 *
 * {@code seed} empties the database of {@code RENDEZVOUS_BENCH_JDBC_URL} (required here: the host must
 * see the same one) and creates through the engine, before the host starts: one contested agenda of
 * capacity 3 and twice {@code agendas} (64) agendas of capacity 1, all open 08:00–20:00 every day,
 * automatic confirmation, practitioners without an account (so their public routes answer).
 *
 * <p>{@code load} books through {@code POST /api/public/practitioners/{id}/bookings}: a warm-up, then
 * <ol>
 *   <li>contested, closed loop: {@code threads} clients on the one agenda of capacity 3, over the 120
 *       start times of its first five days (SLOT_FULL refusals are expected);</li>
 *   <li>uncontested, closed loop: each client on 4 agendas of its own, every request sent as soon as
 *       the previous one is answered (the peak throughput);</li>
 *   <li>uncontested, open loop at {@code rate} requests/s (half the peak when not given) on the other
 *       agendas: requests leave on a fixed schedule whatever the answers, and each latency counts from
 *       the scheduled instant, so a slow server is not hidden by clients that wait for it.</li>
 * </ol>
 * Then it counts the overbooked seats with SQL ({@link Overbooking}) and exits with 1 when any seat is
 * overbooked or any request failed with a 5xx or no answer.
 */
public final class HttpLoadRun {

    private static final int CAPACITY_CONTESTED = 3;
    private static final int CONTESTED_DAYS = 5;
    private static final int OPEN_LOOP_WORKERS = 64;
    private static final Pattern PROBLEM_TYPE = Pattern.compile("\"type\"\\s*:\\s*\"[^\"]*/([^\"/]+)\"");

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final URI base;
    private final long hostPid;
    private final AtomicLong sequence = new AtomicLong();

    private HttpLoadRun(URI base, long hostPid) {
        this.base = base;
        this.hostPid = hostPid;
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("seed")) {
            seed(args.length > 1 ? Integer.parseInt(args[1]) : 64);
        } else if (args.length > 1 && args[0].equals("load")) {
            int threads = args.length > 2 ? Integer.parseInt(args[2]) : 16;
            int seconds = args.length > 3 ? Integer.parseInt(args[3]) : 20;
            double rate = args.length > 4 ? Double.parseDouble(args[4]) : 0;
            String hostPid = System.getenv("LOAD_HOST_PID");
            HttpLoadRun run = new HttpLoadRun(URI.create(args[1].replaceAll("/+$", "")), blank(hostPid) ? 0 : Long.parseLong(hostPid));
            System.exit(run.load(threads, seconds, rate) ? 0 : 1);
        } else {
            System.err.println("usage: HttpLoadRun seed [agendas] | HttpLoadRun load <base-url> [threads] [seconds] [rate]");
            System.exit(2);
        }
    }

    private static void seed(int agendas) {
        if (blank(System.getenv("RENDEZVOUS_BENCH_JDBC_URL"))) {
            throw new IllegalStateException("RENDEZVOUS_BENCH_JDBC_URL: required, the database the host will use");
        }
        try (BenchmarkDatabase database = BenchmarkDatabase.open(2)) {
            Rendezvous engine = Rendezvous.builder().stores(database.stores()).build();
            BookingLoadRun.prepare(engine, 0, CAPACITY_CONTESTED);
            for (int n = 1; n <= 2 * agendas; n++) {
                BookingLoadRun.prepare(engine, n, 1);
            }
            System.out.printf("seeded %s: 1 contested agenda (capacity %d), %d + %d agendas of capacity 1%n",
                    database.description, CAPACITY_CONTESTED, agendas, agendas);
        }
    }

    /** An agenda as the load run books it: the practitioner, the one activity, and its capacity. */
    record Agenda(int number, String practitioner, String activity, int capacity) {
    }

    private boolean load(int threads, int seconds, double givenRate) throws Exception {
        List<Agenda> agendas = readAgendas();
        List<Agenda> contested = agendas.stream().filter(a -> a.capacity() > 1).toList();
        List<Agenda> single = agendas.stream().filter(a -> a.capacity() == 1).toList();
        if (contested.size() != 1 || single.size() < 2 * threads) {
            throw new IllegalStateException("run HttpLoadRun seed first: found " + contested.size() + " contested and "
                    + single.size() + " single-seat agendas");
        }
        List<Agenda> peak = single.subList(0, single.size() / 2);
        List<Agenda> paced = single.subList(single.size() / 2, single.size());
        List<Instant> starts = BookingLoadRun.starts(LocalDate.now(BookingLoadRun.PARIS), 58);
        List<Instant> contestedStarts = starts.subList(0, 24 * CONTESTED_DAYS);
        System.out.printf("host %s, %d threads, %d s per run; %d + %d single-seat agendas, 1 of capacity %d%n",
                base, threads, seconds, peak.size(), paced.size(), CAPACITY_CONTESTED);

        // Long enough for the host's JIT: on two busy cores C2 still took more CPU than the requests after 10 s.
        String warmUpSeconds = System.getenv("LOAD_WARMUP_SECONDS");
        Phase warmUp = closedLoop("warm-up", threads, blank(warmUpSeconds) ? 30 : Integer.parseInt(warmUpSeconds),
                t -> own(peak, threads, t), starts);
        print(warmUp);
        Phase contest = closedLoop("contested, closed loop", threads, seconds, t -> contested.get(0), contestedStarts);
        print(contest);
        Phase uncontested = closedLoop("uncontested, closed loop", threads, seconds, t -> own(peak, threads, t), starts);
        print(uncontested);
        double rate = givenRate > 0 ? givenRate : Math.max(1, Math.floor(uncontested.throughput() / 2));
        Phase open = openLoop("uncontested, open loop at " + (long) rate + "/s", rate, seconds, paced, starts);
        print(open);

        Overbooking.Count count;
        try (Connection connection = connect()) {
            count = Overbooking.count(connection);
        }
        long booked = warmUp.tally().count(LoadTally.BOOKED) + contest.tally().count(LoadTally.BOOKED)
                + uncontested.tally().count(LoadTally.BOOKED) + open.tally().count(LoadTally.BOOKED);
        System.out.printf("%noverbooked seats (SQL): %d; seat-holding bookings in the database: %d; 201 answers: %d%n",
                count.overbookedSeats(), count.seatHoldingBookings(), booked);
        System.out.println();
        System.out.println("| run | requests/s | booked | refused | 5xx / no answer | p50 ms | p90 ms | p99 ms | max ms "
                + "| CPU ms per request: host / PostgreSQL / load generator |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|");
        for (Phase phase : List.of(contest, uncontested, open)) {
            System.out.println(phase.row());
        }
        long errors = contest.tally().errors() + uncontested.tally().errors() + open.tally().errors() + warmUp.tally().errors();
        return count.overbookedSeats() == 0 && errors == 0 && count.seatHoldingBookings() == booked;
    }

    /** Each closed-loop client books on its own share of the agendas, so clients do not wait for each other. */
    private static Agenda own(List<Agenda> agendas, int threads, int thread) {
        int share = Math.max(1, agendas.size() / threads);
        return agendas.get((thread * share + ThreadLocalRandom.current().nextInt(share)) % agendas.size());
    }

    /** CPU used so far by the host (when its pid is known), PostgreSQL's processes and this load generator. */
    record Cpu(long hostMillis, long postgresMillis, long clientMillis) {
        static Cpu now(long hostPid) {
            return new Cpu(hostPid > 0 ? CpuTime.ofProcess(hostPid) : 0, CpuTime.ofCommand("postgres"),
                    CpuTime.ofProcess(ProcessHandle.current().pid()));
        }

        Cpu since(Cpu before) {
            return new Cpu(hostMillis - before.hostMillis, postgresMillis - before.postgresMillis, clientMillis - before.clientMillis);
        }
    }

    record Phase(String name, double seconds, LoadTally tally, Cpu cpu) {
        double throughput() {
            return tally.requests() / seconds;
        }

        String cpuPerRequest() {
            double n = Math.max(1, tally.requests());
            return String.format(Locale.ROOT, "%s / %.1f / %.1f",
                    cpu.hostMillis() == 0 ? "?" : String.format(Locale.ROOT, "%.1f", cpu.hostMillis() / n),
                    cpu.postgresMillis() / n, cpu.clientMillis() / n);
        }

        String row() {
            long refused = tally.requests() - tally.count(LoadTally.BOOKED) - tally.errors();
            return String.format(Locale.ROOT, "| %s | %.0f | %d | %d %s | %d | %.1f | %.1f | %.1f | %.1f | %s |", name,
                    throughput(), tally.count(LoadTally.BOOKED), refused, refused == 0 ? "" : tally.refusalsAndErrors(),
                    tally.errors(), tally.millis(50), tally.millis(90), tally.millis(99), tally.maxMillis(), cpuPerRequest());
        }
    }

    private static void print(Phase phase) {
        LoadTally tally = phase.tally();
        System.out.printf(Locale.ROOT, "%s: %d requests in %.1f s = %.0f/s; booked %d, other %s; "
                        + "latency ms p50 %.1f, p90 %.1f, p99 %.1f, max %.1f; CPU ms per request host / PostgreSQL / "
                        + "load generator %s%n", phase.name(), tally.requests(), phase.seconds(),
                phase.throughput(), tally.count(LoadTally.BOOKED), tally.refusalsAndErrors(), tally.millis(50),
                tally.millis(90), tally.millis(99), tally.maxMillis(), phase.cpuPerRequest());
    }

    private Phase closedLoop(String name, int threads, int seconds, IntFunction<Agenda> agendaOf, List<Instant> starts)
            throws InterruptedException {
        Cpu cpu = Cpu.now(hostPid);
        long deadline = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        List<LoadTally> tallies = new ArrayList<>();
        List<Thread> workers = new ArrayList<>();
        long began = System.nanoTime();
        for (int t = 0; t < threads; t++) {
            LoadTally tally = new LoadTally();
            tallies.add(tally);
            int thread = t;
            workers.add(started(() -> {
                while (System.nanoTime() < deadline) {
                    long sent = System.nanoTime();
                    String outcome = book(agendaOf.apply(thread), starts);
                    tally.record(outcome, System.nanoTime() - sent);
                }
            }));
        }
        return finish(name, began, tallies, workers, cpu);
    }

    private Phase openLoop(String name, double rate, int seconds, List<Agenda> agendas, List<Instant> starts)
            throws InterruptedException {
        Cpu cpu = Cpu.now(hostPid);
        long began = System.nanoTime() + Duration.ofMillis(100).toNanos();
        long deadline = began + Duration.ofSeconds(seconds).toNanos();
        double interval = 1e9 / rate;
        AtomicLong next = new AtomicLong();
        List<LoadTally> tallies = new ArrayList<>();
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < OPEN_LOOP_WORKERS; t++) {
            LoadTally tally = new LoadTally();
            tallies.add(tally);
            workers.add(started(() -> {
                while (true) {
                    long scheduled = began + (long) (next.getAndIncrement() * interval);
                    if (scheduled >= deadline) {
                        return;
                    }
                    long wait;
                    while ((wait = scheduled - System.nanoTime()) > 0) {
                        LockSupport.parkNanos(wait);
                    }
                    Agenda agenda = agendas.get(ThreadLocalRandom.current().nextInt(agendas.size()));
                    String outcome = book(agenda, starts);
                    // From the scheduled instant, not the sending: a request that waited for a free worker waited for the server.
                    tally.record(outcome, System.nanoTime() - scheduled);
                }
            }));
        }
        return finish(name, began, tallies, workers, cpu);
    }

    private static Thread started(Runnable work) {
        Thread thread = new Thread(work, "http-load");
        thread.start();
        return thread;
    }

    private Phase finish(String name, long began, List<LoadTally> tallies, List<Thread> workers, Cpu cpu)
            throws InterruptedException {
        for (Thread worker : workers) {
            worker.join();
        }
        double seconds = (System.nanoTime() - began) / 1e9;
        LoadTally all = new LoadTally();
        tallies.forEach(all::add);
        return new Phase(name, seconds, all, Cpu.now(hostPid).since(cpu));
    }

    /** One booking request; answers how it ended, as {@link LoadTally#record} takes it. */
    private String book(Agenda agenda, List<Instant> starts) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long client = random.nextLong(1_000_000_000L);
        String body = String.format(Locale.ROOT, "{\"activityId\":\"%s\",\"start\":\"%s\",\"mode\":\"IN_PERSON\","
                        + "\"client\":{\"name\":\"Client %d\",\"email\":\"c%d@example.org\",\"phone\":\"+33612345678\"}}",
                agenda.activity(), starts.get(random.nextInt(starts.size())), client, client);
        HttpRequest request = HttpRequest.newBuilder(base.resolve("/api/public/practitioners/" + agenda.practitioner() + "/bookings"))
                .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                .header("Idempotency-Key", "http-load-" + sequence.incrementAndGet() + "-" + client)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return outcome(response.statusCode(), response.body());
        } catch (IOException e) {
            return "io-error";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "io-error";
        }
    }

    /** 201 is booked; a problem answer counts under its code ({@code slot-full}); anything else under its status. */
    static String outcome(int status, String body) {
        if (status == 201) {
            return LoadTally.BOOKED;
        }
        Matcher type = PROBLEM_TYPE.matcher(body == null ? "" : body);
        return status < 500 && type.find() ? type.group(1) : "http-" + status;
    }

    private static List<Agenda> readAgendas() throws SQLException {
        List<Agenda> agendas = new ArrayList<>();
        try (Connection connection = connect(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("""
                     SELECT p.name, p.id, a.id AS activity, s.default_capacity
                     FROM practitioners p JOIN activities a ON a.practitioner_id = p.id
                       JOIN agenda_settings s ON s.practitioner_id = p.id""")) {
            while (rows.next()) {
                agendas.add(new Agenda(Integer.parseInt(rows.getString("name").replaceAll("\\D", "")), rows.getString("id"),
                        rows.getString("activity"), rows.getInt("default_capacity")));
            }
        }
        agendas.sort(Comparator.comparingInt(Agenda::number));
        return agendas;
    }

    private static Connection connect() throws SQLException {
        String url = System.getenv("RENDEZVOUS_BENCH_JDBC_URL");
        if (blank(url)) {
            throw new IllegalStateException("RENDEZVOUS_BENCH_JDBC_URL: required, the database the host uses");
        }
        return DriverManager.getConnection(url, BenchmarkDatabase.env("RENDEZVOUS_BENCH_JDBC_USER", "postgres"),
                BenchmarkDatabase.env("RENDEZVOUS_BENCH_JDBC_PASSWORD", "postgres"));
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
