package org.rendezvous.core.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rendezvous.core.lifecycle.PlansAndQuotasTest.afterTrial;
import static org.rendezvous.core.lifecycle.PlansAndQuotasTest.enter;
import static org.rendezvous.core.lifecycle.Scenario.accepted;
import static org.rendezvous.core.lifecycle.Scenario.rejected;

import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.rendezvous.core.notification.ClaimedMessage;
import org.rendezvous.core.notification.Lease;
import org.rendezvous.core.notification.MessageKind;
import org.rendezvous.core.outcome.Reason;
import org.rendezvous.core.plan.BillingEvent;
import org.rendezvous.core.plan.Plan;
import org.rendezvous.core.plan.Subscription;
import org.rendezvous.core.policy.CommercialModel;

/** The paid plan billed by a provider (PLAN-1 … PLAN-3), played with the sandbox billing gateway. */
class PaidPlanBillingTest {

    static String checkoutOf(Scenario s) {
        return accepted(s.engine.plans().subscribe(s.anna)).redirect().getPath().replaceAll(".*/", "");
    }

    static Subscription subscription(Scenario s) {
        return s.engine.plans().subscription(s.anna).orElseThrow();
    }

    @Test
    @DisplayName("PLAN-3 subscribing opens the provider's checkout and grants nothing; the first payment starts the paid plan; the customer is kept")
    void subscribeThenPay() {
        Scenario s = afterTrial(CommercialModel.DIRECT_CONNECT);

        String checkout = checkoutOf(s);

        assertThat(s.engine.plans().planOf(s.anna)).isEqualTo(Plan.FREE);
        String customer = subscription(s).billing().customerRef().orElseThrow();
        s.billing.completeCheckout(checkout).orElseThrow();
        assertThat(s.engine.plans().planOf(s.anna)).isEqualTo(Plan.PAID);
        assertThat(subscription(s).paidUntil()).contains(s.now().atZone(java.time.ZoneOffset.UTC).plusMonths(1).toInstant());
        assertThat(subscription(s).billing().customerRef()).contains(customer);
        assertThat(rejected(s.engine.plans().subscribe(s.anna)).reason()).isEqualTo(Reason.ALREADY_SUBSCRIBED);
        for (int n = 0; n < 41; n++) {
            accepted(enter(s, n));
        }
    }

    @Test
    @DisplayName("PLAN-3 a second checkout reuses the practitioner's customer at the provider")
    void customerCreatedOnce() {
        Scenario s = afterTrial(CommercialModel.DIRECT_CONNECT);
        String first = accepted(s.engine.plans().subscribe(s.anna)).customerRef();
        String second = accepted(s.engine.plans().subscribe(s.anna)).customerRef();
        assertThat(second).isEqualTo(first);
    }

    @Test
    @DisplayName("PLAN-2 PLAN-3 a failed renewal: the free plan applies at once, with its quota (QUOTA_REACHED past 40); paying again restores PAID")
    void failedRenewalFallsToFree() {
        Scenario s = afterTrial(CommercialModel.DIRECT_CONNECT);
        s.billing.completeCheckout(checkoutOf(s)).orElseThrow();
        for (int n = 0; n < 40; n++) {
            accepted(enter(s, n));
        }
        s.billing.failNextRenewal(s.anna);
        s.setClock(s.now().plus(Duration.ofDays(1)));

        assertThat(s.billing.renewNow(s.anna).orElseThrow()).isInstanceOf(BillingEvent.RenewalFailed.class);

        assertThat(s.engine.plans().planOf(s.anna)).isEqualTo(Plan.FREE);
        assertThat(subscription(s).billing().renewalFailed()).isTrue();
        assertThat(rejected(enter(s, 40)).reason()).isEqualTo(Reason.QUOTA_REACHED);
        assertThat(rejected(s.engine.plans().subscribe(s.anna)).reason()).as("the card is changed on the portal").isEqualTo(Reason.ALREADY_SUBSCRIBED);

        s.setClock(s.now().plus(Duration.ofMinutes(5)));
        s.billing.renewNow(s.anna).orElseThrow();
        assertThat(s.engine.plans().planOf(s.anna)).isEqualTo(Plan.PAID);
        accepted(enter(s, 40));
    }

    @Test
    @DisplayName("PLAN-3 cancelled on the portal: PAID until the end of the paid period; the subscription then ends and the plan is FREE")
    void cancelledStaysPaidUntilTheEnd() {
        Scenario s = afterTrial(CommercialModel.DIRECT_CONNECT);
        s.billing.completeCheckout(checkoutOf(s)).orElseThrow();
        accepted(s.engine.plans().portal(s.anna));
        s.billing.setRenewing(s.anna, false).orElseThrow();
        Instant end = subscription(s).paidUntil().orElseThrow();

        assertThat(subscription(s).renewing()).isFalse();
        s.setClock(end.minusSeconds(1));
        assertThat(s.engine.plans().planOf(s.anna)).isEqualTo(Plan.PAID);
        s.engine.plans().apply(new BillingEvent.SubscriptionEnded("evt_end", s.anna,
                s.billing.subscription(s.anna).orElseThrow().reference(), end));
        s.setClock(end);
        assertThat(s.engine.plans().planOf(s.anna)).isEqualTo(Plan.FREE);
        assertThat(subscription(s).canSubscribe()).isTrue();
    }

    @Test
    @DisplayName("PLAN-3 a provider event is applied once per event id: a cancellation delivered again after a resumption changes nothing")
    void eventAppliedOnce() {
        Scenario s = afterTrial(CommercialModel.DIRECT_CONNECT);
        s.billing.completeCheckout(checkoutOf(s)).orElseThrow();
        BillingEvent cancel = s.billing.setRenewing(s.anna, false).orElseThrow();
        s.billing.setRenewing(s.anna, true).orElseThrow();

        accepted(s.engine.plans().apply(cancel));

        assertThat(subscription(s).renewing()).isTrue();
    }

    @Test
    @DisplayName("PLAN-3 subscribing during the trial: billing starts at the trial's end, and the plan is PAID from payment to the next month after it")
    void subscribeDuringTrial() {
        Scenario s = Scenario.builder().model(CommercialModel.DIRECT_CONNECT).build();
        Instant trialEnd = subscription(s).trialEndsAt();

        s.billing.completeCheckout(checkoutOf(s)).orElseThrow();

        assertThat(subscription(s).paidUntil()).contains(trialEnd);
        s.setClock(trialEnd);
        s.billing.renewNow(s.anna).orElseThrow();
        assertThat(s.engine.plans().planOf(s.anna)).isEqualTo(Plan.PAID);
    }

    @Test
    @DisplayName("PLAN-3 the portal needs a customer; plans do not exist in PLATFORM_COLLECTS")
    void refusals() {
        Scenario direct = afterTrial(CommercialModel.DIRECT_CONNECT);
        assertThat(rejected(direct.engine.plans().portal(direct.anna)).reason()).isEqualTo(Reason.NOT_SUBSCRIBED);
        Scenario platform = afterTrial(CommercialModel.PLATFORM_COLLECTS);
        assertThat(rejected(platform.engine.plans().subscribe(platform.anna)).reason()).isEqualTo(Reason.NO_PLANS_IN_THIS_MODEL);
    }

    @Test
    @DisplayName("PLAN-2 ending the trial now (sandbox) puts the practitioner on the free plan with its quota")
    void endTrialNow() {
        Scenario s = Scenario.builder().model(CommercialModel.DIRECT_CONNECT).build();
        assertThat(s.engine.plans().planOf(s.anna)).isEqualTo(Plan.TRIAL);

        accepted(s.engine.plans().endTrialNow(s.anna));

        assertThat(s.engine.plans().planOf(s.anna)).isEqualTo(Plan.FREE);
        assertThat(accepted(s.engine.plans().quota(s.anna)).bookingsLeft()).hasValue(40);
    }

    @Test
    @DisplayName("PLAN-1 the trial's end is told by e-mail 7 days before, once per practitioner and trial")
    void trialEndTold() {
        Scenario s = Scenario.builder().model(CommercialModel.DIRECT_CONNECT).registeredBefore(Period.ofDays(50)).build();
        Instant trialEnd = subscription(s).trialEndsAt();
        s.setClock(trialEnd.minus(Duration.ofDays(8)));
        assertThat(s.engine.plans().tellTrialsEnding().changed()).isZero();

        s.setClock(trialEnd.minus(Duration.ofDays(7)));
        assertThat(s.engine.plans().tellTrialsEnding().changed()).isEqualTo(1);
        s.setClock(trialEnd.minus(Duration.ofDays(6)));
        assertThat(s.engine.plans().tellTrialsEnding().changed()).isZero();

        List<ClaimedMessage> sent = s.stores.outbox().claimDue(s.now(), 100, new Lease("test", s.now().plusSeconds(60)))
                .stream().filter(m -> m.message().kind() == MessageKind.TRIAL_ENDING).toList();
        assertThat(sent).hasSize(1);
        assertThat(sent.get(0).message().parameters()).containsEntry("trialEndsOn",
                java.time.LocalDate.ofInstant(trialEnd, s.zone).toString()).containsEntry("amount", "30.00 EUR").containsEntry("limit", "40");
    }
}
