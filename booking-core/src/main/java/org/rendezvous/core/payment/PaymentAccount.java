package org.rendezvous.core.payment;

import java.time.Instant;
import java.util.Objects;
import org.rendezvous.core.practitioner.PractitionerId;

/**
 * A practitioner's account at the payment provider (a Stripe Connect Express account, say), and what the
 * provider last said of it. In DIRECT_CONNECT clients pay on it; in PLATFORM_COLLECTS payouts can be
 * transferred to it.
 *
 * @param asOf when the provider said so: an older report never overwrites a newer one
 */
public record PaymentAccount(PractitionerId practitionerId, String accountId, AccountStatus status, Instant asOf) {
    public PaymentAccount {
        Objects.requireNonNull(practitionerId, "practitionerId");
        requireAccountId(accountId);
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(asOf, "asOf");
    }

    public boolean canTakePayments() {
        return status.chargesEnabled();
    }

    public boolean canReceivePayouts() {
        return status.payoutsEnabled();
    }

    public PaymentAccount withStatus(AccountStatus newStatus, Instant at) {
        return new PaymentAccount(practitionerId, accountId, newStatus, at);
    }

    static void requireAccountId(String accountId) {
        Objects.requireNonNull(accountId, "accountId");
        if (accountId.isBlank() || accountId.length() > 255) {
            throw new IllegalArgumentException("accountId: must be 1 to 255 characters");
        }
    }
}
