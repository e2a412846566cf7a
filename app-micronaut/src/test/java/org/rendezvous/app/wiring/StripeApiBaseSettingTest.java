package org.rendezvous.app.wiring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.rendezvous.core.policy.CommercialModel;
import org.rendezvous.payments.StripeSettings;

/** RENDEZVOUS_STRIPE_API_BASE: Stripe's own by default; another base for tests, mocks and proxies, checked. */
class StripeApiBaseSettingTest {

    static final StripeSettings STRIPE = StripeSettings.of("sk_test_1234567890", "whsec_1234567890", CommercialModel.PLATFORM_COLLECTS,
            "https://rv.example/payment/done", "https://rv.example/payment/cancelled");

    @Test
    @DisplayName("api-base: https anywhere or http to loopback is taken; anything else stops the start naming the variable")
    void apiBase() {
        assertThat(STRIPE.apiBase()).isEqualTo(URI.create("https://api.stripe.com"));
        assertThat(EngineFactory.withApiBase(STRIPE, "https://stripe-proxy.example").apiBase())
                .isEqualTo(URI.create("https://stripe-proxy.example"));
        assertThat(EngineFactory.withApiBase(STRIPE, " http://127.0.0.1:12111 ").apiBase())
                .isEqualTo(URI.create("http://127.0.0.1:12111"));
        assertThat(EngineFactory.withApiBase(STRIPE, "http://localhost:12111").apiBase().getPort()).isEqualTo(12111);
        for (String bad : new String[] {"http://stripe-proxy.example", "ftp://127.0.0.1", "not a url", "/v1", "https://x.example/?a=b"}) {
            assertThatThrownBy(() -> EngineFactory.withApiBase(STRIPE, bad)).as(bad)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("RENDEZVOUS_STRIPE_API_BASE (rendezvous.stripe.api-base)");
        }
    }
}
