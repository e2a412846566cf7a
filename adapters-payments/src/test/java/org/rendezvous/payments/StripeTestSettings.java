package org.rendezvous.payments;

import java.net.URI;
import java.time.Duration;
import org.rendezvous.core.policy.CommercialModel;

/** Settings pointing the SDK at a local fake Stripe, with no retries unless a test asks for them. */
final class StripeTestSettings {

    static final String WEBHOOK_SECRET = "whsec_test_rendezvous";

    private StripeTestSettings() {
    }

    static StripeSettings against(URI base, CommercialModel model) {
        return new StripeSettings("sk_test_rendezvous", WEBHOOK_SECRET, base, model,
                "https://rdv.example/paid?session={CHECKOUT_SESSION_ID}", "https://rdv.example/cancelled", 0,
                Duration.ofSeconds(2), Duration.ofSeconds(5));
    }
}
