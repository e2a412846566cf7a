package org.rendezvous.app.ops;

import io.micronaut.context.annotation.Requires;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import jakarta.inject.Singleton;
import java.util.Map;
import org.reactivestreams.Publisher;
import io.micronaut.core.async.publisher.Publishers;
import org.rendezvous.app.wiring.DatabaseFactory;

/** The health endpoint says whether the database answers. */
@Singleton
@Requires(beans = DatabaseFactory.Database.class)
final class DatabaseHealth implements HealthIndicator {

    private final DatabaseFactory.Database database;

    DatabaseHealth(DatabaseFactory.Database database) {
        this.database = database;
    }

    @Override
    public Publisher<HealthResult> getResult() {
        return Publishers.just(HealthResult.builder("database", database.answers() ? HealthStatus.UP : HealthStatus.DOWN)
                .details(Map.of("product", "PostgreSQL")).build());
    }
}
