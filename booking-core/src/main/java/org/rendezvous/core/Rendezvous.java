package org.rendezvous.core;

import java.time.Clock;
import java.util.Objects;
import org.rendezvous.core.inmemory.Pbkdf2PasswordHasher;
import org.rendezvous.core.sandbox.SandboxPaymentGateway;
import org.rendezvous.core.inmemory.InMemoryAccounts;
import org.rendezvous.core.inmemory.InMemoryStores;
import org.rendezvous.core.inmemory.SecureRandomIds;
import org.rendezvous.core.policy.CommercialModel;
import org.rendezvous.core.port.Accounts;
import org.rendezvous.core.port.BillingGateway;
import org.rendezvous.core.sandbox.SandboxBillingGateway;
import org.rendezvous.core.port.Ids;
import org.rendezvous.core.port.PasswordHasher;
import org.rendezvous.core.port.PaymentGateway;
import org.rendezvous.core.port.PayoutGateway;
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
    private final ClientFile clients;
    private final LifecycleJobs jobs;
    private final PaymentService payments;
    private final PayoutService payouts;
    private final PlanService plans;
    private final AccountService accounts;
    private final Engine engine;

    private Rendezvous(Builder builder) {
        Engine engine = new Engine(builder.stores, builder.payments, builder.payouts, builder.ids, builder.clock,
                builder.settings);
        Cashier cashier = new Cashier(engine);
        this.practitioners = new PractitionerService(engine);
        this.agenda = new AgendaService(engine);
        this.bookings = new BookingService(engine, cashier);
        this.clients = new ClientFile(engine);
        this.jobs = new LifecycleJobs(engine, bookings, cashier, builder.jobBatchSize);
        this.payments = new PaymentService(engine, cashier, bookings, builder.jobBatchSize);
        this.payouts = new PayoutService(engine, builder.jobBatchSize, builder.payoutParallelism);
        this.plans = new PlanService(engine, cashier, builder.billing, builder.jobBatchSize);
        this.engine = engine;
        if (builder.defaultBilling != null) {
            // The default sandbox's billing events reach this engine, as a provider's webhooks would.
            builder.defaultBilling.onEvent(plans::apply);
        }
        this.accounts = new AccountService(engine, practitioners,
                builder.accounts != null ? builder.accounts : InMemoryAccounts.joining(builder.stores.transactions()),
                builder.passwordHasher != null ? builder.passwordHasher : new Pbkdf2PasswordHasher());
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

    /** The booking lifecycle, cancellations, moves, no-shows and the waitlist. */
    public BookingService bookings() {
        return bookings;
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
    public AccountService accounts() {
        return accounts;
    }

    /**
     * Accounts on this engine with another store and hasher than the builder's: for a host that receives
     * an engine built elsewhere. The store must share the engine's transactions.
     */
    public AccountService accounts(Accounts store, PasswordHasher hasher) {
        return new AccountService(engine, practitioners, store, hasher);
    }

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
        private BillingGateway billing;
        private SandboxBillingGateway defaultBilling;

        private Builder() {
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
            if (billing == null) {
                SandboxBillingGateway sandboxBilling = new SandboxBillingGateway(clock);
                billing = sandboxBilling;
                defaultBilling = sandboxBilling;
            }
            return new Rendezvous(this);
        }
    }
}
