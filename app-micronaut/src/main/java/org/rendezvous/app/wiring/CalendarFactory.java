package org.rendezvous.app.wiring;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import org.rendezvous.core.CalendarService;
import org.rendezvous.core.Rendezvous;
import org.rendezvous.core.inmemory.InMemoryCalendarFeeds;
import org.rendezvous.core.port.CalendarFeeds;
import org.rendezvous.core.port.Stores;
import org.rendezvous.notifications.CalendarFeedWriter;
import org.rendezvous.notifications.Sender;
import org.rendezvous.notifications.TemplateSettings;
import org.rendezvous.persistence.PostgresStores;

/** CAL-2: the calendar feed tokens beside the stores (sharing their transactions), the feeds and their writer. */
@Factory
final class CalendarFactory {

    @Singleton
    @Requires(property = "rendezvous.database.mode", notEquals = "memory", defaultValue = "embedded")
    CalendarFeeds postgresCalendarFeeds(Stores stores) {
        return PostgresStores.calendarFeeds(stores);
    }

    @Singleton
    @Requires(property = "rendezvous.database.mode", value = "memory")
    CalendarFeeds memoryCalendarFeeds(Stores stores) {
        return InMemoryCalendarFeeds.joining(stores.transactions());
    }

    @Singleton
    CalendarService calendarService(Rendezvous engine, CalendarFeeds feeds) {
        return engine.calendar(feeds);
    }

    /** The events' UIDs end with the sender's domain, as the invitations' do, so calendars see one event per booking. */
    @Singleton
    CalendarFeedWriter calendarFeedWriter(HostSettings host,
                                          @Value("${rendezvous.mail.from:bookings@example.org}") String from,
                                          @Value("${rendezvous.mail.from-name:Rendezvous}") String fromName) {
        String base = host.baseUrl();
        return new CalendarFeedWriter(Sender.of(from, fromName).domain(),
                TemplateSettings.of("Rendezvous", base + "/b/", base + "/dashboard"));
    }
}
