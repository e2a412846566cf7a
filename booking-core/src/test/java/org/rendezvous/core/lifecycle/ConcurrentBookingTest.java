package org.rendezvous.core.lifecycle;

import static java.time.DayOfWeek.WEDNESDAY;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.rendezvous.core.agenda.ConsultationMode;
import org.rendezvous.core.booking.BookCommand;
import org.rendezvous.core.booking.Booking;
import org.rendezvous.core.outcome.Outcome;
import org.rendezvous.core.outcome.Reason;

/** AG-10, one simple example: two clients asking for the same seat at the same moment. */
class ConcurrentBookingTest {

    @Test
    @DisplayName("AG-10 two clients booking the last seat at the same moment: one gets it, the other SLOT_FULL")
    void twoThreadsOneSeat() throws Exception {
        Scenario s = Scenario.create();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int hour = 9; hour <= 11; hour++) {
                Instant start = s.at(WEDNESDAY, hour);
                CyclicBarrier together = new CyclicBarrier(2);
                List<Future<Outcome<Booking>>> results = new ArrayList<>();
                for (int client = 0; client < 2; client++) {
                    BookCommand command = s.bookCommand(start, ConsultationMode.IN_PERSON, s.newClient());
                    Callable<Outcome<Booking>> attempt = () -> {
                        together.await(5, TimeUnit.SECONDS);
                        return s.engine.bookings().book(command);
                    };
                    results.add(pool.submit(attempt));
                }
                List<Outcome<Booking>> outcomes = new ArrayList<>();
                for (Future<Outcome<Booking>> result : results) {
                    outcomes.add(result.get(10, TimeUnit.SECONDS));
                }

                assertThat(outcomes).filteredOn(Outcome::isAccepted).hasSize(1);
                assertThat(outcomes).filteredOn(o -> !o.isAccepted())
                        .singleElement().satisfies(o -> assertThat(Scenario.rejected(o).reason()).isEqualTo(Reason.SLOT_FULL));
                assertThat(s.stores.bookings().seatHolding(s.anna, start, start.plusSeconds(3600))).hasSize(1);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
