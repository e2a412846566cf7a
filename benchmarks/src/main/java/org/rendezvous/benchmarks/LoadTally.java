package org.rendezvous.benchmarks;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * What one load generator thread saw: the latency of every request (HdrHistogram, 3 significant
 * digits, up to one minute) and how many requests ended in each way. Each thread keeps its own and
 * they are added at the end, so recording takes no lock.
 */
final class LoadTally {

    /** A request the server answered with 201 Created. */
    static final String BOOKED = "booked";

    private static final long LONGEST_NANOS = TimeUnit.MINUTES.toNanos(1);

    private final Histogram latencies = new Histogram(LONGEST_NANOS, 3);
    private final Map<String, Long> outcomes = new TreeMap<>();

    /**
     * One request: how it ended ({@link #BOOKED}, a refusal's problem code such as {@code slot-full},
     * {@code http-500}, {@code io-error}) and how long it took; longer than a minute counts as a minute.
     */
    void record(String outcome, long nanos) {
        latencies.recordValue(Math.min(Math.max(nanos, 0), LONGEST_NANOS));
        outcomes.merge(outcome, 1L, Long::sum);
    }

    void add(LoadTally other) {
        latencies.add(other.latencies);
        other.outcomes.forEach((outcome, count) -> outcomes.merge(outcome, count, Long::sum));
    }

    long requests() {
        return latencies.getTotalCount();
    }

    long count(String outcome) {
        return outcomes.getOrDefault(outcome, 0L);
    }

    /** Answers the server gave as 5xx, and requests it never answered: both must stay at 0. */
    long errors() {
        return outcomes.entrySet().stream().filter(e -> e.getKey().startsWith("http-5") || e.getKey().equals("io-error"))
                .mapToLong(Map.Entry::getValue).sum();
    }

    /** The latency under which {@code percentile} % of the requests finished, in milliseconds. */
    double millis(double percentile) {
        return latencies.getValueAtPercentile(percentile) / 1e6;
    }

    double maxMillis() {
        return latencies.getMaxValue() / 1e6;
    }

    /** Every way requests ended but booked, with its count, e.g. {@code {slot-full=120}}. */
    Map<String, Long> refusalsAndErrors() {
        Map<String, Long> others = new TreeMap<>(outcomes);
        others.remove(BOOKED);
        return others;
    }
}
