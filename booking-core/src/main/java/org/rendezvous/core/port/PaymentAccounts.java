package org.rendezvous.core.port;

import java.util.Optional;
import org.rendezvous.core.payment.PaymentAccount;
import org.rendezvous.core.practitioner.PractitionerId;

/** Each practitioner's account at the payment provider, at most one, and one practitioner per account. */
public interface PaymentAccounts {

    Optional<PaymentAccount> find(PractitionerId practitioner);

    /** Whose account this is: the provider's events name the account only. */
    Optional<PaymentAccount> findByAccountId(String accountId);

    /**
     * Adds or replaces the practitioner's account. An account id that is another practitioner's is refused
     * with the store's exception (a bug upstream: the provider opens one account per practitioner key).
     */
    void save(PaymentAccount account);
}
