package org.rendezvous.core.payment;

import java.net.URI;
import java.time.Instant;
import java.util.Objects;

/** A one-time page of the provider where the practitioner gives or updates their account's details. */
public sealed interface OnboardingLink {

    /** What the page is for. */
    enum Purpose {
        /** Collect what the provider still asks for. */
        ONBOARDING,
        /** Change details already given (bank account, address…). */
        UPDATE
    }

    /**
     * What to ask for.
     *
     * @param refreshUrl where the provider sends the practitioner when the link expired or was used: the host
     *                   makes a new one there
     * @param returnUrl  where the practitioner comes back when they leave the page (finished or not)
     */
    record Request(String accountId, Purpose purpose, URI refreshUrl, URI returnUrl) {
        public Request {
            PaymentAccount.requireAccountId(accountId);
            Objects.requireNonNull(purpose, "purpose");
            Objects.requireNonNull(refreshUrl, "refreshUrl");
            Objects.requireNonNull(returnUrl, "returnUrl");
        }
    }

    record Started(URI url, Instant expiresAt) implements OnboardingLink {
        public Started {
            Objects.requireNonNull(url, "url");
            Objects.requireNonNull(expiresAt, "expiresAt");
        }
    }

    record Refused(String reason) implements OnboardingLink {
        public Refused {
            Objects.requireNonNull(reason, "reason");
        }
    }

    record Unreachable(String why) implements OnboardingLink {
        public Unreachable {
            Objects.requireNonNull(why, "why");
        }
    }
}
