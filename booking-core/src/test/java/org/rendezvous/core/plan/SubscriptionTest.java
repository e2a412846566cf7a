package org.rendezvous.core.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Period;
import java.time.ZoneId;
import java.util.Currency;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.rendezvous.core.outcome.Outcome;
import org.rendezvous.core.outcome.Reason;
import org.rendezvous.core.practitioner.PractitionerId;

class SubscriptionTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final PlanSettings SETTINGS = PlanSettings.defaults(Currency.getInstance("EUR"));
    private final PractitionerId anna = new PractitionerId(UUID.fromString("00000000-0000-0000-0000-00000000a11a"));

    private static Instant paris(int year, int month, int day, int hour, int minute) {
        return LocalDateTime.of(year, month, day, hour, minute).atZone(PARIS).toInstant();
    }

    private Subscription registeredAt(Instant registeredAt) {
        return Subscription.startTrial(anna, registeredAt, PARIS, SETTINGS);
    }

    private static Reason rejection(Outcome<?> outcome) {
        return outcome.fold(accepted -> null, Outcome.Rejected::reason);
    }

    // PLAN-1, PLAN-2: the trial

    @Test
    @DisplayName("PLAN-1 a new practitioner is on the trial, every feature free, from registration")
    void newPractitionerIsOnTrial() {
        Instant registered = Instant.parse("2026-03-10T14:00:00Z");
        Subscription subscription = registeredAt(registered);

        assertThat(subscription.planAt(registered)).isEqualTo(Plan.TRIAL);
        assertThat(subscription.planAt(registered.plus(Duration.ofDays(50)))).isEqualTo(Plan.TRIAL);
        assertThat(subscription.paidUntil()).isEmpty();
        assertThat(subscription.paidSince()).isEmpty();
        assertThat(subscription.renewing()).isFalse();
        assertThat(subscription.renewalOpensAt()).isEmpty();
    }

    @Test
    @DisplayName("PLAN-2 the trial ends two calendar months after registration at 00:00 in Paris: TRIAL 1 ns before, FREE at 00:00")
    void trialEndsAtMidnightInTheZone() {
        Subscription subscription = registeredAt(Instant.parse("2026-03-10T14:00:00Z"));
        Instant midnight = paris(2026, 5, 10, 0, 0);

        assertThat(subscription.trialEndsAt()).isEqualTo(midnight).isEqualTo(Instant.parse("2026-05-09T22:00:00Z"));
        assertThat(subscription.planAt(midnight.minusNanos(1))).isEqualTo(Plan.TRIAL);
        assertThat(subscription.planAt(midnight)).isEqualTo(Plan.FREE);
        assertThat(subscription.planAt(Instant.parse("2026-05-09T23:30:00Z"))).isEqualTo(Plan.FREE);
    }

    @Test
    @DisplayName("PLAN-2 a trial across a DST change still ends at 00:00 local time (registered in winter, ends in summer, and back)")
    void trialAcrossDaylightSaving() {
        assertThat(registeredAt(paris(2026, 2, 10, 9, 0)).trialEndsAt())
                .isEqualTo(paris(2026, 4, 10, 0, 0)).isEqualTo(Instant.parse("2026-04-09T22:00:00Z"));
        assertThat(registeredAt(paris(2026, 9, 20, 9, 0)).trialEndsAt())
                .isEqualTo(paris(2026, 11, 20, 0, 0)).isEqualTo(Instant.parse("2026-11-19T23:00:00Z"));
        // Registered on the day of the spring change itself, at 03:30 (after the gap)
        assertThat(registeredAt(paris(2026, 3, 29, 3, 30)).trialEndsAt()).isEqualTo(paris(2026, 5, 29, 0, 0));
    }

    @Test
    @DisplayName("PLAN-2 the trial counts from the local date of registration, not the UTC date")
    void localDateOfRegistration() {
        // 23:30 UTC on 31 January is 00:30 on 1 February in Paris
        Subscription subscription = registeredAt(Instant.parse("2026-01-31T23:30:00Z"));

        assertThat(subscription.trialEndsAt()).isEqualTo(paris(2026, 4, 1, 0, 0));
    }

    @Test
    @DisplayName("PLAN-2 31 January + 2 months is 31 March; 31 December + 2 months is the end of February")
    void monthEnds() {
        assertThat(registeredAt(paris(2026, 1, 31, 10, 0)).trialEndsAt()).isEqualTo(paris(2026, 3, 31, 0, 0));
        assertThat(registeredAt(paris(2025, 12, 31, 10, 0)).trialEndsAt()).isEqualTo(paris(2026, 2, 28, 0, 0));
        assertThat(registeredAt(paris(2027, 12, 31, 10, 0)).trialEndsAt()).isEqualTo(paris(2028, 2, 29, 0, 0));
        assertThat(registeredAt(paris(2026, 12, 30, 10, 0)).trialEndsAt()).isEqualTo(paris(2027, 2, 28, 0, 0));
    }

    @Test
    @DisplayName("PLAN-2 where a DST change skips midnight, the trial ends at the first instant of the day")
    void midnightThatDoesNotExist() {
        ZoneId saoPaulo = ZoneId.of("America/Sao_Paulo");
        // On 4 November 2018 Brazil moved from 00:00 straight to 01:00.
        Subscription subscription = Subscription.startTrial(anna, Instant.parse("2018-09-04T15:00:00Z"), saoPaulo, SETTINGS);

        assertThat(subscription.trialEndsAt()).isEqualTo(Instant.parse("2018-11-04T03:00:00Z"));
        assertThat(LocalDateTime.ofInstant(subscription.trialEndsAt(), saoPaulo)).isEqualTo(LocalDateTime.of(2018, 11, 4, 1, 0));
    }

    @Test
    @DisplayName("PLAN-1 the trial's length comes from the settings")
    void trialLengthFromSettings() {
        PlanSettings oneMonth = new PlanSettings(SETTINGS.monthlyPrice(), 40, 10, Period.ofMonths(1));
        PlanSettings none = new PlanSettings(SETTINGS.monthlyPrice(), 40, 10, Period.ZERO);
        Instant registered = paris(2026, 3, 10, 15, 0);

        assertThat(Subscription.startTrial(anna, registered, PARIS, oneMonth).trialEndsAt()).isEqualTo(paris(2026, 4, 10, 0, 0));
        // No trial: it ended at the start of the day of registration, so the practitioner starts on FREE.
        assertThat(Subscription.startTrial(anna, registered, PARIS, none).planAt(registered)).isEqualTo(Plan.FREE);
    }

    // PLAN-3: the paid plan

    @Test
    @DisplayName("PLAN-3 subscribing after the trial: PAID at once for one month in the practitioner's zone, then FREE unless renewed")
    void subscribeAfterTheTrial() {
        Subscription free = registeredAt(paris(2026, 1, 5, 10, 0));
        Instant now = paris(2026, 3, 10, 9, 0);

        Subscription paid = free.subscribePaid(now).orElseThrow();

        assertThat(paid.planAt(now)).isEqualTo(Plan.PAID);
        assertThat(paid.paidSince()).contains(now);
        // 10 March 09:00 CET to 10 April 09:00 CEST: one calendar month, not 31 × 24 h
        assertThat(paid.paidUntil()).contains(paris(2026, 4, 10, 9, 0));
        assertThat(paid.renewing()).isTrue();
        assertThat(paid.planAt(paris(2026, 4, 10, 9, 0).minusNanos(1))).isEqualTo(Plan.PAID);
        assertThat(paid.planAt(paris(2026, 4, 10, 9, 0))).isEqualTo(Plan.FREE);
        assertThat(paid.planAt(now.minusNanos(1))).isEqualTo(Plan.FREE);
        assertThat(paid.renewalOpensAt()).contains(paris(2026, 4, 9, 9, 0));
    }

    @Test
    @DisplayName("PLAN-3 subscribing during the trial: PAID at once, and the first period ends a month after the trial would have")
    void subscribeDuringTheTrial() {
        Subscription trial = registeredAt(paris(2026, 1, 5, 10, 0));
        Instant now = paris(2026, 2, 1, 12, 0);

        Subscription paid = trial.subscribePaid(now).orElseThrow();

        assertThat(trial.trialEndsAt()).isEqualTo(paris(2026, 3, 5, 0, 0));
        assertThat(paid.planAt(now)).isEqualTo(Plan.PAID);
        assertThat(paid.paidSince()).contains(now);
        assertThat(paid.paidUntil()).contains(paris(2026, 4, 5, 0, 0));
        assertThat(paid.planAt(paris(2026, 3, 20, 0, 0))).isEqualTo(Plan.PAID);
        // Renewals fall on the trial's end date
        Subscription renewed = paid.renew(paris(2026, 4, 4, 6, 0)).orElseThrow();
        assertThat(renewed.paidUntil()).contains(paris(2026, 5, 5, 0, 0));
    }

    @Test
    @DisplayName("PLAN-3 subscribing while the paid plan runs and renews is refused")
    void subscribeTwice() {
        Subscription paid = registeredAt(paris(2026, 1, 5, 10, 0)).subscribePaid(paris(2026, 3, 10, 9, 0)).orElseThrow();

        Outcome<Subscription> again = paid.subscribePaid(paris(2026, 3, 20, 9, 0));

        assertThat(rejection(again)).isEqualTo(Reason.ALREADY_SUBSCRIBED);
        assertThat(again.<String>fold(s -> "", Outcome.Rejected::detail)).startsWith("plan:").contains("2026-04-10");
    }

    @Test
    @DisplayName("PLAN-3 a cancelled paid plan stays PAID until the end of the paid period, then is FREE")
    void cancelKeepsPaidUntilTheEnd() {
        Subscription paid = registeredAt(paris(2026, 1, 5, 10, 0)).subscribePaid(paris(2026, 3, 10, 9, 0)).orElseThrow();
        Instant end = paris(2026, 4, 10, 9, 0);

        Subscription cancelled = paid.cancel(paris(2026, 3, 11, 8, 0)).orElseThrow();

        assertThat(cancelled.renewing()).isFalse();
        assertThat(cancelled.paidUntil()).contains(end);
        assertThat(cancelled.planAt(paris(2026, 3, 11, 8, 0))).isEqualTo(Plan.PAID);
        assertThat(cancelled.planAt(end.minusNanos(1))).isEqualTo(Plan.PAID);
        assertThat(cancelled.planAt(end)).isEqualTo(Plan.FREE);
        assertThat(cancelled.planAt(end.plus(Duration.ofDays(100)))).isEqualTo(Plan.FREE);
        assertThat(cancelled.renewalOpensAt()).isEmpty();
        assertThat(rejection(cancelled.renew(end.minus(Duration.ofHours(1))))).isEqualTo(Reason.SUBSCRIPTION_CANCELLED);
    }

    @Test
    @DisplayName("PLAN-3 a paid plan taken during the trial and cancelled stays PAID until its end, then FREE (the trial is over by then)")
    void cancelDuringTheTrial() {
        Subscription paid = registeredAt(paris(2026, 1, 5, 10, 0)).subscribePaid(paris(2026, 2, 1, 12, 0)).orElseThrow();

        Subscription cancelled = paid.cancel(paris(2026, 2, 2, 12, 0)).orElseThrow();

        assertThat(cancelled.planAt(paris(2026, 3, 20, 0, 0))).isEqualTo(Plan.PAID);
        assertThat(cancelled.planAt(paris(2026, 4, 5, 0, 0))).isEqualTo(Plan.FREE);
    }

    @Test
    @DisplayName("PLAN-3 cancelling twice changes nothing; cancelling without a running paid plan is refused")
    void cancelEdgeCases() {
        Subscription trial = registeredAt(paris(2026, 1, 5, 10, 0));
        Subscription cancelled = trial.subscribePaid(paris(2026, 3, 10, 9, 0)).orElseThrow()
                .cancel(paris(2026, 3, 11, 9, 0)).orElseThrow();

        assertThat(cancelled.cancel(paris(2026, 3, 12, 9, 0)).orElseThrow()).isEqualTo(cancelled);
        assertThat(rejection(trial.cancel(paris(2026, 2, 1, 9, 0)))).isEqualTo(Reason.NOT_SUBSCRIBED);
        assertThat(rejection(cancelled.cancel(paris(2026, 4, 10, 9, 0)))).isEqualTo(Reason.NOT_SUBSCRIBED);
    }

    @Test
    @DisplayName("PLAN-3 subscribing again before a cancelled period ends resumes the renewals, on the same period")
    void resubscribeBeforeTheEnd() {
        Subscription cancelled = registeredAt(paris(2026, 1, 5, 10, 0)).subscribePaid(paris(2026, 3, 10, 9, 0)).orElseThrow()
                .cancel(paris(2026, 3, 11, 9, 0)).orElseThrow();

        Subscription resumed = cancelled.subscribePaid(paris(2026, 3, 20, 9, 0)).orElseThrow();

        assertThat(resumed.renewing()).isTrue();
        assertThat(resumed.paidSince()).isEqualTo(cancelled.paidSince());
        assertThat(resumed.paidUntil()).isEqualTo(cancelled.paidUntil());
    }

    @Test
    @DisplayName("PLAN-3 subscribing after a paid period lapsed starts a new run from now")
    void resubscribeAfterTheEnd() {
        Subscription lapsed = registeredAt(paris(2026, 1, 5, 10, 0)).subscribePaid(paris(2026, 3, 10, 9, 0)).orElseThrow()
                .cancel(paris(2026, 3, 11, 9, 0)).orElseThrow();
        Instant now = paris(2026, 6, 2, 18, 0);

        Subscription again = lapsed.subscribePaid(now).orElseThrow();

        assertThat(again.paidSince()).contains(now);
        assertThat(again.paidUntil()).contains(paris(2026, 7, 2, 18, 0));
        assertThat(again.planAt(paris(2026, 5, 1, 0, 0))).isEqualTo(Plan.FREE);
    }

    @Test
    @DisplayName("PLAN-3 renewal extends by one month from the window before the end; a repeated renewal is refused")
    void renew() {
        Subscription paid = registeredAt(paris(2026, 1, 5, 10, 0)).subscribePaid(paris(2026, 3, 10, 9, 0)).orElseThrow();
        Instant opens = paris(2026, 4, 9, 9, 0);

        assertThat(rejection(paid.renew(opens.minusNanos(1)))).isEqualTo(Reason.RENEWAL_NOT_DUE);
        Subscription renewed = paid.renew(opens).orElseThrow();
        assertThat(renewed.paidUntil()).contains(paris(2026, 5, 10, 9, 0));
        assertThat(renewed.paidSince()).isEqualTo(paid.paidSince());
        assertThat(renewed.renewing()).isTrue();
        assertThat(rejection(renewed.renew(opens.plus(Duration.ofMinutes(5))))).isEqualTo(Reason.RENEWAL_NOT_DUE);
        assertThat(rejection(registeredAt(paris(2026, 1, 5, 10, 0)).renew(opens))).isEqualTo(Reason.NOT_SUBSCRIBED);
    }

    @Test
    @DisplayName("PLAN-3 monthly dates keep the day of the run: 31 January, 28 February, 31 March, 30 April, 31 May")
    void renewalsKeepTheDayOfTheMonth() {
        Subscription subscription = registeredAt(paris(2025, 10, 1, 10, 0)).subscribePaid(paris(2026, 1, 31, 10, 0)).orElseThrow();
        assertThat(subscription.paidUntil()).contains(paris(2026, 2, 28, 10, 0));

        for (LocalDate expected : new LocalDate[] {LocalDate.of(2026, 3, 31), LocalDate.of(2026, 4, 30), LocalDate.of(2026, 5, 31)}) {
            subscription = subscription.renew(subscription.renewalOpensAt().orElseThrow()).orElseThrow();
            assertThat(subscription.paidUntil()).contains(expected.atTime(10, 0).atZone(PARIS).toInstant());
        }
    }

    @Test
    @DisplayName("PLAN-3 a late renewal runs to the first monthly date after now; the months missed are not paid for")
    void lateRenewal() {
        Subscription paid = registeredAt(paris(2026, 1, 5, 10, 0)).subscribePaid(paris(2026, 3, 10, 9, 0)).orElseThrow();
        Instant late = paris(2026, 5, 20, 9, 0);

        assertThat(paid.planAt(late)).isEqualTo(Plan.FREE);
        Subscription renewed = paid.renew(late).orElseThrow();

        assertThat(renewed.paidUntil()).contains(paris(2026, 6, 10, 9, 0));
        assertThat(renewed.planAt(late)).isEqualTo(Plan.PAID);
        assertThat(paid.renew(paris(2026, 4, 10, 9, 5)).orElseThrow().paidUntil()).contains(paris(2026, 5, 10, 9, 0));
    }

    // Persistence and value semantics

    @Test
    @DisplayName("restore rebuilds an equal subscription from its fields")
    void restore() {
        Subscription paid = registeredAt(paris(2026, 1, 5, 10, 0)).subscribePaid(paris(2026, 3, 10, 9, 0)).orElseThrow();

        Subscription restored = Subscription.restore(paid.practitionerId(), paid.zone(), paid.trialEndsAt(),
                paid.paidSince(), paid.paidUntil(), paid.renewing());

        assertThat(restored).isEqualTo(paid).hasSameHashCodeAs(paid).hasToString(paid.toString());
        assertThat(restored).isNotEqualTo(paid.cancel(paris(2026, 3, 11, 9, 0)).orElseThrow());
        assertThat(paid.inZone(ZoneId.of("Europe/London")).zone()).isEqualTo(ZoneId.of("Europe/London"));
        assertThat(paid.inZone(ZoneId.of("Europe/London")).paidUntil()).isEqualTo(paid.paidUntil());
    }

    @Test
    @DisplayName("restore refuses inconsistent fields, naming the field")
    void restoreValidates() {
        Instant trialEnd = paris(2026, 3, 5, 0, 0);
        Instant since = paris(2026, 3, 10, 9, 0);

        assertThatThrownBy(() -> Subscription.restore(anna, PARIS, trialEnd, Optional.of(since), Optional.empty(), false))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("paidUntil:");
        assertThatThrownBy(() -> Subscription.restore(anna, PARIS, trialEnd, Optional.of(since), Optional.of(since), true))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("paidUntil:");
        assertThatThrownBy(() -> Subscription.restore(anna, PARIS, trialEnd, Optional.empty(), Optional.empty(), true))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("renewing:");
        assertThatThrownBy(() -> Subscription.restore(anna, null, trialEnd, Optional.empty(), Optional.empty(), false))
                .isInstanceOf(NullPointerException.class).hasMessage("zone");
    }
}
