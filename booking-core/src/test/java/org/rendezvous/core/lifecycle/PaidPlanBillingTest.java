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
    @DisplayName("PLAN-3 pending-checkout guard: a second subscribe while the page is open answers the same page; once it expired, a new one")
    void secondSubscribeAnswersTheOpenPage() {
        Scenario s = afterTrial(CommercialModel.DIRECT_CONNECT);
        org.rendezvous.core.plan.BillingPage.Opened first = accepted(s.engine.plans().subscribe(s.anna));
        org.rendezvous.core.plan.BillingPage.Opened second = accepted(s.engine.plans().subscribe(s.anna));

        assertThat(second.redirect()).isEqualTo(first.redirect());
        assertThat(subscription(s).checkout()).hasValueSatisfying(c -> assertThat(c.page()).contains(first.redirect()));
        s.setClock(s.now().plus(Duration.ofHours(24)));
        org.rendezvous.core.plan.BillingPage.Opened later = accepted(s.engine.plans().subscribe(s.anna));
        assertThat(later.redirect()).as("the sandbox's page is held 24 hours, as Stripe's").isNotEqualTo(first.redirect());

        s.billing.completeCheckout(later.redirect().getPath().replaceAll(".*/", "")).orElseThrow();
        assertThat(subscription(s).checkout()).as("paid: the checkout is over").isEmpty();
        assertThat(rejected(s.engine.plans().subscribe(s.anna)).reason()).isEqualTo(Reason.ALREADY_SUBSCRIBED);
    }

    @Test
    @DisplayName("PLAN-3 pending-checkout guard: a subscribe while another request is opening the page is CHECKOUT_IN_PROGRESS; a refused page frees the claim")
    void subscribeWhileOpening() {
        java.util.concurrent.atomic.AtomicReference<Scenario> self = new java.util.concurrent.atomic.AtomicReference<>();
        java.util.List<Reason> nested = new java.util.ArrayList<>();
        java.util.concurrent.atomic.AtomicBoolean refuse = new java.util.concurrent.atomic.AtomicBoolean(true);
        Scenario s = Scenario.builder().model(CommercialModel.DIRECT_CONNECT).registeredBefore(java.time.Period.ofMonths(3))
                .billingGateway(sandbox -> new org.rendezvous.core.port.BillingGateway() {
            @Override
            public org.rendezvous.core.plan.BillingPage startSubscription(org.rendezvous.core.plan.SubscriptionCheckout request) {
                // The double click: a second request arrives while the provider is still answering the first.
                nested.add(self.get().engine.plans().subscribe(self.get().anna).fold(o -> null, r -> r.reason()));
                return refuse.get() ? new org.rendezvous.core.plan.BillingPage.Unreachable("timeout")
                        : sandbox.startSubscription(request);
            }

            @Override
            public org.rendezvous.core.plan.BillingPage openPortal(org.rendezvous.core.plan.PortalRequest request) {
                return sandbox.openPortal(request);
            }

            @Override
            public org.rendezvous.core.plan.SubscriptionCancellation cancelSubscription(String subscriptionRef) {
                return sandbox.cancelSubscription(subscriptionRef);
            }
        }).build();
        self.set(s);

        assertThat(rejected(s.engine.plans().subscribe(s.anna)).reason()).isEqualTo(Reason.PAYMENT_PROVIDER_UNAVAILABLE);
        assertThat(nested).containsExactly(Reason.CHECKOUT_IN_PROGRESS);
        assertThat(subscription(s).checkout()).as("the claim is given up").isEmpty();
        refuse.set(false);
        org.rendezvous.core.plan.BillingPage.Opened opened = accepted(s.engine.plans().subscribe(s.anna));
        assertThat(nested).containsExactly(Reason.CHECKOUT_IN_PROGRESS, Reason.CHECKOUT_IN_PROGRESS);
        assertThat(accepted(s.engine.plans().subscribe(s.anna)).redirect()).isEqualTo(opened.redirect());
    }

    @Test
    @DisplayName("PLAN-3 two subscriptions paid in a race: the second one's months count for nothing and it is cancelled at the provider; the live one goes on")
    void duplicateSubscriptionCancelled() {
        Scenario s = afterTrial(CommercialModel.DIRECT_CONNECT);
        s.billing.completeCheckout(checkoutOf(s)).orElseThrow();
        Subscription live = subscription(s);
        String liveRef = live.billing().subscriptionRef().orElseThrow();

        Subscription after = accepted(s.engine.plans().apply(new BillingEvent.PeriodPaid("evt_dup", s.anna,
                live.billing().customerRef().orElseThrow(), "sub_duplicate", s.now(), s.now().plus(Duration.ofDays(31)))));

        assertThat(after).isEqualTo(live);
        assertThat(subscription(s)).as("never counted twice").isEqualTo(live);
        assertThat(s.billing.cancelledSubscriptions()).containsExactly("sub_duplicate");
        accepted(s.engine.plans().apply(new BillingEvent.RenewalFailed("evt_dup_fail", s.anna,
                live.billing().customerRef().orElseThrow(), "sub_duplicate", live.paidUntil().orElseThrow(),
                live.paidUntil().orElseThrow().plus(Duration.ofDays(30)), "declined")));
        assertThat(subscription(s)).as("the duplicate's failure does not touch the live plan").isEqualTo(live);
        assertThat(subscription(s).billing().subscriptionRef()).contains(liveRef);
        assertThat(s.engine.plans().planOf(s.anna)).isEqualTo(Plan.PAID);
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
