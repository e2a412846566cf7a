package org.rendezvous.app.ops;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Currency;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToDoubleFunction;
import javax.sql.DataSource;
import org.rendezvous.app.wiring.DatabaseFactory;
import org.rendezvous.core.booking.BookingState;
import org.rendezvous.core.port.Stores;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The domain gauges on {@code /prometheus}: bookings by state, payment instructions due and failed, money
 * clients paid in, and the outbox backlog (pending and parked messages).
 *
 * <p>They are counts over the whole database, so they are read from the stores, not counted in this
 * instance (N instances each see only their own requests; the database sees all). A scrape reads a
 * snapshot taken at most {@code rendezvous.metrics.refresh} (30 s) earlier; when it is older, the scrape
 * takes a new one: three {@code GROUP BY} counts (the outbox and instruction ones on partial indexes) and
 * the ledger's totals. So scraping every few seconds from several Prometheus servers costs the database at
 * most one snapshot per instance and period. On the in-memory stores (tests and demos) only the ledger
 * totals are known; the other gauges read NaN.
 */
@Context
@Requires(beans = MeterRegistry.class)
final class OperationsMetrics {

    private static final Logger LOG = LoggerFactory.getLogger(OperationsMetrics.class);

    /** The engine's settings book every price in euros (EngineSettings.of). */
    private static final Currency CURRENCY = Currency.getInstance("EUR");

    /** What one snapshot knows; NaN where the stores cannot count cheaply. */
    record Snapshot(Map<BookingState, Double> bookings, double instructionsDue, double instructionsFailed,
                    double outboxPending, double outboxParked, double moneyInMinor) {
    }

    private final Stores stores;
    private final Optional<DataSource> database;
    private final long refreshNanos;
    private Snapshot snapshot;
    private long takenAt;

    OperationsMetrics(MeterRegistry registry, Stores stores, Optional<DatabaseFactory.Database> database,
                      @Value("${rendezvous.metrics.refresh:30s}") Duration refresh) {
        this.stores = stores;
        this.database = database.map(DatabaseFactory.Database::dataSource);
        this.refreshNanos = refresh.toNanos();
        for (BookingState state : BookingState.values()) {
            gauge(registry, "rendezvous.bookings", "Bookings in the database by state", s -> s.bookings().get(state),
                    "state", state.name());
        }
        gauge(registry, "rendezvous.payment.instructions", "Refunds, off-session charges and releases by state",
                Snapshot::instructionsDue, "state", "DUE");
        gauge(registry, "rendezvous.payment.instructions", "Refunds, off-session charges and releases by state",
                Snapshot::instructionsFailed, "state", "FAILED");
        gauge(registry, "rendezvous.outbox.messages", "Messages not delivered yet (PENDING) or given up (FAILED, parked)",
                Snapshot::outboxPending, "state", "PENDING");
        gauge(registry, "rendezvous.outbox.messages", "Messages not delivered yet (PENDING) or given up (FAILED, parked)",
                Snapshot::outboxParked, "state", "FAILED");
        Gauge.builder("rendezvous.ledger.money.in", this, m -> m.current().moneyInMinor())
                .description("Everything clients ever paid in, in minor units (cents)")
                .tag("currency", CURRENCY.getCurrencyCode()).baseUnit("cents").strongReference(true).register(registry);
    }

    private void gauge(MeterRegistry registry, String name, String description, ToDoubleFunction<Snapshot> value,
                       String tag, String tagValue) {
        Gauge.builder(name, this, m -> value.applyAsDouble(m.current())).description(description).tag(tag, tagValue)
                .strongReference(true).register(registry);
    }

    /** The snapshot, taken anew when the last one is older than the refresh period. */
    synchronized Snapshot current() {
        long now = System.nanoTime();
        if (snapshot == null || now - takenAt >= refreshNanos) {
            snapshot = take();
            takenAt = now;
        }
        return snapshot;
    }

    private Snapshot take() {
        double moneyIn = Double.NaN;
        try {
            moneyIn = stores.ledger().totals(CURRENCY).moneyIn().minorUnits();
        } catch (RuntimeException e) {
            LOG.warn("metrics: the ledger totals could not be read: {}", e.toString());
        }
        Map<BookingState, Double> bookings = new EnumMap<>(BookingState.class);
        for (BookingState state : BookingState.values()) {
            bookings.put(state, Double.NaN);
        }
        if (database.isEmpty()) {
            return new Snapshot(bookings, Double.NaN, Double.NaN, Double.NaN, Double.NaN, moneyIn);
        }
        // Read-only counts over the persistence adapter's tables (adapters-persistence, V1..V3 migrations).
        try (Connection connection = database.get().getConnection()) {
            Map<String, Long> byState = counts(connection, "SELECT state, count(*) FROM bookings GROUP BY state");
            for (BookingState state : BookingState.values()) {
                bookings.put(state, (double) byState.getOrDefault(state.name(), 0L));
            }
            Map<String, Long> instructions = counts(connection,
                    "SELECT state, count(*) FROM payment_instructions WHERE state IN ('DUE', 'FAILED') GROUP BY state");
            Map<String, Long> outbox = counts(connection,
                    "SELECT state, count(*) FROM outbox WHERE state IN ('PENDING', 'FAILED') GROUP BY state");
            return new Snapshot(bookings, instructions.getOrDefault("DUE", 0L), instructions.getOrDefault("FAILED", 0L),
                    outbox.getOrDefault("PENDING", 0L), outbox.getOrDefault("FAILED", 0L), moneyIn);
        } catch (SQLException | RuntimeException e) {
            LOG.warn("metrics: the database counts could not be read: {}", e.toString());
            return new Snapshot(bookings, Double.NaN, Double.NaN, Double.NaN, Double.NaN, moneyIn);
        }
    }

    private static Map<String, Long> counts(Connection connection, String sql) throws SQLException {
        Map<String, Long> counts = new HashMap<>();
        try (PreparedStatement statement = connection.prepareStatement(sql); ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                counts.put(rows.getString(1), rows.getLong(2));
            }
        }
        return counts;
    }
}
