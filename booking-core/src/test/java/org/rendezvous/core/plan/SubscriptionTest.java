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
        assertThat(subscription.billing()).isEqualTo(Subscription.Billing.NONE);
        assertThat(subscription.canSubscribe()).isTrue();
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

    private int events;

    private BillingEvent.PeriodPaid paid(String subscription, Instant start, Instant end) {
        return new BillingEvent.PeriodPaid("evt_" + ++events, anna, "cus_1", subscription, start, end);
    }

    private BillingEvent.RenewalFailed failed(String subscription, Instant start, Instant end) {
        return new BillingEvent.RenewalFailed("evt_" + ++events, anna, "cus_1", subscription, start, end, "card_declined");
    }

    @Test
    @DisplayName("PLAN-3 the first paid invoice starts the paid plan: PAID for the period paid, then FREE unless renewed")
    void firstPaymentStartsThePaidPlan() {
        Subscription free = registeredAt(paris(2026, 1, 5, 10, 0)).withCustomer("cus_1");
        Instant start = paris(2026, 3, 10, 9, 0);
        Instant end = paris(2026, 4, 10, 9, 0);

        Subscription paid = free.apply(paid("sub_1", start, end));

        assertThat(paid.planAt(start.minusNanos(1))).isEqualTo(Plan.FREE);
        assertThat(paid.planAt(start)).isEqualTo(Plan.PAID);
        assertThat(paid.planAt(end.minusNanos(1))).isEqualTo(Plan.PAID);
        assertThat(paid.planAt(end)).isEqualTo(Plan.FREE);
        assertThat(paid.renewing()).isTrue();
        assertThat(paid.billing()).isEqualTo(new Subscription.Billing(Optional.of("cus_1"), Optional.of("sub_1"), false));
        assertThat(paid.canSubscribe()).isFalse();
    }

    @Test
    @DisplayName("PLAN-3 a renewal paid extends the run without a gap; the same period reported again changes nothing")
    void renewalExtends() {
        Subscription paid = registeredAt(paris(2026, 1, 5, 10, 0))
                .apply(paid("sub_1", paris(2026, 3, 10, 9, 0), paris(2026, 4, 10, 9, 0)));

        Subscription renewed = paid.apply(paid("sub_1", paris(2026, 4, 10, 9, 0), paris(2026, 5, 10, 9, 0)));

        assertThat(renewed.paidSince()).contains(paris(2026, 3, 10, 9, 0));
        assertThat(renewed.paidUntil()).contains(paris(2026, 5, 10, 9, 0));
        assertThat(renewed.planAt(paris(2026, 4, 10, 9, 0))).isEqualTo(Plan.PAID);
        assertThat(renewed.apply(paid("sub_1", paris(2026, 4, 10, 9, 0), paris(2026, 5, 10, 9, 0)))).isEqualTo(renewed);
        assertThat(renewed.apply(paid("sub_1", paris(2026, 3, 10, 9, 0), paris(2026, 4, 10, 9, 0)))).isEqualTo(renewed);
    }

    @Test
    @DisplayName("PLAN-3 subscribing during the trial: billing starts at the trial's end; the paid plan then follows the trial without a gap")
    void paidFromTheTrialsEnd() {
        Subscription trial = registeredAt(paris(2026, 1, 5, 10, 0));
        Instant trialEnd = trial.trialEndsAt();

        Subscription paid = trial.apply(paid("sub_1", paris(2026, 2, 1, 9, 0), trialEnd))
                .apply(paid("sub_1", trialEnd, paris(2026, 4, 5, 0, 0)));

        assertThat(paid.planAt(trialEnd.minusNanos(1))).isEqualTo(Plan.PAID);
        assertThat(paid.planAt(trialEnd)).isEqualTo(Plan.PAID);
        assertThat(paid.planAt(paris(2026, 4, 5, 0, 0))).isEqualTo(Plan.FREE);
    }

    @Test
    @DisplayName("PLAN-2 PLAN-3 a failed renewal: the free plan, with its quotas, applies from the end of the paid period; a later payment brings PAID back")
    void failedRenewalFallsToFree() {
        Instant end = paris(2026, 4, 10, 9, 0);
        Subscription paid = registeredAt(paris(2026, 1, 5, 10, 0)).apply(paid("sub_1", paris(2026, 3, 10, 9, 0), end));

        Subscription failing = paid.apply(failed("sub_1", end, paris(2026, 5, 10, 9, 0)));

        assertThat(failing.paidUntil()).contains(end);
        assertThat(failing.planAt(end.minusNanos(1))).isEqualTo(Plan.PAID);
        assertThat(failing.planAt(end)).isEqualTo(Plan.FREE);
        assertThat(failing.planAt(end).hasQuotas()).isTrue();
        assertThat(failing.billing().renewalFailed()).isTrue();
        assertThat(failing.canSubscribe()).isFalse();

        Instant retried = paris(2026, 4, 13, 9, 0);
        Subscription recovered = failing.apply(paid("sub_1", end, paris(2026, 5, 10, 9, 0)));
        assertThat(recovered.planAt(retried)).isEqualTo(Plan.PAID);
        assertThat(recovered.billing().renewalFailed()).isFalse();
    }

    @Test
    @DisplayName("PLAN-3 a failure reported after the same period was paid (a retry that succeeded came first) changes nothing")
    void failureOfAPaidPeriodIsIgnored() {
        Instant end = paris(2026, 4, 10, 9, 0);
        Subscription renewed = registeredAt(paris(2026, 1, 5, 10, 0))
                .apply(paid("sub_1", paris(2026, 3, 10, 9, 0), end))
                .apply(paid("sub_1", end, paris(2026, 5, 10, 9, 0)));

        assertThat(renewed.apply(failed("sub_1", end, paris(2026, 5, 10, 9, 0)))).isEqualTo(renewed);
    }

    @Test
    @DisplayName("PLAN-3 cancelled at the period's end: PAID until the end of the paid period, then FREE; resumed, it renews again")
    void cancelAtPeriodEnd() {
        Instant end = paris(2026, 4, 10, 9, 0);
        Subscription paid = registeredAt(paris(2026, 1, 5, 10, 0)).apply(paid("sub_1", paris(2026, 3, 10, 9, 0), end));

        Subscription cancelled = paid.apply(new BillingEvent.RenewalChanged("evt_c", anna, "sub_1", false));
        assertThat(cancelled.renewing()).isFalse();
        assertThat(cancelled.planAt(end.minusNanos(1))).isEqualTo(Plan.PAID);
        assertThat(cancelled.planAt(end)).isEqualTo(Plan.FREE);
        assertThat(cancelled.apply(new BillingEvent.RenewalChanged("evt_r", anna, "sub_1", true)).renewing()).isTrue();

        Subscription ended = cancelled.apply(new BillingEvent.SubscriptionEnded("evt_e", anna, "sub_1", end));
        assertThat(ended.paidUntil()).contains(end);
        assertThat(ended.renewing()).isFalse();
        assertThat(ended.canSubscribe()).isTrue();
        assertThat(ended.billing().customerRef()).contains("cus_1");
    }

    @Test
    @DisplayName("PLAN-3 a subscription ended early at the provider ends the paid plan then; events of another subscription are ignored")
    void endedEarly() {
        Instant end = paris(2026, 4, 10, 9, 0);
        Subscription paid = registeredAt(paris(2026, 1, 5, 10, 0)).apply(paid("sub_1", paris(2026, 3, 10, 9, 0), end));

        assertThat(paid.apply(new BillingEvent.SubscriptionEnded("evt_x", anna, "sub_other", paris(2026, 3, 20, 9, 0))))
                .isEqualTo(paid);
        Subscription ended = paid.apply(new BillingEvent.SubscriptionEnded("evt_e", anna, "sub_1", paris(2026, 3, 20, 9, 0)));
        assertThat(ended.planAt(paris(2026, 3, 20, 9, 0))).isEqualTo(Plan.FREE);
        assertThat(ended.planAt(paris(2026, 3, 20, 8, 59))).isEqualTo(Plan.PAID);
    }

    @Test
    @DisplayName("PLAN-1 the trial's end is due to be told 7 days before, once, and not to a practitioner paid through it")
    void trialEndNotice() {
        Subscription trial = registeredAt(paris(2026, 1, 5, 10, 0));
        Instant end = trial.trialEndsAt();

        assertThat(trial.trialEndNoticeDue(end.minus(Duration.ofDays(7)).minusNanos(1000))).isFalse();
        assertThat(trial.trialEndNoticeDue(end.minus(Duration.ofDays(7)))).isTrue();
        assertThat(trial.trialEndNoticeDue(end.minusNanos(1000))).isTrue();
        assertThat(trial.trialEndNoticeDue(end)).isFalse();
        assertThat(trial.trialEndWasTold().trialEndNoticeDue(end.minus(Duration.ofDays(3)))).isFalse();
        assertThat(trial.apply(paid("sub_1", end.minus(Duration.ofDays(20)), end.plus(Duration.ofDays(10))))
                .trialEndNoticeDue(end.minus(Duration.ofDays(3)))).isFalse();
    }

    @Test
    @DisplayName("PLAN-2 ending the trial early (sandbox) makes the free plan apply at once; an ended trial stays as it is")
    void endTrialEarly() {
        Subscription trial = registeredAt(paris(2026, 1, 5, 10, 0));
        Instant now = paris(2026, 1, 20, 10, 0);

        Subscription ended = trial.endTrial(now);

        assertThat(ended.planAt(now)).isEqualTo(Plan.FREE);
        assertThat(ended.endTrial(paris(2026, 2, 1, 0, 0))).isEqualTo(ended);
    }

    // Persistence and value semantics

    @Test
    @DisplayName("restore rebuilds an equal subscription from its fields")
    void restore() {
        Subscription paid = registeredAt(paris(2026, 1, 5, 10, 0))
                .apply(paid("sub_1", paris(2026, 3, 10, 9, 0), paris(2026, 4, 10, 9, 0)));

        Subscription restored = Subscription.restore(paid.practitionerId(), paid.zone(), paid.trialEndsAt(),
                paid.paidSince(), paid.paidUntil(), paid.renewing(), paid.billing(), paid.trialEndTold());

        assertThat(restored).isEqualTo(paid).hasSameHashCodeAs(paid).hasToString(paid.toString());
        assertThat(restored).isNotEqualTo(paid.apply(new BillingEvent.RenewalChanged("evt_c", anna, "sub_1", false)));
        assertThat(restored).isNotEqualTo(paid.trialEndWasTold());
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
        assertThatThrownBy(() -> new Subscription.Billing(Optional.empty(), Optional.of("sub_1"), false))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("customerRef:");
        assertThatThrownBy(() -> new BillingEvent.PeriodPaid("evt", anna, "cus", "sub", since, since))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("periodEnd:");
    }
}
