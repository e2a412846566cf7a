package org.rendezvous.app.wiring;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.runtime.server.EmbeddedServer;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.rendezvous.app.AccountsTestSupport;
import org.rendezvous.core.JobReport;
import org.rendezvous.core.OutboxDispatcher;
import org.rendezvous.core.Reminders;
import org.rendezvous.core.Rendezvous;
import org.rendezvous.core.agenda.Activity;
import org.rendezvous.core.agenda.AddActivityCommand;
import org.rendezvous.core.agenda.ConsultationMode;
import org.rendezvous.core.agenda.OpeningSpec;
import org.rendezvous.core.booking.BookCommand;
import org.rendezvous.core.booking.Booking;
import org.rendezvous.core.booking.BookingState;
import org.rendezvous.core.booking.ConfirmBookingCommand;
import org.rendezvous.core.client.ClientDetails;
import org.rendezvous.core.idempotency.IdempotencyKey;
import org.rendezvous.core.ledger.Account;
import org.rendezvous.core.ledger.Leg;
import org.rendezvous.core.ledger.Posting;
import org.rendezvous.core.ledger.PostingId;
import org.rendezvous.core.ledger.PostingKind;
import org.rendezvous.core.money.Money;
import org.rendezvous.core.notification.DeliveryReport;
import org.rendezvous.core.notification.MessageKind;
import org.rendezvous.core.notification.OutboxMessage;
import org.rendezvous.core.outcome.Outcome;
import org.rendezvous.core.payout.Payout;
import org.rendezvous.core.payout.PayoutDestination;
import org.rendezvous.core.payout.PayoutState;
import org.rendezvous.core.port.Stores;
import org.rendezvous.core.sandbox.SandboxPaymentGateway;
import org.rendezvous.core.practitioner.PractitionerId;
import org.rendezvous.core.practitioner.RegisterPractitionerCommand;
import org.rendezvous.persistence.EmbeddedDatabase;

/**
 * Issue 7, item 6: two hosts on one PostgreSQL run the same jobs at the same moment, and each piece of work
 * is done once. The database is a new one on the server of RENDEZVOUS_TEST_JDBC_URL when that is set (dropped at
 * the end), otherwise an embedded PostgreSQL this test starts. The scheduled jobs are off ({@code rendezvous.jobs.enabled=false}): the test runs them itself,
 * on both hosts at once, with one clock it moves for both.
 */
class TwoInstancesTest {

    static final String ENVIRONMENT = "two-instances-test";
    static final AccountsTestSupport.MovableClock CLOCK = new AccountsTestSupport.MovableClock();
    private static final ZoneId UTC = ZoneOffset.UTC;

    /** Both hosts read the test's clock. */
    @Factory
    @Requires(env = ENVIRONMENT)
    static final class SharedClock {
        @Singleton
        @Replaces(value = Clock.class, factory = EngineFactory.class)
        Clock clock() {
            return CLOCK;
        }
    }

    static EmbeddedDatabase ownDatabase;
    static String ownDatabaseName;
    static String serverUrl;
    static String serverUser;
    static String serverPassword;
    static boolean freshDatabase;
    static EmbeddedServer first;
    static EmbeddedServer second;
    static Path firstMailbox;
    static Path secondMailbox;
    static ExecutorService threads;
    private static final AtomicInteger KEYS = new AtomicInteger();

    @BeforeAll
    static void startTwoHosts() throws IOException {
        String url = System.getenv("RENDEZVOUS_TEST_JDBC_URL");
        String user = "postgres";
        String password = "";
        if (url == null || url.isBlank()) {
            ownDatabase = EmbeddedDatabase.start(Files.createTempDirectory("rendezvous-two-instances-db"), 2);
            url = ownDatabase.jdbcUrl();
            freshDatabase = true;
        } else {
            // As the persistence tests (docs/persistence.md): user and password postgres unless said otherwise.
            user = Optional.ofNullable(System.getenv("RENDEZVOUS_TEST_JDBC_USER")).orElse("postgres");
            password = Optional.ofNullable(System.getenv("RENDEZVOUS_TEST_JDBC_PASSWORD")).orElse("postgres");
            serverUrl = url;
            serverUser = user;
            serverPassword = password;
            String name = "rendezvous_two_instances_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
            try (Connection connection = DriverManager.getConnection(url, user, password);
                 Statement statement = connection.createStatement()) {
                statement.execute("CREATE DATABASE " + name);
                ownDatabaseName = name;
                url = withDatabase(url, name);
                freshDatabase = true;
            } catch (SQLException e) {
                // No right to create a database: share the given one, and check only what is ours in it.
                System.err.println("TwoInstancesTest: on the shared database " + url + " (" + e.getMessage() + ")");
            }
        }
        firstMailbox = Files.createTempDirectory("rendezvous-mailbox-first");
        secondMailbox = Files.createTempDirectory("rendezvous-mailbox-second");
        first = start(url, user, password, firstMailbox);
        second = start(url, user, password, secondMailbox);
        threads = Executors.newFixedThreadPool(2);
    }

    static EmbeddedServer start(String url, String user, String password, Path mailbox) {
        Map<String, Object> properties = new HashMap<>();
        properties.put("micronaut.server.port", -1);
        properties.put("rendezvous.database.mode", "server");
        properties.put("rendezvous.database.url", url);
        properties.put("rendezvous.database.username", user);
        properties.put("rendezvous.database.password", password);
        properties.put("rendezvous.database.pool-size", 4);
        properties.put("rendezvous.jobs.enabled", false);
        properties.put("rendezvous.mailbox", mailbox.toString());
        properties.put("rendezvous.model", "PLATFORM_COLLECTS");
        properties.put("rendezvous.metrics.refresh", "0s");
        return ApplicationContext.run(EmbeddedServer.class, properties, "test", ENVIRONMENT);
    }

    /** The JDBC URL with another database name: jdbc:postgresql://host:port/NAME?parameters. */
    static String withDatabase(String url, String database) {
        int slash = url.indexOf('/', "jdbc:postgresql://".length());
        int query = url.indexOf('?', slash);
        return url.substring(0, slash + 1) + database + (query < 0 ? "" : url.substring(query));
    }

    @AfterAll
    static void stopEverything() {
        if (threads != null) {
            threads.shutdownNow();
        }
        for (EmbeddedServer server : new EmbeddedServer[] {first, second}) {
            if (server != null) {
                server.getApplicationContext().close();
            }
        }
        if (ownDatabase != null) {
            ownDatabase.close();
        }
        if (ownDatabaseName != null) {
            try (Connection connection = DriverManager.getConnection(serverUrl, serverUser, serverPassword);
                 Statement statement = connection.createStatement()) {
                statement.execute("DROP DATABASE IF EXISTS " + ownDatabaseName + " WITH (FORCE)");
            } catch (SQLException e) {
                System.err.println("TwoInstancesTest: database " + ownDatabaseName + " left behind: " + e.getMessage());
            }
        }
    }

    /** Runs the job on both hosts at the same moment (released together by a barrier): both results. */
    static <T> List<T> onBothAtOnce(Function<EmbeddedServer, T> job) throws Exception {
        CyclicBarrier start = new CyclicBarrier(2);
        List<Future<T>> runs = new ArrayList<>();
        for (EmbeddedServer host : List.of(first, second)) {
            runs.add(threads.submit(() -> {
                start.await(10, TimeUnit.SECONDS);
                return job.apply(host);
            }));
        }
        List<T> results = new ArrayList<>();
        for (Future<T> run : runs) {
            results.add(run.get(60, TimeUnit.SECONDS));
        }
        return results;
    }

    static Rendezvous engine(EmbeddedServer host) {
        return host.getApplicationContext().getBean(Rendezvous.class);
    }

    static Stores stores() {
        return first.getApplicationContext().getBean(Stores.class);
    }

    static int changed(List<JobReport> reports) {
        return reports.stream().mapToInt(JobReport::changed).sum();
    }

    static <T> T accepted(Outcome<T> outcome) {
        return outcome.fold(value -> value, rejected -> {
            throw new AssertionError("rejected: " + rejected.reason() + " — " + rejected.detail());
        });
    }

    static IdempotencyKey key() {
        return IdempotencyKey.of("two-instances-" + UUID.randomUUID() + "-" + KEYS.incrementAndGet());
    }

    static PractitionerId practitioner(String name) {
        String email = name.toLowerCase(java.util.Locale.ROOT) + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        return engine(first).practitioners().register(RegisterPractitionerCommand.of(name + " Test", email, UTC)).id();
    }

    static List<Path> files(Path mailbox) throws IOException {
        try (Stream<Path> listing = Files.list(mailbox)) {
            return listing.toList();
        }
    }

    /** Delivers everything due through the first host, so that what follows starts from an empty backlog. */
    static void drainOutbox() {
        OutboxDispatcher dispatcher = first.getApplicationContext().getBean(OutboxDispatcher.class);
        for (int round = 0; round < 100; round++) {
            DeliveryReport report = dispatcher.deliverDue();
            if (report.claimed() == 0) {
                return;
            }
        }
    }

    /** The value of one series in a Prometheus scrape. */
    static double gauge(String scrape, String series) {
        return scrape.lines().filter(line -> line.startsWith(series + " ")).findFirst()
                .map(line -> Double.parseDouble(line.substring(series.length() + 1).trim()))
                .orElseThrow(() -> new AssertionError("no " + series + " in the scrape"));
    }

    @Test
    @DisplayName("both hosts answer HTTP on the one database")
    void bothHostsServe() {
        for (EmbeddedServer host : List.of(first, second)) {
            try (HttpClient client = HttpClient.create(host.getURL())) {
                assertThat(client.toBlocking().retrieve(HttpRequest.GET("/health"))).contains("UP");
            }
        }
    }

    @Test
    @DisplayName("PO-2: a payout cycle run by both hosts at once pays each practitioner once")
    void payoutCyclePaysEachPractitionerOnce() throws Exception {
        Money owed = Money.ofMinor(5_000, "EUR");
        Instant earned = CLOCK.instant().minus(Duration.ofDays(45));
        List<PractitionerId> practitioners = new ArrayList<>();
        for (String name : List.of("Ada", "Boris", "Chloe")) {
            PractitionerId practitioner = practitioner(name);
            practitioners.add(practitioner);
            engine(first).payouts().setDestination(practitioner,
                    new PayoutDestination.ProviderAccount("acct_" + name.toLowerCase(java.util.Locale.ROOT), true));
            // Earnings released 45 days ago: before the cut-off of whatever cycle is due now.
            assertThat(stores().ledger().post(new Posting(new PostingId(UUID.randomUUID()), practitioner, Optional.empty(),
                    Optional.empty(), PostingKind.EARNINGS_RELEASED, "two-instances-earnings-" + practitioner,
                    List.of(new Leg(Account.CLIENT_PAYMENTS, Account.PRACTITIONER_PAYABLE, owed)), earned))).isTrue();
        }

        List<JobReport> reports = onBothAtOnce(host -> engine(host).payouts().runDueCycle());

        for (PractitionerId practitioner : practitioners) {
            List<Payout> payouts = engine(second).payouts().ofPractitioner(practitioner);
            assertThat(payouts).as("payouts of %s", practitioner).singleElement().satisfies(payout -> {
                assertThat(payout.state()).isEqualTo(PayoutState.SENT);
                assertThat(payout.amount()).isEqualTo(owed);
            });
            assertThat(stores().ledger().balances(practitioner, owed.currency(), CLOCK.instant().plusSeconds(1))
                    .of(Account.PAYOUTS)).as("paid out to %s", practitioner).isEqualTo(owed);
            assertThat(engine(first).payouts().payableBalance(practitioner)).isEqualTo(Money.zero(owed.currency()));
        }
        // What reached the provider: each host has its own sandbox gateway, so together they hold every transfer
        // request. Both hosts may ask for the same payout (the payout row is unique, the call to the provider is not
        // claimed), but always under the payout's one idempotency key, on which the provider moves the money once.
        // (The cycle's JobReport counts the payouts each host finds SENT, its own or not: no measure of this.)
        List<SandboxPaymentGateway.Movement> transfers = Stream.of(first, second)
                .flatMap(host -> host.getApplicationContext().getBean(SandboxPaymentGateway.class).movements().stream())
                .filter(movement -> movement.kind().equals("payout")).toList();
        assertThat(reports).hasSize(2);
        List<String> payoutKeys = practitioners.stream()
                .map(p -> "rdv:payout:" + engine(first).payouts().ofPractitioner(p).get(0).id()).toList();
        assertThat(transfers).allSatisfy(transfer -> {
            assertThat(transfer.amount()).isEqualTo(owed);
        });
        assertThat(transfers.stream().map(SandboxPaymentGateway.Movement::key).filter(payoutKeys::contains).distinct())
                .as("one idempotency key per practitioner's payout").containsExactlyInAnyOrderElementsOf(payoutKeys);
        if (freshDatabase) {
            assertThat(transfers.stream().map(SandboxPaymentGateway.Movement::key).distinct())
                    .as("no other payout asked of the provider").hasSize(practitioners.size());
            assertThat(transfers).as("at most one request per payout and host").hasSizeLessThanOrEqualTo(2 * practitioners.size());
        }
    }

    @Test
    @DisplayName("BK-3, NOT-2, NOT-3: a hold expires once, and a reminder is written once and sent once, with both hosts at work")
    void holdExpiresOnceAndReminderIsSentOnce() throws Exception {
        PractitionerId anna = practitioner("Anna");
        Rendezvous engine = engine(first);
        Activity shiatsu = accepted(engine.agenda().addActivity(new AddActivityCommand(anna, "Shiatsu", Duration.ofMinutes(60),
                Money.ofMinor(6_000, "EUR"), Set.of(ConsultationMode.IN_PERSON, ConsultationMode.VIDEO))));
        // A consultation 52 to 53 hours ahead: its first reminder (48 h before) falls due 4 to 5 hours from now.
        Instant start = CLOCK.instant().truncatedTo(ChronoUnit.HOURS).plus(Duration.ofHours(53));
        if (start.atZone(UTC).getHour() >= 22) {
            start = start.plus(Duration.ofHours(3));
        }
        accepted(engine.agenda().addOpening(anna, OpeningSpec.onDate(start.atZone(UTC).toLocalDate(), LocalTime.of(0, 0),
                LocalTime.of(23, 59))));
        Booking confirmed = accepted(engine.bookings().confirm(new ConfirmBookingCommand(anna,
                accepted(engine.bookings().book(BookCommand.of(anna, shiatsu.id(), start, ConsultationMode.IN_PERSON,
                        ClientDetails.of("Camille Client", "camille@example.org", "+33 6 12 34 56 78"), Map.of(), key()))).id(),
                key())));
        assertThat(confirmed.state()).isEqualTo(BookingState.CONFIRMED);
        // A video consultation is prepaid: it is held for the payment, which never comes.
        Booking held = accepted(engine.bookings().book(BookCommand.of(anna, shiatsu.id(), start.plus(Duration.ofHours(1)),
                ConsultationMode.VIDEO, ClientDetails.of("Hugo Held", "hugo@example.org", "+33 6 98 76 54 32"), Map.of(), key())));
        assertThat(held.state()).isEqualTo(BookingState.HELD);
        drainOutbox();

        // Past the first reminder's time (start - 48 h, at least 4 hours away) and the hold's payment window.
        CLOCK.advance(Duration.between(CLOCK.instant(), start.minus(Duration.ofHours(48)).plus(Duration.ofMinutes(30))));

        List<JobReport> expiries = onBothAtOnce(host -> engine(host).jobs().expireOverdue());
        assertThat(engine.bookings().find(anna, held.id()).orElseThrow().state()).isEqualTo(BookingState.EXPIRED);
        if (freshDatabase) {
            assertThat(changed(expiries)).as("holds expired by the two hosts together").isEqualTo(1);
        }
        drainOutbox();
        int firstBefore = files(firstMailbox).size();
        int secondBefore = files(secondMailbox).size();

        List<JobReport> planning = onBothAtOnce(host -> host.getApplicationContext().getBean(Reminders.class).planDue());
        List<OutboxMessage> reminders = stores().outbox().aboutBooking(confirmed.id()).stream()
                .filter(m -> m.kind() == MessageKind.FIRST_REMINDER).toList();
        assertThat(reminders).as("first reminders written").hasSize(MessageKind.FIRST_REMINDER.routes().size());
        if (freshDatabase) {
            assertThat(changed(planning)).as("bookings reminded by the two hosts together").isEqualTo(1);
        }

        List<DeliveryReport> deliveries = onBothAtOnce(host -> host.getApplicationContext().getBean(OutboxDispatcher.class)
                .deliverDue());
        List<Path> sent = new ArrayList<>();
        sent.addAll(files(firstMailbox));
        sent.addAll(files(secondMailbox));
        List<String> reminderFiles = sent.stream().map(p -> p.getFileName().toString())
                .filter(name -> name.contains("first_reminder")).toList();
        for (OutboxMessage reminder : reminders) {
            assertThat(reminderFiles).as("files of reminder %s", reminder.id())
                    .filteredOn(name -> name.contains(reminder.id().toString())).hasSize(1);
        }
        try (HttpClient client = HttpClient.create(second.getURL())) {
            String scrape = client.toBlocking().retrieve(HttpRequest.GET("/prometheus"));
            assertThat(gauge(scrape, "rendezvous_bookings{state=\"EXPIRED\"}")).as("expired bookings on /prometheus")
                    .isGreaterThanOrEqualTo(1);
            assertThat(gauge(scrape, "rendezvous_bookings{state=\"CONFIRMED\"}")).isGreaterThanOrEqualTo(1);
            assertThat(gauge(scrape, "rendezvous_outbox_messages{state=\"PENDING\"}")).isGreaterThanOrEqualTo(0);
        }
        if (freshDatabase) {
            assertThat(files(firstMailbox).size() - firstBefore + files(secondMailbox).size() - secondBefore)
                    .as("files written by the two hosts together").isEqualTo(reminders.size());
            assertThat(deliveries.stream().mapToInt(DeliveryReport::delivered).sum()).isEqualTo(reminders.size());
        }
    }
}
