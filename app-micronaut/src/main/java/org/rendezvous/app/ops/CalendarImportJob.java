package org.rendezvous.app.ops;

import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.rendezvous.app.wiring.CalendarImportSettings;
import org.rendezvous.core.ExternalCalendarService;
import org.rendezvous.core.JobReport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Issue 14 item 3: fetches the practitioners' own calendars not fetched for the poll interval. It runs every
 * {@code rendezvous.jobs.calendar-import-interval} (1 minute) and claims a batch each time; safe on several
 * instances at once (each calendar is claimed by one). Its own bean, beside {@link Jobs}.
 */
@Singleton
@Requires(property = "rendezvous.jobs.enabled", notEquals = "false")
public final class CalendarImportJob {

    private static final Logger LOG = LoggerFactory.getLogger(CalendarImportJob.class);

    private final ExternalCalendarService calendars;
    private final CalendarImportSettings settings;

    CalendarImportJob(ExternalCalendarService calendars, CalendarImportSettings settings) {
        this.calendars = calendars;
        this.settings = settings;
    }

    @Scheduled(fixedDelay = "${rendezvous.jobs.calendar-import-interval:1m}", initialDelay = "50s")
    public void refreshExternalCalendars() {
        try {
            JobReport report = calendars.refreshDue(settings.pollInterval());
            if (report.examined() > 0) {
                LOG.info("job calendar-import: {}", report);
            }
        } catch (RuntimeException failure) {
            LOG.error("job calendar-import failed; it runs again at its next time", failure);
        }
    }
}
