package org.rendezvous.core.payment;

import java.util.Objects;

/** What the provider answered to opening an account, or to being asked about one. */
public sealed interface AccountOpening {

    record Opened(String accountId, AccountStatus status) implements AccountOpening {
        public Opened {
            PaymentAccount.requireAccountId(accountId);
            Objects.requireNonNull(status, "status");
        }
    }

    /** The provider refused for good (an unsupported country, a platform not set up for Connect…). */
    record Refused(String reason) implements AccountOpening {
        public Refused {
            Objects.requireNonNull(reason, "reason");
        }
    }

    record Unreachable(String why) implements AccountOpening {
        public Unreachable {
            Objects.requireNonNull(why, "why");
        }
    }
}
