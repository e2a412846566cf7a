package org.rendezvous.core.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.rendezvous.core.plan.BillingEvent;
import org.rendezvous.core.plan.BillingPage;
import org.rendezvous.core.port.BillingGateway;
import org.rendezvous.core.port.contract.BillingGatewayContract;

class SandboxBillingGatewayTest extends BillingGatewayContract {

    private static final Instant NOW = Instant.parse("2026-12-05T10:00:00Z");
    private SandboxBillingGateway sandbox;
    private final List<BillingEvent> events = new ArrayList<>();

    @Override
    protected BillingGateway newGateway() {
        sandbox = new SandboxBillingGateway(Clock.fixed(NOW, ZoneOffset.UTC));
        sandbox.onEvent(events::add);
        return sandbox;
    }

    @Override
    protected Instant trialEnd() {
        return NOW.plus(Duration.ofDays(20));
    }

    private String reference(BillingPage page) {
        return ((BillingPage.Opened) page).redirect().getPath().replaceAll(".*/", "");
    }

    @Test
    @DisplayName("PLAN-3 the sandbox's checkout page pays the first period (until the trial's end when billing starts then), once")
    void checkoutPays() {
        String ref = reference(gateway.startSubscription(checkout(Optional.empty(), Optional.of(trialEnd()), "k1")));

        BillingEvent.PeriodPaid paid = (BillingEvent.PeriodPaid) sandbox.completeCheckout(ref).orElseThrow();

        assertThat(paid.periodStart()).isEqualTo(NOW);
        assertThat(paid.periodEnd()).isEqualTo(trialEnd());
        assertThat(sandbox.completeCheckout(ref)).isEmpty();
        assertThat(events).containsExactly(paid);
    }

    @Test
    @DisplayName("PLAN-3 the sandbox renews on demand, fails the next renewal on demand, and ends a cancelled subscription")
    void renewsAndFailsOnDemand() {
        sandbox.completeCheckout(reference(gateway.startSubscription(checkout(Optional.empty(), Optional.empty(), "k2"))));

        assertThat(sandbox.renewNow(anna).orElseThrow()).isInstanceOf(BillingEvent.PeriodPaid.class);
        assertThat(sandbox.failNextRenewal(anna)).isTrue();
        assertThat(sandbox.renewNow(anna).orElseThrow()).isInstanceOf(BillingEvent.RenewalFailed.class);
        assertThat(sandbox.renewNow(anna).orElseThrow()).isInstanceOf(BillingEvent.PeriodPaid.class);
        assertThat(sandbox.setRenewing(anna, false).orElseThrow()).isEqualTo(events.get(events.size() - 1));
        assertThat(sandbox.renewNow(anna).orElseThrow()).isInstanceOf(BillingEvent.SubscriptionEnded.class);
        assertThat(sandbox.renewNow(anna)).isEmpty();
    }
}
