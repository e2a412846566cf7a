package org.rendezvous.core.payout;

import java.util.Objects;
import org.rendezvous.core.practitioner.BankDetails;

/** Where a practitioner's money goes (PO-4): a bank account, or an account at the payment provider. */
public sealed interface PayoutDestination {

    /** Whether money can be sent there now. */
    boolean ready();

    record BankAccount(BankDetails details) implements PayoutDestination {
        public BankAccount {
            Objects.requireNonNull(details, "details");
        }

        /** Bank details exist only with an IBAN that passed its mod-97 check. */
        @Override
        public boolean ready() {
            return true;
        }
    }

    /**
     * An account at the payment provider (a Stripe connected account, say).
     *
     * @param payoutsEnabled whether the provider says it can receive transfers
     */
    record ProviderAccount(String accountId, boolean payoutsEnabled) implements PayoutDestination {
        public ProviderAccount {
            Objects.requireNonNull(accountId, "accountId");
            if (accountId.isBlank() || accountId.length() > 255) {
                throw new IllegalArgumentException("accountId: must be 1 to 255 characters");
            }
        }

        @Override
        public boolean ready() {
            return payoutsEnabled;
        }
    }
}
