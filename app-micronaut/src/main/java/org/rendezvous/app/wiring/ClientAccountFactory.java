package org.rendezvous.app.wiring;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import org.rendezvous.core.ClientAccountService;
import org.rendezvous.core.Rendezvous;
import org.rendezvous.core.inmemory.InMemoryClientAccounts;
import org.rendezvous.core.port.ClientAccounts;
import org.rendezvous.core.port.Stores;
import org.rendezvous.persistence.PostgresStores;

/** Clients' accounts (CLI-2), beside the stores and sharing their transactions. */
@Factory
final class ClientAccountFactory {

    @Singleton
    @Requires(property = "rendezvous.database.mode", notEquals = "memory", defaultValue = "embedded")
    ClientAccounts postgresClientAccounts(Stores stores) {
        return PostgresStores.clientAccounts(stores);
    }

    @Singleton
    @Requires(property = "rendezvous.database.mode", value = "memory")
    ClientAccounts memoryClientAccounts(Stores stores) {
        return InMemoryClientAccounts.joining(stores.transactions());
    }

    /** The engine's own, built with the store above (EngineFactory). */
    @Singleton
    ClientAccountService clientAccountService(Rendezvous engine) {
        return engine.clientAccounts();
    }
}
