package org.rendezvous.persistence;

import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.rendezvous.core.payout.PayoutDestination;
import org.rendezvous.core.port.PayoutAccounts;
import org.rendezvous.core.practitioner.BankDetails;
import org.rendezvous.core.practitioner.Bic;
import org.rendezvous.core.practitioner.Iban;
import org.rendezvous.core.practitioner.PractitionerId;

/**
 * One payout destination per practitioner (PO-4), replaced in place. Bank details are read back through
 * {@link Iban} and {@link Bic}, so a row changed by hand into something invalid fails loudly rather
 * than sending money to it.
 */
final class JdbiPayoutAccounts implements PayoutAccounts {

    public record DestinationRow(UUID practitionerId, String kind, String holder, String iban, String bic,
                                 String providerAccountId, Boolean payoutsEnabled) {
    }

    private static final String BANK_ACCOUNT = "BANK_ACCOUNT";
    private static final String PROVIDER_ACCOUNT = "PROVIDER_ACCOUNT";

    interface Dao {
        @SqlUpdate("""
                INSERT INTO payout_destinations (practitioner_id, kind, holder, iban, bic, provider_account_id,
                    payouts_enabled)
                VALUES (:practitionerId, :kind, :holder, :iban, :bic, :providerAccountId, :payoutsEnabled)
                ON CONFLICT (practitioner_id) DO UPDATE SET
                    kind = EXCLUDED.kind, holder = EXCLUDED.holder, iban = EXCLUDED.iban, bic = EXCLUDED.bic,
                    provider_account_id = EXCLUDED.provider_account_id, payouts_enabled = EXCLUDED.payouts_enabled
                """)
        void save(@BindMethods DestinationRow row);

        @SqlQuery("""
                SELECT practitioner_id, kind, holder, iban, bic, provider_account_id, payouts_enabled
                FROM payout_destinations WHERE practitioner_id = :practitionerId
                """)
        @RegisterConstructorMapper(DestinationRow.class)
        Optional<DestinationRow> find(@Bind("practitionerId") UUID practitionerId);

        @SqlQuery("""
                SELECT practitioner_id, kind, holder, iban, bic, provider_account_id, payouts_enabled
                FROM payout_destinations WHERE practitioner_id = ANY (string_to_array(:ids, ',')::uuid[])
                """)
        @RegisterConstructorMapper(DestinationRow.class)
        java.util.List<DestinationRow> findAll(@Bind("ids") String ids);
    }

    private final JdbiTransactions transactions;

    JdbiPayoutAccounts(JdbiTransactions transactions) {
        this.transactions = transactions;
    }

    @Override
    public Optional<PayoutDestination> find(PractitionerId practitioner) {
        return transactions.withHandle(h -> transactions.attach(h, Dao.class).find(practitioner.value()))
                .map(JdbiPayoutAccounts::destination);
    }

    /** Issue 15: the destinations of a chunk of the payout cycle in one read. */
    @Override
    public java.util.Map<PractitionerId, PayoutDestination> findAll(java.util.Collection<PractitionerId> practitioners) {
        java.util.Map<PractitionerId, PayoutDestination> found = new java.util.HashMap<>();
        if (practitioners.isEmpty()) {
            return found;
        }
        String ids = SqlArrays.join(practitioners.stream().map(PractitionerId::value).toList());
        for (DestinationRow row : transactions.withHandle(h -> transactions.attach(h, Dao.class).findAll(ids))) {
            found.put(new PractitionerId(row.practitionerId()), destination(row));
        }
        return found;
    }

    @Override
    public void save(PractitionerId practitioner, PayoutDestination destination) {
        Objects.requireNonNull(practitioner, "practitioner");
        Objects.requireNonNull(destination, "destination");
        DestinationRow row;
        if (destination instanceof PayoutDestination.BankAccount bank) {
            BankDetails details = bank.details();
            row = new DestinationRow(practitioner.value(), BANK_ACCOUNT, details.holder(), details.iban().value(),
                    details.bic().map(Bic::value).orElse(null), null, null);
        } else {
            PayoutDestination.ProviderAccount account = (PayoutDestination.ProviderAccount) destination;
            row = new DestinationRow(practitioner.value(), PROVIDER_ACCOUNT, null, null, null, account.accountId(),
                    account.payoutsEnabled());
        }
        transactions.withHandle(h -> {
            transactions.attach(h, Dao.class).save(row);
            return null;
        });
    }

    private static PayoutDestination destination(DestinationRow row) {
        if (BANK_ACCOUNT.equals(row.kind())) {
            return new PayoutDestination.BankAccount(new BankDetails(row.holder(), Iban.of(row.iban()),
                    Optional.ofNullable(row.bic()).map(Bic::of)));
        }
        return new PayoutDestination.ProviderAccount(row.providerAccountId(), row.payoutsEnabled());
    }
}
