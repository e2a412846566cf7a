package org.rendezvous.benchmarks;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Counts overbooked seats straight from the database, apart from the engine that should prevent them
 * (AG-10): at the start of every seat-holding booking, the seat-holding bookings of the same
 * practitioner that cover that instant, beyond the agenda's default capacity. The agendas of the load
 * runs have no opening with a capacity of its own, so the default capacity is the limit everywhere.
 */
final class Overbooking {

    /** The seat-holding states: the ones {@code bookings.seatHolding} reads for the capacity check. */
    static final String SQL = """
            WITH held AS (
              SELECT practitioner_id, start_at, end_at FROM bookings WHERE state IN ('HELD', 'PENDING', 'CONFIRMED')
            ), occupancy AS (
              SELECT p.practitioner_id, p.start_at, count(*) AS seats
              FROM (SELECT DISTINCT practitioner_id, start_at FROM held) p
              JOIN held o ON o.practitioner_id = p.practitioner_id AND o.start_at <= p.start_at AND o.end_at > p.start_at
              GROUP BY p.practitioner_id, p.start_at
            )
            SELECT coalesce(sum(o.seats - s.default_capacity), 0) AS overbooked,
                   (SELECT count(*) FROM held) AS holding
            FROM occupancy o JOIN agenda_settings s ON s.practitioner_id = o.practitioner_id
            WHERE o.seats > s.default_capacity
            """;

    record Count(long overbookedSeats, long seatHoldingBookings) {
    }

    private Overbooking() {
    }

    static Count count(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet row = statement.executeQuery(SQL)) {
            row.next();
            return new Count(row.getLong("overbooked"), row.getLong("holding"));
        }
    }
}
