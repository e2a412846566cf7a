package org.rendezvous.app.wiring;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import org.rendezvous.core.OperatorService;
import org.rendezvous.core.Rendezvous;
import org.rendezvous.core.inmemory.InMemoryOperatorActions;
import org.rendezvous.core.inmemory.InMemoryOperators;
import org.rendezvous.core.port.OperatorActions;
import org.rendezvous.core.port.Operators;
import org.rendezvous.core.port.Stores;
import org.rendezvous.persistence.PostgresStores;

/** The operator tools: operators' accounts and the audit log, beside the stores and sharing their transactions. */
@Factory
final class OperatorFactory {

    @Singleton
    @Requires(property = "rendezvous.database.mode", notEquals = "memory", defaultValue = "embedded")
    Operators postgresOperators(Stores stores) {
        return PostgresStores.operators(stores);
    }

    @Singleton
    @Requires(property = "rendezvous.database.mode", value = "memory")
    Operators memoryOperators(Stores stores) {
        return InMemoryOperators.joining(stores.transactions());
    }

    @Singleton
    @Requires(property = "rendezvous.database.mode", notEquals = "memory", defaultValue = "embedded")
    OperatorActions postgresOperatorActions(Stores stores) {
        return PostgresStores.operatorActions(stores);
    }

    @Singleton
    @Requires(property = "rendezvous.database.mode", value = "memory")
    OperatorActions memoryOperatorActions(Stores stores) {
        return InMemoryOperatorActions.joining(stores.transactions());
    }

    /** The engine's own, built with the stores above (EngineFactory). */
    @Singleton
    OperatorService operatorService(Rendezvous engine) {
        return engine.operators();
    }
}
