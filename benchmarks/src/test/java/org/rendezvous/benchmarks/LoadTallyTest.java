package org.rendezvous.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The report math of HttpLoadRun (issue 7 item 8): percentiles, outcome counts, and what counts as an error. */
class LoadTallyTest {

    @Test
    @DisplayName("p50 / p99 / max of 1..100 ms are 50, 99 and 100 ms, within HdrHistogram's 3 digits")
    void percentilesOfKnownLatencies() {
        LoadTally first = new LoadTally();
        LoadTally second = new LoadTally();
        for (int ms = 1; ms <= 100; ms++) {
            (ms % 2 == 0 ? first : second).record(LoadTally.BOOKED, ms * 1_000_000L);
        }
        first.add(second);

        assertThat(first.requests()).isEqualTo(100);
        assertThat(first.millis(50)).isCloseTo(50, within(0.1));
        assertThat(first.millis(99)).isCloseTo(99, within(0.1));
        assertThat(first.maxMillis()).isCloseTo(100, within(0.1));
    }

    @Test
    @DisplayName("refusals are counted by problem code; only 5xx and unanswered requests are errors")
    void refusalsAreNotErrors() {
        LoadTally tally = new LoadTally();
        tally.record(HttpLoadRun.outcome(201, "{}"), 1);
        tally.record(HttpLoadRun.outcome(409, "{\"type\":\"https://rendezvous.dev/problems/slot-full\",\"status\":409}"), 1);
        tally.record(HttpLoadRun.outcome(409, "{\"type\" : \"https://rendezvous.dev/problems/slot-full\"}"), 1);
        tally.record(HttpLoadRun.outcome(500, "{\"type\":\"https://rendezvous.dev/problems/internal\"}"), 1);
        tally.record(HttpLoadRun.outcome(400, "not json"), 1);
        tally.record("io-error", 1);

        assertThat(tally.count(LoadTally.BOOKED)).isEqualTo(1);
        assertThat(tally.refusalsAndErrors()).isEqualTo(Map.of("slot-full", 2L, "http-500", 1L, "http-400", 1L, "io-error", 1L));
        assertThat(tally.errors()).isEqualTo(2);
    }

    @Test
    @DisplayName("a latency beyond the histogram's range counts as its longest, not as a lost request")
    void longLatencyIsKept() {
        LoadTally tally = new LoadTally();
        tally.record(LoadTally.BOOKED, 10L * 60 * 1_000_000_000L);

        assertThat(tally.requests()).isEqualTo(1);
        assertThat(tally.maxMillis()).isGreaterThanOrEqualTo(59_000);
    }
}
