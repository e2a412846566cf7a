package org.rendezvous.core;

import java.time.Clock;
import java.util.Objects;
import org.rendezvous.core.inmemory.InMemoryPaymentGateway;
import org.rendezvous.core.inmemory.InMemoryStores;
import org.rendezvous.core.inmemory.SecureRandomIds;
import org.rendezvous.core.policy.CommercialModel;
import org.rendezvous.core.port.Ids;
import org.rendezvous.core.port.PaymentGateway;
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

    private Rendezvous(Builder builder) {
        Engine engine = new Engine(builder.stores, builder.payments, builder.ids, builder.clock, builder.settings);
        this.practitioners = new PractitionerService(engine);
        this.agenda = new AgendaService(engine);
        this.bookings = new BookingService(engine);
        this.clients = new ClientFile(engine);
        this.jobs = new LifecycleJobs(engine, bookings, builder.jobBatchSize);
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

    /** The jobs a host runs on a schedule: expiry, completion, reminders of unanswered requests. */
    public LifecycleJobs jobs() {
        return jobs;
    }

    public static final class Builder {
        private Stores stores;
        private PaymentGateway payments;
        private Ids ids = new SecureRandomIds();
        private Clock clock = Clock.systemUTC();
        private EngineSettings settings = EngineSettings.of(CommercialModel.PLATFORM_COLLECTS);
        private int jobBatchSize = 500;

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
            this.settings = new EngineSettings(model, settings.providerMinimumCharge());
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

        public Rendezvous build() {
            if (stores == null) {
                stores = InMemoryStores.create();
            }
            if (payments == null) {
                payments = new InMemoryPaymentGateway();
            }
            return new Rendezvous(this);
        }
    }
}
