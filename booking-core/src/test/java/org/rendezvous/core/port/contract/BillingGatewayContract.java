package org.rendezvous.core.port.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.rendezvous.core.contact.EmailAddress;
import org.rendezvous.core.money.Money;
import org.rendezvous.core.payment.ProviderKey;
import org.rendezvous.core.plan.BillingPage;
import org.rendezvous.core.plan.PortalRequest;
import org.rendezvous.core.plan.SubscriptionCheckout;
import org.rendezvous.core.port.BillingGateway;
import org.rendezvous.core.practitioner.PractitionerId;

/**
 * What every {@link BillingGateway} must do (PLAN-3): the sandbox passes it, and so must any provider
 * adapter, against its provider or a local server that speaks the provider's wire format.
 */
public abstract class BillingGatewayContract {

    protected final StoreFixtures fixtures = new StoreFixtures();
    protected BillingGateway gateway;
    protected PractitionerId anna;

    protected abstract BillingGateway newGateway();

    @BeforeEach
    void freshGateway() {
        gateway = newGateway();
        anna = fixtures.practitionerId();
    }

    protected SubscriptionCheckout checkout(Optional<String> customer, Optional<Instant> paidFrom, String key) {
        return new SubscriptionCheckout(anna, EmailAddress.of("anna@example.org"), customer, Money.of("30.00", "EUR"),
                paidFrom, new ProviderKey(key));
    }

    private static BillingPage.Opened opened(BillingPage page) {
        assertThat(page).isInstanceOf(BillingPage.Opened.class);
        return (BillingPage.Opened) page;
    }

    @Test
    @DisplayName("PLAN-3 a subscription checkout is opened with the practitioner's customer; asked again with the same key, it is the same page")
    void checkoutIsIdempotent() {
        BillingPage.Opened first = opened(gateway.startSubscription(checkout(Optional.empty(), Optional.empty(), "rdv:plan:1")));
        BillingPage.Opened again = opened(gateway.startSubscription(checkout(Optional.empty(), Optional.empty(), "rdv:plan:1")));

        assertThat(first.redirect().isAbsolute()).isTrue();
        assertThat(again).isEqualTo(first);
    }

    @Test
    @DisplayName("PLAN-3 the customer is created once per practitioner: a second checkout with another key has the same customer")
    void customerCreatedOnce() {
        BillingPage.Opened first = opened(gateway.startSubscription(checkout(Optional.empty(), Optional.empty(), "rdv:plan:a")));
        BillingPage.Opened second = opened(gateway.startSubscription(checkout(Optional.empty(), Optional.empty(), "rdv:plan:b")));

        assertThat(second.customerRef()).isEqualTo(first.customerRef());
        assertThat(second.redirect()).isNotEqualTo(first.redirect());
    }

    @Test
    @DisplayName("PLAN-3 a known customer is reused by the checkout and by the billing portal")
    void knownCustomerReused() {
        String customer = opened(gateway.startSubscription(checkout(Optional.empty(), Optional.empty(), "rdv:plan:c")))
                .customerRef();

        BillingPage.Opened checkout = opened(gateway.startSubscription(checkout(Optional.of(customer),
                Optional.empty(), "rdv:plan:d")));
        BillingPage.Opened portal = opened(gateway.openPortal(new PortalRequest(anna, EmailAddress.of("anna@example.org"),
                Optional.of(customer))));

        assertThat(checkout.customerRef()).isEqualTo(customer);
        assertThat(portal.customerRef()).isEqualTo(customer);
        assertThat(portal.redirect().isAbsolute()).isTrue();
    }

    @Test
    @DisplayName("PLAN-3 a checkout during the trial (billing from the trial's end) is opened too")
    void checkoutDuringTrial() {
        opened(gateway.startSubscription(checkout(Optional.empty(), Optional.of(trialEnd()), "rdv:plan:t")));
    }

    /** A trial's end some weeks ahead of the gateway's clock. */
    protected abstract Instant trialEnd();
}
