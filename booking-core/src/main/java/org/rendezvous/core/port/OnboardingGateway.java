package org.rendezvous.core.port;

import org.rendezvous.core.payment.AccountOpening;
import org.rendezvous.core.payment.OnboardingLink;
import org.rendezvous.core.payment.OpenAccountRequest;

/**
 * Connecting practitioners to the payment provider: their account there, the provider's own pages where
 * they give their details (the platform never sees identity documents or bank details), and what the
 * provider says of the account. Later changes arrive as {@code PaymentEvent.AccountUpdated}. No method
 * throws for a provider or network failure.
 */
public interface OnboardingGateway {

    /** Opens the account; asked again with the same key, answers the same account. */
    AccountOpening open(OpenAccountRequest request);

    OnboardingLink link(OnboardingLink.Request request);

    /** What the provider says of the account now (when the practitioner comes back from its page, say). */
    AccountOpening lookup(String accountId);
}
