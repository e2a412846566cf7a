package org.rendezvous.core.inmemory;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.rendezvous.core.payment.PaymentAccount;
import org.rendezvous.core.port.PaymentAccounts;
import org.rendezvous.core.practitioner.PractitionerId;

final class InMemoryPaymentAccounts implements PaymentAccounts {

    private final ConcurrentHashMap<PractitionerId, PaymentAccount> accounts = new ConcurrentHashMap<>();
    private final InMemoryTransactions transactions;

    InMemoryPaymentAccounts(InMemoryTransactions transactions) {
        this.transactions = transactions;
    }

    @Override
    public Optional<PaymentAccount> find(PractitionerId practitioner) {
        return Optional.ofNullable(accounts.get(practitioner));
    }

    @Override
    public Optional<PaymentAccount> findByAccountId(String accountId) {
        return accounts.values().stream().filter(a -> a.accountId().equals(accountId)).findFirst();
    }

    @Override
    public synchronized void save(PaymentAccount account) {
        findByAccountId(account.accountId()).filter(other -> !other.practitionerId().equals(account.practitionerId()))
                .ifPresent(other -> {
                    throw new IllegalStateException("accountId: " + account.accountId() + " is another practitioner's");
                });
        PaymentAccount before = accounts.put(account.practitionerId(), account);
        transactions.onRollback(() -> {
            if (before == null) {
                accounts.remove(account.practitionerId(), account);
            } else {
                accounts.replace(account.practitionerId(), account, before);
            }
        });
    }
}
