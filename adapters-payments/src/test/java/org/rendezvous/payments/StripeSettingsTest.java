package org.rendezvous.payments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.rendezvous.core.policy.CommercialModel;

/** Bad input: configuration is validated on construction, naming the field. */
class StripeSettingsTest {

    static StripeSettings valid() {
        return StripeSettings.of("sk_test_51abcdef", "whsec_abcdef", CommercialModel.DIRECT_CONNECT,
                "https://rdv.example/paid?session={CHECKOUT_SESSION_ID}", "https://rdv.example/cancelled");
    }

    @Test
    @DisplayName("defaults: Stripe's API, 2 network retries, timeouts set")
    void defaults() {
        StripeSettings settings = valid();

        assertThat(settings.apiBase()).isEqualTo(URI.create("https://api.stripe.com"));
        assertThat(settings.maxNetworkRetries()).isEqualTo(2);
        assertThat(settings.connectTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(settings.readTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(settings.live()).isFalse();
    }

    @Test
    @DisplayName("secrets never appear in toString")
    void secretsHidden() {
        assertThat(valid().toString()).doesNotContain("51abcdef").doesNotContain("whsec_abcdef").contains("sk_test_…");
    }

    @Test
    @DisplayName("each bad field is named")
    void badFields() {
        StripeSettings ok = valid();
        assertThatThrownBy(() -> StripeSettings.of("pk_test_123456", "whsec_abcdef", CommercialModel.DIRECT_CONNECT,
                ok.successUrl(), ok.cancelUrl())).hasMessageStartingWith("secretKey:");
        assertThatThrownBy(() -> StripeSettings.of("sk_test_51abcdef", "secret", CommercialModel.DIRECT_CONNECT,
                ok.successUrl(), ok.cancelUrl())).hasMessageStartingWith("webhookSecret:");
        assertThatThrownBy(() -> StripeSettings.of("sk_test_51abcdef", "whsec_abcdef", CommercialModel.DIRECT_CONNECT,
                "/paid", ok.cancelUrl())).hasMessageStartingWith("successUrl:");
        assertThatThrownBy(() -> StripeSettings.of("sk_test_51abcdef", "whsec_abcdef", CommercialModel.DIRECT_CONNECT,
                ok.successUrl(), "ftp://x")).hasMessageStartingWith("cancelUrl:");
        assertThatThrownBy(() -> ok.withApiBase(URI.create("http://api.example.com"))).hasMessageStartingWith("apiBase:");
        assertThatThrownBy(() -> ok.withNetwork(6, Duration.ofSeconds(1), Duration.ofSeconds(1)))
                .hasMessageStartingWith("maxNetworkRetries:");
        assertThatThrownBy(() -> ok.withNetwork(1, Duration.ZERO, Duration.ofSeconds(1))).hasMessageStartingWith("connectTimeout:");
        assertThatThrownBy(() -> ok.withNetwork(1, Duration.ofSeconds(1), Duration.ofMinutes(6)))
                .hasMessageStartingWith("readTimeout:");
    }

    @Test
    @DisplayName("plain HTTP only for a local test server")
    void localHttpAllowed() {
        assertThat(valid().withApiBase(URI.create("http://127.0.0.1:12111")).apiBase().getPort()).isEqualTo(12111);
        assertThat(valid().withApiBase(URI.create("http://localhost:12111")).apiBase().getHost()).isEqualTo("localhost");
    }
}
