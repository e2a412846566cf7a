package org.rendezvous.persistence;

import java.util.Objects;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.jdbi.v3.core.Jdbi;
import org.rendezvous.core.port.Accounts;
import org.rendezvous.core.port.OperatorActions;
import org.rendezvous.core.port.Operators;
import org.rendezvous.core.port.ReminderCandidates;
import org.rendezvous.core.port.Stores;

/**
 * The store ports of booking-core on PostgreSQL. Give it a pooled {@link DataSource} (HikariCP) and
 * build the engine on what it returns:
 *
 * <pre>{@code
 * Stores stores = PostgresStores.migrateAndOpen(dataSource);
 * Rendezvous engine = Rendezvous.builder().stores(stores).build();
 * }</pre>
 *
 * Every store call made on a thread inside {@code stores.transactions()} joins that transaction; a
 * call made outside any runs in a short transaction of its own. Infrastructure failures come out as
 * {@link PersistenceFailure}.
 *
 * <p>The queries of the core's jobs that are not stores come from the same stores:
 *
 * <pre>{@code
 * Reminders reminders = new Reminders(stores, PostgresStores.reminderCandidates(stores), ids, clock, 500);
 * }</pre>
 *
 * <p>and so do practitioners' accounts, which the core keeps apart from {@link Stores}:
 *
 * <pre>{@code
 * Rendezvous engine = Rendezvous.builder().stores(stores).accounts(PostgresStores.accounts(stores)).build();
 * }</pre>
 */
public final class PostgresStores {

    private PostgresStores() {
    }

    /** Brings the schema of the data source's current schema up to date (Flyway), then opens the stores. */
    public static Stores migrateAndOpen(DataSource dataSource) {
        migrate(dataSource);
        return open(dataSource);
    }

    /**
     * Applies the migrations not applied yet, under Flyway's own lock, so that two instances starting
     * together migrate once. Safe to call on every start.
     */
    public static void migrate(DataSource dataSource) {
        Objects.requireNonNull(dataSource, "dataSource");
        try {
            Flyway.configure()
                    .dataSource(dataSource)
                    .locations("classpath:db/migration")
                    .failOnMissingLocations(true)
                    .load()
                    .migrate();
        } catch (FlywayException e) {
            throw new PersistenceFailure("the database schema could not be migrated: " + e.getMessage(), e);
        }
    }

    /**
     * The query reminder planning needs (NOT-2), on the database of stores this class opened, sharing
     * their transactions: called inside a unit of work it joins it.
     *
     * @throws IllegalArgumentException if {@code stores} were not opened by this class
     */
    public static ReminderCandidates reminderCandidates(Stores stores) {
        Objects.requireNonNull(stores, "stores");
        if (!(stores.bookings() instanceof JdbiBookings bookings)) {
            throw new IllegalArgumentException("stores: not opened by PostgresStores");
        }
        return new JdbiReminderCandidates(bookings);
    }

    /**
     * Practitioners' credentials and one-time links (ACC-1, ACC-3), on the database of stores this class
     * opened, sharing their transactions: called inside a unit of work it joins it.
     *
     * @throws IllegalArgumentException if {@code stores} were not opened by this class
     */
    public static Accounts accounts(Stores stores) {
        Objects.requireNonNull(stores, "stores");
        if (!(stores.transactions() instanceof JdbiTransactions transactions)) {
            throw new IllegalArgumentException("stores: not opened by PostgresStores");
        }
        return new JdbiAccounts(transactions);
    }

    /**
     * Operators' accounts (the operator tools), on the database of stores this class opened, sharing their
     * transactions.
     *
     * @throws IllegalArgumentException if {@code stores} were not opened by this class
     */
    public static Operators operators(Stores stores) {
        return new JdbiOperators(transactionsOf(stores));
    }

    /**
     * Clients' passwordless accounts (CLI-2), on the database of stores this class opened, sharing their
     * transactions.
     *
     * @throws IllegalArgumentException if {@code stores} were not opened by this class
     */
    public static org.rendezvous.core.port.ClientAccounts clientAccounts(Stores stores) {
        return new JdbiClientAccounts(transactionsOf(stores));
    }

    /**
     * The operators' audit log, which also says who is suspended, on the database of stores this class
     * opened, sharing their transactions.
     *
     * @throws IllegalArgumentException if {@code stores} were not opened by this class
     */
    public static OperatorActions operatorActions(Stores stores) {
        return new JdbiOperatorActions(transactionsOf(stores));
    }

    /**
     * Invoicing's stores (INV-1, INV-2) on the database of stores this class opened, sharing their
     * transactions: {@code Rendezvous.builder().stores(stores).invoiceStores(PostgresStores.invoices(stores))}.
     *
     * @throws IllegalArgumentException if {@code stores} were not opened by this class
     */
    public static org.rendezvous.core.port.InvoiceStores invoices(Stores stores) {
        JdbiTransactions transactions = transactionsOf(stores);
        return new org.rendezvous.core.port.InvoiceStores(new JdbiInvoicingProfiles(transactions),
                new JdbiInvoices(transactions), new JdbiOnSitePayments(transactions));
    }

    /** CAL-2: the calendar feed tokens, in the transactions of stores opened here. */
    public static org.rendezvous.core.port.CalendarFeeds calendarFeeds(Stores stores) {
        return new JdbiCalendarFeeds(transactionsOf(stores));
    }

    /** The practitioners' own calendars (issue 14 item 3) beside stores opened here, sharing their transactions. */
    public static org.rendezvous.core.port.ExternalCalendars externalCalendars(Stores stores) {
        return new JdbiExternalCalendars(transactionsOf(stores));
    }

    private static JdbiTransactions transactionsOf(Stores stores) {
        Objects.requireNonNull(stores, "stores");
        if (!(stores.transactions() instanceof JdbiTransactions transactions)) {
            throw new IllegalArgumentException("stores: not opened by PostgresStores");
        }
        return transactions;
    }

    /** The stores on a database whose schema is already migrated. */
    public static Stores open(DataSource dataSource) {
        Objects.requireNonNull(dataSource, "dataSource");
        return open(PostgresJdbi.create(dataSource));
    }

    /** The stores on a {@link PostgresJdbi} instance (tests add a statement counter to it). */
    static Stores open(Jdbi jdbi) {
        JdbiTransactions transactions = new JdbiTransactions(jdbi);
        return new Stores(new JdbiPractitioners(transactions), new JdbiAgendas(transactions),
                new JdbiClients(transactions), new JdbiBookings(transactions), new JdbiWaitlists(transactions),
                new JdbiOutbox(transactions), new JdbiIdempotencyKeys(transactions), new JdbiLedger(transactions),
                new JdbiPaymentInstructions(transactions), new JdbiPayouts(transactions),
                new JdbiPayoutAccounts(transactions), new JdbiSubscriptions(transactions), new JdbiUsage(transactions),
                new JdbiProfiles(transactions), transactions, new JdbiPaymentAccounts(transactions));
    }
}
