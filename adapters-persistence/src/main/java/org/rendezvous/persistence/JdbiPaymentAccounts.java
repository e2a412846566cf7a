package org.rendezvous.persistence;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.rendezvous.core.payment.AccountStatus;
import org.rendezvous.core.payment.PaymentAccount;
import org.rendezvous.core.port.PaymentAccounts;
import org.rendezvous.core.practitioner.PractitionerId;

/**
 * Each practitioner's account at the payment provider, replaced in place. An account id another
 * practitioner has is refused by the unique key {@code payment_accounts_one_owner}. Requirements travel as
 * one line each (the domain refuses a requirement with a line break).
 */
final class JdbiPaymentAccounts implements PaymentAccounts {

    public record AccountRow(UUID practitionerId, String accountId, boolean detailsSubmitted, boolean chargesEnabled,
                             boolean payoutsEnabled, String currentlyDue, String pastDue, String disabledReason,
                             Instant asOf) {
    }

    interface Dao {
        @SqlUpdate("""
                INSERT INTO payment_accounts (practitioner_id, account_id, details_submitted, charges_enabled,
                    payouts_enabled, currently_due, past_due, disabled_reason, as_of)
                VALUES (:practitionerId, :accountId, :detailsSubmitted, :chargesEnabled, :payoutsEnabled,
                    string_to_array(:currentlyDue, chr(10)), string_to_array(:pastDue, chr(10)), :disabledReason, :asOf)
                ON CONFLICT (practitioner_id) DO UPDATE SET
                    account_id = EXCLUDED.account_id, details_submitted = EXCLUDED.details_submitted,
                    charges_enabled = EXCLUDED.charges_enabled, payouts_enabled = EXCLUDED.payouts_enabled,
                    currently_due = EXCLUDED.currently_due, past_due = EXCLUDED.past_due,
                    disabled_reason = EXCLUDED.disabled_reason, as_of = EXCLUDED.as_of
                """)
        void save(@BindMethods AccountRow row);

        String COLUMNS = """
                SELECT practitioner_id, account_id, details_submitted, charges_enabled, payouts_enabled,
                    array_to_string(currently_due, chr(10)) AS currently_due,
                    array_to_string(past_due, chr(10)) AS past_due, disabled_reason, as_of
                FROM payment_accounts
                """;

        @SqlQuery(COLUMNS + "WHERE practitioner_id = :practitionerId")
        @RegisterConstructorMapper(AccountRow.class)
        Optional<AccountRow> find(@Bind("practitionerId") UUID practitionerId);

        @SqlQuery(COLUMNS + "WHERE account_id = :accountId")
        @RegisterConstructorMapper(AccountRow.class)
        Optional<AccountRow> findByAccountId(@Bind("accountId") String accountId);
    }

    private final JdbiTransactions transactions;

    JdbiPaymentAccounts(JdbiTransactions transactions) {
        this.transactions = transactions;
    }

    @Override
    public Optional<PaymentAccount> find(PractitionerId practitioner) {
        return transactions.withHandle(h -> transactions.attach(h, Dao.class).find(practitioner.value()))
                .map(JdbiPaymentAccounts::account);
    }

    @Override
    public Optional<PaymentAccount> findByAccountId(String accountId) {
        return transactions.withHandle(h -> transactions.attach(h, Dao.class).findByAccountId(accountId))
                .map(JdbiPaymentAccounts::account);
    }

    @Override
    public void save(PaymentAccount account) {
        Objects.requireNonNull(account, "account");
        AccountStatus status = account.status();
        AccountRow row = new AccountRow(account.practitionerId().value(), account.accountId(), status.detailsSubmitted(),
                status.chargesEnabled(), status.payoutsEnabled(), String.join("\n", status.currentlyDue()),
                String.join("\n", status.pastDue()), status.disabledReason().orElse(null), account.asOf());
        transactions.withHandle(h -> {
            transactions.attach(h, Dao.class).save(row);
            return null;
        });
    }

    private static PaymentAccount account(AccountRow row) {
        return new PaymentAccount(new PractitionerId(row.practitionerId()), row.accountId(),
                new AccountStatus(row.detailsSubmitted(), row.chargesEnabled(), row.payoutsEnabled(), lines(row.currentlyDue()),
                        lines(row.pastDue()), Optional.ofNullable(row.disabledReason())), row.asOf());
    }

    private static List<String> lines(String joined) {
        return joined == null || joined.isEmpty() ? List.of() : Arrays.asList(joined.split("\n"));
    }
}
