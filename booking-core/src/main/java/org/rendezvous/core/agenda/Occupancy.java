package org.rendezvous.core.agenda;

import java.util.Arrays;
import java.util.Collection;

/**
 * The time taken by seat-holding bookings (AG-7), prepared for many questions of the form "how many
 * bookings overlap at once, at most, within this interval?". Intervals are kept sorted by start with
 * a running maximum of their ends, so the capacity-1 question costs one binary search.
 */
public final class Occupancy {

    private static final Occupancy EMPTY = new Occupancy(new long[0], new long[0]);

    private final long[] starts;
    private final long[] ends;
    private final long[] maxEndSoFar;
    private final long longest;

    private Occupancy(long[] starts, long[] ends) {
        this.starts = starts;
        this.ends = ends;
        this.maxEndSoFar = new long[starts.length];
        long running = Long.MIN_VALUE;
        long longestSeen = 0;
        for (int i = 0; i < starts.length; i++) {
            running = Math.max(running, ends[i]);
            maxEndSoFar[i] = running;
            longestSeen = Math.max(longestSeen, ends[i] - starts[i]);
        }
        this.longest = longestSeen;
    }

    public static Occupancy empty() {
        return EMPTY;
    }

    public static Occupancy of(Collection<TimeRange> taken) {
        if (taken.isEmpty()) {
            return EMPTY;
        }
        TimeRange[] sorted = taken.toArray(TimeRange[]::new);
        Arrays.sort(sorted, (a, b) -> a.start().compareTo(b.start()));
        long[] starts = new long[sorted.length];
        long[] ends = new long[sorted.length];
        for (int i = 0; i < sorted.length; i++) {
            starts[i] = sorted[i].start().getEpochSecond();
            ends[i] = ceilSeconds(sorted[i]);
        }
        return new Occupancy(starts, ends);
    }

    private static long ceilSeconds(TimeRange range) {
        return range.end().getEpochSecond() + (range.end().getNano() > 0 ? 1 : 0);
    }

    public int size() {
        return starts.length;
    }

    /** Whether any interval overlaps [from, to), in epoch seconds. */
    public boolean anyOverlap(long from, long to) {
        int before = firstStartAtOrAfter(to);
        return before > 0 && maxEndSoFar[before - 1] > from;
    }

    /** The largest number of intervals that overlap one another at some instant of [from, to). */
    public int maxOverlap(long from, long to) {
        int end = firstStartAtOrAfter(to);
        if (end == 0 || maxEndSoFar[end - 1] <= from) {
            return 0;
        }
        int begin = firstStartAtOrAfter(from - longest);
        int best = 0;
        // The busiest instant is the start of one of the overlapping intervals (or `from` itself).
        for (int i = begin; i < end; i++) {
            if (ends[i] <= from) {
                continue;
            }
            long point = Math.max(starts[i], from);
            int count = 0;
            for (int j = begin; j < end; j++) {
                if (starts[j] <= point && ends[j] > point) {
                    count++;
                }
            }
            best = Math.max(best, count);
        }
        return best;
    }

    private int firstStartAtOrAfter(long value) {
        int low = 0;
        int high = starts.length;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (starts[mid] < value) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }
}
