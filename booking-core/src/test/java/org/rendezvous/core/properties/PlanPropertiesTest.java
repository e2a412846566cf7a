package org.rendezvous.core.properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Currency;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.rendezvous.core.plan.BillingEvent;
import org.rendezvous.core.plan.Plan;
import org.rendezvous.core.plan.PlanSettings;
import org.rendezvous.core.plan.Subscription;
import org.rendezvous.core.practitioner.PractitionerId;

/**
 * PLAN-2, PLAN-3 in every time zone: the trial ends at the first instant of the local day two
 * months after registration, and the paid time is what the provider reported paid, whatever the
 * order and repeats of its reports.
 */
class PlanPropertiesTest {

    private static final PlanSettings SETTINGS = PlanSettings.defaults(Currency.getInstance("EUR"));
    private static final List<ZoneId> ZONES = ZoneId.getAvailableZoneIds().stream().sorted().map(ZoneId::of).toList();
    private static final PractitionerId ANNA = new PractitionerId(UUID.fromString("00000000-0000-0000-0000-00000000a11a"));

    record Registration(Instant at, ZoneId zone) {
    }

    record PaidMonths(Registration registration, int months, long offset, List<Integer> order) {
    }

    /** Any instant from 1970 to 2100, in any zone the JDK knows (Paris often). */
    private static Gen<Registration> registrations() {
        return in -> new Registration(
                Instant.ofEpochSecond(Draw.longBetween(in, 0, 4_102_444_800L), Draw.between(in, 0, 999_999_999)),
                Draw.chance(in, 25) ? ZoneId.of("Europe/Paris") : Draw.oneOf(in, ZONES));
    }

    @Test
    @DisplayName("PLAN-2 in any zone the trial ends at the first instant of the local day two calendar months after registration")
    void trialEndsAtTheStartOfTheLocalDay() {
        qt().withExamples(3_000).forAll(registrations()).checkAssert(r -> {
            Subscription subscription = Subscription.startTrial(ANNA, r.at(), r.zone(), SETTINGS);
            Instant end = subscription.trialEndsAt();
            LocalDate expectedDay = LocalDate.ofInstant(r.at(), r.zone()).plusMonths(2);

            assertThat(LocalDate.ofInstant(end, r.zone())).as("%s", r).isEqualTo(expectedDay);
            assertThat(LocalDate.ofInstant(end.minusNanos(1), r.zone())).as("%s", r).isBefore(expectedDay);
            assertThat(subscription.planAt(end.minusNanos(1))).isEqualTo(Plan.TRIAL);
            assertThat(subscription.planAt(end)).isEqualTo(Plan.FREE);
            assertThat(subscription.planAt(r.at())).isEqualTo(Plan.TRIAL);
        });
    }

    @Test
    @DisplayName("PLAN-3 the plan at any instant depends on the paid periods only, not on the provider's redeliveries or a month reported after the next one")
    void paidPeriodsInAnyOrder() {
        Gen<PaidMonths> cases = in -> {
            Registration registration = registrations().generate(in);
            int months = Draw.between(in, 1, 8);
            long offset = Draw.longBetween(in, 0, 200L * 86_400);
            List<Integer> order = new ArrayList<>();
            for (int m = 0; m < months; m++) {
                order.add(m);
            }
            // Late by one place at most (a month's report overtaken by the next one's), then repeats after the first delivery.
            for (int i = 0; i + 1 < order.size(); i++) {
                if (Draw.bool(in)) {
                    Collections.swap(order, i, i + 1);
                    i++;
                }
            }
            for (int repeat = Draw.between(in, 0, 3); repeat > 0; repeat--) {
                int at = Draw.between(in, 1, order.size());
                order.add(at, order.get(Draw.between(in, 0, at - 1)));
            }
            return new PaidMonths(registration, months, offset, order);
        };
        qt().withExamples(500).forAll(cases).checkAssert(c -> {
            Registration registration = c.registration();
            int months = c.months();
            Subscription trial = Subscription.startTrial(ANNA, registration.at(), registration.zone(), SETTINGS);
            ZonedDateTime first = registration.at().plusSeconds(c.offset()).atZone(registration.zone());
            List<BillingEvent> events = new ArrayList<>();
            for (int m = 0; m < months; m++) {
                events.add(new BillingEvent.PeriodPaid("evt_" + m, ANNA, "cus_1", "sub_1", first.plusMonths(m).toInstant(),
                        first.plusMonths(m + 1L).toInstant()));
            }
            List<BillingEvent> delivered = c.order().stream().map(events::get).toList();
            Subscription inOrder = trial;
            for (BillingEvent event : events) {
                inOrder = inOrder.apply(event);
            }
            Subscription shuffled = trial;
            for (BillingEvent event : delivered) {
                shuffled = shuffled.apply(event);
            }

            Instant start = first.toInstant();
            Instant end = first.plusMonths(months).toInstant();
            assertThat(shuffled.paidUntil()).as("%s", delivered).contains(end);
            for (int m = 0; m <= months; m++) {
                Instant boundary = first.plusMonths(m).toInstant();
                for (Instant t : List.of(boundary.minusNanos(1), boundary)) {
                    Plan expected = !t.isBefore(start) && t.isBefore(end) ? Plan.PAID
                            : t.isBefore(trial.trialEndsAt()) ? Plan.TRIAL : Plan.FREE;
                    assertThat(shuffled.planAt(t)).as("%s at %s", delivered, t).isEqualTo(expected);
                    assertThat(inOrder.planAt(t)).isEqualTo(expected);
                }
            }
        });
    }
}
