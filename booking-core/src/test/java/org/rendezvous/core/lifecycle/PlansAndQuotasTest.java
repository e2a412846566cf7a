package org.rendezvous.core.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rendezvous.core.lifecycle.Scenario.accepted;
import static org.rendezvous.core.lifecycle.Scenario.rejected;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.rendezvous.core.agenda.ConsultationMode;
import org.rendezvous.core.agenda.OnlinePayment;
import org.rendezvous.core.booking.Booking;
import org.rendezvous.core.booking.BookingState;
import org.rendezvous.core.booking.EnterBookingCommand;
import org.rendezvous.core.booking.MoveByPractitionerCommand;
import org.rendezvous.core.contact.EmailAddress;
import org.rendezvous.core.contact.PersonName;
import org.rendezvous.core.contact.PhoneNumber;
import org.rendezvous.core.outcome.Outcome;
import org.rendezvous.core.outcome.Reason;
import org.rendezvous.core.plan.Plan;
import org.rendezvous.core.policy.CommercialModel;

/** The free plan's quota as the booking use cases apply it (PLAN-1 … PLAN-3, model DIRECT_CONNECT). */
class PlansAndQuotasTest {

    static Scenario afterTrial(CommercialModel model) {
        return Scenario.builder().model(model).registeredBefore(Period.ofMonths(3)).build();
    }

    /** Anna enters a booking by hand, an hour apart from the previous ones, from Tuesday on. */
    static Outcome<Booking> enter(Scenario s, int n) {
        Instant start = s.at(DayOfWeek.TUESDAY, 0).plus(Duration.ofHours(n));
        return s.engine.bookings().enter(new EnterBookingCommand(s.anna, s.shiatsu.id(), start, ConsultationMode.IN_PERSON,
                EmailAddress.of("client" + n + "@example.org"), Optional.of(PersonName.of("Client " + n)),
                Optional.of(PhoneNumber.of("+33612345678")), Optional.empty(), new TreeMap<>(), s.key()));
    }

    @Test
    @DisplayName("PLAN-2 on the free plan the 40th booking of the month is accepted and the 41st refused, naming the limit")
    void fortyBookingsAMonth() {
        Scenario s = afterTrial(CommercialModel.DIRECT_CONNECT);
        assertThat(s.engine.plans().planOf(s.anna)).isEqualTo(Plan.FREE);
        for (int n = 0; n < 40; n++) {
            accepted(enter(s, n));
        }
        Outcome.Rejected<?> refused = rejected(enter(s, 40));
        assertThat(refused.reason()).isEqualTo(Reason.QUOTA_REACHED);
        assertThat(refused.detail()).startsWith("quota:").contains("40");
        assertThat(rejected(s.tryBook(s.at(DayOfWeek.FRIDAY, 9))).reason()).as("clients too").isEqualTo(Reason.QUOTA_REACHED);
        assertThat(accepted(s.engine.plans().quota(s.anna)).bookingsClosed()).as("the public page says so").isTrue();
    }

    @Test
    @DisplayName("PLAN-2 an unpaid hold that expires does not count; a move does not count again")
    void expiredHoldsAndMovesDoNotCount() {
        Scenario s = Scenario.builder().model(CommercialModel.DIRECT_CONNECT).registeredBefore(Period.ofMonths(3))
                .settings(x -> x.withOnlinePayment(OnlinePayment.REQUIRED)).build();
        Booking held = s.book(s.at(DayOfWeek.WEDNESDAY, 9));
        assertThat(held.state()).isEqualTo(BookingState.HELD);
        s.setClock(held.expiresAt().orElseThrow());
        s.engine.jobs().expireOverdue();
        assertThat(accepted(s.engine.plans().quota(s.anna)).bookingsUsed()).isZero();

        Booking entered = accepted(enter(s, 30));
        accepted(s.engine.bookings().moveByPractitioner(new MoveByPractitionerCommand(s.anna, entered.id(),
                entered.start().plus(Duration.ofHours(2)), s.key())));
        assertThat(accepted(s.engine.plans().quota(s.anna)).bookingsUsed()).isEqualTo(1);
    }

    @Test
    @DisplayName("PLAN-1 during the trial there is no quota")
    void trialHasNoQuota() {
        Scenario s = Scenario.builder().model(CommercialModel.DIRECT_CONNECT).build();
        assertThat(s.engine.plans().planOf(s.anna)).isEqualTo(Plan.TRIAL);
        for (int n = 0; n < 41; n++) {
            accepted(enter(s, n));
        }
        assertThat(accepted(s.engine.plans().quota(s.anna)).bookingsLeft()).isEmpty();
    }

    @Test
    @DisplayName("PLAN-3 the paid plan has no quota, and stays active until the end of the paid period after a cancellation")
    void paidPlanHasNoQuota() {
        Scenario s = afterTrial(CommercialModel.DIRECT_CONNECT);
        String checkout = accepted(s.engine.plans().subscribe(s.anna)).redirect().getPath().replaceAll(".*/", "");
        assertThat(s.engine.plans().planOf(s.anna)).as("nothing is granted before the payment").isEqualTo(Plan.FREE);
        s.billing.completeCheckout(checkout).orElseThrow();
        s.billing.setRenewing(s.anna, false).orElseThrow();
        assertThat(s.engine.plans().planOf(s.anna)).isEqualTo(Plan.PAID);
        for (int n = 0; n < 41; n++) {
            accepted(enter(s, n));
        }
        s.setClock(s.now().plus(Duration.ofDays(32)));
        assertThat(s.engine.plans().planOf(s.anna)).isEqualTo(Plan.FREE);
    }

    @Test
    @DisplayName("PLAN-2 quotas belong to model DIRECT_CONNECT: PLATFORM_COLLECTS has none")
    void platformCollectsHasNoQuota() {
        Scenario s = afterTrial(CommercialModel.PLATFORM_COLLECTS);
        for (int n = 0; n < 41; n++) {
            accepted(enter(s, n));
        }
    }
}
