package org.rendezvous.core.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rendezvous.core.lifecycle.Scenario.rejected;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.rendezvous.core.outcome.Outcome;
import org.rendezvous.core.outcome.Reason;
import org.rendezvous.core.payout.PayoutDestination;
import org.rendezvous.core.practitioner.PractitionerId;

/** Issue 15, item 5: "no such practitioner" is a business answer (NOT_FOUND), never an exception. */
class NoSuchPractitionerTest {

    @Test
    @DisplayName("asking about a practitioner who does not exist is refused NOT_FOUND naming practitionerId, never thrown")
    void unknownPractitionerIsAnOutcome() {
        Scenario s = Scenario.create();
        PractitionerId nobody = PractitionerId.of("00000000-0000-0000-0000-000000000001");
        LocalDate day = LocalDate.of(2030, 3, 4);

        List<Outcome<?>> answers = List.of(
                s.engine.agenda().bookingsBetween(nobody, day, day),
                s.engine.bookings().pendingRequests(nobody),
                s.engine.payments().totals(nobody),
                s.engine.payments().balances(nobody),
                s.engine.payouts().setDestination(nobody, new PayoutDestination.ProviderAccount("acct_x", true)));

        assertThat(answers).allSatisfy(answer -> {
            assertThat(rejected(answer).reason()).isEqualTo(Reason.NOT_FOUND);
            assertThat(rejected(answer).detail()).startsWith("practitionerId:");
        });
        assertThat(s.engine.payouts().destination(nobody)).isEmpty();
    }

    @Test
    @DisplayName("the same questions about a practitioner who exists are answered")
    void knownPractitionerIsAnswered() {
        Scenario s = Scenario.create();
        LocalDate day = LocalDate.of(2030, 3, 4);
        assertThat(s.engine.agenda().bookingsBetween(s.anna, day, day).isAccepted()).isTrue();
        assertThat(s.engine.bookings().pendingRequests(s.anna).isAccepted()).isTrue();
        assertThat(s.engine.payments().totals(s.anna).isAccepted()).isTrue();
        assertThat(s.engine.payments().balances(s.anna).isAccepted()).isTrue();
    }
}
