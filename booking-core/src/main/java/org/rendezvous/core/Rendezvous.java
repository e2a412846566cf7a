package org.rendezvous.core;

import java.time.Clock;
import java.util.Objects;
import org.rendezvous.core.inmemory.Pbkdf2PasswordHasher;
import org.rendezvous.core.sandbox.SandboxPaymentGateway;
import org.rendezvous.core.inmemory.InMemoryAccounts;
import org.rendezvous.core.inmemory.InMemoryOperatorActions;
import org.rendezvous.core.inmemory.InMemoryOperators;
import org.rendezvous.core.inmemory.InMemoryStores;
import org.rendezvous.core.inmemory.SecureRandomIds;
import org.rendezvous.core.policy.CommercialModel;
import org.rendezvous.core.port.Accounts;
import org.rendezvous.core.port.BillingGateway;
import org.rendezvous.core.sandbox.SandboxBillingGateway;
import org.rendezvous.core.port.Ids;
import org.rendezvous.core.port.OperatorActions;
import org.rendezvous.core.port.Operators;
import org.rendezvous.core.port.PasswordHasher;
import org.rendezvous.core.port.PaymentGateway;
import org.rendezvous.core.port.PayoutGateway;
import org.rendezvous.core.port.OnboardingGateway;
import org.rendezvous.core.port.Stores;

/**
 * The booking engine, built from its adapters. Start with {@link #builder()}: without anything else it
 * runs in memory, with model PLATFORM_COLLECTS and the system clock.
 *
 * <pre>{@code
 * Rendezvous engine = Rendezvous.builder().stores(InMemoryStores.create()).build();
 * Practitioner anna = engine.practitioners().register(RegisterPractitionerCommand.of("Anna", "anna@example.org", PARIS));
 * }</pre>
 */
public final class Rendezvous {

    private final PractitionerService practitioners;
    private final AgendaService agenda;
    private final BookingService bookings;
    private final ClientBookingService clientBookings;
    private final WaitlistService waitlist;
    private final ClientFile clients;
    private final LifecycleJobs jobs;
    private final PaymentService payments;
    private final PayoutService payouts;
    private final PlanService plans;
    private final AccountService accounts;
    private final PaymentAccountService paymentAccounts;
    private final OperatorService operators;
    private final InvoiceService invoices;
    private final RevenueService revenue;
    private final ClientAccountService clientAccounts;
    // What the services made later (accounts with another store, calendars) are built from.
    private final Stores stores;
    private final Ids ids;
    private final EngineSettings engineSettings;
    private final PaymentGateway paymentGateway;
    private final PayoutGateway payoutGateway;
    private final OperatorActions operatorActions;
    private final Now now;
    private final Announcements announcements;
    private final AgendaSnapshots snapshots;
    private final LockedSaves saves;

    private Rendezvous(Builder builder) {
        this.operatorActions = builder.operatorActions != null ? builder.operatorActions
                : InMemoryOperatorActions.joining(builder.stores.transactions());
        // The ports, and the shared steps each built from the ports it needs; every service gets what it uses.
        this.stores = builder.stores;
        this.ids = builder.ids;
        this.engineSettings = builder.settings;
        this.paymentGateway = builder.payments;
        this.payoutGateway = builder.payouts;
        this.now = new Now(builder.clock);
        this.announcements = new Announcements(stores.outbox(), ids);
        this.snapshots = new AgendaSnapshots(stores.agendas(), stores.bookings());
        this.saves = new LockedSaves(stores.bookings());
        OncePerKey oncePerKey = new OncePerKey(stores.idempotencyKeys(), stores.bookings(), now);
        Cashier cashier = new Cashier(stores.ledger(), stores.paymentInstructions(), stores.subscriptions(), ids,
                engineSettings);
        BookingCommands commands = new BookingCommands(stores.transactions(), stores.bookings(), oncePerKey, now);
        WaitlistAlerts alerts = new WaitlistAlerts(snapshots, stores.waitlists(), stores.bookings(), announcements);
        Endings endings = new Endings(saves, cashier, announcements, stores.waitlists(), alerts);
        Moves moves = new Moves(saves, snapshots, announcements, alerts);
        Arrivals arrivals = new Arrivals(engineSettings, stores.usage(), cashier, announcements, snapshots, saves);
        this.practitioners = new PractitionerService(stores.practitioners(), stores.agendas(),
                stores.payoutAccounts(), stores.subscriptions(), stores.profiles(), stores.transactions(),
                stores.paymentAccounts(), ids, now, engineSettings);
        this.agenda = new AgendaService(stores.agendas(), stores.bookings(), stores.transactions(), ids, now,
                engineSettings, snapshots);
        this.bookings = new BookingService(stores.agendas(), stores.bookings(), stores.clients(), operatorActions,
                ids, engineSettings, now, snapshots, commands, arrivals, endings, moves, announcements, saves);
        this.clientBookings = new ClientBookingService(commands, snapshots, endings, moves);
        this.waitlist = new WaitlistService(stores.transactions(), stores.bookings(), stores.waitlists(), ids, now,
                snapshots, commands, moves);
        this.clients = new ClientFile(stores.clients(), stores.bookings());
        this.jobs = new LifecycleJobs(stores.bookings(), stores.outbox(), stores.transactions(), ids, now,
                paymentGateway, saves, endings, arrivals, cashier, builder.jobBatchSize);
        this.payments = new PaymentService(stores.agendas(), stores.bookings(), stores.ledger(),
                stores.paymentInstructions(), stores.payoutAccounts(), stores.transactions(),
                stores.paymentAccounts(), now, engineSettings, paymentGateway, cashier, commands, arrivals, saves,
                announcements, builder.jobBatchSize);
        this.payouts = new PayoutService(stores.practitioners(), stores.agendas(), stores.outbox(),
                stores.idempotencyKeys(), stores.ledger(), stores.payouts(), stores.payoutAccounts(),
                stores.transactions(), ids, now, engineSettings, payoutGateway, announcements, builder.jobBatchSize,
                builder.payoutParallelism);
        this.plans = new PlanService(stores.practitioners(), stores.agendas(), stores.idempotencyKeys(),
                stores.subscriptions(), stores.usage(), stores.transactions(), ids, now, engineSettings,
                announcements, cashier, builder.billing, builder.jobBatchSize);
        this.paymentAccounts = new PaymentAccountService(stores.practitioners(), stores.payoutAccounts(),
                stores.transactions(), stores.paymentAccounts(), now, engineSettings, builder.onboarding);
        PasswordHasher hasher = builder.passwordHasher != null ? builder.passwordHasher : new Pbkdf2PasswordHasher();
        if (builder.defaultBilling != null) {
            // The default sandbox's billing events reach this engine, as a provider's webhooks would.
            builder.defaultBilling.onEvent(plans::apply);
        }
        this.accounts = new AccountService(stores.transactions(), ids, now, announcements, practitioners,
                builder.accounts != null ? builder.accounts : InMemoryAccounts.joining(builder.stores.transactions()),
                hasher);
        this.operators = new OperatorService(stores.practitioners(), stores.bookings(), stores.outbox(),
                stores.idempotencyKeys(), stores.ledger(), stores.paymentInstructions(), stores.payouts(),
                stores.payoutAccounts(), stores.profiles(), stores.transactions(), ids, now, announcements, cashier,
                builder.operators != null ? builder.operators : InMemoryOperators.joining(builder.stores.transactions()),
                operatorActions, accounts, hasher, payouts);
        org.rendezvous.core.port.InvoiceStores invoiceStores = builder.invoiceStores != null ? builder.invoiceStores
                : org.rendezvous.core.inmemory.InMemoryInvoiceStores.joining(builder.stores.transactions());
        this.invoices = new InvoiceService(stores.practitioners(), stores.agendas(), stores.bookings(),
                stores.outbox(), stores.usage(), stores.transactions(), ids, now, engineSettings, cashier,
                invoiceStores, builder.invoiceDocuments);
        this.revenue = new RevenueService(stores.agendas(), stores.bookings(), stores.transactions(), ids, now,
                payments, invoiceStores);
        this.clientAccounts = new ClientAccountService(stores.clients(), stores.bookings(), stores.outbox(),
                stores.transactions(), ids, now, saves, clientBookings, builder.clientAccounts != null
                ? builder.clientAccounts
                : org.rendezvous.core.inmemory.InMemoryClientAccounts.joining(builder.stores.transactions()));
    }

    /** Clients' passwordless accounts: sign-in links, their bookings everywhere, export and erasure (CLI-2). */
    public ClientAccountService clientAccounts() {
        return clientAccounts;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Registration and agenda settings. */
    public PractitionerService practitioners() {
        return practitioners;
    }

    /** Activities, openings, unavailabilities and availability. */
    public AgendaService agenda() {
        return agenda;
    }

    /** The booking lifecycle on the practitioner's side: booking, entering, confirming, refusing, cancelling, moving, no-shows. */
    public BookingService bookings() {
        return bookings;
    }

    /** What a client does through their booking link: find, cancel and move their booking (ACC-2, CX-1 … CX-3, BK-7). */
    public ClientBookingService clientBookings() {
        return clientBookings;
    }

    /** The waitlist for an earlier time: join, leave, take an offer (CX-7). */
    public WaitlistService waitlist() {
        return waitlist;
    }

    public ClientFile clients() {
        return clients;
    }

    /** The booking jobs a host runs on a schedule: expiry, completion, reminders of unanswered requests. */
    public LifecycleJobs jobs() {
        return jobs;
    }

    /** Payment pages, provider events, refunds and charges, the payment history and balances (PAY, FEE-4). */
    public PaymentService payments() {
        return payments;
    }

    /** Payout destinations, cycles, requests and statements (PO). */
    public PayoutService payouts() {
        return payouts;
    }

    /** The trial, the free plan's quotas and the paid plan (PLAN). */
    public PlanService plans() {
        return plans;
    }

    /** Practitioners' accounts: registration, e-mail verification, login, password reset (ACC-1, ACC-3). */
    /** The practitioner's account at the payment provider: onboarding, its state, payouts to it (issue 12). */
    public PaymentAccountService paymentAccounts() {
        return paymentAccounts;
    }

    public AccountService accounts() {
        return accounts;
    }

    /** Legal identity, invoices, credit notes and their documents (INV-1). */
    public InvoiceService invoices() {
        return invoices;
    }

    /** Turnover for any period and payments taken on site (INV-2). */
    public RevenueService revenue() {
        return revenue;
    }

    /**
     * Accounts on this engine with another store and hasher than the builder's: for a host that receives
     * an engine built elsewhere. The store must share the engine's transactions.
     */
    /**
     * The operator tools: operators' accounts, suspensions, charge reversals (CX-4), the platform's books,
     * parked messages, and the audit log of every operator action.
     */
    public OperatorService operators() {
        return operators;
    }

    public AccountService accounts(Accounts store, PasswordHasher hasher) {
        return new AccountService(stores.transactions(), ids, now, announcements, practitioners, store, hasher);
    }

    /** CAL-2: the calendar feeds and "add to my calendar", with the store of feed tokens (it must share the engine's transactions). */
    public CalendarService calendar(org.rendezvous.core.port.CalendarFeeds feeds) {
        return new CalendarService(stores.practitioners(), stores.agendas(), stores.bookings(), stores.transactions(), ids, now, feeds);
    }

    /**
     * Issue 14 item 3: the practitioner's own calendar blocking availability, with the store of subscriptions and
     * busy periods (it must share the engine's transactions and feed its agendas) and the source that fetches them.
     */
    public ExternalCalendarService externalCalendars(org.rendezvous.core.port.ExternalCalendars store,
                                                     org.rendezvous.core.port.BusyTimeSource source) {
        return new ExternalCalendarService(stores.agendas(), stores.transactions(), now, store, source);
    }

    /** For a payment gateway that connects no accounts: every request is refused, saying so. */
    private static final OnboardingGateway NO_ONBOARDING = new OnboardingGateway() {
        @Override
        public org.rendezvous.core.payment.AccountOpening open(org.rendezvous.core.payment.OpenAccountRequest request) {
            return new org.rendezvous.core.payment.AccountOpening.Refused("this platform connects no payment accounts");
        }

        @Override
        public org.rendezvous.core.payment.OnboardingLink link(org.rendezvous.core.payment.OnboardingLink.Request request) {
            return new org.rendezvous.core.payment.OnboardingLink.Refused("this platform connects no payment accounts");
        }

        @Override
        public org.rendezvous.core.payment.AccountOpening lookup(String accountId) {
            return new org.rendezvous.core.payment.AccountOpening.Refused("this platform connects no payment accounts");
        }
    };

    public static final class Builder {
        private Stores stores;
        private PaymentGateway payments;
        private PayoutGateway payouts;
        private Ids ids = new SecureRandomIds();
        private Clock clock = Clock.systemUTC();
        private EngineSettings settings = EngineSettings.of(CommercialModel.PLATFORM_COLLECTS);
        private int jobBatchSize = 500;
        private int payoutParallelism = 8;
        private Accounts accounts;
        private PasswordHasher passwordHasher;
        private OnboardingGateway onboarding;
        private Operators operators;
        private OperatorActions operatorActions;
        private org.rendezvous.core.port.InvoiceStores invoiceStores;
        private org.rendezvous.core.port.InvoiceDocuments invoiceDocuments;
        private BillingGateway billing;
        private SandboxBillingGateway defaultBilling;
        private org.rendezvous.core.port.ClientAccounts clientAccounts;

        /** Where clients' accounts live (CLI-2); by default in memory, joined to in-memory stores' transactions. */
        public Builder clientAccounts(org.rendezvous.core.port.ClientAccounts value) {
            this.clientAccounts = Objects.requireNonNull(value, "clientAccounts");
            return this;
        }

        private Builder() {
        }

        /** Where invoices live; by default in memory, joined to in-memory stores' transactions. They must share the stores' transactions. */
        public Builder invoiceStores(org.rendezvous.core.port.InvoiceStores value) {
            this.invoiceStores = Objects.requireNonNull(value, "invoiceStores");
            return this;
        }

        /** What renders an issued invoice as a PDF; without one, documents cannot be downloaded or sent. */
        public Builder invoiceDocuments(org.rendezvous.core.port.InvoiceDocuments value) {
            this.invoiceDocuments = Objects.requireNonNull(value, "invoiceDocuments");
            return this;
        }

        public Builder stores(Stores value) {
            this.stores = Objects.requireNonNull(value, "stores");
            return this;
        }

        public Builder paymentGateway(PaymentGateway value) {
            this.payments = Objects.requireNonNull(value, "paymentGateway");
            return this;
        }

        /** Who bills the paid plan (PLAN-3); by default the in-process sandbox on the builder's clock. */
        public Builder billingGateway(BillingGateway value) {
            this.billing = Objects.requireNonNull(value, "billingGateway");
            return this;
        }

        public Builder payoutGateway(PayoutGateway value) {
            this.payouts = Objects.requireNonNull(value, "payoutGateway");
            return this;
        }

        /** Where practitioners connect a payment account; by default the payment gateway, if it does that too. */
        public Builder onboardingGateway(OnboardingGateway value) {
            this.onboarding = Objects.requireNonNull(value, "onboardingGateway");
            return this;
        }

        public Builder ids(Ids value) {
            this.ids = Objects.requireNonNull(value, "ids");
            return this;
        }

        public Builder clock(Clock value) {
            this.clock = Objects.requireNonNull(value, "clock");
            return this;
        }

        public Builder settings(EngineSettings value) {
            this.settings = Objects.requireNonNull(value, "settings");
            return this;
        }

        public Builder model(CommercialModel model) {
            this.settings = settings.withModel(model);
            return this;
        }

        /** Where practitioners' credentials live; by default in memory, joined to in-memory stores' transactions. */
        public Builder accounts(Accounts value) {
            this.accounts = Objects.requireNonNull(value, "accounts");
            return this;
        }

        /** How passwords are hashed; by default PBKDF2 from the JDK. */
        public Builder passwordHasher(PasswordHasher value) {
            this.passwordHasher = Objects.requireNonNull(value, "passwordHasher");
            return this;
        }

        /** Where operators' accounts live; by default in memory, joined to in-memory stores' transactions. */
        public Builder operators(Operators value) {
            this.operators = Objects.requireNonNull(value, "operators");
            return this;
        }

        /** Where the operators' audit log lives (it also says who is suspended); by default in memory. */
        public Builder operatorActions(OperatorActions value) {
            this.operatorActions = Objects.requireNonNull(value, "operatorActions");
            return this;
        }

        /** How many bookings one run of a job handles at most. */
        public Builder jobBatchSize(int value) {
            if (value < 1) {
                throw new IllegalArgumentException("jobBatchSize: must be at least 1");
            }
            this.jobBatchSize = value;
            return this;
        }

        /** How many payouts of a cycle are decided and sent at once (each its own transaction and provider call). */
        public Builder payoutParallelism(int value) {
            if (value < 1 || value > 64) {
                throw new IllegalArgumentException("payoutParallelism: must be 1 to 64");
            }
            this.payoutParallelism = value;
            return this;
        }

        public Rendezvous build() {
            if (stores == null) {
                stores = InMemoryStores.create();
            }
            if (payments == null) {
                SandboxPaymentGateway sandbox = new SandboxPaymentGateway();
                payments = sandbox;
                if (payouts == null) {
                    payouts = sandbox;
                }
            }
            if (payouts == null) {
                if (!(payments instanceof PayoutGateway both)) {
                    throw new IllegalStateException("payoutGateway: needed when the payment gateway does not pay out");
                }
                payouts = both;
            }
            if (onboarding == null) {
                onboarding = payments instanceof OnboardingGateway both ? both : NO_ONBOARDING;
            }
            if (billing == null) {
                SandboxBillingGateway sandboxBilling = new SandboxBillingGateway(clock);
                billing = sandboxBilling;
                defaultBilling = sandboxBilling;
            }
            return new Rendezvous(this);
        }
    }
}
