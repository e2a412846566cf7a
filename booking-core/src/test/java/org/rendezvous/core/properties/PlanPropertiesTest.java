package org.rendezvous.core.properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Currency;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.rendezvous.core.plan.Plan;
import org.rendezvous.core.plan.PlanSettings;
import org.rendezvous.core.plan.Subscription;
import org.rendezvous.core.practitioner.PractitionerId;

/**
 * PLAN-2, PLAN-3 in every time zone: the trial ends at the first instant of the local day two
 * months after registration, and a paid run renewed month after month has no gap, no overlap, and
 * ends on its day of the month (or the month's last day).
 */
class PlanPropertiesTest {

    private static final PlanSettings SETTINGS = PlanSettings.defaults(Currency.getInstance("EUR"));
    private static final List<ZoneId> ZONES = ZoneId.getAvailableZoneIds().stream().sorted().map(ZoneId::of).toList();
    private static final PractitionerId ANNA = new PractitionerId(UUID.fromString("00000000-0000-0000-0000-00000000a11a"));

    record Registration(Instant at, ZoneId zone) {
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
    @DisplayName("PLAN-3 a run renewed on time for a year stays PAID throughout, one calendar month per renewal, on its day of the month")
    void renewalsHaveNoGapAndKeepTheDay() {
        qt().withExamples(300).forAll(registrations(), registrations()).checkAssert((registration, subscribing) -> {
            Subscription trial = Subscription.startTrial(ANNA, registration.at(), registration.zone(), SETTINGS);
            Instant now = subscribing.at().isAfter(registration.at()) ? subscribing.at() : registration.at();
            Subscription paid = trial.subscribePaid(now).orElseThrow();
            Instant anchor = now.isBefore(trial.trialEndsAt()) ? trial.trialEndsAt() : now;
            ZonedDateTime anchorLocal = anchor.atZone(registration.zone());

            assertThat(paid.planAt(now)).isEqualTo(Plan.PAID);
            for (int month = 1; month <= 12; month++) {
                Instant end = paid.paidUntil().orElseThrow();
                assertThat(end).as("end of month %d of %s", month, paid).isEqualTo(anchorLocal.plusMonths(month).toInstant());
                assertThat(paid.planAt(end.minusNanos(1))).isEqualTo(Plan.PAID);
                paid = paid.renew(paid.renewalOpensAt().orElseThrow()).orElseThrow();
                assertThat(paid.planAt(end)).isEqualTo(Plan.PAID);
            }
        });
    }
}
