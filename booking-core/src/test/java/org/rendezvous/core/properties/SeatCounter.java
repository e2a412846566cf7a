package org.rendezvous.core.properties;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.rendezvous.core.agenda.TimeRange;
import org.rendezvous.core.booking.Booking;
import org.rendezvous.core.booking.BookingId;

/**
 * A deliberately naive, independent count of seats (AG-6, AG-7) over bookings read back from a
 * store. It shares no code with {@code Occupancy} or {@code AgendaSnapshot}: every question is
 * answered by trying every candidate instant against every booking.
 */
final class SeatCounter {

    private SeatCounter() {
    }

    /**
     * The largest number of {@code ranges} that cover one instant of [from, to). The busiest instant
     * of an interval is either its first instant or the start of one of the ranges, so those are the
     * only candidates; each is checked against every range.
     */
    static int maxCovering(List<TimeRange> ranges, Instant from, Instant to) {
        List<Instant> candidates = new ArrayList<>();
        candidates.add(from);
        for (TimeRange range : ranges) {
            if (!range.start().isBefore(from) && range.start().isBefore(to)) {
                candidates.add(range.start());
            }
        }
        int best = 0;
        for (Instant point : candidates) {
            int covering = 0;
            for (TimeRange range : ranges) {
                if (!range.start().isAfter(point) && range.end().isAfter(point)) {
                    covering++;
                }
            }
            best = Math.max(best, covering);
        }
        return best;
    }

    /**
     * What is wrong with a set of seat-holding bookings of one agenda whose capacity is the same
     * everywhere: more than {@code capacity} of them at one instant, or, with capacity 1, two of them
     * closer than the spacing (AG-7: with one seat the whole [start − spacing, end + spacing) of a
     * booking is free of any other). Empty when nothing is wrong.
     */
    static List<String> violations(List<Booking> seatHolding, int capacity, Duration spacing) {
        List<String> problems = new ArrayList<>();
        List<TimeRange> ranges = seatHolding.stream().map(b -> new TimeRange(b.start(), b.end())).toList();
        for (Booking booking : seatHolding) {
            // Every instant some booking covers is covered from one of the bookings' starts on.
            int atStart = maxCovering(ranges, booking.start(), booking.start().plusNanos(1));
            if (atStart > capacity) {
                problems.add(atStart + " seat-holding bookings at " + booking.start() + " for a capacity of " + capacity
                        + ": " + describe(seatHolding));
            }
        }
        if (capacity == 1) {
            for (Booking a : seatHolding) {
                for (Booking b : seatHolding) {
                    if (a.id().equals(b.id())) {
                        continue;
                    }
                    boolean tooClose = a.start().isBefore(b.end().plus(spacing)) && b.start().isBefore(a.end().plus(spacing));
                    if (tooClose && a.id().value().compareTo(b.id().value()) < 0) {
                        problems.add("capacity 1 with spacing " + spacing.toMinutes() + " min, but " + a.occupied()
                                + " and " + b.occupied() + " are closer than that");
                    }
                }
            }
        }
        return problems;
    }

    /**
     * Whether a seat could lawfully be given at [start, end) while {@code others} hold theirs:
     * at every instant of [start − spacing, end + spacing) at most capacity − 1 of them (AG-7).
     */
    static boolean seatWasFree(List<Booking> others, BookingId self, Instant start, Instant end, int capacity,
                               Duration spacing) {
        List<TimeRange> ranges = others.stream().filter(b -> !b.id().equals(self))
                .map(b -> new TimeRange(b.start(), b.end())).toList();
        return maxCovering(ranges, start.minus(spacing), end.plus(spacing)) <= capacity - 1;
    }

    static String describe(List<Booking> bookings) {
        StringBuilder text = new StringBuilder("[");
        for (Booking booking : bookings) {
            text.append("\n  ").append(booking.id()).append(' ').append(booking.state()).append(' ')
                    .append(booking.start()).append(" – ").append(booking.end());
        }
        return text.append("\n]").toString();
    }
}
