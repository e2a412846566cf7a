package org.rendezvous.app;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.net.URI;
import java.time.Clock;
import org.rendezvous.core.EngineSettings;
import org.rendezvous.core.Rendezvous;
import org.rendezvous.core.inmemory.InMemoryStores;
import org.rendezvous.core.port.Stores;
import org.rendezvous.core.sandbox.SandboxPaymentGateway;

/** Builds the engine from its adapters; the core itself carries no DI annotation. */
@Factory
final class EngineFactory {

    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }

    @Singleton
    Stores stores() {
        return InMemoryStores.create();
    }

    @Singleton
    SandboxPaymentGateway sandboxPaymentGateway(HostSettings settings) {
        return new SandboxPaymentGateway(URI.create(settings.publicBaseUrl().toString().replaceAll("/+$", "")
                + "/sandbox/checkout/"));
    }

    @Singleton
    Rendezvous rendezvous(HostSettings settings, Stores stores, SandboxPaymentGateway sandbox, Clock clock) {
        Rendezvous engine = Rendezvous.builder()
                .stores(stores)
                .paymentGateway(sandbox)
                .payoutGateway(sandbox)
                .clock(clock)
                .settings(EngineSettings.of(settings.model()).withOperatorZone(settings.zone()))
                .build();
        // The sandbox's events reach the engine as a provider's webhooks would.
        sandbox.onEvent(event -> engine.payments().apply(event));
        return engine;
    }
}
