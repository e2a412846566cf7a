package org.rendezvous.app.wiring;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import org.rendezvous.core.ExternalCalendarService;
import org.rendezvous.core.Rendezvous;
import org.rendezvous.core.inmemory.InMemoryExternalCalendars;
import org.rendezvous.core.port.BusyTimeSource;
import org.rendezvous.core.port.ExternalCalendars;
import org.rendezvous.core.port.Stores;
import org.rendezvous.notifications.HttpBusyTimeSource;
import org.rendezvous.persistence.PostgresStores;

/** Issue 14 item 3: the practitioners' own calendars beside the stores (sharing their transactions and agendas). */
@Factory
final class CalendarImportFactory {

    @Singleton
    @Requires(property = "rendezvous.database.mode", notEquals = "memory", defaultValue = "embedded")
    ExternalCalendars postgresExternalCalendars(Stores stores) {
        return PostgresStores.externalCalendars(stores);
    }

    @Singleton
    @Requires(property = "rendezvous.database.mode", value = "memory")
    ExternalCalendars memoryExternalCalendars(Stores stores) {
        return InMemoryExternalCalendars.joining(stores);
    }

    @Singleton
    BusyTimeSource busyTimeSource(CalendarImportSettings settings) {
        return new HttpBusyTimeSource(settings.fetch());
    }

    @Singleton
    ExternalCalendarService externalCalendarService(Rendezvous engine, ExternalCalendars calendars, BusyTimeSource source) {
        return engine.externalCalendars(calendars, source);
    }
}
