package org.rendezvous.app.wiring;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.time.Duration;
import org.rendezvous.notifications.HttpBusyTimeSource;

/**
 * Issue 14 item 3, settings {@code rendezvous.calendar-import.*}: how often each practitioner's own calendar is
 * fetched ({@code poll-interval}, default 15 minutes), and the fetch's connect and read timeouts and size limit.
 */
@Singleton
public final class CalendarImportSettings {

    private final Duration pollInterval;
    private final HttpBusyTimeSource.Settings fetch;

    CalendarImportSettings(@Value("${rendezvous.calendar-import.poll-interval:15m}") Duration pollInterval,
                           @Value("${rendezvous.calendar-import.connect-timeout:5s}") Duration connectTimeout,
                           @Value("${rendezvous.calendar-import.read-timeout:15s}") Duration readTimeout,
                           @Value("${rendezvous.calendar-import.max-bytes:5242880}") long maxBytes) {
        if (pollInterval.compareTo(Duration.ofMinutes(1)) < 0) {
            throw new IllegalArgumentException("rendezvous.calendar-import.poll-interval: at least 1m");
        }
        this.pollInterval = pollInterval;
        this.fetch = new HttpBusyTimeSource.Settings(connectTimeout, readTimeout, maxBytes);
    }

    public Duration pollInterval() {
        return pollInterval;
    }

    HttpBusyTimeSource.Settings fetch() {
        return fetch;
    }
}
